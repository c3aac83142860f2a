// @vitest-environment jsdom
import { $isMarkNode, type MarkNode } from '@lexical/mark';
import { $getRoot, $isElementNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyToText, makeBody, type Body } from '../../../electron/model/body';
import { $setBody } from '../reader/bodyToLexical';
import { cleanUpReaderEditors, createReaderEditor } from '../../test/readerEditor';
import { $applyPassageMarks } from './applyPassageMarks';
import type { IdRange } from './markSegments';
import { mixedBody } from '../../test/bodies';

afterEach(cleanUpReaderEditors);

interface MarkInfo {
  ids: string[];
  text: string;
}

function marked(
  body: Body,
  ranges: IdRange[],
): { editor: LexicalEditor; element: HTMLElement; marks: MarkInfo[] } {
  const { editor, element } = createReaderEditor();
  editor.update(
    () => {
      $setBody(body);
      $applyPassageMarks(ranges);
    },
    { discrete: true },
  );
  // The reader builds marks with the body in one pass: it must make exactly the same tree.
  const { editor: direct } = createReaderEditor();
  direct.update(() => $setBody(body, ranges), { discrete: true });
  expect(JSON.stringify(direct.getEditorState().toJSON())).toBe(
    JSON.stringify(editor.getEditorState().toJSON()),
  );
  const marks = editor.read(() => {
    const found: MarkInfo[] = [];
    const walk = (node: LexicalNode) => {
      if ($isMarkNode(node))
        found.push({ ids: (node as MarkNode).getIDs(), text: node.getTextContent() });
      if ($isElementNode(node)) node.getChildren().forEach(walk);
    };
    walk($getRoot());
    return found;
  });
  return { editor, element: element!, marks };
}

/** The text a passage should show as marked: its range minus separators and line breaks. */
function visible(text: string): string {
  return text.replace(/\n/g, '');
}

function textOf(marks: MarkInfo[], id: string): string {
  return marks
    .filter((m) => m.ids.includes(id))
    .map((m) => m.text)
    .join('');
}

