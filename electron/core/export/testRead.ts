/** Readers the export tests share: independent parsers turned into plain values to compare. */
import { JSDOM } from 'jsdom';
import { marked, type Token } from 'marked';
import { parse as parseYaml } from 'yaml';
import { cleanText } from './text';
import type { ExportOutput } from './types';

/** Whitespace folded: Markdown, HTML and Word all reflow it. */
export const norm = (s: string) => cleanText(s).replace(/\s+/g, ' ').trim();

export function fileText(out: ExportOutput): string {
  if (out.kind !== 'file') throw new Error('expected a file');
  return new TextDecoder().decode(out.bytes);
}

export function splitFrontMatter(md: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  if (!m) throw new Error('no front matter');
  return { data: parseYaml(m[1]!) as Record<string, unknown>, body: md.slice(m[0].length) };
}

export function allTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  const walk = (list: readonly Token[]) => {
    for (const t of list) {
      out.push(t);
      const kids = (t as { tokens?: Token[] }).tokens;
      if (kids) walk(kids);
      const items = (t as { items?: Token[] }).items;
      if (items) walk(items);
    }
  };
  walk(tokens);
  return out;
}

/** Markdown rendered by marked, as a DOM to query. */
export function markdownDom(md: string): Document {
  const doc = new JSDOM(marked.parse(md, { async: false })).window.document;
  // A hard line break is a line break in the text, not nothing.
  for (const br of doc.querySelectorAll('br')) br.replaceWith('\n');
  return doc;
}
