import { describe, expect, it } from 'vitest';
import { CJK, EMOJI, ESSAY, putinArticle } from '../../../test/anchoring-corpus/texts';
import { prng } from '../../../test/anchoring-corpus/synthetic';
import {
  describeRange,
  findQuote,
  reanchor,
  reanchorAll,
  type Placement,
  type Selectors,
} from './index';
import { splitsSurrogatePair } from './unicode';

const P = putinArticle();

function select(text: string, quote: string, occurrence = 1): Selectors {
  const { start, end } = findQuote(text, quote, occurrence);
  return describeRange(text, start, end);
}

function placed(p: Placement): { status: string; text: string; start: number } {
  if (p.status === 'orphaned') return { status: 'orphaned', text: '', start: -1 };
  return { status: p.status, text: p.exact, start: p.start };
}

describe('reanchor: the three stages and their statuses', () => {
  const sel = select(P, 'signed a presidential decree');

  it('keeps an unchanged passage where it was (position, score 1)', () => {
    expect(reanchor(P, sel)).toEqual({
      status: 'position',
      ...sel.position,
      exact: sel.quote.exact,
      score: 1,
    });
  });

  it('finds a moved passage by its exact quote', () => {
    const text = 'Breaking: a correction was added.\n\n' + P;
    const got = reanchor(text, sel);
    expect(got).toMatchObject({
      status: 'quote',
      start: sel.position.start + 35,
      exact: sel.quote.exact,
    });
    if (got.status !== 'orphaned') expect(got.score).toBeGreaterThan(0.95);
  });

  it('finds an edited passage fuzzily and reports the text now there', () => {
    const text = P.replace('signed a presidential decree', 'signed a presidental decree');
    const got = reanchor(text, sel);
    expect(got).toMatchObject({
      status: 'fuzzy',
      start: sel.position.start,
      exact: 'signed a presidental decree',
    });
    if (got.status !== 'orphaned') expect(got.score).toBeLessThan(1);
  });

  it('does not trust a position whose text is the same but whose context is not (a one-letter passage)', () => {
    const original = 'Mark (L) and also L here.';
    const one = describeRange(original, 6, 7);
    // Seven units inserted in front: the old offset 6 now holds a decoy "L" with other neighbours.
    const text = 'ABCDEFL' + original;
    expect(text[6]).toBe('L');
    expect(placed(reanchor(text, one))).toEqual({ status: 'quote', text: 'L', start: 13 });
  });
});

describe('reanchor: edits around and inside the passage', () => {
  const cases: Array<[string, string, (t: string) => string, string | null]> = [
    [
      'insertion before',
      'a pivotal opportunity',
      (t) => t.replace('Putin underscored', 'On Tuesday, Putin underscored'),
      'a pivotal opportunity',
    ],
    [
      'insertion inside',
      'a pivotal opportunity to broaden',
      (t) => t.replace('pivotal opportunity', 'pivotal and historic opportunity'),
      'a pivotal and historic opportunity to broaden',
    ],
    [
      'deletion before',
      'a key currency, thereby diminishing',
      (t) => t.replace('"If significant progress is achieved this time, it seems ', '"It seems '),
      'a key currency, thereby diminishing',
    ],
    [
      'deletion inside',
      'a key currency, thereby diminishing the dominance',
      (t) => t.replace('currency, thereby diminishing', 'currency, diminishing'),
      'a key currency, diminishing the dominance',
    ],
    [
      'whitespace collapsed',
      'Moscow and Pyongyang intend to bolster',
      (t) => t.replace('Moscow and Pyongyang intend', 'Moscow and  Pyongyang\tintend'),
      'Moscow and  Pyongyang\tintend to bolster',
    ],
    [
      'dash changed',
      'of 1961 -- the one the DPRK',
      (t) => t.replace('1961 -- the one', '1961—the one'),
      'of 1961—the one the DPRK',
    ],
    [
      'paragraph split',
      'early Wednesday morning. Originally planned',
      (t) => t.replace('morning. Originally', 'morning.\n\nOriginally'),
      'early Wednesday morning.\n\nOriginally planned',
    ],
    [
      'typo fixed',
      'Mikhail Murashko and Oleg Kozhemyako',
      (t) => t.replace('Murashko and', 'Murashko, and'),
      'Mikhail Murashko, and Oleg Kozhemyako',
    ],
    [
      'paragraph rewritten',
      'Experts in Seoul shared the view',
      (t) =>
        t.replace(
          /Experts in Seoul shared the view[^\n]*/,
          'Analysts doubt the summit will change much on the ground.',
        ),
      null,
    ],
    ['article replaced', 'Experts in Seoul shared the view', () => ESSAY, null],
    ['article emptied', 'Experts in Seoul shared the view', () => '', null],
  ];
  it.each(cases)('%s', (_name, quote, edit, expected) => {
    const got = reanchor(edit(P), select(P, quote));
    if (expected === null) expect(got).toEqual({ status: 'orphaned' });
    else expect(placed(got).text).toBe(expected);
  });

  it('keeps a passage on its own copy of a duplicated sentence', () => {
    const quote = 'Putin also highlighted that Moscow and Pyongyang are';
    const sel = select(P, quote);
    // A copy of the whole sentence goes in well before it; the original stays, and so must the passage.
    const copy = P.slice(sel.position.start, P.indexOf('\n', sel.position.start));
    const text = P.replace('The decree also said', copy + '\n\nThe decree also said');
    const got = reanchor(text, sel);
    expect(got).toMatchObject({ status: 'quote', ...findQuote(text, quote, 2) });
    // When the original copy is then edited, it still wins over the clean copy elsewhere.
    const at = findQuote(text, quote, 2).start;
    const edited = text.slice(0, at) + text.slice(at).replace('Pyongyang are', 'Pyongyang were');
    expect(placed(reanchor(edited, sel))).toEqual({
      status: 'fuzzy',
      text: 'Putin also highlighted that Moscow and Pyongyang were',
      start: at,
    });
  });
});

