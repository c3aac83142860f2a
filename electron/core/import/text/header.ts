/**
 * The head of a pasted article: chrome, title, subtitle, byline/dateline lines and lead captions,
 * read from the first units until the first unit that is body text.
 *
 * Rules:
 * - kicker: see `isKicker`; dropped like other page chrome.
 * - title: the first line (own unit) that is not chrome, metadata or a caption, has letters, is at
 *   most 200 characters and does not end with a full stop; something must follow it.
 * - subtitle: the line right after the title (chrome aside) when it is at most 250 characters, does
 *   not end with ":", and either has no sentence-final punctuation or is followed by a byline or
 *   dateline; and only when the header carries a byline or date at all. Otherwise that line is
 *   body text, so a plain note's second line is never promoted.
 */
import { isNameList, parseMetadataLine, isDanglingBy, type DateRole } from './byline';
import { captionKind, type CaptionKind } from './captions';
import { isChromeLine, isLinkOutLine } from './chrome';
import type { Moment } from './dateline';
import { comparable, endsSentence, hasLetter } from './normalize';
import type { Unit } from './units';

export interface HeaderItem {
  /** Index of the unit, so items returned to the body keep their order. */
  index: number;
  text: string;
  caption: CaptionKind | null;
}

export interface Header {
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  siteName: string | null;
  moments: { role: DateRole; moment: Moment }[];
  /** A byline or date was found: the text is an article, not a note. */
  articleLike: boolean;
  /** Captions met inside the header (and a rejected subtitle), to be placed first in the body. */
  carried: HeaderItem[];
  /** Index of the first body unit. */
  end: number;
}

const MAX_TITLE = 200;
/** Real headers are a few lines; past this, lines are body text however they look. */
const MAX_HEADER_UNITS = 60;
const MAX_SUBTITLE = 250;

function isTitleLine(text: string): boolean {
  if (text.length > MAX_TITLE * 2) return false;
  const c = comparable(text);
  if (c.length === 0 || c.length > MAX_TITLE || !hasLetter(c) || isLinkOutLine(c)) return false;
  if (/[,;:]$/.test(c)) return false;
  // Headlines end without a full stop; "…", "?" and "!" are fine, as are abbreviations ("the U.S.").
  return !(c.endsWith('.') && !c.endsWith('...') && !/(?:^|\s)(?:\p{Lu}\.){2,}$/u.test(c));
}

function isSubtitleLine(text: string): boolean {
  if (text.length > MAX_SUBTITLE * 2) return false;
  const c = comparable(text);
  return (
    c.length > 0 &&
    c.length <= MAX_SUBTITLE &&
    hasLetter(c) &&
    !c.endsWith(':') &&
    !isLinkOutLine(c)
  );
}

function isChromeUnit(u: Unit | undefined): boolean {
  return u?.kind === 'line' && isChromeLine(u.text);
}

/** The next non-chrome unit at or after `from` is a byline/dateline line. */
function metadataFollows(units: readonly Unit[], from: number): boolean {
  let j = from;
  while (isChromeUnit(units[j])) j++;
  const u = units[j];
  return u?.kind === 'line' && (parseMetadataLine(u.text) !== null || isDanglingBy(u.text));
}

function nextContent(units: readonly Unit[], from: number): number {
  let j = from;
  while (isChromeUnit(units[j])) j++;
  return j;
}

/**
 * A section label above the headline ("World", "North Korea"): a line of at most three words
 * followed by a headline-like line, a subtitle-like line and then the byline/dateline. With only two
 * lines before the byline, they are read as title and subtitle instead.
 */
function isKicker(units: readonly Unit[], i: number): boolean {
  const label = comparable((units[i] as { text: string }).text);
  if (label.length > 30 || label.split(' ').length > 3) return false;
  const j = nextContent(units, i + 1);
  const k = nextContent(units, j + 1);
  const title = units[j];
  const subtitle = units[k];
  return (
    title?.kind === 'line' &&
    subtitle?.kind === 'line' &&
    isTitleLine(title.text) &&
    parseMetadataLine(title.text) === null &&
    comparable(title.text).length > label.length &&
    isSubtitleLine(subtitle.text) &&
    parseMetadataLine(subtitle.text) === null &&
    metadataFollows(units, k + 1)
  );
}

