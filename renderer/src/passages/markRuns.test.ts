// @vitest-environment jsdom
// The reader paints passages before it makes their MarkNodes, and makes them a few blocks at a
// time: both must give exactly what building the body with its marks in one go gives.
import { $isMarkNode, type MarkNode } from '@lexical/mark';
import { $getRoot, $isElementNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyToText, makeBody, type Block, type Body } from '../../../electron/model/body';
import { $rebuildBlocks, $setBody, blockStarts } from '../reader/bodyToLexical';
import { cleanUpReaderEditors, createReaderEditor } from '../../test/readerEditor';
import { $segmentRuns } from './markRuns';
import { markSegments, type IdRange } from './markSegments';
import { $buildOffsetIndex } from './offsetIndex';
import { mixedBody } from '../../test/bodies';

afterEach(cleanUpReaderEditors);

const text = bodyToText(mixedBody);
const at = (quote: string) => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in the test body: ${quote}`);
  return { start, end: start + quote.length };
};

/** Overlapping, nested, cross-block, inside links and formats, in code, and hostile ranges. */
const ranges: IdRange[] = [
  { id: 'a', ...at('alternative trade and mutual settlements') },
  { id: 'b', ...at('mutual settlements mechanisms 🇰🇵 not') },
  { id: 'c', ...at('settlements') },
  { id: 'long', start: text.indexOf('(Pool Photo'), end: text.indexOf('second') + 'second'.length },
  { id: 'code', ...at('one\n\tline two\n\nline') },
  { id: 'soft', ...at('soft\nline') },
  { id: 'bold', ...at('KCNA (Pool') },
  { id: 'empty', start: 5, end: 5 },
  { id: 'reversed', start: 9, end: 3 },
  { id: 'gap', start: text.indexOf('\n\n'), end: text.indexOf('\n\n') + 2 },
  { id: 'past', start: text.length + 10, end: text.length + 20 },
];

function marksOf(editor: LexicalEditor): { ids: string[]; text: string }[] {
  return editor.read(() => {
    const found: { ids: string[]; text: string }[] = [];
    const walk = (node: LexicalNode) => {
      if ($isMarkNode(node))
        found.push({ ids: (node as MarkNode).getIDs(), text: node.getTextContent() });
      if ($isElementNode(node)) node.getChildren().forEach(walk);
    };
    walk($getRoot());
    return found;
  });
}

function built(body: Body, marks: readonly IdRange[]): LexicalEditor {
  const { editor } = createReaderEditor();
  editor.update(() => $setBody(body, marks), { discrete: true });
  return editor;
}

describe('mark runs and block rebuilds', () => {
  it('reads off a bare tree the same runs, texts and ids as the marks of the marked tree', () => {
    const bare = built(mixedBody, []);
    const runs = bare.read(() => {
      const index = $buildOffsetIndex();
      return markSegments(ranges, index.length).flatMap((segment) => $segmentRuns(index, segment));
    });
    const texts = bare.read(() =>
      runs.map((run) =>
        run.keys
          .map((key, i) => {
            const node = $getRoot()
              .getAllTextNodes()
              .find((n) => n.getKey() === key)!;
            const content = node.getTextContent();
            return content.slice(
              i === 0 ? run.startOffset : 0,
              i === run.keys.length - 1 ? run.endOffset : content.length,
            );
          })
          .join(''),
      ),
    );
    const expected = marksOf(built(mixedBody, ranges));
    expect(runs.map((run, i) => ({ ids: [...run.ids], text: texts[i] }))).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
  });

  it('finds no runs where a range covers only separators, nothing, or lies past the text', () => {
    const bare = built(mixedBody, []);
    const runs = bare.read(() => {
      const index = $buildOffsetIndex();
      return markSegments(
        ranges.filter((r) => ['empty', 'reversed', 'gap', 'past'].includes(r.id)),
        Number.MAX_SAFE_INTEGER,
      ).flatMap((s) => $segmentRuns(index, s));
    });
    expect(runs).toEqual([]);
  });

  it('rebuilding every block of a bare tree gives the tree built with its marks', () => {
    const body = makeBody([...mixedBody.blocks, ...mixedBody.blocks]);
    const all = bodyToText(body);
    const doubled = [
      ...ranges,
      ...ranges.map((r) => ({
        ...r,
        id: `${r.id}2`,
        start: r.start + text.length + 2,
        end: r.end + text.length + 2,
      })),
    ];
    const bare = built(body, []);
    bare.update(
      () =>
        $rebuildBlocks(
          body,
          markSegments(doubled, Number.MAX_SAFE_INTEGER),
          blockStarts(body),
          body.blocks.keys(),
        ),
      { discrete: true },
    );
    const direct = built(body, doubled);
    expect(JSON.stringify(bare.getEditorState().toJSON())).toBe(
      JSON.stringify(direct.getEditorState().toJSON()),
    );
    expect(bare.getRootElement()!.innerHTML).toBe(direct.getRootElement()!.innerHTML);
    expect(bare.read(() => $getRoot().getTextContent())).toBe(all);
  });

  it('rebuilds only the blocks asked for, in any order, leaving the others as they were', () => {
    const body = mixedBody;
    const segments = markSegments(ranges, Number.MAX_SAFE_INTEGER);
    const bare = built(body, []);
    const before = [...bare.getRootElement()!.children];
    const picked = [4, 1, 7];
    bare.update(() => $rebuildBlocks(body, segments, blockStarts(body), picked), {
      discrete: true,
    });
    const plain = built(body, []).getEditorState().toJSON().root.children;
    const marked = built(body, ranges).getEditorState().toJSON().root.children;
    const now = bare.getEditorState().toJSON().root.children;
    body.blocks.forEach((_, i) => {
      expect(JSON.stringify(now[i]), `block ${i}`).toBe(
        JSON.stringify(picked.includes(i) ? marked[i] : plain[i]),
      );
      // Untouched blocks keep their very elements (nothing re-rendered there).
      if (!picked.includes(i)) expect(bare.getRootElement()!.children[i]).toBe(before[i]);
    });
  });

  it('puts each block where the canonical text has it, for every kind of block and odd ones', () => {
    const blocks: Block[] = [
      ...mixedBody.blocks,
      { type: 'paragraph', content: [] },
      { type: 'list', ordered: true, items: [[], [{ text: '' }], [{ text: 'x' }]] },
      { type: 'code', text: '\n\n' },
      { type: 'paragraph', content: [{ text: 'windows\r\nline', marks: ['code'] }] },
    ];
    const body = makeBody(blocks);
    const all = bodyToText(body);
    const starts = blockStarts(body);
    const editor = built(body, []);
    const lexicalStarts = editor.read(() => {
      const index = $buildOffsetIndex();
      return $getRoot()
        .getChildren()
        .map((child) => index.ranges.get(child.getKey())!.start);
    });
    expect(starts).toEqual(lexicalStarts);
    expect(starts[0]).toBe(0);
    const n = blocks.length;
    expect(all.slice(starts[n - 1]!)).toBe('windows\r\nline');
    expect(all.slice(starts[n - 3]!, starts[n - 2]! - 2)).toBe('\n\n\n\nx');
    expect(blockStarts(makeBody([]))).toEqual([]);
  });
});
