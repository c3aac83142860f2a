/**
 * PDF metadata: the info dictionary and XMP, judged for junk, with first-page fallbacks.
 *
 * Generators fill Title/Author with whatever they have: "Untitled", the file name, the Word
 * template's "Microsoft Word - draft3.doc", Perl's stringified `ARRAY(0x55d…)`, the account name
 * of whoever ran the printer driver. Those are treated as missing; the title then comes from the
 * largest text near the top of page 1 and the authors from the short name-like lines under it.
 */
import { cleanField } from '../../text-fields';
import { headerBlockDate } from '../text/document';
import { joinLines, type PdfLine } from './layout';

const JUNK_TITLE = [
  /^untitled\b/i,
  /^(?:title|document|doc|draft|slide \d+|page \d+|no title|unknown|none|null|undefined|default)$/i,
  /^array\(0x[0-9a-f]+\)$/i,
  /^hash\(0x[0-9a-f]+\)$/i,
  /^microsoft (?:word|powerpoint|excel) - /i,
  // A file name, also behind a print driver's "Print " ("Print unam_negro_escalable.svg").
  /\.(?:docx?|pdf|tex|dvi|ps|rtf|odt|pages|indd|qxd|txt|html?|pptx?|xlsx?|cdr|ai|wpd|eps|svg|png|jpe?g|gif|tiff?|bmp|psd|emf|wmf|xps|od[gps]|vsdx?|dwg|graffle)$/i,
  /^[a-z]:\\|^\/|\\/i,
  /^[\W\d_]*$/u,
  // A file name in capitals: "REPORT_FINAL_V2 1", "SCAN_0042".
  /^(?=[^a-z]*_)[A-Z0-9_.-]+(?:\s+\d+)?$/,
];

const JUNK_AUTHOR = [
  /^(?:administrator|admin|user|owner|author|unknown|default|guest|root|staff|customer|hp|dell|lenovo|microsoft|compaq|pc|none|null|anonymous)$/i,
  /^array\(0x[0-9a-f]+\)$/i,
  /^[\W\d_]*$/u,
  // An account name rather than a person's: one lower-case token ("jsmith", "k.lee").
  /^[a-z0-9._-]+$/,
  // …or in capitals with a digit or underscore ("JSMITH2", "ADMIN_PC").
  /^(?=\S*[\d_])[A-Z0-9._-]+$/,
];

export function isJunkTitle(title: string | null | undefined): boolean {
  const t = cleanField(title);
  return t === null || t.length < 2 || JUNK_TITLE.some((re) => re.test(t));
}

export function isJunkAuthor(author: string | null | undefined): boolean {
  const a = cleanField(author);
  return a === null || JUNK_AUTHOR.some((re) => re.test(a));
}

/** `D:20240618162000+02'00'` (or XMP's ISO form) → ISO 8601; null when it isn't a plausible date. */
export function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const iso =
    /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(
      s,
    );
  const pdf = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(
    s,
  );
  const m = iso ?? pdf;
  if (!m) return null;
  const [, y, mo = '01', d = '01', h, mi, sec = '00', zone] = m;
  const year = Number(y);
  if (
    year < 1900 ||
    year > 2200 ||
    Number(mo) < 1 ||
    Number(mo) > 12 ||
    Number(d) < 1 ||
    Number(d) > 31
  )
    return null;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined || mi === undefined) return date;
  const offset = zone?.replace(/[':]/g, '');
  const tz =
    offset === undefined
      ? ''
      : offset === 'Z'
        ? 'Z'
        : `${offset.slice(0, 3)}:${offset.slice(3, 5) || '00'}`;
  return `${date}T${h}:${mi}:${sec}${tz}`;
}

/**
 * Declared authors, one per name: XMP lists arrive as arrays, the info dictionary as one string.
 * All of them (the file's size bounds the list): one longer than the stored MAX_NAMES is cut
 * where it is stored, with "others" and a warning, so the style's et al. stays true.
 */
export function authorNames(value: unknown, firstPageText = ''): string[] {
  return (
    (Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s*;\s*/) : [])
      .filter((v): v is string => typeof v === 'string')
      // A list written by a template's loop ends with its separator: "…, Victor V. Albert, ".
      .map((v) => cleanField(v.replace(/[\s,;]+$/u, ''), 300))
      .filter((v): v is string => v !== null && !isJunkAuthor(v) && attested(v, firstPageText))
  );
}

