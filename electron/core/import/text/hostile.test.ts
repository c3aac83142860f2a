import { describe, expect, it } from 'vitest';
import { bodyToText } from '../../../model/body';
import { isCommonplaceError } from '../../errors';
import { shapeOf } from './fixture-helpers';
import { parsePastedText } from './index';

const MB = 1024 * 1024;

function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length));
}

function timed<T>(fn: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start };
}

/**
 * Quadratic work on these sizes takes minutes to hours; linear work takes about a second even on
 * a loaded two-core machine, so a generous bound separates them without flaking.
 */
const LINEAR_BUDGET_MS = 20_000;

describe('large inputs stay linear', () => {
  it('10 MB of prose paragraphs', () => {
    const para =
      'The committee met on Tuesday and agreed, after a long debate about budgets and timing, to postpone the vote.';
    const text = `A long report\n\nBy Jane Doe\n\n${fill(`${para}\n\n`, 10 * MB)}`;
    const { result, ms } = timed(() => parsePastedText(text, 'big.txt'));
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    expect(result.title).toBe('A long report');
    expect(result.body.blocks.length).toBe(text.split(para).length - 1);
    expect(result.body.blocks.every((b) => b.type === 'paragraph')).toBe(true);
  }, 60_000);

  it('10 MB of one-sentence lines with no blank lines at all', () => {
    const text = fill('Short sentence here.\n', 10 * MB);
    const { result, ms } = timed(() => parsePastedText(text, 'lines.txt'));
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    expect(result.body.blocks.length).toBe(text.split('\n').length - 1);
  }, 60_000);

  it('a single 10 MB line', () => {
    const text = fill('word ', 10 * MB);
    const { result, ms } = timed(() => parsePastedText(text, 'line.txt'));
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    expect(bodyToText(result.body)).toBe(text.trim());
    expect(result.title.length).toBeLessThanOrEqual(100);
  }, 60_000);

  it.each([
    [
      'hard-wrapped lines',
      () => fill('the quick brown fox jumps over the lazy dog and keeps on\n', 3 * MB),
    ],
    ['bullets split by blank lines', () => fill('• item text\n\n', 3 * MB)],
    ['bylines', () => fill('By Jane Doe\n\n', 3 * MB)],
    ['chrome', () => fill('Share\n\n', 3 * MB)],
    ['captions', () => `T\n\nBy X\n\n${fill('A man walks. (Yonhap)\n', 3 * MB)}`],
    ['subhead-like lines', () => `T\n\nBy X\n\n${fill('Heading Here\nbody para.\n', 3 * MB)}`],
  ])(
    '3 MB of %s',
    (_name, make) => {
      const text = make();
      const { result, ms } = timed(() => parsePastedText(text, 'x.txt'));
      expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
      expect(result.body.blocks.length).toBeGreaterThan(0);
    },
    60_000,
  );
});

describe('100k-character lines', () => {
  const K100 = 100_000;
  it.each([
    ['spaces before one word', `${' '.repeat(K100)}word`, 'word'],
    ['open parentheses before a credit', `${'('.repeat(K100)} (Yonhap)`, null],
    ['a byline that never ends', `By ${'Abc '.repeat(K100 / 4)}`, null],
    ['digits and colons', '1:'.repeat(K100 / 2), null],
    ['a name-like run', 'Jane '.repeat(K100 / 5), null],
    ['zero-width characters', '\u200b'.repeat(K100) + 'word', 'word'],
    ['bracket soup', '[('.repeat(K100 / 2), null],
  ])('%s', (_name, line, expectedText) => {
    const text = `Title here\n\n${line}\n\nSecond paragraph.`;
    const { result, ms } = timed(() => parsePastedText(text, 'x.txt'));
    expect(ms).toBeLessThan(5_000);
    expect(result.title).toBe('Title here');
    const blocks = shapeOf(result);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toEqual({ type: 'paragraph', text: expectedText ?? line.trim() });
    expect(blocks[1]).toEqual({ type: 'paragraph', text: 'Second paragraph.' });
    expect([result.byline, result.published]).toEqual([null, null]);
  });
});

