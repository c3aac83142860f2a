/**
 * Text cleaning shared by the formats. Excerpts may hold control characters (pasted text, odd
 * imports); XML 1.0 (DOCX), HTML and most Markdown tools reject or mangle them, so every
 * text-based format passes its strings through `cleanText` first. JSON keeps the exact quote
 * (its selectors must match the article's text) and escapes instead.
 */

import { LONE_SURROGATE } from '../../model/unicode';

// C0 controls except tab and line feed, DEL, lone surrogates, and the XML non-characters U+FFFE/U+FFFF.
const UNSAFE = new RegExp(
  `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f\\ufffe\\uffff]|${LONE_SURROGATE.source}`,
  'g',
);

/** Line breaks normalised to \n, characters no XML/HTML/Markdown file may hold removed. */
export function cleanText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(UNSAFE, '');
}

/** One line: every run of whitespace (line breaks included) becomes one space. */
export function oneLine(s: string): string {
  return cleanText(s).replace(/\s+/g, ' ').trim();
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return cleanText(s).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}
const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const SAFE_INLINE_TAGS = new Set(['i', 'b', 'em', 'strong', 'sup', 'sub', 'span', 'small']);

/**
 * A citation's HTML reduced to simple inline tags without attributes (citeproc's italics and
 * bold survive; anything else — scripts, links, styles — loses its tags, keeping its text).
 */
export function safeInlineHtml(html: string): string {
  let out = '';
  let last = 0;
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    out += escapeLoose(html.slice(last, m.index));
    const name = m[2]!.toLowerCase();
    if (SAFE_INLINE_TAGS.has(name)) out += `<${m[1]}${name}>`;
    last = m.index + m[0].length;
  }
  return out + escapeLoose(html.slice(last));
}

/** Text between tags of HTML we didn't write: keep entities, neutralise stray brackets. */
function escapeLoose(s: string): string {
  return cleanText(s)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/&(?!#?[a-zA-Z0-9]+;)/g, '&amp;');
}

/** Passage and source links back into the app (the desktop app registers the scheme). */
export function passageUrl(id: string): string {
  return `commonplace://passage/${id}`;
}
export function articleUrl(id: string): string {
  return `commonplace://article/${id}`;
}
