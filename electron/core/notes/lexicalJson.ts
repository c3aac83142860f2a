/**
 * The slice of Lexical's serialized JSON (0.52) the core reads and writes. The core never runs
 * Lexical: it walks this JSON for text, links and Markdown, and builds it from Markdown. Shapes
 * follow each node's `exportJSON` (checked against Lexical in lexicalJson.test.ts), so the
 * renderer's editor loads what is written here.
 */

/** Any serialized node: a `type`, and `children` when it is an element. */
export interface JsonNode {
  type: string;
  version?: number;
  children?: JsonNode[];
  [key: string]: unknown;
}

export interface JsonDoc {
  root: JsonNode & { type: 'root'; children: JsonNode[] };
}

/** TextNode `format` bits (Lexical's TEXT_TYPE_TO_FORMAT). */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
  highlight: 128,
} as const;

/** Inline element types: no blank line after them in the plain text (Lexical's `isInline()`). */
export const INLINE_ELEMENT_TYPES: ReadonlySet<string> = new Set([
  'link',
  'autolink',
  'mark',
  'passage-mark',
  'mention',
]);

const element = (
  type: string,
  children: JsonNode[],
  extra: Record<string, unknown> = {},
): JsonNode => ({
  children,
  direction: null,
  format: '',
  indent: 0,
  ...extra,
  type,
  version: 1,
});

export function textNode(text: string, format = 0): JsonNode {
  return { detail: 0, format, mode: 'normal', style: '', text, type: 'text', version: 1 };
}
export const lineBreakNode = (): JsonNode => ({ type: 'linebreak', version: 1 });
export const tabNode = (): JsonNode => ({
  detail: 2,
  format: 0,
  mode: 'normal',
  style: '',
  text: '\t',
  type: 'tab',
  version: 1,
});

export const paragraphNode = (children: JsonNode[]): JsonNode =>
  element('paragraph', children, { textFormat: 0, textStyle: '' });
export const headingNode = (level: number, children: JsonNode[]): JsonNode =>
  element('heading', children, { tag: `h${Math.min(6, Math.max(1, level))}` });
export const quoteNode = (children: JsonNode[]): JsonNode => element('quote', children);
export const linkNode = (url: string, children: JsonNode[]): JsonNode =>
  element('link', children, { rel: null, target: null, title: null, url });

export type ListType = 'bullet' | 'number' | 'check';
export const listNode = (listType: ListType, start: number, items: JsonNode[]): JsonNode =>
  element('list', items, { listType, start, tag: listType === 'number' ? 'ol' : 'ul' });
/** `checked` only for checklist items; `value` is the item's number (Lexical renumbers on load). */
export const listItemNode = (children: JsonNode[], value: number, checked?: boolean): JsonNode =>
  element('listitem', children, { ...(checked === undefined ? {} : { checked }), value });

/**
 * A code block as the note editor holds it: the reader's CodeBlockNode (`code-block`, a plain
 * <pre> of text, line breaks and tabs; no language). @lexical/code's `code` is read too.
 */
export const codeBlockNode = (children: JsonNode[]): JsonNode => element('code-block', children);

/** headerState: 1 = a header row's cell (TableCellHeaderStates.ROW), 0 = a body cell. */
export const tableCellNode = (header: boolean, children: JsonNode[]): JsonNode =>
  element('tablecell', children, {
    backgroundColor: null,
    colSpan: 1,
    headerState: header ? 1 : 0,
    rowSpan: 1,
  });
export const tableRowNode = (cells: JsonNode[]): JsonNode => element('tablerow', cells);
export const tableNode = (rows: JsonNode[]): JsonNode => element('table', rows);

export function rootDoc(children: JsonNode[]): JsonDoc {
  return { root: { ...element('root', children), type: 'root', children } };
}

export function emptyDoc(): JsonDoc {
  return rootDoc([paragraphNode([])]);
}
