import { describe, expect, it } from 'vitest';
import { bodyToText, makeBody, paragraph } from '../../../electron/model/body';
import { pageBreakBlocks } from './pageBreaks';

const body = makeBody([
  paragraph('First page text.'),
  paragraph('Still page one.'),
  paragraph('Page two starts.'),
  { type: 'list', ordered: false, items: [[{ text: 'a' }], [{ text: 'b' }]] },
  paragraph('Page three.'),
]);
const text = bodyToText(body);

describe('pageBreakBlocks', () => {
  it('finds the block each page starts at', () => {
    const pages = [
      { label: '1', start: 0 },
      { label: '2', start: text.indexOf('Page two') },
      { label: '3', start: text.indexOf('Page three') },
    ];
    expect(pageBreakBlocks(body, pages)).toEqual([
      [0, '1'],
      [2, '2'],
      [4, '3'],
    ]);
  });

  it('marks the block holding a start that falls inside it, and ignores starts past the text', () => {
    expect(
      pageBreakBlocks(body, [
        { label: 'x', start: text.indexOf('page one') },
        { label: 'y', start: text.length + 50 },
      ]),
    ).toEqual([[1, 'x']]);
    expect(pageBreakBlocks(body, undefined)).toEqual([]);
    expect(pageBreakBlocks(makeBody([]), [{ label: '1', start: 0 }])).toEqual([]);
  });
});