/** "Ursprüngliche Inhalte <joy-mg@debian.org>": what a credited person did, with their address. */
const CREDIT_NOTE = /^[^<>@]{0,80}<[^\s<>@]+@[^\s<>@]+>$/;

/**
 * A credit under the title: a name on its own line over a line saying what that person did, with
 * their e-mail address (DocBook's author group as plain text, one pair per author).
 */
function isCredit(units: readonly Unit[], i: number): boolean {
  const name = units[i];
  const note = units[i + 1];
  return (
    name?.kind === 'line' &&
    note?.kind === 'line' &&
    name.text.length <= 150 &&
    note.text.length <= 200 &&
    isNameList(comparable(name.text)) &&
    CREDIT_NOTE.test(comparable(note.text))
  );
}

function contentFollows(units: readonly Unit[], from: number): boolean {
  for (let j = from; j < units.length; j++) if (!isChromeUnit(units[j])) return true;
  return false;
}

/** Reads the header. May split the first multi-line unit into lines when a byline follows it. */
export function readHeader(units: Unit[]): Header {
  const header: Header = {
    title: null,
    subtitle: null,
    byline: null,
    siteName: null,
    moments: [],
    articleLike: false,
    carried: [],
    end: 0,
  };
  let subtitle: HeaderItem | null = null;
  const credits: string[] = [];
  let afterTitle = false;
  let i = 0;
  while (i < units.length && i < MAX_HEADER_UNITS) {
    const u = units[i];
    if (u === undefined) break;
    // "Title\nSubtitle" pasted without a blank line, with the byline below: still a header.
    if (
      u.kind === 'lines' &&
      header.title === null &&
      u.lines.length <= 3 &&
      metadataFollows(units, i + 1)
    ) {
      units.splice(i, 1, ...u.lines.map((text): Unit => ({ kind: 'line', text })));
      continue;
    }
    if (u.kind !== 'line') break;
    const text = u.text;
    if (isChromeLine(text)) {
      i++;
      continue;
    }
    const facts = parseMetadataLine(text);
    if (facts) {
      header.articleLike = true;
      header.byline ??= facts.byline;
      header.siteName ??= facts.siteName;
      header.moments.push(...facts.moments);
      afterTitle = false;
      i++;
      continue;
    }
    if (isDanglingBy(text)) {
      const next = units[i + 1];
      if (next?.kind !== 'line' || next.text.length > 300 || !isNameList(comparable(next.text)))
        break;
      header.articleLike = true;
      header.byline ??= comparable(next.text);
      afterTitle = false;
      i += 2;
      continue;
    }
    // A rule between the title and the credits (a text rendering's underline) separates, no more.
    if (header.title !== null && /^[-=_*~]{3,}$/.test(comparable(text)) && isCredit(units, i + 1)) {
      i++;
      continue;
    }
    if (header.title !== null && isCredit(units, i)) {
      header.articleLike = true;
      credits.push(comparable(text));
      afterTitle = false;
      i += 2;
      continue;
    }
    const caption = captionKind(text);
    if (caption) {
      header.carried.push({ index: i, text, caption });
      afterTitle = false;
      i++;
      continue;
    }
    if (header.title === null && isTitleLine(text)) {
      if (!contentFollows(units, i + 1)) break;
      if (isKicker(units, i)) {
        i++;
        continue;
      }
      header.title = text;
      afterTitle = true;
      i++;
      continue;
    }
    if (
      afterTitle &&
      subtitle === null &&
      isSubtitleLine(text) &&
      (!endsSentence(text) || metadataFollows(units, i + 1))
    ) {
      subtitle = { index: i, text, caption: null };
      afterTitle = false;
      i++;
      continue;
    }
    break;
  }
  if (credits.length) header.byline ??= credits.join(', ');
  if (subtitle) {
    if (header.articleLike) header.subtitle = subtitle.text;
    else header.carried.push(subtitle);
  }
  header.carried.sort((a, b) => a.index - b.index);
  header.end = i;
  return header;
}
