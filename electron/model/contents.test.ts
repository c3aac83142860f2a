import { describe, expect, it } from 'vitest';
import { bodyToText, makeBody, paragraph } from './body';
import {
  boundedContents,
  bodyContents,
  currentEntry,
  MAX_CONTENTS_ENTRIES,
  MAX_CONTENTS_LEVEL,
  MAX_CONTENTS_TITLE,
} from './contents';

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

describe('boundedContents', () => {
  it('trims titles, clamps levels, drops entries outside the text and beyond the limit', () => {
    expect(
      boundedContents(
        [
          { level: 0, title: '  Opening \n words ', start: 0 },
          { level: 40, title: 'Deep', start: 5 },
          { level: 1, title: '   ', start: 5 },
          { level: 1, title: 'Past the end', start: 11 },
          { level: 1, title: 'Negative', start: -1 },
          { level: 2, title: 'x'.repeat(MAX_CONTENTS_TITLE + 50), start: 10 },
        ],
        10,
      ),
    ).toEqual([
      { level: 1, title: 'Opening words', start: 0 },
      { level: MAX_CONTENTS_LEVEL, title: 'Deep', start: 5 },
      { level: 2, title: 'x'.repeat(MAX_CONTENTS_TITLE), start: 10 },
    ]);
    const many = Array.from({ length: MAX_CONTENTS_ENTRIES + 10 }, (_, i) => ({
      level: 1,
      title: `E${i}`,
      start: 0,
    }));
    expect(boundedContents(many, 0)).toHaveLength(MAX_CONTENTS_ENTRIES);
  });

  it('marks the entry starting nearest above the place, whatever the list order', () => {
    const contents = [
      { level: 1, title: 'Appendix', start: 50 },
      { level: 1, title: 'Part', start: 10 },
      { level: 2, title: 'Its first section', start: 10 },
      { level: 2, title: 'Its second section', start: 30 },
    ];
    expect(currentEntry(contents, 5)).toBe(-1);
    expect(currentEntry(contents, 12)).toBe(2);
    expect(currentEntry(contents, 40)).toBe(3);
    expect(currentEntry(contents, 60)).toBe(0);
  });
});
