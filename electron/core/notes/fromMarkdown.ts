/**
 * Markdown → note document (Lexical JSON), for `notes.create --markdown` and the CLI's
 * `--from-markdown`. marked's lexer parses (GFM: tables, task lists, strikethrough); the tokens
 * become the nodes the note editor registers (renderer/src/notes/noteNodes.ts): headings,
 * paragraphs, quotes, bullet/number/check lists, code blocks (`code-block`), links, tables, and bold/italic/strikethrough/code text. Raw HTML is never
 * kept as HTML: its tags are dropped and its text stays, so nothing executable reaches a note.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { NOTE_NODE_MENTION } from '../../model/notes';
import { decodeBasicEntities } from '../basicEntities';
import {
  codeBlockNode,
  headingNode,
  lineBreakNode,
  linkNode,
  listItemNode,
  listNode,
  paragraphNode,
  quoteNode,
  rootDoc,
  tabNode,
  tableCellNode,
  tableNode,
  tableRowNode,
  TEXT_FORMAT,
  textNode,
  type JsonDoc,
  type JsonNode,
} from './lexicalJson';
import { titleOrUntitled } from '../../model/titles';

const MENTION_URL =
  /^commonplace:\/\/(article|passage|note)\/([0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/;

/** Links a note may hold; anything else (javascript:, data:, file:) keeps its text, not its target. */
const SAFE_URL = /^(https?:|mailto:|commonplace:|#)/i;

function stripTags(html: string): string {
  return decodeBasicEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<[^>]*>/g, ''),
  );
}

/** Text with soft line breaks as spaces (Markdown joins the lines of a paragraph). */
function textNodes(text: string, format: number): JsonNode[] {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat ? [textNode(flat, format)] : [];
}

function inlines(tokens: readonly Token[] | undefined, format: number): JsonNode[] {
  const out: JsonNode[] = [];
  for (const t of tokens ?? []) out.push(...inline(t, format));
  return mergeText(out);
}

function inline(t: Token, format: number): JsonNode[] {
  switch (t.type) {
    case 'text':
      return 'tokens' in t && t.tokens?.length
        ? inlines(t.tokens, format)
        : textNodes(decodeBasicEntities(t.text), format);
    case 'escape':
      return [textNode(t.text, format)];
    case 'strong':
      return inlines((t as Tokens.Strong).tokens, format | TEXT_FORMAT.bold);
    case 'em':
      return inlines((t as Tokens.Em).tokens, format | TEXT_FORMAT.italic);
    case 'del':
      return inlines((t as Tokens.Del).tokens, format | TEXT_FORMAT.strikethrough);
    case 'codespan':
      return [
        textNode(decodeBasicEntities((t as Tokens.Codespan).text), format | TEXT_FORMAT.code),
      ];
    case 'br':
      return [lineBreakNode()];
    case 'link': {
      const l = t as Tokens.Link;
      const children = inlines(l.tokens, format);
      // A mention as docToMarkdown writes it: the mention again, its label the link's text.
      const mention = MENTION_URL.exec(l.href.trim());
      if (mention) {
        const label = children.map((c) => String(c.text ?? '')).join('');
        return [
          {
            ...textNode(titleOrUntitled(label), format),
            mode: 'token',
            type: NOTE_NODE_MENTION,
            ref: { kind: mention[1], id: mention[2] },
            label: titleOrUntitled(label),
          },
        ];
      }
      return SAFE_URL.test(l.href.trim()) ? [linkNode(l.href.trim(), children)] : children;
    }
    case 'image':
      return textNodes((t as Tokens.Image).text, format);
    case 'html':
      return textNodes(stripTags(t.text), format);
    case 'checkbox':
      return [];
    default:
      return 'text' in t && typeof t.text === 'string' ? textNodes(t.text, format) : [];
  }
}

/** Adjacent text nodes with the same format become one (as Lexical normalizes them). */
function mergeText(nodes: JsonNode[]): JsonNode[] {
  const out: JsonNode[] = [];
  for (const n of nodes) {
    const last = out.at(-1);
    if (n.type === 'text' && last?.type === 'text' && last.format === n.format) {
      out[out.length - 1] = { ...last, text: `${String(last.text)}${String(n.text)}` };
    } else out.push(n);
  }
  return out;
}

