/**
 * Where a `[[mention` being typed starts, from the text before the caret: `[[` then up to 75
 * characters without brackets or a line break. Three brackets (`[[[`) are not a mention.
 */
export interface MentionMatch {
  /** Offset of the `[[` in the text. */
  leadOffset: number;
  /** What was typed after `[[` (the query). */
  matchingString: string;
  /** `[[` plus the query: the text the mention replaces. */
  replaceableString: string;
}

const MENTION = /(^|[^[])(\[\[([^[\]\n]{0,75}))$/;

export function mentionMatch(textBeforeCaret: string): MentionMatch | null {
  const m = MENTION.exec(textBeforeCaret);
  if (!m) return null;
  const lead = m[1]!;
  const replaceable = m[2]!;
  return {
    leadOffset: m.index + lead.length,
    matchingString: m[3]!,
    replaceableString: replaceable,
  };
}