describe('reanchor: scripts and sizes', () => {
  it('re-anchors Chinese text after an insertion and a corrected character', () => {
    const sel = select(CJK, '他花了三十多年时间，一条一条地积累');
    const text = CJK.replace('在中国古代', '早在中国古代').replace(
      '一条一条地积累',
      '一条一条的积累',
    );
    expect(placed(reanchor(text, sel))).toMatchObject({
      status: 'fuzzy',
      text: '他花了三十多年时间，一条一条的积累',
    });
  });

  it('handles a passage of one or two characters', () => {
    const one = describeRange(CJK, CJK.indexOf('札记的好处'), CJK.indexOf('札记的好处') + 1);
    const text = '前言\n\n' + CJK;
    expect(placed(reanchor(text, one))).toEqual({
      status: 'quote',
      text: '札',
      start: one.position.start + 4,
    });
    const two = select(P, 'IT');
    expect(placed(reanchor('Note.\n\n' + P, two))).toEqual({
      status: 'quote',
      text: 'IT',
      start: two.position.start + 7,
    });
  });

  it('re-anchors a 5,000-character passage after edits inside it, within a bounded time', () => {
    const start = P.indexOf('The purpose of Putin');
    const sel = describeRange(P, start, start + 5000);
    const text = P.replace('pivotal opportunity', 'pivotal oportunity')
      .replace('no substantial progress', 'no real progress')
      .replace('Send to', 'Send this article to');
    const t0 = performance.now();
    const got = reanchor(text, sel);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(got).toMatchObject({
      status: 'fuzzy',
      start: start + 13,
      end: start + 13 + 5000 - 1 - 7,
    });
  });

  it('never splits a surrogate pair, whatever the edits (random edits on emoji text)', () => {
    const rand = prng(21);
    const pieces = ['😀', '🇰🇷', '👍🏽', ' ', 'a', 'é', '中', '\n\n', '—'];
    let checked = 0;
    for (let round = 0; round < 150; round++) {
      const units = Array.from(EMOJI);
      const a = Math.floor(rand() * (units.length - 30));
      const b = a + 1 + Math.floor(rand() * 25);
      const before = units.slice(0, a).join('');
      const sel = describeRange(
        units.join(''),
        before.length,
        before.length + units.slice(a, b).join('').length,
      );
      for (let e = 0; e < 3; e++) {
        const at = Math.floor(rand() * units.length);
        units.splice(at, rand() < 0.5 ? 1 : 0, pieces[Math.floor(rand() * pieces.length)]!);
      }
      const text = units.join('');
      const got = reanchor(text, sel);
      if (got.status === 'orphaned') continue;
      checked++;
      expect(splitsSurrogatePair(text, got.start) || splitsSurrogatePair(text, got.end)).toBe(
        false,
      );
      expect(got.exact).toBe(text.slice(got.start, got.end));
      expect(() => describeRange(text, got.start, got.end)).not.toThrow();
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('reanchor: hostile selectors never throw', () => {
  const good = select(P, 'signed a presidential decree');
  const bad: Array<[string, Selectors]> = [
    [
      'empty quote',
      { quote: { exact: '', prefix: '', suffix: '' }, position: { start: 0, end: 0 } },
    ],
    ['NaN position', { quote: good.quote, position: { start: Number.NaN, end: Number.NaN } }],
    ['negative position', { quote: good.quote, position: { start: -50, end: -10 } }],
    ['position past the end', { quote: good.quote, position: { start: 1e9, end: 1e9 + 28 } }],
    ['reversed position', { quote: good.quote, position: { start: 800, end: 700 } }],
    [
      'non-string context',
      {
        quote: {
          exact: good.quote.exact,
          prefix: null,
          suffix: 42,
        } as unknown as Selectors['quote'],
        position: good.position,
      },
    ],
    [
      'invisible-only quote',
      { quote: { exact: '\u200b', prefix: 'x', suffix: 'y' }, position: { start: 0, end: 1 } },
    ],
  ];
  it.each(bad)('%s', (name, sel) => {
    const got = reanchor(P, sel);
    if (name === 'empty quote' || name === 'invisible-only quote')
      expect(got).toEqual({ status: 'orphaned' });
    else expect(got).toMatchObject({ exact: good.quote.exact, start: good.position.start });
  });

  it('stays fast for a one-letter quote in a megabyte of the same letters', () => {
    const text = 'ab'.repeat(500_000);
    const sel: Selectors = {
      quote: { exact: 'a', prefix: 'zz', suffix: 'zz' },
      position: { start: 3, end: 4 },
    };
    const t0 = performance.now();
    reanchor(text, sel);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('reanchorAll', () => {
  it('gives, in order, what reanchor gives for each passage', () => {
    const text = P.replace('signed a presidential decree', 'signed a decree').replace(
      'Send to',
      'Share',
    );
    const sels = [
      'signed a presidential decree',
      'Vostochny Cosmodrome',
      'Putin',
      'rules-based order',
    ].map((q) => select(P, q));
    expect(reanchorAll(text, sels)).toEqual(sels.map((s) => reanchor(text, s)));
    expect(reanchorAll(text, [])).toEqual([]);
  });
});