/** One word in capitals: a print driver's account name ("EVNFK", "EACS") or an organisation. */
const CAPITALS_WORD = /^\p{Lu}{2,12}$/u;

/**
 * An author that could be an account name is kept only when the first page names it too ("NASA"
 * on a NASA report); an account name is nowhere in the text it printed.
 */
function attested(author: string, firstPageText: string): boolean {
  return !CAPITALS_WORD.test(author) || firstPageText.split(/[^\p{L}\p{N}]+/u).includes(author);
}

/** Declared authors as one byline. */
export function authorsByline(value: unknown): string | null {
  const names = authorNames(value);
  return names.length ? cleanField(names.join(', '), 300) : null;
}

export interface FirstPageGuess {
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  /**
   * The lines each guess was read from, so the body can leave out what the reader shows above it
   * (`authors` includes the affiliation lines under the names).
   */
  lines: { title: PdfLine[]; subtitle: PdfLine[]; authors: PdfLine[]; date: PdfLine[] };
}

const NO_GUESS: FirstPageGuess = {
  title: null,
  subtitle: null,
  byline: null,
  lines: { title: [], subtitle: [], authors: [], date: [] },
};

const NAME =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|da|di|del|la|le|bin|al|y))*$/u;

/** Affiliation and footnote marks beside names: ∗ † ‡ § + # ¶, superscripts, "1,2" after a name. */
const AFFILIATION_MARKS = /[*∗†‡§¶+#⋆¹²³⁴⁵⁶⁷⁸⁹⁰ᵃᵇᶜᵈᵉ]|(?<=\p{L})\d{1,2}(?:,\d{1,2})*|\b\d{1,2}\b/gu;
/** A big collaboration's author line lists dozens of names… */
const MAX_NAMES = 60;
/** …wrapped over a few lines. */
const MAX_NAME_LINES = 8;

function stripMarks(text: string): string {
  return text.replace(AFFILIATION_MARKS, '');
}

/**
 * A contact beside the names: "Nikos Mavrogiannopoulos (help-libtasn1@gnu.org)", "Julian Seward,
 * https://sourceware.org/bzip2/" (Texinfo and DocBook title pages). It is not part of a name.
 */
const CONTACT =
  /\s*[(<][^()<>\s]+@[^()<>\s]+[)>]|,?\s*<?(?:https?:\/\/|www\.)[^\s,>]+>?|,?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

function withoutContacts(text: string): string {
  return text.replace(CONTACT, '').trim();
}

/** A line of names: "Ada Lovelace, Charles Babbage and M. Somerville" (affiliation marks allowed). */
function looksLikeNames(line: string): boolean {
  const text = withoutLeadIn(withoutContacts(line));
  if (text.length > 3000 || /@|https?:|\d{3,}/.test(text)) return false;
  const parts = stripMarks(text)
    .split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    parts.length > 0 &&
    parts.length <= MAX_NAMES &&
    parts.every((p) => NAME.test(p) && p.split(/\s+/).length <= 5 && !ORGANISATION.test(p)) &&
    // A lone capitalised word is a heading ("Introduction", "Abstract"), not a person.
    parts.some((p) => p.includes(' '))
  );
}

/**
 * A unit of an organisation, not a person, though set like a name: a report's cover names its
 * division ("Mathematics and Computer Science Division") where a paper names its authors.
 */
const ORGANISATION =
  /\b(?:division|department|universit\w*|institut\w*|laborator\w*|college|school|faculty|cent(?:re|er)|academy|office|ministry|agency|council|committee|society|association|bureau|corporation|foundation)\b/i;

/** A byline's lead-in on a line of its own, over the names: "Prepared by", "Edited by". */
const LEAD_IN =
  /^(?:(?:prepared|written|edited|compiled|authored|presented|submitted)\s+by|by|authors?)\s*:?$/i;
