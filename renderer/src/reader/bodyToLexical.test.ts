// @vitest-environment jsdom
// Highlights are placed by offsets into the canonical text (`bodyToText`), so the reader's Lexical
// text content must be the same string. Lexical puts "\n\n" between *every* pair of block
// elements, list items included (hard-coded in its reconciler, which caches the root's text), so
// the canonical text has to separate list items the same way.
import { $isLinkNode } from '@lexical/link';
import {
  $getRoot,
  $isElementNode,
  $isTextNode,
  createEditor,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyToText, makeBody, type Block, type Body } from '../../../electron/model/body';
import { $setBody } from './bodyToLexical';
import { $isCaptionNode } from './nodes/CaptionNode';
import { $isFigureTextNode } from './nodes/FigureTextNode';
import { $isCodeBlockNode } from './nodes/CodeBlockNode';
import { readerNodes } from './readerNodes';
import { readerTheme } from './readerTheme';

/** One of every block type, with marks, links, unicode and whitespace that must survive. */
const everyBlock: Block[] = [
  {
    type: 'heading',
    level: 1,
    content: [{ text: 'Putin arrives in ' }, { text: 'Pyongyang', marks: ['italic'] }],
  },
  {
    type: 'paragraph',
    content: [
      { text: 'Bold', marks: ['bold'] },
      { text: ' and ' },
      { text: 'both', marks: ['bold', 'italic'] },
      { text: ', ' },
      { text: 'inline code', marks: ['code'] },
      { text: ', a ' },
      { text: 'link', href: 'https://example.com/a' },
      { text: ' in two parts', href: 'https://example.com/a', marks: ['bold'] },
      { text: ' then ' },
      { text: 'another', href: 'mailto:someone@example.com' },
      { text: '.' },
    ],
  },
  { type: 'heading', level: 6, content: [{ text: 'Deepest heading' }] },
  { type: 'quote', content: [{ text: '“We will stand together,” he said — 我们 🇰🇵 café́' }] },
  { type: 'caption', content: [{ text: 'Photo: ' }, { text: 'KCNA', marks: ['italic'] }] },
  { type: 'figure', content: [{ text: 'Client Load balancer Server A' }] },
  // A kept picture: its alt text is its text; one without alt text still holds its place.
  { type: 'image', src: 'a'.repeat(64), content: [{ text: 'The quay at dawn' }] },
  { type: 'image', src: 'b'.repeat(64), content: [] },
  {
    type: 'list',
    ordered: false,
    items: [
      [{ text: 'first' }],
      [{ text: 'second ' }, { text: 'bold', marks: ['bold'] }],
      [{ text: 'third' }],
    ],
  },
  {
    type: 'list',
    ordered: true,
    items: [[{ text: 'one' }], [{ text: 'two', href: 'https://example.com/two' }]],
  },
  { type: 'code', text: 'function f(x) {\n\treturn x  *  2;\n\n}\n' },
  { type: 'paragraph', content: [{ text: 'A soft\nline break and   runs of  spaces' }] },
];

const hostileBlocks: Block[] = [
  { type: 'paragraph', content: [] },
  { type: 'paragraph', content: [{ text: '' }, { text: '', marks: ['bold'] }] },
  { type: 'list', ordered: false, items: [] },
  { type: 'list', ordered: true, items: [[], [{ text: '' }], [{ text: 'x' }]] },
  { type: 'code', text: '' },
  { type: 'code', text: '\n\n' },
  { type: 'quote', content: [{ text: '\n' }] },
  { type: 'paragraph', content: [{ text: 'windows\r\nline', marks: ['code', 'code'] }] },
  { type: 'paragraph', content: [{ text: 'click me', href: 'javascript:alert(1)' }] },
  { type: 'caption', content: [{ text: '  leading and trailing  ' }] },
];

const editors: LexicalEditor[] = [];

