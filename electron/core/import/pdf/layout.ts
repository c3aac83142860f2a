/**
 * PDF text items → lines → paragraphs, from positions alone (pdfjs gives positioned runs of text,
 * not structure). Pure: the tests feed it items directly.
 *
 * Reading order is the content stream's order, which is how nearly every generator writes text
 * (and what pdfjs returns); items only join into a line when they share a baseline and follow on
 * from each other. A paragraph ends at a larger-than-usual vertical gap, a change of font size,
 * or an indented first line; line-end hyphens are removed when the word continues in lower case.
 * Lines set wholly in a monospace font are a code listing: one block keeping its line breaks and
 * indentation. A caption ("Figure 3: …") starts its own paragraph. A sentence running on from the
 * foot of one column to the head of the next stays one paragraph. The text drawn inside a figure
 * (labels, tick values) is one figure block (`figures.ts`), after the paragraph it interrupts.
 */
import { figureRuns, figureText } from './figures';
import type { PdfLine } from './line';

export interface PdfTextItem {
  str: string;
  /** Text-space origin of the run, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (the transform's vertical scale). */
  size: number;
  hasEOL: boolean;
  /** Set in a monospace font (pdf.js's fallback family for it). */
  mono?: boolean;
}

export type { PdfLine };

export interface PdfParagraph {
  text: string;
  size: number;
  lines: PdfLine[];
  /** A code listing: `text` keeps its line breaks and indentation. */
  code?: boolean;
  /** Opens with a figure's label ("Figure 3:"). */
  caption?: boolean;
  /** The words drawn inside a figure, in reading order. */
  figure?: boolean;
}

/** "Figure 3:", "Fig. 2.1.", "Table IV —", "Listing 4": a figure's label opening its caption. */
export const CAPTION_LABEL =
  /^(?:Figure|Fig\.|Table|Listing|Chart|Plate|Exhibit|Scheme|Abbildung|Abb\.|Tabelle)\s+(?:[0-9]+[a-z]?(?:[.-][0-9]+)*|[IVXLC]+)(?:\s*[:.—–-]|$)/i;

/** The line ends a sentence (or a heading-like label): what follows is not its continuation. */
const ENDS_SENTENCE = /[.!?:;…"”’)\]]$/u;

/** Joins the items of one page into lines. */
export function itemsToLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  let breakNext = false;
  for (const item of items) {
    const size = item.size > 0 ? item.size : 10;
    if (!item.str) {
      if (item.hasEOL) breakNext = true;
      continue;
    }
    const level =
      current !== null && Math.abs(item.y - current.y) < Math.max(current.size, size) * 0.5;
    // TeX sets "ö" as "¨" and then steps back to set "o" under it: the letter starts left of
    // where the accent ends, and is still the same word.
    const underAccent =
      current !== null && level && ACCENT_AT_END.test(current.text) && item.x > current.x;
    const sameLine =
      current !== null &&
      !breakNext &&
      level &&
      (underAccent || item.x > current.right - Math.max(current.size, size) * 0.5);
    if (current && sameLine) {
      current.mono = current.mono && item.mono === true;
      const gap = item.x - current.right;
      const needsSpace =
        !underAccent && gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str);
      current.text += (needsSpace ? ' ' : '') + item.str;
      current.right = Math.max(current.right, item.x + item.width);
      // Superscripts (footnote marks) are smaller: the line keeps its body size.
      current.size = Math.max(current.size, size);
    } else {
      current = {
        text: item.str,
        x: item.x,
        right: item.x + item.width,
        y: item.y,
        size,
        mono: item.mono === true,
      };
      lines.push(current);
    }
    breakNext = item.hasEOL;
  }
  // A listing's spaces are its layout (indentation, aligned columns): kept.
  for (const line of lines)
    line.text = line.mono
      ? line.text.trimEnd()
      : composeAccents(line.text.replace(/\s+/g, ' ').trim());
  return lines.filter((l) => l.text.trim() !== '');
}

const ACCENT_AT_END = /[\u00a8\u00b4\u02c7\u02d8\u02da\u00b8\u02dd]$/;

/** TeX's spacing accents (OT1 fonts draw "ö" as "¨" over "o") and the combining marks they stand for. */
const SPACING_ACCENTS: Record<string, string> = {
  '\u00a8': '\u0308', // ¨ diaeresis
  '\u00b4': '\u0301', // ´ acute
  '\u02c7': '\u030c', // ˇ caron
  '\u02d8': '\u0306', // ˘ breve
  '\u02da': '\u030a', // ˚ ring
  '\u00b8': '\u0327', // ¸ cedilla
  '\u02dd': '\u030b', // ˝ double acute
};

