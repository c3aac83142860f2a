/**
 * Text drawn inside a figure (axis labels, tick values, legend entries, a diagram's node labels):
 * found by its geometry alone. Such text comes out of a page as a run of short lines that are
 * not laid out as prose: they jump up the page, sit side by side, or stand far apart, where a
 * paragraph's lines step down one line height at a time from the same margin. A run of such
 * lines becomes one figure block, its words in reading order (rows from the top, each row from
 * the left), so the body's paragraphs stay whole and search still finds the labels.
 *
 * The operator list (the drawn graphics' bounding boxes) is not read: on the real corpus the
 * text's own scatter finds the figures, and the operators would be one more pass over every
 * page's drawing, bitmaps included, for each import.
 */
import type { PdfLine } from './line';

/** A label, a tick value or a legend entry: a few words at most. */
const MAX_WORDS = 4;
const MAX_CHARS = 32;
/** Fewer short lines than this are a heading with its number, a list, a signature: not a figure. */
const MIN_LINES = 3;

/** "Figure 3", "Fig. 2.1": a figure's caption (tables and listings are laid out as text). */
const FIGURE_CAPTION =
  /^(?:Figure|Fig\.|Abbildung|Abb\.)\s+(?:[0-9]+[a-z]?(?:[.-][0-9]+)*|[IVXLC]+)\b/i;

/** An equation's sign or a big operator. */
const FORMULA = /[=∑∏∫√≤≥≠≈]/u;

function words(text: string): number {
  return text.trim().split(/\s+/).length;
}

/**
 * Could be a figure's label: short, or spread thin (a row of tick values on one baseline: far
 * wider than its letters need); not a listing's line, not a caption.
 */
function isLabel(line: PdfLine, captionLabel: RegExp): boolean {
  const short = line.text.length <= MAX_CHARS && words(line.text) <= MAX_WORDS;
  const sparse = line.right - line.x > line.text.length * line.size * 1.5;
  return !line.mono && (short || sparse) && !captionLabel.test(line.text);
}

/** Set in the body's size (within 5%): a formula's or a definition's line rather than a label. */
function bodySized(line: PdfLine, bodySize: number): boolean {
  return Math.abs(line.size - bodySize) <= bodySize * 0.05;
}

/** A heading: larger than the body and starting at the text's left edge. */
function isHeading(line: PdfLine, bodySize: number, left: number): boolean {
  return line.size >= bodySize * 1.1 && Math.abs(line.x - left) < line.size;
}

/**
 * From `a` to `b` (the next line in the content stream) is not how text goes on: `b` is level
 * with or above `a`, or far to its side. (Lines stacked down one margin — headings, a list, a
 * column of tick values — are not scattered, however far apart.)
 */
function scatteredStep(a: PdfLine, b: PdfLine): boolean {
  const size = Math.max(a.size, b.size);
  return (a.y - b.y) / size < 0.3 || Math.abs(a.x - b.x) > size * 2;
}

/** `line` carries on the prose line before it (a paragraph's short last line, at its margin). */
function endsParagraph(prev: PdfLine, line: PdfLine, spacing: number): boolean {
  const gap = (prev.y - line.y) / line.size;
  return (
    !prev.mono &&
    gap > 0 &&
    gap <= spacing * 1.45 &&
    Math.abs(prev.x - line.x) < line.size &&
    Math.abs(prev.size - line.size) < 0.5
  );
}

/**
 * The page's figure regions, each as the indexes (into `lines`, ascending) of its lines.
 * `spacing` is the page's usual baseline distance in ems, `bodySize` the body text's font size;
 * `captionLabel` tells a caption line (kept out of the figure: it becomes a caption block).
 */
export function figureRuns(
  lines: readonly PdfLine[],
  spacing: number,
  bodySize: number,
  captionLabel: RegExp,
): number[][] {
  // The text's left edge: where most lines start, or further left (headings, hanging heads).
  const left = Math.min(...lines.filter((l) => !isLabel(l, captionLabel)).map((l) => l.x));
  const runs: number[][] = [];
  let run: number[] = [];
  const close = (): void => {
    if (run.length >= MIN_LINES && isFigure(run)) runs.push(run);
    run = [];
  };
  const isFigure = (indexes: readonly number[]): boolean => {
    const run = indexes.map((i) => lines[i]!);
    let scattered = 0;
    for (let k = 1; k < run.length; k++) if (scatteredStep(run[k - 1]!, run[k]!)) scattered++;
    const share = scattered / (run.length - 1);
    const before = lines[indexes[0]! - 1];
    const after = lines[indexes.at(-1)! + 1];
    const captioned = [before, after].some((l) => l && FIGURE_CAPTION.test(l.text));
    // Mostly in the body's size: a display formula, a definition's head, a table of words —
    // text of the body, unless a "Figure N" caption says otherwise.
    const bodyShare = run.filter((l) => bodySized(l, bodySize)).length / run.length;
    if (bodyShare > 0.5 && !captioned) return false;
    // A display formula: set apart from the prose too, but it is the body's, not a figure's.
    if (run.filter((l) => FORMULA.test(l.text)).length * 3 >= run.length) return false;
    // Beside a "Figure N" caption, less scatter will do (a column of tick values).
    return share >= 0.4 || (captioned && share >= 0.25);
  };
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const label = isLabel(line, captionLabel) && !isHeading(line, bodySize, left);
    // A short line going on from a prose line is its paragraph's last line, not a label.
    if (label && !(run.length === 0 && prev && endsParagraph(prev, line, spacing))) run.push(i);
    else close();
  });
  close();
  return runs;
}

/** A figure's words in reading order: rows from the top of the page, each row from the left. */
export function figureText(lines: readonly PdfLine[]): string {
  const sorted = [...lines].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfLine[][] = [];
  for (const line of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - line.y) < Math.min(row[0]!.size, line.size) * 0.5)
      row.push(line);
    else rows.push([line]);
  }
  return rows
    .map((row) =>
      row
        .sort((a, b) => a.x - b.x)
        .map((l) => l.text)
        .join(' '),
    )
    .join(' ');
}
