/**
 * Where places in an article's old text land in its new one (Edit text, here or from another
 * device): the line alignment that re-anchors passages. One per edit, aligned on first use, so
 * the page starts, the contents and the reading place it carries share one alignment.
 */
import { LineMap } from '../passages/anchoring/line-map';

export interface TextCarry {
  /** The text did not change: every place stays where it is. */
  unchanged: boolean;
  newLength: number;
  /** The place in the new text for an offset of the old one, within the new text. */
  carry(offset: number): number;
}

export function textCarry(oldText: string, newText: string): TextCarry {
  let lines: LineMap | undefined;
  return {
    unchanged: oldText === newText,
    newLength: newText.length,
    carry(offset) {
      lines ??= new LineMap(oldText, newText);
      return Math.min(Math.max(0, lines.map(offset).offset), newText.length);
    },
  };
}
