/**
 * Collects styled text for one block and turns it into `Inline[]` the way a browser lays out
 * normal-flow text: runs of ASCII whitespace collapse to one space, spaces at the start and end
 * of a line disappear, a hard break (`<br>`, a Markdown hard break) becomes one `\n`.
 * Used by the HTML and Markdown importers alike.
 */
import type { Inline, InlineMark } from '../../../model/body';

export interface InlineStyle {
  marks: readonly InlineMark[];
  href?: string;
}

export const PLAIN: InlineStyle = { marks: [] };

const MARK_ORDER: readonly InlineMark[] = ['bold', 'italic', 'code'];

/** A style with one more mark (kept in canonical order, no duplicates). */
export function withMark(style: InlineStyle, mark: InlineMark): InlineStyle {
  if (style.marks.includes(mark)) return style;
  const marks = MARK_ORDER.filter((m) => m === mark || style.marks.includes(m));
  return { ...style, marks };
}

export function withHref(style: InlineStyle, href: string | undefined): InlineStyle {
  const next: InlineStyle = { marks: style.marks };
  if (href) next.href = href;
  return next;
}

type Piece = { kind: 'text'; text: string; style: InlineStyle } | { kind: 'break' };

/** HTML's "ASCII whitespace"; NBSP and other Unicode spaces are content and are kept. */
const COLLAPSIBLE = /[\t\n\f\r ]+/g;

export class InlineRun {
  private pieces: Piece[] = [];

  text(text: string, style: InlineStyle = PLAIN): void {
    if (text) this.pieces.push({ kind: 'text', text, style });
  }

  lineBreak(): void {
    this.pieces.push({ kind: 'break' });
  }

  /** True when nothing visible has been collected. */
  isBlank(): boolean {
    return this.pieces.every((p) => p.kind === 'break' || p.text.trim() === '');
  }

  /** The collected content, whitespace collapsed; resets the run. */
  take(): Inline[] {
    const pieces = this.pieces;
    this.pieces = [];
    return collapse(pieces);
  }
}

function collapse(pieces: readonly Piece[]): Inline[] {
  const out: Inline[] = [];
  let atLineStart = true;
  let pendingSpace = false;

  const append = (text: string, style: InlineStyle): void => {
    const last = out[out.length - 1];
    if (last && sameStyle(last, style)) last.text += text;
    else out.push(toInline(text, style));
  };

  for (const piece of pieces) {
    if (piece.kind === 'break') {
      // Consecutive breaks stay one: `\n\n` would read as a block boundary in the canonical text.
      const last = out[out.length - 1];
      if (last && !last.text.endsWith('\n')) last.text += '\n';
      atLineStart = true;
      pendingSpace = false;
      continue;
    }
    const collapsed = piece.text.replace(COLLAPSIBLE, ' ');
    const leading = collapsed.startsWith(' ');
    const trailing = collapsed.endsWith(' ');
    const core = collapsed.slice(
      leading ? 1 : 0,
      trailing && collapsed.length > 1 ? -1 : undefined,
    );
    if (core === '' || core === ' ') {
      if (collapsed.length > 0 && !atLineStart) pendingSpace = true;
      continue;
    }
    let text = core;
    if ((pendingSpace || leading) && !atLineStart) {
      // A separating space goes to the unstyled side when there is one, so marked text, links
      // and code spans neither start nor end with a space.
      const last = out[out.length - 1];
      if (last && spaceGoesLeft(last, piece.style)) last.text += ' ';
      else text = ` ${core}`;
    }
    append(text, piece.style);
    atLineStart = false;
    pendingSpace = trailing;
  }

  // No break or space at the very end or start of the block.
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/[\n ]+$/, '');
  return out.filter((span) => span.text !== '');
}

function spaceGoesLeft(left: Inline, right: InlineStyle): boolean {
  const leftPlain = !left.href && !left.marks?.length;
  const rightPlain = !right.href && !right.marks.length;
  if (leftPlain) return true;
  if (rightPlain) return false;
  // Both styled: not onto a link or code span if avoidable.
  return !left.href && !left.marks?.includes('code');
}

function sameStyle(span: Inline, style: InlineStyle): boolean {
  const marks = span.marks ?? [];
  return (
    span.href === style.href &&
    marks.length === style.marks.length &&
    marks.every((m, i) => style.marks[i] === m)
  );
}

function toInline(text: string, style: InlineStyle): Inline {
  const span: Inline = { text };
  if (style.href) span.href = style.href;
  if (style.marks.length) span.marks = [...style.marks];
  return span;
}

/** A block's content is worth keeping when it has a visible character (NBSP-only spacers are not). */
export function hasVisibleText(content: readonly Inline[]): boolean {
  return content.some((span) => span.text.trim() !== '');
}