/** …or opening the line of names: "By Ada Marsh and Ben Quay", "Edited by A. Marsh", "Authors: …". */
const LEADING_LEAD_IN =
  /^(?:(?:prepared|written|edited|compiled|authored|presented|submitted)\s+by|by|authors?\s*:)\s+(?=\p{Lu})/iu;

function withoutLeadIn(text: string): string {
  return text.replace(LEADING_LEAD_IN, '');
}

/** A line that opens with an affiliation mark or a separator: the end of the name above. */
const OPENS_WITH_MARK = /^(?:[,;*∗†‡§¶⋆¹²³⁴⁵⁶⁷⁸⁹⁰ᵃᵇᶜᵈᵉ]|\d{1,2}(?:,\d{1,2})*(?:\s*[,;]|\s*$))/u;
/** A line that stops mid-name or after a separator: "… M. G." over "Knepley", "Buschel-" over "man". */
const ENDS_OPEN = /(?:[,;&-]|\band|\b\p{Lu}\.)$/u;

/**
 * The names of an author block wrapped over several lines, as one text. A line that ends on a
 * separator, an initial or a hyphen, or whose next line opens with an affiliation mark, runs on
 * ("R. Tran Mills" over "1, L. Mitchell"); a line of names that ends on a name ends one name
 * (names set one per line) unless the block wraps like prose (some line ends on a separator),
 * where a name may break anywhere.
 */
function joinNameLines(texts: readonly string[]): string {
  const wraps = texts.slice(0, -1).some((t) => /[,;&]$|\band$/.test(t));
  return texts.reduce((joined, t) =>
    wraps || ENDS_OPEN.test(joined) || OPENS_WITH_MARK.test(t)
      ? joinLines(joined, t)
      : `${joined}, ${t}`,
  );
}

/** A title page's date on a line of its own: "February 27, 2023", "27 February 2023", "March 2014". */
function dateAlone(text: string): boolean {
  const t = text.trim();
  return (
    /^(?:\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{4}|\d{4}-\d{2}-\d{2})$/u.test(
      t,
    ) && headerBlockDate(t) !== null
  );
}

/** An e-mail address, also spelled out ("tal197 at users.sf.net"), or a web address. */
const ADDRESS = /[\w.+-]+(?:@|\s+at\s+)[\w-]+(?:\.[\w-]+)+|https?:\/\/|\bwww\./i;
const INSTITUTION =
  /\b(?:universit\w*|univ\.|institut\w*|department|dept\.|laborator\w*|labs?|college|school|facult\w*|cent(?:re|er)|academy|research|inc\.?|corp\w*|ltd\.?|gmbh|llc|hospital|foundation|project)\b/i;
/** An affiliation line opens with the mark that ties it to a name: "1Google Inc.", "∗ Equal contribution". */
const LEADING_MARK = /^(?:[*∗†‡§¶⋆¹²³⁴⁵⁶⁷⁸⁹⁰ᵃᵇᶜᵈᵉ]|\d{1,2}(?=\s*\p{Lu}))/u;

/** A line under the authors naming where they work or how to reach them. */
function looksLikeAffiliation(text: string): boolean {
  // Prose runs on in lower-case words; an address is mostly names ("Department of Physics, …").
  if (text.length > 160 || (text.match(/(?:^|\s)\p{Ll}/gu)?.length ?? 0) > 5) return false;
  return LEADING_MARK.test(text) || ADDRESS.test(text) || INSTITUTION.test(text);
}

/** The usual distance from one line to the next on the page (the median step). */
function lineStep(lines: readonly PdfLine[]): number {
  const steps = lines
    .slice(1)
    .map((l, i) => Math.abs((lines[i] as PdfLine).y - l.y))
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)] ?? 0;
}

/** A line that could be a title: short, not a sentence running on, not opening in lower case. */
function titleLike(l: PdfLine): boolean {
  const t = l.text.trim();
  return t.length >= 2 && t.length <= 120 && !/[.,;:]$/.test(t) && !/^\p{Ll}/u.test(t);
}

/**
 * Where the title block ends, the page leaves a gap (a title page leaves most of it blank), or the
 * names begin, or the page ends.
 */
