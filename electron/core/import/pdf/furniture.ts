/**
 * Running heads, running feet and bare page numbers: print furniture, not text.
 *
 * Only lines at the top or bottom edge of a page are candidates: among the two highest and two
 * lowest baselines, those within the outer 8% of the page's height, inside the usual margins (a
 * short page's body lines are its highest and lowest too, but they sit further in). A candidate
 * is dropped when it is a bare page number ("12", "- 12 -", "Page 3 of 10", "xiv"), or when the
 * same line — digits ignored, so "Chapter 2 · 17" matches "Chapter 2 · 18" — stands at an edge
 * on at least half of the pages (and three of them).
 */
import type { PdfLine } from './layout';

const EDGE_LINES = 2;
const PAGE_NUMBER =
  /^[-–—\s]*(?:(?:page|p\.|seite|página|pagina)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|\/|de|von)\s*\d{1,4})?[-–—\s]*$/i;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** A page's vertical extent in PDF units (y grows upwards). */
export interface PageBox {
  bottom: number;
  top: number;
}

const EDGE_BAND = 0.08;

function edgeLines(lines: readonly PdfLine[], box: PageBox | undefined): Set<PdfLine> {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  const candidates = [...byHeight.slice(0, EDGE_LINES), ...byHeight.slice(-EDGE_LINES)];
  if (!box || box.top <= box.bottom) return new Set(candidates);
  const band = (box.top - box.bottom) * EDGE_BAND;
  return new Set(candidates.filter((l) => l.y >= box.top - band || l.y <= box.bottom + band));
}

/** Each page's lines without its furniture (same order). `boxes[i]` is page i's extent. */
export function dropFurniture(
  pages: readonly (readonly PdfLine[])[],
  boxes: readonly PageBox[] = [],
): PdfLine[][] {
  const edges = pages.map((lines, i) => edgeLines(lines, boxes[i]));
  const pagesWithKey = new Map<string, number>();
  for (const edge of edges) {
    const keys = new Set([...edge].map((l) => furnitureKey(l.text)));
    for (const key of keys) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(pages.length / 2));
  return pages.map((lines, i) => {
    const edge = edges[i] as Set<PdfLine>;
    return lines.filter((line) => {
      if (!edge.has(line)) return true;
      if (isPageNumber(line.text)) return false;
      return (pagesWithKey.get(furnitureKey(line.text)) ?? 0) < threshold;
    });
  });
}
