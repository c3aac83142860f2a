import { describe, expect, it } from 'vitest';
import { snapToWords } from './wordSnap';

/** Snaps the first occurrence of `selected` in `text` and returns the text it then covers. */
function snapped(text: string, selected: string, from = 0): string {
  const start = text.indexOf(selected, from);
  if (start < 0) throw new Error(`not in the text: ${selected}`);
  const r = snapToWords(text, { start, end: start + selected.length });
  return text.slice(r.start, r.end);
}

const NEWS = 'the proposal of the Foreign Ministry in Moscow on signing a comprehensive treaty.';

describe('snapToWords', () => {
  it('takes the whole word an end falls inside (Latin)', () => {
    expect(snapped(NEWS, 'Moscow on sig')).toBe('Moscow on signing');
    expect(snapped(NEWS, 'oscow on signing')).toBe('Moscow on signing');
    expect(snapped(NEWS, 'scow on sig')).toBe('Moscow on signing');
    expect(snapped(NEWS, 'Ministry in')).toBe('Ministry in');
  });

  it('keeps a selection that lies inside one word', () => {
    expect(snapped(NEWS, 'sig')).toBe('sig');
    expect(snapped(NEWS, 'prehens')).toBe('prehens');
  });

  it('stops at punctuation and keeps punctuation the selection took', () => {
    const text = 'He said: “accept the proposal”, then left.';
    expect(snapped(text, 'accept the propo')).toBe('accept the proposal');
    expect(snapped(text, '“accept the propo')).toBe('“accept the proposal');
    expect(snapped(text, 'posal”, th')).toBe('proposal”, then');
    expect(snapped(NEWS, 'comprehensive treaty.')).toBe('comprehensive treaty.');
  });

  it('treats an apostrophe inside a word as part of it', () => {
    const text = "They don't agree; the officials’ view";
    expect(snapped(text, 'They do')).toBe("They don't");
    expect(snapped(text, 't agree')).toBe("don't agree");
    // A trailing apostrophe may be a closing quote: not taken.
    expect(snapped(text, 'the officia')).toBe('the officials');
  });

  it('takes each part of a hyphenated compound on its own', () => {
    const text = 'a well-known long-term plan';
    expect(snapped(text, 'a well-kn')).toBe('a well-known');
    expect(snapped(text, 'll-known')).toBe('well-known');
    expect(snapped(text, 'known long-te')).toBe('known long-term');
  });

  it('segments CJK text into its words', () => {
    const zh = '我们在北京签署了协议';
    expect(snapped(zh, '在北')).toBe('在北京');
    expect(snapped(zh, '京签')).toBe('北京签署');
    // Inside one word (北京): kept.
    expect(snapped(zh, '北')).toBe('北');
    const ja = '東京都に住んでいます';
    expect(snapped(ja, '京都に')).toBe('東京都に');
  });

  it('never cuts an emoji ZWJ sequence or a flag', () => {
    const family = '👩‍👩‍👧';
    const text = `our ${family} trip`;
    const start = text.indexOf('our');
    // Ends after the first emoji of the sequence (before its ZWJ).
    const r = snapToWords(text, { start, end: text.indexOf(family) + 2 });
    expect(text.slice(r.start, r.end)).toBe(`our ${family}`);
    const flag = 'to 🇰🇵 now';
    const f = snapToWords(flag, { start: 0, end: 5 });
    expect(flag.slice(f.start, f.end)).toBe('to 🇰🇵');
  });

  it('never cuts a combining mark from its letter', () => {
    const text = 'le cafe\u0301 noir';
    // Ends between "e" and its combining acute accent.
    const r = snapToWords(text, { start: 0, end: text.indexOf('\u0301') });
    expect(text.slice(r.start, r.end)).toBe('le cafe\u0301');
    // Inside one word, still whole graphemes.
    const inner = snapToWords(text, {
      start: text.indexOf('e\u0301'),
      end: text.indexOf('\u0301'),
    });
    expect(text.slice(inner.start, inner.end)).toBe('e\u0301');
  });

  it('works far into a long text (only the ends are segmented)', () => {
    const text = `${'lorem ipsum '.repeat(50_000)}Moscow on signing`;
    expect(snapped(text, 'Moscow on sig')).toBe('Moscow on signing');
  });

  it('leaves an empty range alone', () => {
    expect(snapToWords('abc', { start: 1, end: 1 })).toEqual({ start: 1, end: 1 });
  });
});