/** The editor as the reader runs it: read-only, mounted on a DOM element, so Lexical reconciles. */
function mountedEditor(body: Body): { editor: LexicalEditor; element: HTMLElement } {
  const editor = createEditor({
    namespace: 'test-reader',
    nodes: [...readerNodes],
    theme: readerTheme,
    editable: false,
    onError: (error) => {
      throw error;
    },
  });
  const element = document.createElement('div');
  document.body.append(element);
  editor.setRootElement(element);
  editor.update(() => $setBody(body), { discrete: true });
  editors.push(editor);
  return { editor, element };
}

function lexicalText(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => $getRoot().getTextContent());
}

function collect(editor: LexicalEditor, predicate: (node: LexicalNode) => boolean): LexicalNode[] {
  return editor.getEditorState().read(() => {
    const found: LexicalNode[] = [];
    const walk = (node: LexicalNode) => {
      if (predicate(node)) found.push(node);
      if ($isElementNode(node)) node.getChildren().forEach(walk);
    };
    walk($getRoot());
    return found;
  });
}

afterEach(() => {
  for (const editor of editors.splice(0)) editor.setRootElement(null);
  document.body.replaceChildren();
});

describe('body → Lexical', () => {
  it('has the canonical text of a body with every block type', () => {
    const body = makeBody(everyBlock);
    const { editor } = mountedEditor(body);
    expect(lexicalText(editor)).toBe(bodyToText(body));
  });

  it('has the canonical text without a DOM root too (the state itself, not only the reconciler cache)', () => {
    const body = makeBody(everyBlock);
    const editor = createEditor({
      namespace: 'test-headless',
      nodes: [...readerNodes],
      onError: (e) => {
        throw e;
      },
    });
    editor.update(() => $setBody(body), { discrete: true });
    expect(lexicalText(editor)).toBe(bodyToText(body));
  });

  it('keeps the canonical text for each block on its own', () => {
    for (const block of [...everyBlock, ...hostileBlocks]) {
      const body = makeBody([block]);
      const { editor } = mountedEditor(body);
      expect(lexicalText(editor), JSON.stringify(block)).toBe(bodyToText(body));
    }
  });

  it('keeps the canonical text for empty and odd blocks mixed with real ones', () => {
    const body = makeBody([...hostileBlocks, ...everyBlock, ...hostileBlocks]);
    const { editor } = mountedEditor(body);
    expect(lexicalText(editor)).toBe(bodyToText(body));
    expect(lexicalText(mountedEditor(makeBody([])).editor)).toBe('');
  });

  it('builds a long body whose parents get their children in several appends, in order', () => {
    // 10,000 blocks, and a paragraph of 10,000 line breaks with text between them: children are
    // appended in chunks (one spread of an article's worth can overflow the stack).
    const blocks: Block[] = Array.from({ length: 10_000 }, (_, i) => ({
      type: 'paragraph',
      content: [{ text: `p${i}` }],
    }));
    blocks.push({ type: 'paragraph', content: [{ text: 'x\n'.repeat(10_000), marks: ['bold'] }] });
    const body = makeBody(blocks);
    const text = bodyToText(body);
    const editor = createEditor({
      namespace: 'test-huge',
      nodes: [...readerNodes],
      onError: (e) => {
        throw e;
      },
    });
    const last = text.length - 4;
    editor.update(() => $setBody(body, [{ id: 'end', start: last, end: text.length }]), {
      discrete: true,
    });
    expect(lexicalText(editor)).toBe(text);
    expect(editor.getEditorState().read(() => $getRoot().getChildrenSize())).toBe(10_001);
    expect(
      collect(editor, (node) => node.getType() === 'passage-mark').map((node) =>
        editor.getEditorState().read(() => node.getTextContent()),
      ),
    ).toEqual(['x', 'x']);
    editors.push(editor);
  });

  it('maps marks to text formats and block types to their nodes', () => {
    const { editor, element } = mountedEditor(makeBody(everyBlock));
    const formatted = editor.getEditorState().read(() =>
      collect(editor, $isTextNode).flatMap((node) =>
        $isTextNode(node)
          ? [
              {
                text: node.getTextContent(),
                bold: node.hasFormat('bold'),
                italic: node.hasFormat('italic'),
                code: node.hasFormat('code'),
              },
            ]
          : [],
      ),
    );
    expect(formatted).toContainEqual({ text: 'both', bold: true, italic: true, code: false });
    expect(formatted).toContainEqual({
      text: 'inline code',
      bold: false,
      italic: false,
      code: true,
    });
    expect(collect(editor, $isCaptionNode)).toHaveLength(1);
    expect(collect(editor, $isFigureTextNode)).toHaveLength(1);
    expect(collect(editor, $isCodeBlockNode)).toHaveLength(1);

    expect(element.querySelector('h2')?.textContent).toBe('Putin arrives in Pyongyang');
    expect(element.querySelector('h6')?.textContent).toBe('Deepest heading');
    expect(element.querySelector('blockquote.rd-quote')).not.toBeNull();
    expect(element.querySelector('p.rd-caption')?.textContent).toBe('Photo: KCNA');
    expect(element.querySelector('p.rd-figure-text')?.textContent).toBe(
      'Client Load balancer Server A',
    );
    expect(element.querySelector('pre.rd-code-block')).not.toBeNull();
    expect(element.querySelectorAll('ul > li')).toHaveLength(3);
    expect(element.querySelectorAll('ol > li')).toHaveLength(2);
    expect(element.querySelector('strong, .rd-bold')).not.toBeNull();
  });

  it('keeps the heading outline below the title: the top body heading becomes h2', () => {
    const fromH2 = mountedEditor(
      makeBody([
        { type: 'heading', level: 2, content: [{ text: 'Section' }] },
        { type: 'heading', level: 3, content: [{ text: 'Subsection' }] },
      ]),
    ).element;
    expect(
      [...fromH2.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
        (h) => `${h.tagName}:${h.textContent}`,
      ),
    ).toEqual(['H2:Section', 'H3:Subsection']);
    const fromH1 = mountedEditor(
      makeBody([
        { type: 'heading', level: 1, content: [{ text: 'Top' }] },
        { type: 'heading', level: 3, content: [{ text: 'Deeper' }] },
      ]),
    ).element;
    expect([...fromH1.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.tagName)).toEqual([
      'H2',
      'H4',
    ]);
  });

  it('joins consecutive spans with the same href into one link', () => {
    const { editor, element } = mountedEditor(makeBody(everyBlock));
    const urls = editor
      .getEditorState()
      .read(() => collect(editor, $isLinkNode).map((n) => ($isLinkNode(n) ? n.getURL() : '')));
    expect(urls).toEqual([
      'https://example.com/a',
      'mailto:someone@example.com',
      'https://example.com/two',
    ]);
    const first = element.querySelector('a');
    expect(first?.textContent).toBe('link in two parts');
    expect(first?.getAttribute('rel')).toContain('noopener');
  });

  it('never renders a script URL as a live link', () => {
    const { element } = mountedEditor(
      makeBody([
        { type: 'paragraph', content: [{ text: 'click me', href: 'javascript:alert(1)' }] },
      ]),
    );
    const anchors = [...element.querySelectorAll('a')];
    expect(anchors).toHaveLength(1);
    expect(anchors[0]?.getAttribute('href')).not.toMatch(/^\s*javascript:/i);
  });

  it('serializes captions and code blocks as their own node types', () => {
    const { editor } = mountedEditor(makeBody(everyBlock));
    const json = editor.getEditorState().toJSON();
    const types = json.root.children.map((child) => child.type);
    expect(types).toContain('caption');
    expect(types).toContain('figure-text');
    expect(types).toContain('code-block');
    const restored = createEditor({
      namespace: 'test-restore',
      nodes: [...readerNodes],
      onError: (e) => {
        throw e;
      },
    });
    restored.setEditorState(restored.parseEditorState(json));
    expect(lexicalText(restored)).toBe(lexicalText(editor));
  });
});
