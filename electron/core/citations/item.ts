/**
 * A source's metadata as a CSL-JSON item: the one model the BibTeX/RIS writers and the citeproc
 * formatter all read, so the three never disagree on type, authors or dates.
 */
import { citationDate } from './short';

export type CslType =
  | 'article-newspaper'
  | 'article-journal'
  | 'article-magazine'
  | 'webpage'
  | 'post-weblog'
  | 'book'
  | 'chapter'
  | 'report'
  | 'thesis'
  | 'document';

export interface CslName {
  family?: string;
  given?: string;
  /** An organisation or a name we can't split ("Reuters"). */
  literal?: string;
}

export interface CslDate {
  'date-parts': [number, number?, number?][];
  season?: string | number;
}

export interface CslItem {
  id: string;
  type: CslType;
  title: string;
  /** The main title alone (short notes, MLA in-text); derived from `title` when not given. */
  'title-short'?: string;
  author?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  'container-title'?: string;
  publisher?: string;
  'publisher-place'?: string;
  editor?: CslName[];
  translator?: CslName[];
  volume?: string;
  issue?: string;
  page?: string;
  edition?: string;
  number?: string;
  genre?: string;
  URL?: string;
  DOI?: string;
  ISBN?: string;
  ISSN?: string;
  language?: string;
}

/** What a citation needs to know about a source (a subset of the export's ExportSource). */
export interface CitableSource {
  id: string;
  title: string;
  subtitle: string | null;
  byline: string | null;
  published: string | null;
  siteName: string | null;
  lang: string | null;
  source: string | null;
  /** The original's media type ("application/pdf"), when known. */
  mediaType?: string | null;
  /** When it was imported (ISO): the access date for web sources. */
  imported?: string | null;
}

const clean = (v: string | null | undefined): string =>
  (v ?? '')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** "2024-06-18T…" → [[2024, 6, 18]]; undefined for anything that isn't an ISO calendar date. */
export function cslDate(value: string | null | undefined): CslDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(citationDate(value));
  if (!m) return undefined;
  const parts: [number, number?, number?] = [Number(m[1])];
  if (m[2]) parts.push(Number(m[2]));
  if (m[3]) parts.push(Number(m[3]));
  return { 'date-parts': [parts] };
}

/** Particles that belong to the family name ("Ludwig van Beethoven" → family "van Beethoven"). */
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'del',
  'della',
  'la',
  'le',
  'ter',
  'ten',
  'bin',
  'al',
]);
const ORG_WORDS =
  /\b(staff|press|news|agency|reuters|associated|editorial|board|team|inc|ltd|university|institute|department|ministry|office|committee|foundation|association|society|council)\b/i;

/**
 * Common Korean, Chinese and Taiwanese family names in their usual romanizations. With a
 * hyphenated given name after it ("Ji Da-gyum", "Moon Jae-in", "Tsai Ing-wen") a byline is in
 * East Asian order, family name first; Western hyphenated names put the hyphen first ("Jean-Paul").
 */
const EAST_ASIAN_FAMILY = new Set(
  (
    'kim lee yi rhee park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh seo suh shin sin kwon ' +
    'hwang ahn an song yoo yu ryu hong jeon chun ko go moon mun yang son sohn bae baek paik heo hur nam shim sim noh roh ha ' +
    'kwak sung seong cha joo ju woo koo ku min na jin ji um eom chae won cheon bang kong hyun ham byun yeo choo do so seok ' +
    'seol ma gil wi pyo myung ki ban wang li zhang liu chen huang zhao wu zhou xu sun zhu hu guo he lin gao luo zheng liang ' +
    'xie tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang du ye cheng wei su lu ding ren shen yao xi tsai lai ' +
    'hsu hsieh chiang kuo wong chan leung'
  ).split(' '),
);

function personName(raw: string): CslName {
  const name = raw.trim();
  if (name.includes(',')) {
    // Already "Family, Given".
    const [family, ...given] = name.split(',');
    return { family: family!.trim(), given: given.join(',').trim() };
  }
  const words = name.split(' ');
  if (words.length < 2 || ORG_WORDS.test(name)) return { literal: name };
  if (
    words.length === 2 &&
    EAST_ASIAN_FAMILY.has(words[0]!.toLowerCase()) &&
    /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(words[1]!)
  ) {
    return { family: words[0]!, given: words[1]! };
  }
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has(words[i - 1]!.toLowerCase())) i--;
  return { given: words.slice(0, i).join(' '), family: words.slice(i).join(' ') };
}

/** A byline ("By Jane Doe and John Smith", "Doe, Jane; Smith, John") as CSL names. */
export function bylineNames(byline: string | null | undefined): CslName[] {
  const text = clean(byline).replace(/^by\s+/i, '');
  if (!text) return [];
  // "Doe, Jane" is one person, inverted (a one-word family name before the only comma).
  if (/^[^\s,]+,\s*[^,&]+$/.test(text) && !/\sand\s/i.test(text)) return [personName(text)];
  // "Doe, Jane; Smith, John" keeps its commas; otherwise commas, "and" and "&" separate people.
  const people = text.includes(';')
    ? text.split(/\s*;\s*/)
    : text.split(/\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)\s*/i);
  return people.filter((p) => p.trim()).map(personName);
}

const isWeb = (source: string): boolean => /^https?:\/\//i.test(source);

/** The item type: PDFs are reports, EPUBs books, dated web pages with a site news articles. */
export function cslType(s: CitableSource): CslType {
  const media = (s.mediaType ?? '').toLowerCase();
  const src = clean(s.source);
  if (media === 'application/pdf' || /\.pdf$/i.test(src)) return 'report';
  if (media === 'application/epub+zip' || /\.epub$/i.test(src)) return 'book';
  if (isWeb(src)) return s.siteName && s.published ? 'article-newspaper' : 'webpage';
  return 'document';
}

export function toCslItem(s: CitableSource): CslItem {
  const type = cslType(s);
  const title = [clean(s.title) || 'Untitled', clean(s.subtitle)].filter(Boolean).join(': ');
  const item: CslItem = { id: s.id, type, title };
  const author = bylineNames(s.byline);
  if (author.length) item.author = author;
  const issued = cslDate(s.published);
  if (issued) item.issued = issued;
  const site = clean(s.siteName);
  if (site) {
    if (type === 'article-newspaper' || type === 'webpage') item['container-title'] = site;
    else item.publisher = site;
  }
  const src = clean(s.source);
  if (isWeb(src)) {
    item.URL = src;
    const accessed = cslDate(s.imported);
    if (accessed) item.accessed = accessed;
  }
  const lang = clean(s.lang);
  if (lang) item.language = lang;
  return item;
}
