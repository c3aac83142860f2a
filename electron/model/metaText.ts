/**
 * Metadata as people type it and read it: names ("Family, Given", one per line or repeated flag),
 * dates ("2024-06-18", "2024-06", "2024", "Spring 2019"). The CLI's `article set` and the Edit
 * details dialog both parse with these, so a value means the same wherever it is typed.
 */
import { bylineNames } from './names';
import { SEASONS, type CslDate, type CslName } from './sourceMeta';

const clean = (v: string): string =>
  v
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Scripts written family name first, without a space between the parts. */
const FAMILY_FIRST_SCRIPT =
  /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Two-syllable Korean family names; any other Hangul name's family is its first syllable. */
const KOREAN_DOUBLE = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방']);
/** Two-character Chinese family names (compound surnames). */
const CHINESE_DOUBLE = new Set(
  '欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 令狐 夏侯 长孙 長孫 宇文 司徒 澹台 端木'.split(
    ' ',
  ),
);

/** A name in a family-first script: split where spaced, else after the family name. */
function familyFirstName(name: string): CslName {
  const parts = name.split(' ');
  if (parts.length === 2) return { family: parts[0]!, given: parts[1]! };
  if (parts.length === 1 && /^\p{Script=Hangul}{2,4}$/u.test(name)) {
    const n = KOREAN_DOUBLE.has(name.slice(0, 2)) && name.length > 2 ? 2 : 1;
    return { family: name.slice(0, n), given: name.slice(n) };
  }
  if (parts.length === 1 && /^\p{Script=Han}{2,4}$/u.test(name)) {
    const n = CHINESE_DOUBLE.has(name.slice(0, 2)) && name.length > 2 ? 2 : 1;
    return { family: name.slice(0, n), given: name.slice(n) };
  }
  // A Japanese name written without a space can't be split reliably: kept whole, as written.
  return { literal: name };
}

/**
 * Names as typed, one per line (the dialog) or per flag (the CLI). A line is
 * - "Family, Given": one person ("van Beethoven, Ludwig");
 * - "{Name}": an organisation or any name kept whole;
 * - a name in Chinese, Japanese or Korean script: family name first ("山田 太郎", "지대겸" → 지 + 대겸);
 * - anything else is read like a byline: "By A. Author and B. Author" is two persons,
 *   "Jane Doe" is given + family, "Reuters" or "World Health Organization" an organisation.
 */
export function parseNameLines(lines: readonly string[]): CslName[] {
  return lines
    .flatMap((l) => l.split(/\r?\n/))
    .flatMap((raw): CslName[] => {
      const line = clean(raw);
      if (!line) return [];
      const braced = /^\{(.+)\}$/.exec(line);
      if (braced) return [{ literal: braced[1]!.trim() }];
      if (FAMILY_FIRST_SCRIPT.test(line) && !line.includes(',')) return [familyFirstName(line)];
      const inverted = /^([^,;&]+),([^,;&]+)$/.exec(line);
      if (inverted && !/\sand\s/i.test(line) && !/^by\s/i.test(line)) {
        const [family, given] = [inverted[1]!.trim(), inverted[2]!.trim()];
        return [given ? { family, given } : { family }];
      }
      return bylineNames(line);
    });
}

/** A name as it is typed back: "Family, Given", or the literal. */
export function nameToText(n: CslName): string {
  if (n.literal) return n.literal;
  const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  return [family, n.given].filter(Boolean).join(', ');
}

