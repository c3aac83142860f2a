// @vitest-environment jsdom
import { $createMarkNode } from '@lexical/mark';
import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import type { PassageColor } from '../../../electron/model/passages';
import { bodyToText } from '../../../electron/model/body';
import { $setBody } from '../reader/bodyToLexical';
import { cleanUpReaderEditors, createReaderEditor } from '../../test/readerEditor';
import { $isPassageMarkNode, MARK_IDS_ATTRIBUTE, setPassageColorLookup } from './PassageMarkNode';
import { mixedBody } from '../../test/bodies';

afterEach(cleanUpReaderEditors);

const text = bodyToText(mixedBody);
const at = (quote: string) => ({
  start: text.indexOf(quote),
  end: text.indexOf(quote) + quote.length,
});

describe('PassageMarkNode', () => {
  it('creates mark elements with their ids and colours already on them', () => {
    const { editor, element } = createReaderEditor({ mount: false });
    const colors = new Map<string, PassageColor>([
      ['a', 'green'],
      ['b', 'pink'],
    ]);
    setPassageColorLookup(editor, (id) => colors.get(id));
    const root = document.createElement('div');
    document.body.append(root);
    expect(element).toBeNull();
    editor.update(
      () =>
        $setBody(mixedBody, [
          { id: 'a', ...at('mutual settlements') },
          { id: 'b', ...at('settlements mechanisms') },
        ]),
      { discrete: true },
    );
    editor.setRootElement(root);
    const marks = [...root.querySelectorAll('mark')];
    expect(
      marks.map((m) => [m.getAttribute(MARK_IDS_ATTRIBUTE), m.className, m.textContent]),
    ).toEqual([
      ['a', 'rd-mark rd-mark-green', 'mutual '],
      ['a b', 'rd-mark rd-mark-pink rd-mark-overlap rd-mark-under-green', 'settlements'],
      ['b', 'rd-mark rd-mark-pink', ' mechanisms'],
    ]);
    editor.setRootElement(null);
  });

  it('falls back to the default colour for an unknown passage, and replaces plain MarkNodes', () => {
    const { editor, element } = createReaderEditor();
    editor.update(
      () => {
        $setBody(mixedBody);
        const paragraph = $getRoot().getChildAtIndex(2);
        if (!$isElementNode(paragraph)) throw new Error('no paragraph');
        const first = paragraph.getFirstChild();
        const mark = $createMarkNode(['x']);
        expect($isPassageMarkNode(mark)).toBe(true);
        first?.insertBefore(mark);
        if (first) mark.append(first);
      },
      { discrete: true },
    );
    const mark = element!.querySelector('mark');
    expect(mark?.getAttribute(MARK_IDS_ATTRIBUTE)).toBe('x');
    expect(mark?.className).toBe('rd-mark rd-mark-yellow');
  });

  it('recreates the element with the new ids when they change', () => {
    const { editor, element } = createReaderEditor();
    setPassageColorLookup(editor, (id) => (id === 'n' ? 'blue' : undefined));
    editor.update(() => $setBody(mixedBody, [{ id: 'o', ...at('Russia seeks') }]), {
      discrete: true,
    });
    editor.update(
      () => {
        const walk = (node: LexicalNode): void => {
          if ($isPassageMarkNode(node)) node.setIDs(['n']);
          else if ($isElementNode(node)) node.getChildren().forEach(walk);
        };
        walk($getRoot());
      },
      { discrete: true },
    );
    const mark = element!.querySelector('mark');
    expect(mark?.getAttribute(MARK_IDS_ATTRIBUTE)).toBe('n');
    expect(mark?.className).toBe('rd-mark rd-mark-blue');
  });
});
