import mammoth from 'mammoth';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { buildExport } from './index';
import { exportFixture, HOSTILE_COMMENT, options } from './testFixture';
import { norm } from './testRead';

const tempDir = useTempDir();

async function read(bytes: Uint8Array) {
  const buffer = Buffer.from(bytes);
  const { value: html, messages } = await mammoth.convertToHtml(
    { buffer },
    {
      styleMap: [
        "p[style-name='Quote'] => blockquote > p:fresh",
        "p[style-name='Citation'] => p.citation:fresh",
      ],
    },
  );
  const doc = new JSDOM(html).window.document;
  for (const br of doc.querySelectorAll('br')) br.replaceWith('\n');
  for (const block of doc.querySelectorAll('p, h1, h2')) block.append('\n');
  return { doc, text: doc.body.textContent ?? '', messages };
}

describe('DOCX export', () => {
  it('opens in mammoth: a heading per group, excerpts in the Quote style, comments, tags, citations, links', async () => {
    const f = await exportFixture(tempDir());
    const built = await buildExport(
      f.library.db,
      options('docx', {
        groupBy: 'tag',
        selection: {
          tags: ['sanctions', 'formula tests'],
          tagMode: 'any',
          articleIds: [],
          dateField: 'passage',
        },
      }),
    );
    if (built.output.kind !== 'file') throw new Error('expected a file');
    const { doc, text, messages } = await read(built.output.bytes);
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    expect([...doc.querySelectorAll('h1')].map((h) => norm(h.textContent ?? ''))).toEqual([
      '#formula tests',
      '#sanctions',
    ]);
    const expected = built.doc.groups.flatMap((g) => g.items.map((i) => norm(i.passage.quote)));
    expect([...doc.querySelectorAll('blockquote')].map((b) => norm(b.textContent ?? ''))).toEqual(
      expected,
    );
    expect(norm(text)).toContain(norm(HOSTILE_COMMENT));
    expect(norm(text)).toContain('Tags: formula tests · sanctions');
    const cites = [...doc.querySelectorAll('p.citation')];
    expect(cites).toHaveLength(4);
    expect(norm(cites[0]!.querySelector('em')?.textContent ?? '')).toBe(f.hostile.title);
    expect([...cites[0]!.querySelectorAll('a')].at(-1)?.getAttribute('href')).toBe(
      `commonplace://passage/${built.doc.groups[0]!.items[0]!.passage.id}`,
    );
    f.library.close();
  });

  it('control characters in excerpts and comments never make an invalid file', async () => {
    const f = await exportFixture(tempDir());
    const built = await buildExport(f.library.db, options('docx'));
    if (built.output.kind !== 'file') throw new Error('expected a file');
    const { doc, text } = await read(built.output.bytes);
    expect(text).toContain('bell nul esc end');
    expect([...doc.querySelectorAll('blockquote')].map((b) => norm(b.textContent ?? ''))).toContain(
      'Putin',
    );
    f.library.close();
  });
});
