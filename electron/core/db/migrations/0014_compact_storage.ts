import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { deflateSync, inflateSync } from 'node:zlib';
import type { Migration } from '../migrate';

/**
 * Each article's text stored once, and text originals compressed (the library was ~4× its text).
 *
 * - `articles.body` keeps the block structure only: each span's length in UTF-16 code units
 *   instead of its text, which `articles.text` already holds (see core/articles/bodyStore.ts for
 *   the form). A row is converted only when its text is its body's text and cutting the spans back
 *   out of the text gives the old body exactly; any other row keeps its whole body.
 * - `originals.encoding`: `identity` (as before) or `zlib`. Text, Markdown and HTML originals whose
 *   hash is the sha256 of their bytes are compressed when that saves a tenth; each is inflated
 *   again and compared with the old bytes before it is written.
 *
 * The articles' update trigger is set aside meanwhile: the body is in no index and the change log
 * is for edits, so re-indexing every article (and an event naming each) would be wasted.
 * Frozen copies of the packing rules below (a migration imports no live code).
 */
const BLOCK_SEPARATOR = '\n\n';

type Inline = { text: string; href?: string; marks?: string[] };
type Block =
  | { type: 'heading'; level: number; content: Inline[] }
  | { type: 'paragraph' | 'quote' | 'caption'; content: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'code'; text: string };
type Span = number | { n: number; h?: string; m?: string[] };
type Stored = (string | number | Span | Span[])[];

const KIND: Record<string, string> = { paragraph: 'p', quote: 'q', caption: 'c' };
const TYPE: Record<string, string> = { p: 'paragraph', q: 'quote', c: 'caption' };

const packSpans = (content: Inline[]): Span[] =>
  content.map((s) => {
    if (!('href' in s) && !('marks' in s)) return s.text.length;
    const span: Span = { n: s.text.length };
    if ('href' in s) span.h = s.href;
    if ('marks' in s) span.m = s.marks;
    return span;
  });

function packBlock(b: Block): Stored {
  if (b.type === 'heading') return ['h', b.level, ...packSpans(b.content)];
  if (b.type === 'list') return ['l', b.ordered ? 1 : 0, ...b.items.map(packSpans)];
  if (b.type === 'code') return ['x', b.text.length];
  return [KIND[b.type]!, ...packSpans(b.content)];
}

const inlineText = (c: Inline[]) => c.map((s) => s.text).join('');
const blockText = (b: Block) =>
  b.type === 'list'
    ? b.items.map(inlineText).join(BLOCK_SEPARATOR)
    : b.type === 'code'
      ? b.text
      : inlineText(b.content);

/** The body rebuilt from its stored form and the text, or null where they don't fit. */
function unpack(stored: Stored[], text: string): { version: 1; blocks: Block[] } | null {
  let at = 0;
  const take = (n: unknown) => {
    if (typeof n !== 'number' || at + n > text.length) throw new Error('span');
    at += n;
    return text.slice(at - n, at);
  };
  const skip = () => {
    if (text.slice(at, at + 2) !== BLOCK_SEPARATOR) throw new Error('separator');
    at += 2;
  };
  const spans = (list: unknown[]): Inline[] =>
    list.map((s) => {
      if (typeof s === 'number') return { text: take(s) };
      const o = s as { n: number; h?: string; m?: string[] };
      const inline: Inline = { text: take(o.n) };
      if ('h' in o) inline.href = o.h;
      if ('m' in o) inline.marks = o.m;
      return inline;
    });
  try {
    const blocks = stored.map((s, i): Block => {
      if (i) skip();
      const [kind, ...rest] = s;
      if (kind === 'h')
        return { type: 'heading', level: rest[0] as number, content: spans(rest.slice(1)) };
      if (kind === 'l')
        return {
          type: 'list',
          ordered: rest[0] === 1,
          items: rest.slice(1).map((item, j) => {
            if (j) skip();
            return spans(item as Span[]);
          }),
        };
      if (kind === 'x') return { type: 'code', text: take(rest[0]) };
      return { type: TYPE[kind as string] as 'paragraph', content: spans(rest) };
    });
    return at === text.length ? { version: 1, blocks } : null;
  } catch {
    return null;
  }
}

/** The stored form of a whole body, or null when it can't be stored without its text. */
function compactBody(json: string, text: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch {
    return null;
  }
  const b = body as { version?: unknown; blocks?: unknown };
  if (b === null || typeof b !== 'object' || b.version !== 1 || !Array.isArray(b.blocks))
    return null;
  try {
    const blocks = b.blocks as Block[];
    if (blocks.map(blockText).join(BLOCK_SEPARATOR) !== text) return null;
    const stored = blocks.map(packBlock);
    return isDeepStrictEqual(unpack(stored, text), body)
      ? JSON.stringify({ v: 2, b: stored })
      : null;
  } catch {
    return null;
  }
}

export const compactStorage: Migration = {
  version: 14,
  name: 'compact_storage',
  up(db) {
    db.exec(
      `ALTER TABLE originals ADD COLUMN encoding TEXT NOT NULL DEFAULT 'identity' CHECK (encoding IN ('identity', 'zlib'));`,
    );

    // In pages by key: a library's originals may be gigabytes, and a statement can't run while
    // another one's rows are being iterated on the same connection.
    const setOriginal = db.prepare(
      "UPDATE originals SET bytes = ?, encoding = 'zlib' WHERE hash = ?",
    );
    const originals = db.prepare<[string], { hash: string; bytes: Buffer }>(
      "SELECT hash, bytes FROM originals WHERE hash > ? AND media_type LIKE 'text/%' AND length(bytes) >= 64 ORDER BY hash LIMIT 200",
    );
    for (let page = originals.all(''); page.length; page = originals.all(page.at(-1)!.hash)) {
      for (const o of page) {
        if (createHash('sha256').update(o.bytes).digest('hex') !== o.hash) continue;
        const packed = deflateSync(o.bytes);
        if (packed.length > o.bytes.length * 0.9) continue;
        if (!inflateSync(packed).equals(o.bytes)) continue;
        setOriginal.run(packed, o.hash);
      }
    }

    const trigger = db
      .prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'articles_au'")
      .pluck()
      .get() as string | undefined;
    if (trigger) db.exec('DROP TRIGGER articles_au');
    const setBody = db.prepare('UPDATE articles SET body = ? WHERE rid = ?');
    const articles = db.prepare<[number], { rid: number; text: string; body: string }>(
      'SELECT rid, text, body FROM articles WHERE rid > ? ORDER BY rid LIMIT 500',
    );
    for (
      let page = articles.all(Number.MIN_SAFE_INTEGER);
      page.length;
      page = articles.all(page.at(-1)!.rid)
    ) {
      for (const a of page) {
        const compact = compactBody(a.body, a.text);
        if (compact !== null) setBody.run(compact, a.rid);
      }
    }
    if (trigger) db.exec(trigger);
  },
};
