/**
 * Markdown file → `ParsedArticle`.
 *
 * Metadata comes from YAML front matter (see `frontMatter.ts` for malformed YAML: the file is
 * imported anyway and the problem reported in `warnings`). The title is the front matter's, else
 * the first top-level heading (taken out of the body when it opens it), else the file name. The
 * date is the front matter's, else a `Date:` line near the top, else a dated file name.
 */
import { lexer } from 'marked';
import { inlineText, makeBody, type Block } from '../../../model/body';
import { CommonplaceError } from '../../errors';
import { cleanField } from '../../text-fields';
import { normalizeNewlines } from '../decode';
import { normalizeDate } from '../html/dates';
import { titleFromFileName } from '../html/fileTitle';
import { normalizeLang } from '../html/lang';
import type { ParsedArticle } from '../types';
import { splitFrontMatter } from './frontMatter';
import { tokensToBlocks } from './toBody';

export interface MarkdownImport {
  article: ParsedArticle;
  /** Problems that did not stop the import (invalid front matter), one line each, naming the file. */
  warnings: string[];
}

export function parseMarkdown(text: string, fileName: string): ParsedArticle {
  return readMarkdown(text, fileName).article;
}

export function readMarkdown(text: string, fileName: string): MarkdownImport {
  const source = normalizeNewlines(text.replace(/^\ufeff/, ''));
  const front = splitFrontMatter(source);
  const data = front?.data ?? new Map<string, unknown>();
  const warnings = front?.error ? [`${fileName}: ${front.error}`] : [];

  let blocks = tokensToBlocks(lex(front ? front.body : source, fileName), fileName);

  let title = cleanField(scalar(pick(data, 'title')), 500);
  if (title) {
    blocks = dropLeading(
      blocks,
      (b) => b.type === 'heading' && sameText(inlineText(b.content), title ?? ''),
    );
  } else {
    // Only a top-level heading names the document: a README's first `###` is a section.
    const heading = blocks.find((b) => b.type === 'heading' && b.level === 1);
    if (heading && heading.type === 'heading') {
      title = cleanField(inlineText(heading.content), 500);
      if (blocks[0] === heading) blocks = dropLeading(blocks, () => true);
    }
  }
  if (!blocks.length) {
    throw new CommonplaceError(
      'empty_file',
      `${fileName}: the file has no text besides its ${front ? 'front matter' : 'title'}`,
    );
  }

  const article: ParsedArticle = {
    format: 'markdown',
    title: title ?? titleFromFileName(stripDatePrefix(fileName)),
    subtitle: cleanField(scalar(pick(data, 'subtitle')), 500),
    byline: cleanField(
      names(pick(data, 'author', 'authors', 'byline', 'by', 'creator')).join(', '),
      300,
    ),
    published:
      normalizeDate(
        pick(
          data,
          'published',
          'date',
          'pubdate',
          'publishdate',
          'published_at',
          'publication_date',
          'created',
        ),
      ) ??
      dateLine(blocks) ??
      fileNameDate(fileName),
    siteName: siteName(data),
    lang: normalizeLang(scalar(pick(data, 'lang', 'language', 'locale'))),
    excerpt: cleanField(scalar(pick(data, 'description', 'summary', 'excerpt', 'abstract'))),
    tags: tagList(pick(data, 'tags', 'tag', 'keywords')),
    body: makeBody(blocks),
    ...(warnings.length ? { warnings } : {}),
  };
  return { article, warnings };
}

function lex(markdown: string, fileName: string): ReturnType<typeof lexer> {
  try {
    return lexer(markdown, { gfm: true });
  } catch (e) {
    // marked tokenises nested blocks recursively; absurd nesting exhausts the stack.
    if (e instanceof RangeError) {
      throw new CommonplaceError(
        'parse_error',
        `${fileName}: the Markdown is nested too deeply to import`,
      );
    }
    throw e;
  }
}