describe('odd characters', () => {
  it('only emoji', () => {
    const a = parsePastedText('😀🎉👍🏽👨‍👩‍👧\n\n🎉', 'emoji.txt');
    expect(a.title).toBe('emoji');
    expect(shapeOf(a)).toEqual([
      { type: 'paragraph', text: '😀🎉👍🏽👨‍👩‍👧' },
      { type: 'paragraph', text: '🎉' },
    ]);
    expect(a.lang).toBeNull();
  });

  it('a long emoji paragraph is cut between graphemes, never inside one', () => {
    const family = '👨‍👩‍👧';
    const a = parsePastedText(`Note\n\n${family.repeat(200)}`, 'x.txt');
    const excerpt = a.excerpt ?? '';
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.slice(0, -1).length % family.length).toBe(0);
  });

  it('Hebrew text with directional marks: kept as written, language guessed', () => {
    const text =
      '\u200fכותרת המאמר\n\n\u200f\n\nהממשלה הודיעה היום על תוכנית חדשה לתחבורה ציבורית בערים הגדולות.\n\nהתוכנית תיכנס לתוקף בשנה הבאה.';
    const a = parsePastedText(text, 'he.txt');
    expect(a.title).toBe('\u200fכותרת המאמר');
    expect(a.lang).toBe('he');
    expect(shapeOf(a)).toEqual([
      {
        type: 'paragraph',
        text: 'הממשלה הודיעה היום על תוכנית חדשה לתחבורה ציבורית בערים הגדולות.',
      },
      { type: 'paragraph', text: 'התוכנית תיכנס לתוקף בשנה הבאה.' },
    ]);
  });

  it('Arabic article with a byline', () => {
    const a = parsePastedText(
      'خطة جديدة للنقل العام\n\nBy Layla Haddad\n\nأعلنت الحكومة اليوم عن خطة جديدة للنقل العام في المدن الكبرى.',
      'ar.txt',
    );
    expect([a.title, a.byline, a.lang]).toEqual(['خطة جديدة للنقل العام', 'Layla Haddad', 'ar']);
  });

  it('zero-width characters: invisible at line edges and on "blank" lines, kept inside text', () => {
    const text =
      '\u200bSend to\u200b\n\u200b\n\u200bA headline\u200d\n\u2060\nBy Ana\u200bRuiz\n\nHer\u200dald of \ufeffspring.\n';
    const a = parsePastedText(text, 'zw.txt');
    expect(a.title).toBe('A headline');
    expect(a.byline).toBe('AnaRuiz');
    expect(shapeOf(a)).toEqual([{ type: 'paragraph', text: 'Her\u200dald of \ufeffspring.' }]);
  });

  it('a file of only invisible characters is empty', () => {
    let error: unknown;
    try {
      parsePastedText('\u200b\n\ufeff\u200d\n\u00a0', 'blank.txt');
    } catch (e) {
      error = e;
    }
    expect(isCommonplaceError(error) && error.code).toBe('empty_file');
  });
});

describe('tricky bylines and dates', () => {
  it('"By" alone with the name on the next line', () => {
    const a = parsePastedText('A headline\n\nBy\n\nJane Doe\n\nThe first paragraph.', 'x.txt');
    expect([a.title, a.byline]).toEqual(['A headline', 'Jane Doe']);
    expect(shapeOf(a)).toEqual([{ type: 'paragraph', text: 'The first paragraph.' }]);
  });

  it('"By" alone before prose stays text', () => {
    const a = parsePastedText('A headline\n\nBy\n\nthe river we walked until dark.', 'x.txt');
    expect(a.byline).toBeNull();
    expect(shapeOf(a)).toEqual([
      { type: 'paragraph', text: 'By' },
      { type: 'paragraph', text: 'the river we walked until dark.' },
    ]);
  });

  it('a file that is only "By"', () => {
    const a = parsePastedText('By', 'by.txt');
    expect([a.title, a.byline]).toEqual(['By', null]);
    expect(shapeOf(a)).toEqual([{ type: 'paragraph', text: 'By' }]);
  });

  it.each([
    'February 30, 2024',
    '2024-02-30',
    '2023-02-29T10:00:00Z',
    'June 31, 2024 - 16:20',
    '31/02/2024',
  ])('an impossible date (%s) yields no published date and is not dropped', (date) => {
    const a = parsePastedText(
      `A headline\n\nBy Jane Doe\n\n${date}\n\nThe first paragraph.`,
      'x.txt',
    );
    expect(a.published).toBeNull();
    expect(a.byline).toBe('Jane Doe');
    expect(bodyToText(a.body)).toContain(date);
  });

  it('a prose paragraph starting with "By" after the header is body text', () => {
    const a = parsePastedText(
      'A headline\n\nBy Jane Doe\n\nBy the time the polls closed, turnout had reached a record.',
      'x.txt',
    );
    expect(a.byline).toBe('Jane Doe');
    expect(shapeOf(a)).toEqual([
      { type: 'paragraph', text: 'By the time the polls closed, turnout had reached a record.' },
    ]);
  });

  it('chrome words inside body prose are kept; a lone "Share" mid-article is kept too', () => {
    const a = parsePastedText(
      'A headline\n\nBy Jane Doe\n\nShare prices fell.\n\nShare\n\nPrint editions sold out.',
      'x.txt',
    );
    expect(shapeOf(a).map((b) => ('text' in b ? b.text : ''))).toEqual([
      'Share prices fell.',
      'Share',
      'Print editions sold out.',
    ]);
  });

  it('a "***" section break mid-article is kept, at the end it is dropped', () => {
    const a = parsePastedText('A headline\n\nBy Jane Doe\n\nOne.\n\n***\n\nTwo.\n\n***', 'x.txt');
    expect(shapeOf(a).map((b) => ('text' in b ? b.text : ''))).toEqual(['One.', '***', 'Two.']);
  });

  it('"(Yonhap)" signing off the last paragraph is not a caption', () => {
    const a = parsePastedText(
      'A headline\n\nBy Jane Doe\n\nOfficials met on Monday. (Yonhap)\n\nThe talks will resume in May, the ministry said. (Yonhap)',
      'x.txt',
    );
    expect(shapeOf(a).map((b) => b.type)).toEqual(['caption', 'paragraph']);
  });
});