/** A name as a byline shows it: "Given Family"; family-first scripts "FamilyGiven"; literal as is. */
export function nameToDisplay(n: CslName): string {
  if (n.literal) return n.literal;
  const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  if (FAMILY_FIRST_SCRIPT.test(family)) return `${family}${n.given ?? ''}`;
  return [n.given, n['dropping-particle'], family, n.suffix].filter(Boolean).join(' ');
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const SEASON_WORDS: Record<string, number> = {
  spring: 1,
  summer: 2,
  autumn: 3,
  fall: 3,
  winter: 4,
};

function validDay(y: number, m: number, d: number): boolean {
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A date as typed: ISO "2024-06-18" / "2024-06" / "2024" (a date-time keeps its calendar date),
 * "June 18, 2024", "18 June 2024", "June 2024", or a season "Spring 2019" (kept as written beside
 * its season number). Anything else is refused with a message saying what is accepted.
 */
export function parseDateText(
  raw: string,
): { ok: true; date: CslDate } | { ok: false; message: string } {
  const text = clean(raw);
  const refuse = {
    ok: false as const,
    message: `"${text.slice(0, 60)}" is not a date: use 2024-06-18, 2024-06, 2024, June 18, 2024 or Spring 2019`,
  };
  const parts = (p: [number, number?, number?]) => ({
    ok: true as const,
    date: { 'date-parts': [p] },
  });
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    text,
  );
  if (m) {
    const [y, mo, d] = [
      Number(m[1]),
      m[2] ? Number(m[2]) : undefined,
      m[3] ? Number(m[3]) : undefined,
    ];
    if (mo !== undefined && (mo < 1 || mo > 12)) return refuse;
    if (d !== undefined && !validDay(y, mo!, d)) return refuse;
    return parts(d !== undefined ? [y, mo, d] : mo !== undefined ? [y, mo] : [y]);
  }
  m = /^(spring|summer|autumn|fall|winter)\s+(\d{4})$/i.exec(text);
  if (m) {
    const season = SEASON_WORDS[m[1]!.toLowerCase()]!;
    return { ok: true, date: { 'date-parts': [[Number(m[2])]], season, literal: text } };
  }
  const month = (w: string) =>
    MONTHS.findIndex((n) => n.startsWith(w.toLowerCase()) && w.length >= 3) + 1;
  m = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text) ?? null;
  if (m && month(m[1]!)) {
    const [y, mo, d] = [Number(m[3]), month(m[1]!), Number(m[2])];
    return validDay(y, mo, d) ? parts([y, mo, d]) : refuse;
  }
  m = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(text);
  if (m && month(m[2]!)) {
    const [y, mo, d] = [Number(m[3]), month(m[2]!), Number(m[1])];
    return validDay(y, mo, d) ? parts([y, mo, d]) : refuse;
  }
  m = /^([a-z]+)\.?\s+(\d{4})$/i.exec(text);
  if (m && month(m[1]!)) return parts([Number(m[2]), month(m[1]!)]);
  return refuse;
}

/** A date as it is typed back: ISO with its precision, or the season as written. */
export function dateToText(d: CslDate | undefined): string {
  if (!d) return '';
  const p = d['date-parts']?.[0];
  if (d.season !== undefined && p) {
    const word = typeof d.season === 'number' ? SEASONS[d.season - 1] : d.season;
    return d.literal ?? `${word} ${p[0]}`;
  }
  if (!p) return d.literal ?? '';
  const [y, mo, day] = p;
  const two = (n: number) => String(n).padStart(2, '0');
  return [String(y).padStart(4, '0'), mo && two(mo), mo && day && two(day)]
    .filter(Boolean)
    .join('-');
}

/**
 * The DOI a metadata value names: "doi:10.1/x", "urn:doi:10.1/x", "info:doi/10.1/x",
 * "https://doi.org/10.1/x" or a bare "10.1/x" (XMP prism:doi, dc:identifier, an EPUB's
 * identifiers); null for anything else (an ISBN, a UUID, a URL elsewhere).
 */
export function doiIn(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 400) return null;
  const bare = clean(value).replace(
    /^(?:(?:urn:)?doi:\s*|info:doi\/|https?:\/\/(?:dx\.)?doi\.org\/)/i,
    '',
  );
  return /^10\.\d{4,9}\/\S+$/.test(bare) ? bare : null;
}
