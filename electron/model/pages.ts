/**
 * Page starts of a paginated source (PDF): where each printed page begins in the article's
 * canonical text. Runtime-neutral (the reader draws page breaks from it, citations use `pageAt`).
 */

import { z } from 'zod';

export const PageStartSchema = z.object({
  /** The page's printed label ("iv", "12", or its number when the PDF names none). */
  label: z.string(),
  /** Offset in the canonical text where the page's first block starts. */
  start: z.number().int().nonnegative(),
});
export type PageStart = z.output<typeof PageStartSchema>;

/**
 * The page an offset of the canonical text falls on: the last page starting at or before it.
 * Null when the article has no pages or the offset lies before the first one.
 * Binary search: a book has hundreds of pages and this runs per passage.
 */
export function pageAt(
  pages: readonly PageStart[] | null | undefined,
  offset: number,
): PageStart | null {
  if (!pages?.length) return null;
  let lo = 0;
  let hi = pages.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((pages[mid] as PageStart).start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? null : (pages[found] as PageStart);
}

/** The first and last page a range of the canonical text falls on; null without pages. */
function pageSpan(
  pages: readonly PageStart[] | null | undefined,
  start: number,
  end: number,
): { first: PageStart; last: PageStart } | null {
  const first = pageAt(pages, start);
  if (!first) return null;
  return { first, last: pageAt(pages, Math.max(start, end - 1)) ?? first };
}

/**
 * A passage's page locator as CSL wants it ("3", "3–4"): the style adds "p." / "pp." or nothing.
 * Null without pages.
 */
export function pageLocator(
  pages: readonly PageStart[] | null | undefined,
  start: number,
  end: number,
): string | null {
  const span = pageSpan(pages, start, end);
  if (!span) return null;
  return span.first === span.last ? span.first.label : `${span.first.label}–${span.last.label}`;
}

/** "p. 4", or "pp. 4–5" when a range spans pages; null without pages. */
export function citePages(
  pages: readonly PageStart[] | null | undefined,
  start: number,
  end: number,
): string | null {
  const span = pageSpan(pages, start, end);
  if (!span) return null;
  return span.first === span.last
    ? `p. ${span.first.label}`
    : `pp. ${span.first.label}–${span.last.label}`;
}

/**
 * Which page of the PDF (1-based) each page start belongs to. The import labels a page with the
 * PDF's page label, else its number, and skips pages without text, so page starts are matched
 * in order against the labels the document declares (`labels[i]` for page i + 1; null or
 * missing: none). A start whose label no later page has falls on the page after the previous
 * match.
 */
export function pdfPageNumbers(
  pages: readonly PageStart[],
  labels: readonly (string | null)[] | null,
  numPages: number,
): number[] {
  const labelOf = (i: number): string => {
    const raw = labels?.[i];
    const clean =
      typeof raw === 'string' ? raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 40) : '';
    return clean || String(i + 1);
  };
  const out: number[] = [];
  let next = 0;
  for (const page of pages) {
    let found = -1;
    for (let i = next; i < numPages; i++)
      if (labelOf(i) === page.label) {
        found = i;
        break;
      }
    if (found < 0) found = Math.min(next, numPages - 1);
    out.push(found + 1);
    next = found + 1;
  }
  return out;
}