function setApart(lines: readonly PdfLine[], at: number, step: number): boolean {
  const here = lines[at];
  const next = lines[at + 1];
  if (!here) return false;
  if (!next) return true;
  return Math.abs(here.y - next.y) > Math.max(step * 1.8, here.size * 2.2);
}

/**
 * Title lines set at the body's size, found by place instead: the opening line(s) of the page,
 * short and not a sentence, set apart from what follows by a gap or by the authors' names (or
 * by a subtitle and then a gap). Returns the index of the last title line, or -1.
 */
function bodySizeTitleEnd(lines: readonly PdfLine[], step: number): number {
  for (let end = 0; end < Math.min(3, lines.length); end++) {
    const l = lines[end] as PdfLine;
    if (!titleLike(l)) return -1;
    const next = lines[end + 1];
    if (setApart(lines, end, step) || (next && looksLikeNames(next.text))) return end;
    // A wrapped title goes on at the next line, no further than the usual step.
    if (!next || Math.abs(l.y - next.y) > step * 1.3) return -1;
    // A title in capitals over a line that is not ("GNU GENERAL PUBLIC LICENSE" over "Version 3,
    // 29 June 2007") ends there, when the block ends within a few lines.
    const blockEnds = [1, 2, 3].some((k) => setApart(lines, end + k, step));
    if (isCapitals(l.text) !== isCapitals(next.text) && blockEnds) return end;
  }
  return -1;
}

function isCapitals(text: string): boolean {
  return /\p{L}/u.test(text) && !/\p{Ll}/u.test(text);
}

/**
 * The title is the run of consecutive lines in the largest font among page 1's first dozen
 * lines; on a page all in one size, the opening lines when the page sets them apart (a gap, or
 * the names under them). The byline is the name-like line under it (after a subtitle), if any,
 * and the affiliation lines under the names belong with them.
 */
