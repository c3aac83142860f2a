import { describe, expect, it } from 'vitest';
import { bodyToText, makeBody, paragraph } from './body';
import { bodyContents, currentEntry } from './contents';

describe('bodyContents', () => {
  it('lists the headings at their offsets in the canonical text', () => {
    const body = makeBody([
      { type: 'heading', level: 1, content: [{ text: 'One' }] },
      paragraph('First part.'),
      { type: 'list', ordered: false, items: [[{ text: 'a' }], [{ text: 'b' }]] },
      { type: 'heading', level: 2, content: [{ text: 'Two ' }, { text: 'bold', marks: ['bold'] }] },
      { type: 'code', text: 'x = 1' },
      { type: 'heading', level: 3, content: [{ text: '  ' }] },
      { type: 'heading', level: 2, content: [{ text: 'Three' }] },
    ]);
    const text = bodyToText(body);
    const contents = bodyContents(body);
    expect(contents.map((c) => [c.level, c.title])).toEqual([
      [1, 'One'],
      [2, 'Two bold'],
      [2, 'Three'],
    ]);
    for (const c of contents) expect(text.slice(c.start).startsWith(c.title)).toBe(true);
    expect(currentEntry(contents, 0)).toBe(0);
    expect(currentEntry(contents, contents[1]!.start - 1)).toBe(0);
    expect(currentEntry(contents, contents[1]!.start)).toBe(1);
    expect(currentEntry(contents, text.length)).toBe(2);
    expect(currentEntry([], 5)).toBe(-1);
  });
});
