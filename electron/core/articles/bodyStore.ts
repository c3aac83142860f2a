/**
 * How an article's body is kept in `articles.body`: its block structure only, without its text.
 * The text is already stored once, in `articles.text` (`bodyToText(body)`), so the stored body
 * says how long each span is and the spans are cut back out of the text on reading. Lengths are in
 * UTF-16 code units, the unit every offset in the library uses (passages, search hits, pages).
 *
 * Stored form (JSON), `{"v":2,"b":[block…]}` with a block one of
 *   ["h", level, span…] heading · ["p", span…] paragraph · ["q", span…] quote · ["c", span…] caption
 *   ["f", span…] figure text
 *   ["l", 0|1 (ordered), [span…] per item…] list · ["x", length] code
 *   ["i", sha256, span…] image (its spans are its alt text; the bytes are in `images`)
 * and a span a length (plain text) or {"n": length, "h"?: href, "m"?: marks}.
 * A body stored whole (`{"version":1,"blocks":…}`, as before migration 14, or one whose text
 * isn't the article's) is read as it is. Every reader and writer of the column goes through here.
 */
import { LONE_SURROGATE } from '../../model/unicode';
import { BLOCK_SEPARATOR, bodyToText, LIST_ITEM_SEPARATOR, makeBody } from '../../model/body';
import type { Block, Body, Inline, InlineMark } from '../../model/body';
import { CommonplaceError } from '../errors';

type StoredSpan = number | { n: number; h?: string; m?: InlineMark[] };
type StoredBlock = (string | number | StoredSpan | StoredSpan[])[];
interface StoredBody {
  v: 2;
  b: StoredBlock[];
}

const KIND = { paragraph: 'p', quote: 'q', caption: 'c', figure: 'f' } as const;
const KIND_TYPE = { p: 'paragraph', q: 'quote', c: 'caption', f: 'figure' } as const;

function packSpans(content: readonly Inline[]): StoredSpan[] {
  return content.map((s) => {
    if (!('href' in s) && !('marks' in s)) return s.text.length;
    const span: StoredSpan = { n: s.text.length };
    if ('href' in s) span.h = s.href;
    if ('marks' in s) span.m = s.marks;
    return span;
  });
}

function packBlock(block: Block): StoredBlock {
  switch (block.type) {
    case 'heading':
      return ['h', block.level, ...packSpans(block.content)];
    case 'list':
      return ['l', block.ordered ? 1 : 0, ...block.items.map(packSpans)];
    case 'code':
      return ['x', block.text.length];
    case 'image':
      return ['i', block.src, ...packSpans(block.content)];
    default:
      return [KIND[block.type], ...packSpans(block.content)];
  }
}

/**
 * The JSON to store for `body` beside `text`: its structure alone when `text` is the body's text
 * (always, for what the app writes), else the whole body, so nothing is ever lost. A text with a
 * lone surrogate doesn't come back from SQLite as written (its UTF-8 reads as three U+FFFD), so
 * lengths into it would not fit: its body is stored whole, as JSON keeps it.
 */
export function packBody(body: Body, text: string): string {
  if (bodyToText(body) !== text || LONE_SURROGATE.test(text)) return JSON.stringify(body);
  const stored: StoredBody = { v: 2, b: body.blocks.map(packBlock) };
  return JSON.stringify(stored);
}

/** Cuts spans back out of the text, checking every separator it passes. */
class TextCursor {
  private at = 0;
  constructor(
    private readonly text: string,
    private readonly where: string,
  ) {}

  take(length: unknown): string {
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0)
      this.fail(`a span length is ${JSON.stringify(length)}`);
    if (this.at + length > this.text.length) this.fail('its spans run past the end of the text');
    const s = this.text.slice(this.at, this.at + length);
    this.at += length;
    return s;
  }

  skip(separator: string): void {
    if (this.text.slice(this.at, this.at + separator.length) !== separator)
      this.fail(`no block separator at offset ${this.at}`);
    this.at += separator.length;
  }

  end(): void {
    if (this.at !== this.text.length)
      this.fail(`its spans cover ${this.at} of the text's ${this.text.length} characters`);
  }

  fail(what: string): never {
    throw new CommonplaceError(
      'internal',
      `${this.where}: the stored body doesn't fit the article's text (${what})`,
    );
  }
}

function unpackSpans(spans: readonly unknown[], cursor: TextCursor): Inline[] {
  return spans.map((s) => {
    if (typeof s === 'number') return { text: cursor.take(s) };
    if (s === null || typeof s !== 'object')
      return cursor.fail('a span is neither length nor object');
    const span = s as { n?: unknown; h?: string; m?: InlineMark[] };
    const inline: Inline = { text: cursor.take(span.n) };
    if ('h' in span) inline.href = span.h;
    if ('m' in span) inline.marks = span.m;
    return inline;
  });
}

function unpackBlock(stored: StoredBlock, cursor: TextCursor): Block {
  const [kind, ...rest] = stored;
  switch (kind) {
    case 'h':
      return {
        type: 'heading',
        level: rest[0] as 1 | 2 | 3 | 4 | 5 | 6,
        content: unpackSpans(rest.slice(1), cursor),
      };
    case 'l': {
      const items = (rest.slice(1) as StoredSpan[][]).map((item, i) => {
        if (i) cursor.skip(LIST_ITEM_SEPARATOR);
        return unpackSpans(item, cursor);
      });
      return { type: 'list', ordered: rest[0] === 1, items };
    }
    case 'x':
      return { type: 'code', text: cursor.take(rest[0]) };
    case 'i':
      if (typeof rest[0] !== 'string' || !/^[0-9a-f]{64}$/.test(rest[0]))
        return cursor.fail('an image names no sha256');
      return { type: 'image', src: rest[0], content: unpackSpans(rest.slice(1), cursor) };
    case 'p':
    case 'q':
    case 'c':
    case 'f':
      return { type: KIND_TYPE[kind], content: unpackSpans(rest, cursor) };
    default:
      return cursor.fail(`unknown block kind ${JSON.stringify(kind)}`);
  }
}

/** The article's body from its stored JSON and its text (`where` names the article in errors). */
export function unpackBody(stored: string, text: string, where: string): Body {
  const parsed = JSON.parse(stored) as Body | StoredBody;
  if (!('v' in parsed) || parsed.v !== 2) return parsed as Body;
  const cursor = new TextCursor(text, where);
  const blocks = parsed.b.map((b, i) => {
    if (i) cursor.skip(BLOCK_SEPARATOR);
    return unpackBlock(b, cursor);
  });
  cursor.end();
  return makeBody(blocks);
}
