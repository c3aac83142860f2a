// @vitest-environment jsdom
import {
  $createRangeSelection,
  $getRoot,
  $isElementNode,
  $isTextNode,
  $setSelection,
  type LexicalEditor,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyToText, makeBody, type Block, type Body } from '../../../electron/model/body';
import { $applyPassageMarks } from '../passages/applyPassageMarks';
import { $setBody, headingShift } from '../reader/bodyToLexical';
import { cleanUpReaderEditors, createReaderEditor } from '../../test/readerEditor';
import { $lexicalToBody, withoutEmptyBlocks } from './lexicalToBody';

afterEach(cleanUpReaderEditors);

/** Every block type in the form the importers produce (marks in bold-italic-code order, no empty spans). */
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
      { text: 'mail', href: 'mailto:someone@example.com' },
      { text: '.' },
    ],
  },
  { type: 'heading', level: 5, content: [{ text: 'Level five' }] },
  { type: 'heading', level: 6, content: [{ text: 'Level six (both show as h6)' }] },
  { type: 'quote', content: [{ text: '“We will stand together,” he said — 我们 🇰🇵 café' }] },
  { type: 'caption', content: [{ text: 'Photo: ' }, { text: 'KCNA', marks: ['italic'] }] },
  { type: 'figure', content: [{ text: 'Client Load balancer Server A' }] },
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
  { type: 'paragraph', content: [{ text: 'bold\nacross a break', marks: ['bold'] }] },
  { type: 'paragraph', content: [] },
  { type: 'list', ordered: true, items: [[], [{ text: 'x' }]] },
  { type: 'code', text: '' },
];

function editorWith(body: Body, editable = false): LexicalEditor {
  const { editor } = createReaderEditor({ editable });
  editor.update(() => $setBody(body), { discrete: true });
  return editor;
}

function roundTrip(editor: LexicalEditor, body: Body): Body {
  return editor.read(() => $lexicalToBody(headingShift(body.blocks)));
}

describe('Lexical → body', () => {
  it('gives back the original body for every block type', () => {
    const body = makeBody(everyBlock);
    expect(roundTrip(editorWith(body), body)).toEqual(body);
  });

  it('gives back each block on its own, and bodies whose headings start deeper', () => {
    for (const block of everyBlock) {
      const body = makeBody([block]);
      expect(roundTrip(editorWith(body), body), JSON.stringify(block)).toEqual(body);
    }
    const deep = makeBody([
      { type: 'heading', level: 3, content: [{ text: 'Three' }] },
      { type: 'heading', level: 4, content: [{ text: 'Four' }] },
    ]);
    expect(roundTrip(editorWith(deep), deep)).toEqual(deep);
  });

  it('ignores highlight marks', () => {
    const body = makeBody(everyBlock);
    const text = bodyToText(body);
    const { editor } = createReaderEditor();
    editor.update(
      () => {
        $setBody(body);
        $applyPassageMarks([
          { id: 'a', start: 3, end: 60 },
          { id: 'b', start: 20, end: text.indexOf('third') + 2 },
        ]);
      },
      { discrete: true },
    );
    expect(roundTrip(editor, body)).toEqual(body);
  });

  it('keeps the canonical text of odd input, even where spans are normalized', () => {
    const odd = makeBody([
      {
        type: 'paragraph',
        content: [
          { text: 'a', marks: ['italic', 'bold'] },
          { text: 'b', marks: ['bold', 'italic'] },
          { text: '' },
        ],
      },
      { type: 'paragraph', content: [{ text: 'x' }, { text: '\nafter', marks: ['code', 'code'] }] },
      { type: 'quote', content: [{ text: '\n' }] },
      { type: 'paragraph', content: [{ text: 'click me', href: 'javascript:alert(1)' }] },
      { type: 'list', ordered: false, items: [] },
    ]);
    const back = roundTrip(editorWith(odd), odd);
    expect(bodyToText(back)).toBe(bodyToText(odd));
    expect(back.blocks[0]).toEqual({
      type: 'paragraph',
      content: [{ text: 'ab', marks: ['bold', 'italic'] }],
    });
    // A script URL never comes back as a link.
    expect(JSON.stringify(back)).not.toContain('javascript:');
  });

  it('turns an edit into blocks: a split paragraph becomes two, deleted junk disappears', () => {
    const body = makeBody([
      { type: 'paragraph', content: [{ text: 'First sentence. Second sentence.' }] },
      { type: 'paragraph', content: [{ text: 'Share this article' }] },
    ]);
    const editor = editorWith(body, true);
    editor.update(
      () => {
        const [first, junk] = $getRoot().getChildren();
        const text = $isElementNode(first) ? first.getFirstChild() : null;
        if (!$isTextNode(text) || !junk) throw new Error('unexpected tree');
        const selection = $createRangeSelection();
        selection.anchor.set(text.getKey(), 'First sentence. '.length, 'text');
        selection.focus.set(text.getKey(), 'First sentence. '.length, 'text');
        $setSelection(selection);
        selection.insertParagraph();
        junk.remove();
      },
      { discrete: true },
    );
    const edited = editor.read(() => $lexicalToBody(0));
    expect(edited.blocks).toEqual([
      { type: 'paragraph', content: [{ text: 'First sentence. ' }] },
      { type: 'paragraph', content: [{ text: 'Second sentence.' }] },
    ]);
  });

  it('drops empty blocks and list items on save, keeps real ones', () => {
    const body = makeBody([
      { type: 'paragraph', content: [] },
      { type: 'paragraph', content: [{ text: '  ' }] },
      { type: 'heading', level: 2, content: [{ text: 'Kept' }] },
      { type: 'list', ordered: false, items: [[], [{ text: 'item' }], [{ text: '' }]] },
      { type: 'list', ordered: false, items: [[]] },
      { type: 'code', text: '\n' },
      { type: 'code', text: 'x = 1' },
    ]);
    expect(withoutEmptyBlocks(body).blocks).toEqual([
      { type: 'heading', level: 2, content: [{ text: 'Kept' }] },
      { type: 'list', ordered: false, items: [[{ text: 'item' }]] },
      { type: 'code', text: 'x = 1' },
    ]);
  });
});
