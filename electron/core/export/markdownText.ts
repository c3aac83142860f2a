/**
 * Markdown building blocks shared by the Markdown and Obsidian formats: escaping (hostile text
 * stays text: no raw HTML, no accidental emphasis, links, headings or lists) and block quotes.
 */
import { decodeBasicEntities } from '../basicEntities';
import { cleanText, safeInlineHtml } from './text';

/** Characters that can start inline syntax anywhere in a line (CommonMark: any ASCII punctuation may be escaped). */
const INLINE = /[\\`*_[\]<>&~|!$%{}]/g;

/** Text as Markdown that renders to exactly this text (whitespace aside). */
export function escapeMarkdown(s: string): string {
  return cleanText(s)
    .split('\n')
    .map((line) => escapeLine(line))
    .join('\n');
}

function escapeLine(line: string): string {
  // Leading indentation would turn a line into a code block; it is dropped (whitespace isn't content here).
  const body = line.trimStart().replace(INLINE, '\\$&');
  // Block syntax at a line's start: headings, quotes, lists, thematic breaks, setext underlines.
  return body.replace(/^([#>+\-=:])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A paragraph-preserving block quote: every line prefixed, blank lines kept as bare `>`. */
export function blockquote(text: string): string {
  return escapeMarkdown(text.trim())
    .split('\n')
    .map((l) => (l.trim() ? `> ${l.trimEnd()}` : '>'))
    .join('\n');
}

/** Paragraphs of escaped text (a comment keeps its line breaks as hard breaks). */
export function paragraphs(text: string): string {
  return escapeMarkdown(text.trim())
    .split(/\n{2,}/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('  \n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

/** A citation's inline HTML (citeproc's: italics, bold) as one line of Markdown. */
export function citationMarkdown(html: string): string {
  let out = '';
  for (const part of safeInlineHtml(html).split(/(<\/?[a-z]+>)/)) {
    const tag = /^<\/?([a-z]+)>$/.exec(part);
    if (tag) {
      if (tag[1] === 'i' || tag[1] === 'em') out += '*';
      else if (tag[1] === 'b' || tag[1] === 'strong') out += '**';
    } else if (part) {
      // Spaces at a segment's edge separate it from the next: fold them, never drop them.
      const text = cleanText(decodeBasicEntities(part)).replace(/\s+/g, ' ');
      const [, lead, body, trail] = /^( ?)(.*?)( ?)$/.exec(text)!;
      out += `${lead}${body ? escapeMarkdown(body) : ''}${trail}`;
    }
  }
  return out.trim();
}
