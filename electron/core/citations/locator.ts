/**
 * The page locator of a passage: the page (or range) its start and end fall on in a paginated
 * source, as CSL wants it ("3", "3–4"); the style adds "p." / "pp." or nothing.
 */
import { pageAt, type PageStart } from '../../model/pages';

export function pageLocator(
  pages: readonly PageStart[] | null | undefined,
  start: number,
  end: number,
): string | null {
  const first = pageAt(pages, start);
  if (!first) return null;
  const last = pageAt(pages, Math.max(start, end - 1)) ?? first;
  return first === last ? first.label : `${first.label}–${last.label}`;
}

/** Reads an article's stored `pages` JSON; anything but a list of {label, start} is no pages. */
export function parsePages(json: string | null | undefined): PageStart[] | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v)) return null;
    const pages = v.filter(
      (p): p is PageStart =>
        typeof p === 'object' &&
        p !== null &&
        typeof (p as PageStart).label === 'string' &&
        typeof (p as PageStart).start === 'number',
    );
    return pages.length ? pages : null;
  } catch {
    return null;
  }
}
