// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { bodyToText } from '../../../electron/model/body';
import { $setBody } from '../reader/bodyToLexical';
import { cleanUpReaderEditors, createReaderEditor } from '../../test/readerEditor';
import { $applyPassageMarks } from './applyPassageMarks';
import { domRangeToTextRange, readerSelectionRange } from './domRange';
import { mixedBody } from '../../test/bodies';

afterEach(cleanUpReaderEditors);

const text = bodyToText(mixedBody);

function setup(withMarks = false) {
  const { editor, element } = createReaderEditor();
  editor.update(
    () => {
      $setBody(mixedBody);
      if (withMarks)
        $applyPassageMarks([
          { id: 'm', start: text.indexOf('seeks'), end: text.indexOf('mutual') },
        ]);
    },
    { discrete: true },
  );
  return { editor, root: element! };
}

/** The DOM text node holding `needle`, and the offset of the needle in it. */
function locate(root: HTMLElement, needle: string): [Text, number] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n.textContent ?? '').indexOf(needle);
    if (at >= 0) return [n as Text, at];
  }
  throw new Error(`not rendered: ${needle}`);
}

function slice(r: { start: number; end: number } | null): string | null {
  return r && text.slice(r.start, r.end);
}

describe('DOM selection → canonical range', () => {
  it('maps a selection inside one text node', () => {
    for (const withMarks of [false, true]) {
      const { editor, root } = setup(withMarks);
      const [node, at] = locate(root, 'settlements');
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'settlements'.length);
      expect(slice(domRangeToTextRange(editor, range))).toBe('settlements');
      cleanUpReaderEditors();
    }
  });

  it('maps a selection across a caption, a link, list items and marks', () => {
    const { editor, root } = setup(true);
    const [from, fromAt] = locate(root, 'AFP)');
    const [to, toAt] = locate(root, 'second');
    const range = document.createRange();
    range.setStart(from, fromAt);
    range.setEnd(to, toAt + 'second'.length);
    expect(slice(domRangeToTextRange(editor, range))).toBe(
      text.slice(text.indexOf('AFP)'), text.indexOf('second') + 6),
    );
  });

  it('trims whitespace and snaps element boundaries to the nearest text', () => {
    const { editor, root } = setup();
    const paragraphs = root.querySelectorAll('p');
    const range = document.createRange();
    // From the start of the caption element to the end of the first body paragraph.
    range.setStart(paragraphs[0]!, 0);
    range.setEnd(paragraphs[1]!, paragraphs[1]!.childNodes.length);
    expect(slice(domRangeToTextRange(editor, range))).toBe(
      text.slice(text.indexOf('Photo:'), text.indexOf('West.') + 5),
    );
    const [space, at] = locate(root, ' and mutual');
    range.setStart(space, at);
    range.setEnd(space, at + 5);
    expect(slice(domRangeToTextRange(editor, range))).toBe('and');
  });

  it('clips a selection that starts outside the editor (e.g. in the title)', () => {
    const { editor, root } = setup();
    const title = document.createElement('h1');
    title.textContent = 'Title';
    root.before(title);
    const [to, toAt] = locate(root, 'arrives');
    const range = document.createRange();
    range.setStart(title.firstChild!, 1);
    range.setEnd(to, toAt + 'arrives'.length);
    expect(slice(domRangeToTextRange(editor, range))).toBe('Putin arrives');
  });

  it('reads the document selection, and nothing for a collapsed or outside one', () => {
    const { editor, root } = setup();
    const [node, at] = locate(root, 'mutual');
    const selection = document.getSelection()!;
    selection.setBaseAndExtent(node, at, node, at + 6);
    expect(slice(readerSelectionRange(editor))).toBe('mutual');
    selection.collapse(node, at);
    expect(readerSelectionRange(editor)).toBeNull();
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    selection.setBaseAndExtent(outside.firstChild!, 0, outside.firstChild!, 4);
    expect(readerSelectionRange(editor)).toBeNull();
  });
});