/**
 * "Niels M¨ oller" → "Niels Möller": a TeX font without precomposed letters sets the accent as a
 * glyph of its own before the letter, and the text layer keeps them apart. Joined only where
 * Unicode has the accented letter, so a math accent or an operator in a listing stays as it is
 * (circumflex and tilde, XOR and NOT in code, are left alone).
 */
export function composeAccents(text: string): string {
  return text.replace(
    /([\u00a8\u00b4\u02c7\u02d8\u02da\u00b8\u02dd]) ?(\p{L})/gu,
    (all, accent: string, letter: string) => {
      const composed = (letter + (SPACING_ACCENTS[accent] ?? '')).normalize('NFC');
      return composed.length === 1 ? composed : all;
    },
  );
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** The most common value, rounded to half points (body text size, line spacing, left margin). */
export function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const v of values) {
    const key = Math.round(v * 2) / 2;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > bestCount) {
      best = key;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Groups a page's lines into paragraphs. `bodySize` is the document's body text size (the
 * page's most common size when not given).
 */
export function linesToParagraphs(lines: readonly PdfLine[], bodySize?: number): PdfParagraph[] {
  if (!lines.length) return [];
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1] as PdfLine;
    const b = lines[i] as PdfLine;
    const gap = a.y - b.y;
    if (gap > 0 && Math.abs(a.size - b.size) < 0.5) gaps.push(gap / b.size);
  }
  // Usual baseline distance, in ems of the font (1.2 when a page has too few lines to tell).
  const spacing = gaps.length >= 3 ? median(gaps) : 1.2;
  // A figure's lines are taken out, and the prose around them grouped as if it weren't there:
  // a paragraph the figure interrupts (a column's foot, the figure, the next column's head)
  // stays whole, and the figure's block follows it.
  const runs = figureRuns(
    lines,
    spacing,
    bodySize ?? mode(lines.map((l) => l.size)),
    CAPTION_LABEL,
  );
  const inFigure = new Set(runs.flat());
  const prose = lines.filter((_, i) => !inFigure.has(i));
  const margin = mode(prose.map((l) => l.x));

  const paragraphs: PdfParagraph[] = [];
  /** The paragraph each prose line ended up in. */
  const paragraphOf = new Map<PdfLine, PdfParagraph>();
  let current: PdfParagraph | null = null;
  for (let i = 0; i < prose.length; i++) {
    const line = prose[i] as PdfLine;
    const prev = i > 0 ? (prose[i - 1] as PdfLine) : null;
    let start = current === null || prev === null;
    if (!start && prev && current) {
      const gap = (prev.y - line.y) / line.size;
      const sizeChange = Math.abs(prev.size - line.size) > Math.min(prev.size, line.size) * 0.12;
      if (current.code || line.mono) {
        // A listing keeps its lines together across blank lines, and only its own lines.
        start = !current.code || !line.mono || gap < 0 || gap > spacing * 3.5 || sizeChange;
      } else {
        const indented =
          line.x - margin > line.size * 0.8 && Math.abs(prev.x - margin) < line.size * 0.5;
        // Going up the page (the next column) carries on a sentence cut at the column's foot.
        const nextColumn = gap < 0 && line.x > prev.x + line.size * 2;
        const continues =
          nextColumn && !sizeChange && !ENDS_SENTENCE.test(prev.text) && continuesText(line.text);
        // Going up the page, or a gap beyond usual spacing, starts a new paragraph (columns, blocks).
        // A caption ends with its sentence (the text under a figure goes on below it).
        const captionEnds = !!current.caption && !endsMidSentence(current.text);
        start =
          !continues &&
          (captionEnds ||
            gap < 0 ||
            gap > spacing * 1.45 ||
            sizeChange ||
            indented ||
            CAPTION_LABEL.test(line.text));
      }
    }
    if (start || !current) {
      current = {
        text: line.text,
        size: line.size,
        lines: [line],
        ...(line.mono ? { code: true } : {}),
        ...(!line.mono && CAPTION_LABEL.test(line.text) ? { caption: true } : {}),
      };
      paragraphs.push(current);
    } else {
      current.text = joinLines(current.text, line.text);
      current.lines.push(line);
    }
    paragraphOf.set(line, current);
  }
  for (const p of paragraphs) if (p.code) p.text = listingText(p.lines, spacing);
  return placeFigures(paragraphs, runs, lines, paragraphOf);
}

