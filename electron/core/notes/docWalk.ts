/**
 * Reads a note document (Lexical JSON): checks its shape, and derives the plain text and the
 * mentions and passage quotes it holds. The renderer is trusted to write valid Lexical, but the
 * document crosses a process boundary (and the CLI, and future imports), so the core checks what
 * it relies on and names the node at fault.
 */
import {
  MentionNodeSchema,
  NOTE_NODE_MENTION,
  NOTE_NODE_PASSAGE_QUOTE,
  PassageQuoteNodeSchema,
} from '../../model/notes';
import type { EntityRef } from '../../model/links';
import { CommonplaceError } from '../errors';
import { INLINE_ELEMENT_TYPES, type JsonDoc, type JsonNode } from './lexicalJson';

/** Deeper than any editor makes (lists nest a few levels); bounds the recursive walks below. */
export const MAX_DOC_DEPTH = 100;

const BLOCK_GAP = '\n\n';

function fail(path: string, what: string): never {
  throw new CommonplaceError('invalid_input', `note document: ${path}: ${what}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks the document's structure without recursion (a hostile document may nest deeply): a root
 * node, every node an object with a `type`, `children` always an array, our own node types
 * complete. Returns it typed.
 */
export function checkDoc(doc: unknown): JsonDoc {
  if (!isRecord(doc) || !isRecord(doc.root))
    fail('root', 'missing (a note document is Lexical JSON: {"root": {...}})');
  if (doc.root.type !== 'root')
    fail('root.type', `must be "root", not ${JSON.stringify(doc.root.type)?.slice(0, 40)}`);
  if (!Array.isArray(doc.root.children)) fail('root.children', 'must be an array');
  const stack: Array<{ node: unknown; path: string; depth: number }> = [
    { node: doc.root, path: 'root', depth: 0 },
  ];
  while (stack.length) {
    const { node, path, depth } = stack.pop()!;
    if (depth > MAX_DOC_DEPTH) fail(path, `nested deeper than ${MAX_DOC_DEPTH} levels`);
    if (!isRecord(node)) fail(path, 'a node must be an object');
    if (typeof node.type !== 'string' || node.type === '')
      fail(`${path}.type`, 'missing node type');
    if (node.type === NOTE_NODE_PASSAGE_QUOTE) checkCustom(PassageQuoteNodeSchema, node, path);
    if (node.type === NOTE_NODE_MENTION) checkCustom(MentionNodeSchema, node, path);
    if (node.children === undefined) continue;
    if (!Array.isArray(node.children)) fail(`${path}.children`, 'must be an array');
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push({ node: node.children[i], path: `${path}.children.${i}`, depth: depth + 1 });
  }
  return doc as unknown as JsonDoc;
}

function checkCustom(
  schema: typeof PassageQuoteNodeSchema | typeof MentionNodeSchema,
  node: Record<string, unknown>,
  path: string,
): void {
  const r = schema.safeParse(node);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    fail(
      `${path}${issue.path.length ? `.${issue.path.join('.')}` : ''}`,
      `${String(node.type)} node: ${issue.message}`,
    );
  }
}

export interface DocAnalysis {
  /** Plain text: blocks separated by blank lines, quotes by their text, mentions by their label. */
  text: string;
  /** Everything mentioned, once each, in document order. */
  mentions: EntityRef[];
  /** Ids of the passages quoted, once each, in document order. */
  quotedPassageIds: string[];
}

const isBlock = (n: JsonNode) =>
  n.type === NOTE_NODE_PASSAGE_QUOTE ||
  (Array.isArray(n.children) && !INLINE_ELEMENT_TYPES.has(n.type));

/** Walks a checked document once (`checkDoc` bounds its depth). */
export function analyzeDoc(doc: JsonDoc): DocAnalysis {
  const mentions = new Map<string, EntityRef>();
  const quoted = new Set<string>();
  const parts: string[] = [];
  const walk = (node: JsonNode): void => {
    switch (node.type) {
      case 'linebreak':
        parts.push('\n');
        return;
      case 'tab':
        parts.push('\t');
        return;
      case NOTE_NODE_PASSAGE_QUOTE: {
        quoted.add(node.passageId as string);
        parts.push(node.quote as string);
        return;
      }
      case NOTE_NODE_MENTION: {
        const ref = node.ref as EntityRef;
        mentions.set(`${ref.kind}:${ref.id}`, { kind: ref.kind, id: ref.id });
        parts.push(node.label as string);
        return;
      }
    }
    const children = node.children;
    if (!children) {
      if (typeof node.text === 'string') parts.push(node.text);
      return;
    }
    children.forEach((child, i) => {
      walk(child);
      if (i < children.length - 1 && isBlock(child)) parts.push(BLOCK_GAP);
    });
  };
  walk(doc.root);
  return { text: parts.join(''), mentions: [...mentions.values()], quotedPassageIds: [...quoted] };
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Scripts written without spaces whose words only a dictionary segmenter finds. */
const UNSPACED_WORDS = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Intl.Segmenter is quadratic in the input length in Node 20 (5 s for 84 KB), so it only sees short runs. */
const SEGMENT_CHUNK = 500;
let segmenter: Intl.Segmenter | undefined;

function segmentedWords(run: string): number {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  let n = 0;
  for (let i = 0; i < run.length; i += SEGMENT_CHUNK) {
    for (const s of segmenter.segment(run.slice(i, i + SEGMENT_CHUNK))) if (s.isWordLike) n++;
  }
  return n;
}

const enum CharKind {
  Space,
  Word,
  Cjk,
  Unspaced,
  Other,
}
/** Classes of the non-ASCII characters seen so far (Unicode property regexes are slow per character). */
const kindCache = new Map<number, CharKind>();

function kindOf(cp: number): CharKind {
  let k = kindCache.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = /\s/u.test(ch)
      ? CharKind.Space
      : CJK.test(ch)
        ? CharKind.Cjk
        : UNSPACED_WORDS.test(ch)
          ? CharKind.Unspaced
          : WORD_CHAR.test(ch)
            ? CharKind.Word
            : CharKind.Other;
    kindCache.set(cp, k);
  }
  return k;
}

/**
 * Words as a writer counts them: runs of letters and digits between spaces (so "don't" and
 * "well-known" are one word, as in word processors), except that each Chinese or Japanese
 * character counts as one (those scripts don't separate words; editors count characters), and
 * Thai, Lao, Khmer and Myanmar runs are split by Intl.Segmenter's dictionary. One pass over the
 * characters: a 5 MB note counts in tens of milliseconds.
 */
export function countWords(text: string): number {
  let n = 0;
  let runStart = 0;
  let hasWord = false;
  let hasUnspaced = false;
  const endRun = (end: number) => {
    if (hasUnspaced) n += segmentedWords(text.slice(runStart, end));
    else if (hasWord) n++;
    hasWord = hasUnspaced = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind: CharKind;
    let width = 1;
    if (c < 128) {
      kind =
        c === 32 || (c >= 9 && c <= 13)
          ? CharKind.Space
          : (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
            ? CharKind.Word
            : CharKind.Other;
    } else {
      const cp = text.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      kind = kindOf(cp);
    }
    if (kind === CharKind.Space || kind === CharKind.Cjk) {
      endRun(i);
      runStart = i + width;
      if (kind === CharKind.Cjk) n++;
    } else if (kind === CharKind.Word) hasWord = true;
    else if (kind === CharKind.Unspaced) hasUnspaced = true;
    i += width - 1;
  }
  endRun(text.length);
  return n;
}

/** The first words of a text, whitespace folded, cut at a word boundary. */
export function excerptOf(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
