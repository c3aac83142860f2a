import { describe, expect, it } from 'vitest';
import { textInParts } from './idleText';

type Content = Parameters<typeof textInParts>[0];

function content(n: number): Content {
  return {
    items: Array.from({ length: n }, (_, i) => ({
      str: `item ${i}`,
      dir: 'ltr',
      width: 10,
      height: 10,
      transform: [1, 0, 0, 1, 0, i],
      fontName: 'f1',
      hasEOL: false,
    })),
    styles: { f1: { fontFamily: 'serif', ascent: 0.8, descent: -0.2, vertical: false } },
    lang: 'en',
  };
}

/** Every part of a stream (the DOM's ReadableStream type has no async iterator). */
async function readAll(stream: ReadableStream<Content>): Promise<Content[]> {
  const reader = stream.getReader();
  const parts: Content[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  return parts;
}

describe('textInParts', () => {
  it('gives the items out in parts, each after a wait, the styles with the first', async () => {
    let waits = 0;
    const stream = textInParts(
      content(120),
      async () => {
        waits++;
      },
      50,
    );
    const parts = await readAll(stream);
    expect(parts.map((p) => p.items.length)).toEqual([50, 50, 20]);
    expect(waits).toBe(3);
    expect(parts.flatMap((p) => p.items.map((i) => ('str' in i ? i.str : '')))).toEqual(
      content(120).items.map((i) => ('str' in i ? i.str : '')),
    );
    expect(Object.keys(parts[0]!.styles)).toEqual(['f1']);
    expect(Object.keys(parts[1]!.styles)).toEqual([]);
    expect(parts.every((p) => p.lang === 'en')).toBe(true);
  });

  it('asks for the next part only when the reader takes one, and stops when cancelled', async () => {
    let waits = 0;
    const stream = textInParts(
      content(200),
      async () => {
        waits++;
      },
      50,
    );
    const reader = stream.getReader();
    await new Promise((r) => setTimeout(r, 10));
    expect(waits).toBe(0);
    expect((await reader.read()).value?.items).toHaveLength(50);
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 10));
    expect(waits).toBe(1);
  });

  it('a page without text is one empty part', async () => {
    const parts = await readAll(textInParts(content(0), async () => undefined));
    expect(parts.map((p) => p.items.length)).toEqual([0]);
  });
});
