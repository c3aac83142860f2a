/**
 * Running heads, running feet and bare page numbers: print furniture, not text.
 *
 * Only lines at the top or bottom edge of a page are candidates: among the three highest and
 * three lowest baselines, those within the outer 8% of the page's height, inside the usual
 * margins (a short page's body lines are its highest and lowest too, but they sit further in). A
 * candidate is dropped when it is a bare page number ("12", "- 12 -", "Page 3 of 10", "xiv"), a
 * publisher's notice ("Downloaded from …", "© 2021 …", "All rights reserved"), or when the same
 * line — digits ignored, so "Chapter 2 · 17" matches "Chapter 2 · 18" — stands at an edge on at
 * least half of the pages, or of the odd or the even pages (a book's running heads alternate:
 * the book's title on the left-hand pages, the chapter's on the right), and three of them.
 */
import type { PdfLine } from './layout';

const EDGE_LINES = 3;
const NOTICE =
  /^(?:(?:this (?:content|article) was )?downloaded (?:from|by)\b|©|\(c\)\s*\d{4}|copyright\b.*\d{4}|all rights reserved\b|this article is protected by copyright)/i;

export function isNotice(text: string): boolean {
  return NOTICE.test(text.trim());
}
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
  // Pages with each key: all of them, the odd ones, the even ones.
  const counts = new Map<string, [number, number, number]>();
  edges.forEach((edge, i) => {
    const keys = new Set([...edge].map((l) => furnitureKey(l.text)));
    for (const key of keys) {
      const c = counts.get(key) ?? [0, 0, 0];
      c[0]++;
      c[1 + (i % 2)]!++;
      counts.set(key, c);
    }
  });
  const half = (n: number): number => Math.max(3, Math.ceil(n / 2));
  const thresholds = [
    half(pages.length),
    half(Math.ceil(pages.length / 2)),
    half(Math.floor(pages.length / 2)),
  ];
  const repeated = (text: string): boolean => {
    const c = counts.get(furnitureKey(text));
    return !!c && c.some((n, k) => n >= thresholds[k]!);
  };
  return pages.map((lines, i) => {
    const edge = edges[i] as Set<PdfLine>;
    return lines.filter(
      (line) =>
        !edge.has(line) || !(isPageNumber(line.text) || isNotice(line.text) || repeated(line.text)),
    );
  });
}