/**
 * Each figure after the paragraph holding the prose line before it, or first on the page, and
 * its caption straight after it: the caption set just under (or over) the figure, wherever the
 * content stream put it.
 */
function placeFigures(
  paragraphs: readonly PdfParagraph[],
  runs: readonly number[][],
  lines: readonly PdfLine[],
  paragraphOf: ReadonlyMap<PdfLine, PdfParagraph>,
): PdfParagraph[] {
  if (!runs.length) return [...paragraphs];
  const after = new Map<PdfParagraph | null, PdfParagraph[]>();
  for (const run of runs) {
    const figureLines = run.map((i) => lines[i] as PdfLine);
    const figure: PdfParagraph = {
      text: figureText(figureLines),
      size: Math.max(...figureLines.map((l) => l.size)),
      lines: figureLines,
      figure: true,
    };
    const before = lines[run[0]! - 1];
    const anchor = (before && paragraphOf.get(before)) ?? null;
    after.set(anchor, [...(after.get(anchor) ?? []), figure]);
  }
  const figures = [...after.values()].flat();
  const captionOf = new Map<PdfParagraph, PdfParagraph>();
  for (const figure of figures) {
    const caption = paragraphs.find(
      (p) => p.caption && ![...captionOf.values()].includes(p) && captions(figure, p),
    );
    if (caption) captionOf.set(figure, caption);
  }
  const moved = new Set(captionOf.values());
  const out: PdfParagraph[] = [];
  const withCaption = (f: PdfParagraph): PdfParagraph[] => {
    const caption = captionOf.get(f);
    return caption ? [f, caption] : [f];
  };
  out.push(...(after.get(null) ?? []).flatMap(withCaption));
  for (const p of paragraphs) {
    if (!moved.has(p)) out.push(p);
    out.push(...(after.get(p) ?? []).flatMap(withCaption));
  }
  return out;
}

/** `caption` is set just under or over `figure` (within three lines), across part of its width. */
function captions(figure: PdfParagraph, caption: PdfParagraph): boolean {
  const first = caption.lines[0] as PdfLine;
  const last = caption.lines.at(-1) as PdfLine;
  const top = Math.max(...figure.lines.map((l) => l.y));
  const bottom = Math.min(...figure.lines.map((l) => l.y));
  const left = Math.min(...figure.lines.map((l) => l.x));
  const right = Math.max(...figure.lines.map((l) => l.right));
  const reach = first.size * 3.5;
  const near =
    (first.y < bottom && bottom - first.y <= reach) || (last.y > top && last.y - top <= reach);
  const overlaps =
    Math.min(right, Math.max(...caption.lines.map((l) => l.right))) >
    Math.max(left, Math.min(...caption.lines.map((l) => l.x)));
  return near && overlaps;
}

/** Text that carries on a sentence: it starts in lower case (or with a continuing mark). */
export function continuesText(text: string): boolean {
  return /^[\p{Ll},;)\]–—-]/u.test(text);
}

/** Whether a paragraph's text stops mid-sentence (so a following lower-case one continues it). */
export function endsMidSentence(text: string): boolean {
  return !ENDS_SENTENCE.test(text.trimEnd());
}

/**
 * A listing's lines with their breaks, each indented by its distance from the leftmost line in
 * the font's character widths, and a blank line where the gap shows one.
 */
function listingText(lines: readonly PdfLine[], spacing: number): string {
  const left = Math.min(...lines.map((l) => l.x));
  const widths = lines
    .filter((l) => l.text.length > 1)
    .map((l) => (l.right - l.x) / l.text.length)
    .filter((w) => w > 0);
  const charWidth = widths.length ? median(widths) : 0;
  return lines
    .map((line, i) => {
      const prev = lines[i - 1];
      const blank = prev && (prev.y - line.y) / line.size > spacing * 1.6 ? '\n' : '';
      const indent = charWidth > 0 ? Math.max(0, Math.round((line.x - left) / charWidth)) : 0;
      return `${blank}${' '.repeat(indent)}${line.text}`;
    })
    .join('\n');
}

/**
 * "inter-" + "national" → "international"; "well-" + "Known" and "1990-" + "2000" keep the hyphen
 * (a capital or digit after a break is a real compound or range). Otherwise lines join with a
 * space, except in scripts written without spaces (CJK).
 */
export function joinLines(before: string, after: string): string {
  if (/\p{Ll}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  if (/[-\u2010]$/.test(before)) return before + after;
  if (
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(before) &&
    /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(after)
  ) {
    return before + after;
  }
  return `${before} ${after}`;
}
