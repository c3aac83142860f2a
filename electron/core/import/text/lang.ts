/**
 * A language guess from the writing system alone, made only where the script nearly settles it
 * (Hangul → ko, Kana → ja, Han without Kana → zh, Cyrillic → ru/uk/sr, Arabic → ar/fa/ur,
 * Hebrew, Greek, Thai). Latin-script text could be any of hundreds of languages: null.
 */

type Script =
  'hangul' | 'kana' | 'han' | 'cyrillic' | 'arabic' | 'hebrew' | 'greek' | 'thai' | 'other';

/** Enough letters to judge by; the head of a long article says as much as the whole. */
const SAMPLE_LETTERS = 20_000;
const MIN_LETTERS = 4;

export function scriptOf(cp: number): Script | null {
  if (
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0x1100 && cp <= 0x11ff) ||
    (cp >= 0x3130 && cp <= 0x318f)
  )
    return 'hangul';
  if (
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0xff66 && cp <= 0xff9f)
  )
    return 'kana';
  if (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x2ffff)
  )
    return 'han';
  if (cp >= 0x0400 && cp <= 0x052f) return 'cyrillic';
  if (
    (cp >= 0x0600 && cp <= 0x06ff) ||
    (cp >= 0x0750 && cp <= 0x077f) ||
    (cp >= 0x08a0 && cp <= 0x08ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfefc)
  )
    return 'arabic';
  if ((cp >= 0x0590 && cp <= 0x05ff) || (cp >= 0xfb1d && cp <= 0xfb4f)) return 'hebrew';
  if ((cp >= 0x0370 && cp <= 0x03ff) || (cp >= 0x1f00 && cp <= 0x1fff)) return 'greek';
  if (cp >= 0x0e00 && cp <= 0x0e7f) return 'thai';
  return null;
}

const LETTER = /\p{L}/u;

/** The letters of `texts` by script (up to SAMPLE_LETTERS), with the marks that tell related languages apart. */
export function scriptCounts(texts: readonly string[]) {
  const counts: Record<Script, number> = {
    hangul: 0,
    kana: 0,
    han: 0,
    cyrillic: 0,
    arabic: 0,
    hebrew: 0,
    greek: 0,
    thai: 0,
    other: 0,
  };
  let letters = 0;
  const marks = { uk: 0, sr: 0, fa: 0, ur: 0 };
  outer: for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp < 0x80) {
        // ASCII, most of most texts: a letter only in A–Z and a–z, of no script or mark below. Told
        // apart without a string and a regex test per character, which made this the slowest step of
        // importing a text file.
        const lower = cp | 0x20;
        if (lower >= 0x61 && lower <= 0x7a) {
          counts.other++;
          if (++letters >= SAMPLE_LETTERS) break outer;
        }
        continue;
      }
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      const ch = String.fromCodePoint(cp);
      const script = scriptOf(cp);
      if (script === null && !LETTER.test(ch)) continue;
      counts[script ?? 'other']++;
      letters++;
      if ('іїєґІЇЄҐ'.includes(ch)) marks.uk++;
      else if ('ђјљњћџЂЈЉЊЋЏ'.includes(ch)) marks.sr++;
      else if ('ٹڈڑںےۓ'.includes(ch)) marks.ur++;
      else if ('پچژگ'.includes(ch)) marks.fa++;
      if (letters >= SAMPLE_LETTERS) break outer;
    }
  }
  return { counts, letters, marks };
}

export function guessLang(texts: readonly string[]): string | null {
  const { counts, letters, marks } = scriptCounts(texts);
  if (letters < MIN_LETTERS) return null;
  const share = (n: number): number => n / letters;
  const cjk = counts.hangul + counts.kana + counts.han;
  if (share(counts.hangul) >= 0.3) return 'ko';
  if (share(cjk) >= 0.5 && counts.kana >= 0.05 * cjk) return 'ja';
  if (share(counts.han) >= 0.5 && counts.kana === 0 && counts.hangul === 0) return 'zh';
  if (share(counts.cyrillic) >= 0.5) return marks.uk > 0 ? 'uk' : marks.sr > 0 ? 'sr' : 'ru';
  if (share(counts.arabic) >= 0.5) return marks.ur > 0 ? 'ur' : marks.fa > 0 ? 'fa' : 'ar';
  if (share(counts.hebrew) >= 0.5) return 'he';
  if (share(counts.greek) >= 0.5) return 'el';
  if (share(counts.thai) >= 0.5) return 'th';
  return null;
}