/** `2015-04-10-title.md`, and a name that is only the date (meeting minutes: `2015-01-30.md`). */
const DATED_NAME = /^(\d{4})-(\d{2})-(\d{2})(?:[-_ ]|\.[a-z]+$)/i;

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/** A Jekyll-style `2015-04-10-some-title.md`: the date of the post. */
function fileNameDate(fileName: string): string | null {
  const m = DATED_NAME.exec(baseName(fileName));
  return m ? normalizeDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

/** `2015-04-10-some-title.md` → `some-title.md` (the date is the post's, not its title's). */
function stripDatePrefix(fileName: string): string {
  const base = baseName(fileName);
  const rest = base.replace(DATED_NAME, '');
  return rest.length > 3 ? rest : base;
}

/** Lines near the top that state the date: `Date: 2015-04-10`, `- Start Date: 2014-03-20`. */
const DATE_LINE =
  /^[-*]?\s*(?:start[ _-]date|date|published|publication date|created|posted(?: on)?)\s*:\s*(.{4,60})$/i;
const DATE_LINE_BLOCKS = 8;

function dateLine(blocks: readonly Block[]): string | null {
  for (const block of blocks.slice(0, DATE_LINE_BLOCKS)) {
    const lines =
      block.type === 'list'
        ? block.items.map(inlineText)
        : block.type === 'paragraph'
          ? inlineText(block.content).split('\n')
          : [];
    for (const line of lines) {
      const m = DATE_LINE.exec(line.trim());
      const date = m?.[1] ? normalizeDate(m[1].trim()) : null;
      if (date) return date;
    }
  }
  return null;
}

/** The title is taken out only when something else remains. */
function dropLeading(blocks: Block[], matches: (block: Block) => boolean): Block[] {
  const first = blocks[0];
  return first && matches(first) && blocks.length > 1 ? blocks.slice(1) : blocks;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

function pick(data: Map<string, unknown>, ...keys: string[]): unknown {
  for (const key of keys) {
    const value = data.get(key);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** A front-matter value as one string; lists and maps are not scalars. */
function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return normalizeDate(value);
  return null;
}

/** `author: A`, `authors: [A, B]`, `author: {name: A}`, `authors: [{name: A}]`. */
function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of list.slice(0, 50)) {
    const name =
      item && typeof item === 'object' && !Array.isArray(item)
        ? scalar((item as Record<string, unknown>).name)
        : scalar(item);
    const cleaned = cleanField(name, 200);
    if (cleaned) out.push(cleaned);
  }
  return out;
}

const MAX_TAGS = 100;

/** A list, or a comma-separated string; `#` prefixes (Obsidian style) removed; duplicates dropped. */
function tagList(value: unknown): string[] {
  let raw: unknown[];
  if (Array.isArray(value)) raw = value;
  else if (typeof value === 'string')
    raw = value.includes(',')
      ? value.split(',')
      : value
            .trim()
            .split(/\s+/)
            .every((t) => t.startsWith('#'))
        ? value.trim().split(/\s+/)
        : [value];
  else raw = value === undefined ? [] : [value];
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const item of raw) {
    const tag = cleanField(scalar(item)?.replace(/^#+/, ''), 100);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
    if (tags.length >= MAX_TAGS) break;
  }
  return tags;
}

/** `site`/`publisher`…, else the host name of a `source`/`url` link. */
function siteName(data: Map<string, unknown>): string | null {
  const named = cleanField(
    scalar(pick(data, 'site', 'site_name', 'sitename', 'publisher', 'publication')),
    300,
  );
  if (named) return named;
  const source = scalar(pick(data, 'source', 'url', 'link', 'canonical'));
  if (!source) return null;
  try {
    const url = new URL(source);
    if (url.protocol === 'http:' || url.protocol === 'https:')
      return url.hostname.replace(/^www\./, '');
  } catch {
    return cleanField(source, 300);
  }
  return null;
}
