import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { $getRoot, createEditor, ElementNode, type SerializedElementNode } from 'lexical';
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { analyzeDoc, checkDoc } from './docWalk';
import { markdownToDoc } from './fromMarkdown';
import { paragraphNode, rootDoc, textNode, TEXT_FORMAT, type JsonNode } from './lexicalJson';
import { docToMarkdown } from './toMarkdown';

const SAMPLE = [
  '## Findings *so far*',
  '',
  'Some **bold**, *italic*, `code`, ~~struck~~ and a [link](https://example.org/a?b=1).',
  'A soft break joins lines.\\',
  'A hard break does not.',
  '',
  '- [ ] to check',
  '- [x] checked',
  '  - nested under checked',
  '',
  '3. three',
  '4. four',
  '   - a bullet inside',
  '',
  '> a block quote with *emphasis*',
  '',
  '```ts',
  'const a = 1;',
  '\tindented();',
  '```',
  '',
  '| name | note |',
  '| --- | --- |',
  '| pipe \\| inside | **bold** |',
  '',
  '1\\. not a list, \\# not a heading, 5 \\* 3',
].join('\n');

/**
 * Stands in for the reader's CodeBlockNode (renderer/src/reader/nodes, which needs the DOM's
 * types): a plain element of type `code-block`, serialized as ElementNode does.
 */
class CodeBlock extends ElementNode {
  static override getType(): string {
    return 'code-block';
  }
  static override clone(node: CodeBlock): CodeBlock {
    return new CodeBlock(node.__key);
  }
  static override importJSON(json: SerializedElementNode): CodeBlock {
    return new CodeBlock().updateFromJSON(json);
  }
  override exportJSON(): SerializedElementNode {
    return { ...super.exportJSON(), type: 'code-block', version: 1 };
  }
}

/** The nodes the note editor registers (renderer/src/notes/noteNodes.ts) that Markdown can make. */
function lexicalEditor() {
  return createEditor({
    nodes: [
      HeadingNode,
      QuoteNode,
      ListNode,
      ListItemNode,
      LinkNode,
      CodeBlock,
      TableNode,
      TableRowNode,
      TableCellNode,
    ],
    onError: (e) => {
      throw e;
    },
  });
}

function find(nodes: readonly JsonNode[], type: string): JsonNode[] {
  return nodes.flatMap((n) => [...(n.type === type ? [n] : []), ...find(n.children ?? [], type)]);
}

describe('Markdown → note document', () => {
  it('makes the nodes Lexical 0.52 serializes, which a real editor loads and re-exports unchanged in substance', () => {
    const doc = markdownToDoc(SAMPLE);
    const editor = lexicalEditor();
    const state = editor.parseEditorState(JSON.stringify(doc));
    editor.setEditorState(state);
    const exported = editor.getEditorState().toJSON() as unknown as { root: JsonNode };
    // Lexical's own export of what we wrote has the same node types, text and attributes we rely on.
    const shape = (n: JsonNode): unknown => ({
      type: n.type,
      ...(n.text !== undefined ? { text: n.text, format: n.format } : {}),
      ...(n.tag !== undefined ? { tag: n.tag } : {}),
      ...(n.listType !== undefined ? { listType: n.listType, start: n.start } : {}),
      ...(n.checked !== undefined ? { checked: n.checked } : {}),
      ...(n.url !== undefined ? { url: n.url } : {}),
      ...(n.headerState !== undefined ? { headerState: n.headerState } : {}),
      ...(n.children ? { children: n.children.map(shape) } : {}),
    });
    expect(shape(exported.root)).toEqual(shape(doc.root));
    // And its text is ours: blocks separated by blank lines.
    expect(state.read(() => $getRoot().getTextContent())).toContain('const a = 1;\n\tindented();');
  });

  it('keeps formatting as Lexical text format bits and checklists as listType "check"', () => {
    const doc = markdownToDoc(SAMPLE);
    const texts = find(doc.root.children, 'text');
    const fmt = (t: string) => texts.find((n) => n.text === t)?.format;
    expect(fmt('bold')).toBe(TEXT_FORMAT.bold);
    expect(fmt('italic')).toBe(TEXT_FORMAT.italic);
    expect(fmt('code')).toBe(TEXT_FORMAT.code);
    expect(fmt('struck')).toBe(TEXT_FORMAT.strikethrough);
    expect(fmt('so far')).toBe(TEXT_FORMAT.italic);
    const lists = find(doc.root.children, 'list');
    expect(lists.map((l) => l.listType)).toEqual(['check', 'bullet', 'number', 'bullet']);
    // The third item holds the nested bullet list (Lexical's nesting); the bullet item has no checkbox.
    expect(find([lists[0]!], 'listitem').map((i) => i.checked)).toEqual([
      false,
      true,
      false,
      undefined,
    ]);
    expect(lists[2]!.start).toBe(3);
    expect(find(doc.root.children, 'heading')[0]!.tag).toBe('h2');
    expect(find(doc.root.children, 'link')[0]!.url).toBe('https://example.org/a?b=1');
    expect(analyzeDoc(rootDoc(find(doc.root.children, 'code-block'))).text).toBe(
      'const a = 1;\n\tindented();',
    );
    expect(find(doc.root.children, 'tablecell')).toHaveLength(4);
  });

  it('keeps no HTML and no unsafe link targets from hostile Markdown', () => {
    const doc = markdownToDoc(
      '<script>alert(1)</script>\n\nHi <img src=x onerror=alert(2)> there [click](javascript:alert(3)) [ok](https://a.b)\n\n<div onclick="x()">block &amp; text</div>',
    );
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(/<script|onerror|onclick|javascript:/i);
    expect(analyzeDoc(doc).text).toBe('Hi  there click ok\n\nblock & text');
    expect(find(doc.root.children, 'link').map((l) => l.url)).toEqual(['https://a.b']);
  });

  it('gives an empty document a paragraph to type in', () => {
    for (const md of ['', '   \n\n', '---'])
      expect(markdownToDoc(md).root.children).toEqual([paragraphNode([])]);
  });
});

