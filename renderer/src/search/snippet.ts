/**
 * Search snippets carry their hits between U+0002 and U+0003 (see the contract). They are split
 * here into plain segments so React renders every character as text: a snippet is article text,
 * and article text may contain markup that must never be parsed.
 */
import { SNIPPET_HIT_CLOSE, SNIPPET_HIT_OPEN } from '../../../electron/model/search';

export interface SnippetSegment {
  text: string;
  hit: boolean;
}

export function splitSnippet(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let hit = false;
  let text = '';
  const flush = () => {
    if (text !== '') {
      const last = segments[segments.length - 1];
      // Adjacent segments of the same kind (e.g. a stray delimiter) read as one.
      if (last && last.hit === hit) last.text += text;
      else segments.push({ text, hit });
    }
    text = '';
  };
  for (const ch of snippet) {
    if (ch === SNIPPET_HIT_OPEN || ch === SNIPPET_HIT_CLOSE) {
      flush();
      hit = ch === SNIPPET_HIT_OPEN;
    } else {
      text += ch;
    }
  }
  flush();
  return segments;
}
