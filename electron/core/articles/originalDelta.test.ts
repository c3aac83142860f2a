import { describe, expect, it } from 'vitest';
import { prng } from '../../test/prng';
import { decodeDelta, encodeDelta } from './originalDelta';

const TEXT = Array.from(
  { length: 12 },
  (_, i) =>
    `Paragraph ${i}: the ferry timetable changed in spring, and the harbour master wrote it down. 평양 😀 café`,
).join('\n\n');

const roundTrip = (file: Buffer, text: Buffer) => {
  const delta = encodeDelta(file, text);
  expect(delta).not.toBeNull();
  expect(decodeDelta(delta!, text, file.length)).toEqual(file);
  return delta!;
};

describe('an original as a delta against its text', () => {
  it('copies the whole text when the file holds it, with what comes before and after as literals', () => {
    const text = Buffer.from(TEXT);
    const file = Buffer.from(`Title line\n\n${TEXT}\n-- \nsignature\n`);
    expect(roundTrip(file, text).length).toBeLessThan(60);
  });

  it.each([
    ['CRLF line ends', (t: string) => t.replaceAll('\n', '\r\n')],
    ['a byte order mark', (t: string) => `\ufeff${t}`],
    ['trailing whitespace on lines', (t: string) => t.replaceAll('\n\n', '  \t\n\n')],
    ['NFD where the text is NFC', (t: string) => t.normalize('NFD')],
    ['front matter and a heading', (t: string) => `---\ntitle: x\n---\n\n# Heading\n\n${t}`],
    ['a middle paragraph left out', (t: string) => t.replace(/Paragraph 5[^\n]*\n\n/, '')],
  ])('reproduces a file with %s exactly, mostly from copies', (_, edit) => {
    const text = Buffer.from(TEXT);
    const file = Buffer.from(edit(TEXT));
    expect(file.equals(text)).toBe(false);
    expect(roundTrip(file, text).length).toBeLessThan(file.length / 3);
  });

  it('declines a file the text does not make up most of, and a text too short to copy', () => {
    const rand = prng(7);
    const noise = Buffer.from(Array.from({ length: 4000 }, () => Math.floor(rand() * 256)));
    expect(encodeDelta(noise, Buffer.from(TEXT))).toBeNull();
    expect(
      encodeDelta(Buffer.from(`${TEXT}${noise.toString('hex')}`), Buffer.from(TEXT)),
    ).toBeNull();
    expect(encodeDelta(Buffer.from('short'), Buffer.from('short'))).toBeNull();
  });

  it('reproduces random edits of random text', () => {
    const rand = prng(11);
    for (let round = 0; round < 30; round++) {
      const text = Buffer.from(
        Array.from({ length: 500 + Math.floor(rand() * 3000) }, () => 32 + Math.floor(rand() * 90)),
      );
      const parts: Buffer[] = [];
      for (let at = 0; at < text.length;) {
        const n = 1 + Math.floor(rand() * 400);
        if (rand() < 0.85) parts.push(text.subarray(at, at + n));
        if (rand() < 0.3) parts.push(Buffer.from([0, 13, 255, Math.floor(rand() * 256)]));
        at += n;
      }
      const file = Buffer.concat(parts);
      const delta = encodeDelta(file, text);
      if (delta) expect(decodeDelta(delta, text, file.length)).toEqual(file);
    }
  });

  it('names what is wrong with a damaged delta instead of writing past its size or its text', () => {
    const text = Buffer.from(TEXT);
    const file = Buffer.from(`Title\n\n${TEXT}`);
    const delta = encodeDelta(file, text)!;
    expect(decodeDelta(delta, text, file.length - 1)).toMatch(/more than its/);
    expect(decodeDelta(delta, text, file.length + 1)).toMatch(/bytes, not/);
    expect(decodeDelta(delta, text.subarray(0, 100), file.length)).toMatch(/outside the text/);
    expect(decodeDelta(delta.subarray(0, 3), text, file.length)).toMatch(/cut-off|bytes, not/);
    expect(decodeDelta(Buffer.from([0xff]), text, file.length)).toMatch(/cut-off op/);
  });
});