describe('passage marks', () => {
  const text = bodyToText(mixedBody);
  const at = (quote: string) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`not in the test body: ${quote}`);
    return { start, end: start + quote.length };
  };

  it('marks one passage without changing the text', () => {
    const { editor, marks, element } = marked(mixedBody, [
      { id: 'a', ...at('mutual settlements mechanisms') },
    ]);
    expect(marks).toEqual([{ ids: ['a'], text: 'mutual settlements mechanisms' }]);
    expect(editor.read(() => $getRoot().getTextContent())).toBe(text);
    const mark = element.querySelector('mark');
    expect(mark?.textContent).toBe('mutual settlements mechanisms');
    expect(mark?.classList.contains('rd-mark')).toBe(true);
    expect(mark?.classList.contains('rd-mark-overlap')).toBe(false);
  });

  it('gives overlapping and nested passages flat marks with several ids', () => {
    const a = at('alternative trade and mutual settlements');
    const b = at('mutual settlements mechanisms 🇰🇵 not');
    const c = at('settlements');
    const { marks, element, editor } = marked(mixedBody, [
      { id: 'a', ...a },
      { id: 'b', ...b },
      { id: 'c', ...c },
    ]);
    expect(marks.map((m) => [m.ids.join('+'), m.text])).toEqual([
      ['a', 'alternative trade'],
      ['a', ' and '],
      ['a+b', 'mutual '],
      ['a+b+c', 'settlements'],
      ['b', ' mechanisms 🇰🇵 not'],
    ]);
    for (const [id, range] of [
      ['a', a],
      ['b', b],
      ['c', c],
    ] as const)
      expect(textOf(marks, id)).toBe(text.slice(range.start, range.end));
    expect(editor.read(() => $getRoot().getTextContent())).toBe(text);
    // Marks never nest; overlaps carry the overlap class.
    expect(element.querySelectorAll('mark mark')).toHaveLength(0);
    expect([...element.querySelectorAll('mark.rd-mark-overlap')].map((m) => m.textContent)).toEqual(
      ['mutual ', 'settlements'],
    );
  });

  it('puts identical ranges in one mark, outermost id first', () => {
    const r = at('third');
    const { marks } = marked(mixedBody, [
      { id: 'z', ...r },
      { id: 'y', ...r },
      { id: 'outer', start: r.start - 6, end: r.end }, // "bold\n\nthird"
    ]);
    expect(marks).toEqual([
      { ids: ['outer'], text: 'bold' },
      { ids: ['outer', 'y', 'z'], text: 'third' },
    ]);
  });

  it('marks a passage spanning a caption, body text, list items and line breaks, block by block', () => {
    const start = text.indexOf('(Pool Photo');
    const end = text.indexOf('second') + 'second'.length;
    const { marks } = marked(mixedBody, [{ id: 'long', start, end }]);
    expect(textOf(marks, 'long')).toBe(visible(text.slice(start, end)));
    // Caption, the paragraph's text before / inside / after its link, two list items.
    expect(marks.map((m) => m.text)).toEqual([
      '(Pool Photo via AFP)',
      'Russia seeks ',
      'alternative trade',
      ' and mutual settlements mechanisms 🇰🇵 not controlled by the West.',
      'first 😀 item',
      'second',
    ]);
    const code = at('one\n\tline two\n\nline');
    const inCode = marked(mixedBody, [{ id: 'code', ...code }]).marks;
    expect(inCode.map((m) => m.text)).toEqual(['one', '\tline two', 'line']);
  });

  it('marks inside and across links and formatted text', () => {
    const { marks, element } = marked(mixedBody, [
      { id: 'link', ...at('trade and') },
      { id: 'bold', ...at('KCNA (Pool') },
    ]);
    expect(textOf(marks, 'link')).toBe('trade and');
    expect(textOf(marks, 'bold')).toBe('KCNA (Pool');
    expect(element.querySelector('a')?.textContent).toBe('alternative trade');
  });

  it('covers every passage exactly, for many random overlapping ranges', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const ranges: IdRange[] = [];
    for (let i = 0; i < 300; i++) {
      let start = Math.floor(random() * (text.length - 1));
      let end = Math.min(text.length, start + 1 + Math.floor(random() * 60));
      // Never split an emoji, as the server never stores such a range.
      if (/[\udc00-\udfff]/.test(text[start]!)) start--;
      if (/[\udc00-\udfff]/.test(text[end] ?? '')) end++;
      ranges.push({ id: `p${i}`, start, end });
    }
    const { marks, editor } = marked(mixedBody, ranges);
    for (const r of ranges)
      expect(textOf(marks, r.id), r.id).toBe(visible(text.slice(r.start, r.end)));
    expect(editor.read(() => $getRoot().getTextContent())).toBe(text);
  });

  it('ignores empty, reversed and out-of-range passages', () => {
    const { marks } = marked(mixedBody, [
      { id: 'empty', start: 5, end: 5 },
      { id: 'reversed', start: 9, end: 3 },
      { id: 'past', start: text.length + 10, end: text.length + 20 },
      { id: 'clipped', start: text.length - 4, end: text.length + 100 },
      { id: 'gap', start: text.indexOf('\n\n'), end: text.indexOf('\n\n') + 2 },
    ]);
    expect(marks).toEqual([{ ids: ['clipped'], text: 'end.' }]);
  });

  it('renders the same marks again from the same passages (reload)', () => {
    const ranges = [
      { id: 'a', ...at('Russia seeks alternative') },
      { id: 'b', ...at('seeks') },
    ];
    const first = marked(mixedBody, ranges);
    const second = marked(makeBody(structuredClone(mixedBody.blocks)), [...ranges].reverse());
    expect(second.marks).toEqual(first.marks);
    expect(second.element.innerHTML).toBe(first.element.innerHTML);
  });

  it('places 1,000 passages in one update, each exactly (speed is in `npm run bench -- marks`)', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => ({
      type: 'paragraph' as const,
      content: [
        {
          text: `Paragraph ${i} has several words in it and some more words to make it long enough. `,
        },
      ],
    }));
    const body = makeBody(paragraphs);
    const long = bodyToText(body);
    const ranges: IdRange[] = [];
    for (let i = 0; i < 1000; i++) {
      const start = Math.floor((i * long.length) / 1000);
      ranges.push({ id: `q${i}`, start, end: Math.min(long.length, start + 40) });
    }
    const { marks } = marked(body, ranges);
    for (const r of ranges)
      expect(textOf(marks, r.id), r.id).toBe(visible(long.slice(r.start, r.end)));
  });
});