function blocks(tokens: readonly Token[]): JsonNode[] {
  const out: JsonNode[] = [];
  for (const t of tokens) out.push(...block(t));
  return out;
}

function block(t: Token): JsonNode[] {
  switch (t.type) {
    case 'heading':
      return [headingNode((t as Tokens.Heading).depth, inlines((t as Tokens.Heading).tokens, 0))];
    case 'paragraph':
      return [paragraphNode(inlines((t as Tokens.Paragraph).tokens, 0))];
    case 'text':
      return [paragraphNode(inline(t, 0))];
    case 'blockquote':
      return quoteBlocks(t as Tokens.Blockquote);
    case 'list':
      return [list(t as Tokens.List)];
    case 'code':
      return [code(t as Tokens.Code)];
    case 'table':
      return [table(t as Tokens.Table)];
    case 'html': {
      const text = stripTags(t.text).trim();
      return text ? [paragraphNode(textNodes(text, 0))] : [];
    }
    default:
      // space, hr, def: nothing to keep (Lexical's rich text has no rule node by default).
      return [];
  }
}

/**
 * A Lexical quote holds inline content only: each paragraph of a Markdown block quote becomes its
 * own quote node; nested blocks inside it (lists, code) follow as they are.
 */
function quoteBlocks(q: Tokens.Blockquote): JsonNode[] {
  const out: JsonNode[] = [];
  for (const t of q.tokens) {
    if (t.type === 'paragraph' || t.type === 'text')
      out.push(quoteNode(inlines((t as Tokens.Paragraph).tokens, 0)));
    else if (t.type === 'blockquote') out.push(...quoteBlocks(t as Tokens.Blockquote));
    else out.push(...block(t));
  }
  return out;
}

function list(l: Tokens.List): JsonNode {
  const isCheck = l.items.some((i) => i.task);
  const type = isCheck ? 'check' : l.ordered ? 'number' : 'bullet';
  const start = typeof l.start === 'number' ? l.start : 1;
  const items: JsonNode[] = [];
  for (const item of l.items) {
    const content: JsonNode[] = [];
    const nested: JsonNode[] = [];
    for (const t of item.tokens) {
      if (t.type === 'list') nested.push(list(t as Tokens.List));
      else if (t.type === 'paragraph' || t.type === 'text') {
        // Paragraphs of a loose item share the item, one line each.
        if (content.length) content.push(lineBreakNode());
        content.push(...inlines((t as Tokens.Paragraph).tokens, 0));
      } else if (t.type !== 'checkbox' && t.type !== 'space') {
        for (const b of block(t)) content.push(...(b.children ?? []));
      }
    }
    const value = start + items.length;
    items.push(
      listItemNode(mergeText(content), value, isCheck ? item.checked === true : undefined),
    );
    // Lexical nests a list in a list item of its own that follows the item it belongs to.
    for (const n of nested)
      items.push(listItemNode([n], start + items.length, isCheck ? false : undefined));
  }
  return listNode(type, start, items);
}

function code(c: Tokens.Code): JsonNode {
  const children: JsonNode[] = [];
  c.text.split('\n').forEach((line, i) => {
    if (i > 0) children.push(lineBreakNode());
    line.split('\t').forEach((part, j) => {
      if (j > 0) children.push(tabNode());
      if (part) children.push(textNode(part));
    });
  });
  return codeBlockNode(children);
}

function table(t: Tokens.Table): JsonNode {
  const cell = (c: Tokens.TableCell, header: boolean) =>
    tableCellNode(header, [paragraphNode(inlines(c.tokens, 0))]);
  return tableNode([
    tableRowNode(t.header.map((c) => cell(c, true))),
    ...t.rows.map((r) => tableRowNode(r.map((c) => cell(c, false)))),
  ]);
}

export function markdownToDoc(markdown: string): JsonDoc {
  const tokens = new Lexer({ gfm: true }).lex(markdown.replace(/\r\n?/g, '\n'));
  const children = blocks(tokens);
  return rootDoc(children.length ? children : [paragraphNode([])]);
}