export function guessFromFirstPage(lines: readonly PdfLine[]): FirstPageGuess {
  const top = lines.slice(0, 12);
  if (!top.length) return NO_GUESS;
  const largest = Math.max(...top.map((l) => l.size));
  const body =
    [...lines].map((l) => l.size).sort((a, b) => a - b)[Math.floor(lines.length / 2)] ?? largest;
  const step = lineStep(lines);
  // Without a larger font the title is known by its place, or not at all.
  const bySize = largest >= body * 1.15;
  const first = bySize ? top.findIndex((l) => l.size >= largest - 0.5) : 0;
  let end = bySize ? first : bodySizeTitleEnd(top, step);
  if (end < 0) return NO_GUESS;
  while (bySize && end + 1 < top.length && (top[end + 1] as PdfLine).size >= largest - 0.5) end++;
  const titleLines = top.slice(first, end + 1);
  const title = cleanField(titleLines.map((l) => l.text).join(' '), 300);
  const titleSize = Math.min(...titleLines.map((l) => l.size));
  // A subtitle: the line(s) right under the title, set smaller than it but larger than the body;
  // or, at any size up to the title's, when a gap (or the names) sets them apart from the body,
  // as on a title page ("Libtasn1" over "Abstract Syntax Notation One (ASN.1) library for…").
  let next = end + 1;
  const subLines: PdfLine[] = [];
  const isSub = (at: number): boolean => {
    const l = top[at];
    return (
      !!l &&
      !looksLikeNames(l.text) &&
      !LEAD_IN.test(l.text.trim()) &&
      !setApart(top, at - 1, step) &&
      ((l.size < largest - 0.5 && l.size >= body * 1.1) ||
        (l.size <= titleSize + 0.5 && l.text.trim().length <= 150 && /\S\s+\S/.test(l.text)))
    );
  };
  let subEnd = next;
  while (subEnd < top.length && subEnd - next < 3 && isSub(subEnd)) subEnd++;
  if (subEnd > next) {
    const last = subEnd - 1;
    const sized = top
      .slice(next, subEnd)
      .every((l) => l.size < largest - 0.5 && l.size >= body * 1.1);
    const followedByNames = !!top[subEnd] && looksLikeNames((top[subEnd] as PdfLine).text);
    if (sized || setApart(top, last, step) || followedByNames) {
      subLines.push(...top.slice(next, subEnd));
      next = subEnd;
    }
  }
  const subtitle = subLines.length ? cleanField(subLines.map((l) => l.text).join(' '), 300) : null;
  // "Prepared by" on its own line over the names belongs with them.
  const leadIn = lines[next] && LEAD_IN.test((lines[next] as PdfLine).text.trim()) ? next : -1;
  if (leadIn >= 0) next++;
  // An author line may wrap: a big collaboration's names run over several lines, a name or its
  // marks broken at a line's end ("K. Buschel-" over "man 1,", "R. Tran Mills" over "1, L. …").
  const nameLines: PdfLine[] = [];
  while (next < lines.length && nameLines.length < MAX_NAME_LINES) {
    const texts = [...nameLines, lines[next] as PdfLine].map((l) => withoutContacts(l.text));
    const text = texts.at(-1) as string;
    // A line of its own names, or the rest of a name the line above broke off.
    const runsOn =
      texts.length > 1 && (ENDS_OPEN.test(texts.at(-2) as string) || OPENS_WITH_MARK.test(text));
    if (!(looksLikeNames(text) || runsOn) || !looksLikeNames(joinNameLines(texts))) break;
    nameLines.push(lines[next] as PdfLine);
    next++;
  }
  if (!nameLines.length && leadIn >= 0) next = leadIn;
  const authorLines = nameLines.length && leadIn >= 0 ? [lines[leadIn] as PdfLine] : [];
  authorLines.push(...nameLines);
  const names = nameLines.length
    ? stripMarks(withoutLeadIn(joinNameLines(nameLines.map((l) => withoutContacts(l.text)))))
    : '';
  // One affiliation per name at most, and a few notes ("∗ Equal contribution").
  const affiliations = names.split(',').length + 10;
  let affiliated = 0;
  while (
    nameLines.length &&
    next < lines.length &&
    affiliated < affiliations &&
    looksLikeAffiliation((lines[next] as PdfLine).text)
  ) {
    authorLines.push(lines[next] as PdfLine);
    affiliated++;
    next++;
  }
  // A title page dates itself under its authors ("February 27, 2023").
  const dateLines =
    nameLines.length && lines[next] && dateAlone((lines[next] as PdfLine).text)
      ? [lines[next] as PdfLine]
      : [];
  const byline = nameLines.length
    ? cleanField(
        names
          .replace(/\s*,(?:\s*,)+/g, ',')
          // "Marsh1,∗ and Quay" loses its marks, not the "and".
          .replace(/,\s*(?=(?:and|und|et|y|&)\s)/g, ' ')
          .replace(/\s+,/g, ',')
          .replace(/,\s*$/, ''),
        2000,
      )
    : null;
  const titleOk = title !== null && !isJunkTitle(title);
  return {
    title: titleOk ? title : null,
    subtitle,
    byline,
    lines: {
      title: titleOk ? titleLines : [],
      subtitle: subLines,
      authors: authorLines,
      date: dateLines,
    },
  };
}

/** A cover and a page or two of boilerplate may come before the title page. */
const TITLE_PAGE_WITHIN = 4;

/**
 * The title block of the opening pages. A report's or a book's cover gives its title but no
 * authors; its title page (within the next few pages) repeats the title over the names: the
 * names, their affiliations and the date are read there. `lines` then holds the lines of both
 * pages that the reader shows above the body.
 */
export function guessFromOpeningPages(pages: readonly (readonly PdfLine[])[]): FirstPageGuess {
  const opening = pages.filter((p) => p.length).slice(0, TITLE_PAGE_WITHIN);
  const cover = guessFromFirstPage(opening[0] ?? []);
  if (cover.byline || cover.title === null) return cover;
  const titlePage = opening
    .slice(1)
    .map(guessFromFirstPage)
    .find((g) => g.byline && g.title !== null && sameWords(g.title, cover.title as string));
  if (!titlePage) return cover;
  return {
    ...cover,
    byline: titlePage.byline,
    lines: {
      ...cover.lines,
      title: [...cover.lines.title, ...titlePage.lines.title],
      authors: titlePage.lines.authors,
      date: titlePage.lines.date,
    },
  };
}

function sameWords(a: string, b: string): boolean {
  const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}
