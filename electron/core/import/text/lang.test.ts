import { describe, expect, it } from 'vitest';
import { guessLang, scriptCounts, scriptOf } from './lang';

describe('guessLang', () => {
  it.each([
    ['정부가 올해 전기차 구매 보조금 체계를 개편했다.', 'ko'],
    ['東京都は新しい計画を発表した。', 'ja'],
    ['北京市政府今天发布了新的计划。', 'zh'],
    ['Правительство объявило о новом плане.', 'ru'],
    ['Уряд оголосив про нову програму підтримки.', 'uk'],
    ['أعلنت الحكومة عن خطة جديدة اليوم.', 'ar'],
    ['دولت امروز برنامه جدیدی را اعلام کرد که چندین پروژه را پوشش می‌دهد.', 'fa'],
    ['הממשלה הודיעה היום על תוכנית חדשה.', 'he'],
    ['Η κυβέρνηση ανακοίνωσε νέο σχέδιο.', 'el'],
    ['รัฐบาลประกาศแผนใหม่วันนี้', 'th'],
  ])('%s → %s', (text, lang) => {
    expect(guessLang([text])).toBe(lang);
  });

  it('says nothing for Latin script, mixed scripts, or too little text', () => {
    expect(guessLang(['The government announced a new plan today.'])).toBeNull();
    expect(guessLang(['Le gouvernement a annoncé un nouveau plan.'])).toBeNull();
    expect(
      guessLang([
        'Putin met Kim (김정은) in Pyongyang on Wednesday for talks on trade and security.',
      ]),
    ).toBeNull();
    expect(guessLang(['😀🎉', '123'])).toBeNull();
    expect(guessLang(['가나'])).toBeNull();
  });
});

describe('scriptCounts', () => {
  // The per-character loop it replaced (a string and a regex test per character): the oracle.
  function reference(texts: readonly string[]) {
    const counts: Record<string, number> = {};
    let letters = 0;
    const marks = { uk: 0, sr: 0, fa: 0, ur: 0 };
    outer: for (const text of texts)
      for (const ch of text) {
        const script = scriptOf(ch.codePointAt(0) ?? 0);
        if (script === null && !/\p{L}/u.test(ch)) continue;
        counts[script ?? 'other'] = (counts[script ?? 'other'] ?? 0) + 1;
        letters++;
        if ('іїєґІЇЄҐ'.includes(ch)) marks.uk++;
        else if ('ђјљњћџЂЈЉЊЋЏ'.includes(ch)) marks.sr++;
        else if ('ٹڈڑںےۓ'.includes(ch)) marks.ur++;
        else if ('پچژگ'.includes(ch)) marks.fa++;
        if (letters >= 20_000) break outer;
      }
    return { counts, letters, marks };
  }

  it('counts as the per-character loop did, ASCII, other scripts, astral and lone surrogates alike', () => {
    const pool = [
      ...'azAZ@[`{09 \n\t~',
      ...'éßñØ',
      ...'정부가東京都は北京市Правительство',
      ...'іїђјٹپأעηรั',
      '😀',
      '𠀀',
      '\ud800',
      '\udc00',
    ];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      const parts = Array.from({ length: 1 + Math.floor(rand() * 3) }, () =>
        Array.from(
          { length: Math.floor(rand() * 200) },
          () => pool[Math.floor(rand() * pool.length)],
        ).join(''),
      );
      const got = scriptCounts(parts);
      const want = reference(parts);
      const nonZero = Object.fromEntries(Object.entries(got.counts).filter(([, v]) => v > 0));
      expect({ ...got, counts: nonZero }).toEqual(want);
    }
    // The sample's cap, reached in the middle of a text.
    const long = ['a'.repeat(15_000), 'é'.repeat(10_000)];
    expect(scriptCounts(long)).toEqual({ ...reference(long), counts: expect.anything() });
    expect(scriptCounts(long).letters).toBe(20_000);
  });
});