describe('note document → Markdown', () => {
  it('round-trips Markdown → doc → Markdown → doc to the same document', () => {
    const doc = markdownToDoc(SAMPLE);
    const md = docToMarkdown(doc);
    expect(markdownToDoc(md)).toEqual(doc);
    expect(docToMarkdown(markdownToDoc(md))).toBe(md);
  });

  it('escapes text that would otherwise read as Markdown syntax', () => {
    const tricky = [
      '# not a heading',
      '- not a list',
      '1. not numbered',
      '> not a quote',
      '*not emphasis* and _this_',
      '`not code`',
      'a | b',
      '[not](a link)',
      '<b>not html</b>',
      '---',
    ];
    for (const text of tricky) {
      const doc = rootDoc([paragraphNode([textNode(text)])]);
      const md = docToMarkdown(doc);
      const tokens = new Lexer({ gfm: true }).lex(md);
      expect(
        tokens.filter((t) => t.type !== 'space').map((t) => t.type),
        md,
      ).toEqual(['paragraph']);
      expect(analyzeDoc(markdownToDoc(md)).text, md).toBe(text);
    }
  });

  it('writes a passage quote as a block quote followed by its citation, with current text or the last text seen', () => {
    const quote = (passageId: string, text: string): JsonNode => ({
      type: 'passage-quote',
      version: 1,
      passageId,
      quote: text,
      citation: 'Old citation',
    });
    const live = '01900000-0000-7000-8000-000000000001';
    const gone = '01900000-0000-7000-8000-000000000002';
    const purged = '01900000-0000-7000-8000-000000000003';
    const doc = checkDoc(
      rootDoc([
        paragraphNode([textNode('Before.')]),
        quote(live, 'old text'),
        quote(gone, 'kept'),
        quote(purged, 'last seen\nsecond line'),
      ]),
    );
    const md = docToMarkdown(doc, (id) =>
      id === live
        ? { quote: 'current *text*', citation: 'Ji Da-gyum, Putin, 2024-06-18', deleted: false }
        : id === gone
          ? { quote: 'still here', citation: 'C', deleted: true }
          : undefined,
    );
    const tokens = new Lexer({ gfm: true }).lex(md).filter((t) => t.type !== 'space');
    expect(tokens.map((t) => t.type)).toEqual([
      'paragraph',
      'blockquote',
      'paragraph',
      'blockquote',
      'paragraph',
      'blockquote',
      'paragraph',
    ]);
    const quotes = tokens
      .filter((t): t is Tokens.Blockquote => t.type === 'blockquote')
      .map((t) => t.text);
    expect(quotes).toEqual(['current \\*text\\*', 'still here', 'last seen\nsecond line']);
    const cites = tokens
      .filter((t, i) => i > 0 && t.type === 'paragraph')
      .map((t: Token) => (t as Tokens.Paragraph).text);
    expect(cites).toEqual([
      '— Ji Da-gyum, Putin, 2024-06-18',
      '— C (source deleted)',
      '— Old citation (source deleted)',
    ]);
  });

  it('writes a mention as a link with its whole label, and reads it back as the mention', () => {
    const ref = { kind: 'note', id: '01900000-0000-7000-8000-000000000009' } as const;
    const mention: JsonNode = {
      ...textNode('Other [draft] note'),
      mode: 'token',
      type: 'mention',
      version: 1,
      ref,
      label: 'Other [draft] note',
    };
    const doc = checkDoc(rootDoc([paragraphNode([textNode('See '), mention, textNode('.')])]));
    const markdown = docToMarkdown(doc);
    expect(markdown).toBe(`See [Other \\[draft\\] note](commonplace://note/${ref.id}).\n`);
    const back = markdownToDoc(markdown);
    expect(analyzeDoc(checkDoc(back)).mentions).toEqual([ref]);
    expect(docToMarkdown(back)).toBe(markdown);
    // The library's current whole label wins over the (possibly cut) one the node kept.
    const long = 'a passage quote longer than the sixty characters a chip used to keep, whole';
    expect(docToMarkdown(doc, undefined, () => long)).toBe(
      `See [${long}](commonplace://note/${ref.id}).\n`,
    );
  });
});
