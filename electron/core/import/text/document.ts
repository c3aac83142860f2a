/**
 * Plain-text documents as files rather than pasted articles: the page furniture a paginated text
 * carries (form feeds, running heads and feet with page numbers, repeated on every page), and the
 * date in a dated header block ("Version 3, 29 June 2007"; an RFC's "September 1981").
 */
import { normalizeDate } from '../html/dates';

/** A line that only numbers a page: "12", "- 12 -", "Page 12", "Page 12 of 40", "[Page 12]". */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+)?\[?\d{1,4}\]?(?:\s+of\s+\d{1,4})?(?:\s*[-–—])?$/i;

/** Masks digits and spacing so "Postel   [Page 3]" and "Postel   [Page 4]" compare equal. */
function shape(line: string): string {
  return line
    .trim()
    .replace(/\d+/g, '#')
    .replace(/\b[ivxlcdm]+$/i, '#')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** A page's foot that numbers it: "Bray   Standards Track   [Page 8]", "Page 3 of 40", "- 12 -". */
const NUMBERED_FOOT =
  /(?:\[page\s+\d{1,4}\]|\bpage\s+\d{1,4}(?:\s+of\s+\d{1,4})?|^-\s*\d{1,4}\s*-)$/i;

/**
 * A paginated text whose form feeds were lost (copied, re-wrapped, saved from a browser) still has
 * its numbered feet: a line of one shape, numbering the page, at least three times over. A form
 * feed goes back after each, so the pages can be judged as if it had kept them.
 */
function restoreFormFeeds(text: string): string {
  const lines = text.split('\n');
  const counts = new Map<string, number>();
  for (const line of lines)
    if (line.length <= 120 && NUMBERED_FOOT.test(line.trim()))
      counts.set(shape(line), (counts.get(shape(line)) ?? 0) + 1);
  const feet = new Set([...counts].filter(([, n]) => n >= 3).map(([s]) => s));
  if (!feet.size) return text;
  return lines
    .map((l) =>
      l.length <= 120 && feet.has(shape(l)) && NUMBERED_FOOT.test(l.trim()) ? `${l}\n\f` : l,
    )
    .join('\n');
}

/**
 * Removes form feeds and the lines that head or foot most pages of a paginated text. Only a text
 * with form feeds (or with the numbered feet that mark where they were) has pages to judge; any
 * other text comes back unchanged.
 */
export function dropPageFurniture(input: string): string {
  const text = input.includes('\f') ? input : restoreFormFeeds(input);
  if (!text.includes('\f')) return text;
  const pages = text.split('\f').map((p) => p.split('\n'));
  if (pages.length < 3) return text.replace(/\f/g, '\n');
  const edgeShapes = new Map<string, number>();
  const edges = pages.map((lines) => {
    const filled = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trim());
    const picks = [...filled.slice(0, 2), ...filled.slice(-2)];
    for (const s of new Set(picks.map(([l]) => shape(l))))
      edgeShapes.set(s, (edgeShapes.get(s) ?? 0) + 1);
    return picks;
  });
  const furniture = (line: string): boolean =>
    PAGE_NUMBER.test(line.trim()) ||
    ((edgeShapes.get(shape(line)) ?? 0) >= Math.max(3, pages.length / 2) &&
      shape(line).length < 120);
  return pages
    .map((lines, p) => {
      const drop = new Set(edges[p]?.filter(([l]) => furniture(l)).map(([, i]) => i));
      return lines.filter((_, i) => !drop.has(i)).join('\n');
    })
    .join('\n');
}

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
const FULL_DATE = new RegExp(
  `\\b(\\d{1,2}\\s+(?:${MONTHS})\\.?\\s+\\d{4}|(?:${MONTHS})\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})\\b`,
  'i',
);
const MONTH_YEAR_AT_END = new RegExp(`(?:^|\\s{2,})((?:${MONTHS})\\s+\\d{4})\\s*$`, 'i');
const HEADER_LINES = 15;

/** The date of a dated header block: a full date in the first lines, else an RFC's "Month Year". */
export function headerBlockDate(text: string): string | null {
  // Trimmed and short lines only: the patterns then run on at most 120 characters each.
  const lines = text
    .slice(0, 20_000)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l)
    .slice(0, HEADER_LINES)
    .filter((l) => l.length <= 120);
  for (const line of lines) {
    const m = FULL_DATE.exec(line);
    const date = m?.[1] ? normalizeDate(m[1]) : null;
    // Date.parse rolls "February 30" over into March: a day it didn't keep is no date.
    const day = /^\d{4}-/.test(m?.[1] ?? '') ? undefined : m?.[1]?.match(/\b(\d{1,2})\b/)?.[1];
    if (date && (!day || Number(date.slice(8, 10)) === Number(day))) return date;
  }
  for (const line of lines) {
    const m = MONTH_YEAR_AT_END.exec(line);
    if (!m?.[1]) continue;
    const date = normalizeDate(`1 ${m[1]}`);
    if (date) return date.slice(0, 7);
  }
  return null;
}

export interface MemoHeader {
  title: string;
  author: string | null;
  /** The text without the title lines (the header block stays in the body). */
  rest: string;
}

/** "Request for Comments: 7159          Google, Inc.": a left and a right column. */
const TWO_COLUMNS = /^(\S.*?\S)\s{4,}(\S.*)$/;

/**
 * An RFC-style memo header: a block of two-column lines (series and number on the left; authors,
 * their organisations and the date on the right) opening the text, and the title centred under it.
 * The title is that centred line, not the block's first; the author is the right column's first
 * cell ("T. Bray, Ed.").
 */
export function memoHeader(text: string, isName: (s: string) => boolean): MemoHeader | null {
  const lines = text.slice(0, 20_000).split('\n');
  let i = 0;
  while (i < lines.length && !lines[i]?.trim()) i++;
  const start = i;
  while (i < lines.length && lines[i]?.trim()) i++;
  const block = lines.slice(start, i).map((l) => l.trimEnd());
  if (block.length < 3 || block.length > 12 || block.some((l) => l.length > 100)) return null;
  const columns = block.map((l) => TWO_COLUMNS.exec(l));
  if (!columns[0] || columns.filter(Boolean).length < 2) return null;
  while (i < lines.length && !lines[i]?.trim()) i++;
  const titleStart = i;
  while (i < lines.length && lines[i]?.trim() && i - titleStart < 3) i++;
  const titleLines = lines.slice(titleStart, i);
  // Centred (indented), closed by a blank line, and no sentence.
  if (
    !titleLines.length ||
    lines[i]?.trim() ||
    titleLines.some((l) => !/^\s{2,}\S/.test(l) || l.trim().length > 200)
  )
    return null;
  const title = titleLines.map((l) => l.trim()).join(' ');
  if (/[.:;,]$/.test(title)) return null;
  const first = columns[0][2]?.replace(/,\s*Ed\.?$/i, '').trim() ?? '';
  return {
    title,
    author: isName(first) ? first : null,
    rest: [...lines.slice(0, titleStart), ...text.split('\n').slice(i)].join('\n'),
  };
}
