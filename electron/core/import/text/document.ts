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

/**
 * Removes form feeds and the lines that head or foot most pages of a paginated text. Only a text
 * with form feeds has pages to judge; any other text comes back unchanged.
 */
export function dropPageFurniture(text: string): string {
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
