// @vitest-environment jsdom
import { $getNodeByKey, $getRoot, $isElementNode, $isTextNode } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyToText, makeBody } from '../../../electron/model/body';
import { $setBody } from '../reader/bodyToLexical';
import { cleanUpReaderEditors, createReaderEditor } from '../../test/readerEditor';
import { $buildOffsetIndex, $pointAtOffset, offsetOfPoint, pointAtOffset } from './offsetIndex';
import { mixedBody } from '../../test/bodies';

afterEach(cleanUpReaderEditors);

function editorWith(body = mixedBody) {
  const { editor } = createReaderEditor();
  editor.update(() => $setBody(body), { discrete: true });
  return editor;
}

describe('canonical offsets ↔ Lexical points', () => {
  const text = bodyToText(mixedBody);

  it('indexes the same text as the canonical text', () => {
    const editor = editorWith();
    editor.read(() => {
      const index = $buildOffsetIndex();
      expect(index.length).toBe(text.length);
      expect(index.length).toBe($getRoot().getTextContentSize());
      // Every text node's range holds exactly its text.
      for (const span of index.texts) {
        const node = $getNodeByKey(span.key);
        expect($isTextNode(node) && node.getTextContent()).toBe(text.slice(span.start, span.end));
      }
    });
  });

  it('maps every character of text to a point on that character and back (lists, captions, code, emoji halves)', () => {
    const editor = editorWith();
    editor.read(() => {
      const index = $buildOffsetIndex();
      let mapped = 0;
      for (let o = 0; o < text.length; o++) {
        const start = pointAtOffset(index, o, 'start');
        const end = pointAtOffset(index, o + 1, 'end');
        expect(start && end).toBeTruthy();
        const startNode = $getNodeByKey(start!.key);
        if (text[o] === '\n') {
          // Separators and line breaks belong to no text node: start skips forward past them.
          expect(offsetOfPoint(index, { ...start!, type: 'text' })).toBeGreaterThan(o);
          continue;
        }
        expect($isTextNode(startNode) && startNode.getTextContent()[start!.offset]).toBe(text[o]);
        expect(offsetOfPoint(index, { ...start!, type: 'text' })).toBe(o);
        const endNode = $getNodeByKey(end!.key);
        expect($isTextNode(endNode) && endNode.getTextContent()[end!.offset - 1]).toBe(text[o]);
        expect(offsetOfPoint(index, { ...end!, type: 'text' })).toBe(o + 1);
        mapped++;
      }
      expect(mapped).toBe(text.replace(/\n/g, '').length);
    });
  });

  it('counts emoji as two UTF-16 units, like the canonical text', () => {
    const editor = editorWith();
    const flag = text.indexOf('🇰🇵');
    const after = flag + '🇰🇵'.length;
    expect(after - flag).toBe(4);
    editor.read(() => {
      const point = $pointAtOffset(after, 'start');
      const node = point && $getNodeByKey(point.key);
      expect(
        $isTextNode(node) && node.getTextContent().slice(point!.offset, point!.offset + 4),
      ).toBe(' not');
    });
  });

  it('maps element points to the start of the child they precede, or the element end', () => {
    const editor = editorWith();
    editor.read(() => {
      const index = $buildOffsetIndex();
      const blocks = $getRoot().getChildren();
      const list = blocks[4]!;
      expect($isElementNode(list)).toBe(true);
      const second = text.indexOf('second bold');
      expect(offsetOfPoint(index, { key: list.getKey(), offset: 1, type: 'element' })).toBe(second);
      expect(offsetOfPoint(index, { key: list.getKey(), offset: 3, type: 'element' })).toBe(
        text.indexOf('third') + 'third'.length,
      );
      expect(offsetOfPoint(index, { key: $getRoot().getKey(), offset: 0, type: 'element' })).toBe(
        0,
      );
      const empty = blocks[3]!;
      expect(offsetOfPoint(index, { key: empty.getKey(), offset: 0, type: 'element' })).toBe(
        text.indexOf('first 😀') - 2,
      );
    });
  });

  it('returns null where no text lies on the asked side', () => {
    const editor = editorWith(makeBody([{ type: 'paragraph', content: [{ text: 'only' }] }]));
    editor.read(() => {
      const index = $buildOffsetIndex();
      expect(pointAtOffset(index, 4, 'start')).toBeNull();
      expect(pointAtOffset(index, 0, 'end')).toBeNull();
      expect(pointAtOffset(index, 0, 'start')).toMatchObject({ offset: 0 });
      expect(pointAtOffset(index, 4, 'end')).toMatchObject({ offset: 4 });
    });
    const empty = editorWith(makeBody([]));
    empty.read(() => {
      expect($buildOffsetIndex().length).toBe(0);
      expect($pointAtOffset(0, 'start')).toBeNull();
    });
  });
});
