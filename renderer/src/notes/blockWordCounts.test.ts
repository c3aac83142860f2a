// @vitest-environment jsdom
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isTextNode,
  createEditor,
  type ParagraphNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { BlockWordCounts } from './blockWordCounts';
import { noteNodes } from './noteNodes';
import { $createPassageQuoteNode } from './nodes/PassageQuoteNode';
import { countWords } from './wordCount';

describe('BlockWordCounts', () => {
  it('counts every block, quotes included, and recounts only the block that changed', () => {
    const editor = createEditor({
      namespace: 'wc',
      nodes: noteNodes,
      onError: (e) => {
        throw e;
      },
    });
    editor.update(
      () =>
        void $getRoot().append(
          $createParagraphNode().append($createTextNode('one two three')),
          $createPassageQuoteNode('0190a8e2-1111-7222-8333-444455556666', 'four five', ''),
          $createParagraphNode().append($createTextNode('six')),
        ),
      { discrete: true },
    );
    const counted: string[] = [];
    const counts = new BlockWordCounts((text) => {
      counted.push(text.trim());
      return countWords(text);
    });
    expect(editor.getEditorState().read(() => counts.$count())).toBe(6);
    expect(counted).toEqual(['one two three', 'four five', 'six']);

    counted.length = 0;
    const dirty: string[] = [];
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) =>
      dirty.push(...dirtyElements.keys(), ...dirtyLeaves),
    );
    editor.update(
      () => {
        const text = $getRoot().getLastChild<ParagraphNode>()!.getFirstChild();
        if ($isTextNode(text)) text.setTextContent('six seven eight');
      },
      { discrete: true },
    );
    stop();
    expect(editor.getEditorState().read(() => counts.$count())).toBe(6); // not told what changed: still cached
    expect(editor.getEditorState().read(() => (counts.$invalidate(dirty), counts.$count()))).toBe(
      8,
    );
    expect(counted).toEqual(['six seven eight']);

    counted.length = 0;
    editor.update(() => $getRoot().getFirstChild()!.remove(), { discrete: true });
    expect(editor.getEditorState().read(() => counts.$count())).toBe(5);
    expect(counted).toEqual([]);
  });
});
