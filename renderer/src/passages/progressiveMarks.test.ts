// @vitest-environment jsdom
// A real reader editor on jsdom. jsdom has no CSS Custom Highlight API, so the registry is a Map
// of Sets with the same methods (as dragTypes' tests stand in for DataTransfer).
import { $getRoot } from 'lexical';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PassageColor } from '../../../electron/model/passages';
import { bodyToText, makeBody, type Body } from '../../../electron/model/body';
import { $setBody } from '../reader/bodyToLexical';
import { FLASH_HIGHLIGHT } from '../reader/flash';
import { FIND_ALL_HIGHLIGHT } from '../search/highlights';
import { cleanUpReaderEditors, createReaderEditor } from '../../test/readerEditor';
import type { IdRange } from './markSegments';
import { MARK_IDS_ATTRIBUTE, setPassageColorLookup } from './PassageMarkNode';
import { isFillName, type HighlightApi, type HighlightSet } from './passageHighlights';
import { PENDING_ATTRIBUTE, ProgressiveMarks, progressiveMarksOf } from './progressiveMarks';
import { mixedBody } from '../../test/bodies';

const opened: ProgressiveMarks[] = [];
afterEach(() => {
  for (const marks of opened.splice(0)) marks.dispose();
  cleanUpReaderEditors();
});

function standInApi(): HighlightApi & { registry: Map<string, HighlightSet> } {
  return { registry: new Map<string, HighlightSet>(), create: () => new Set<AbstractRange>() };
}

/** Ranges a painted highlight registry holds, as the text each covers (one per future mark). */
function paintedTexts(api: { registry: Map<string, HighlightSet> }): string[] {
  const texts: string[] = [];
  for (const [name, set] of api.registry) {
    if (!isFillName(name)) continue;
    set.forEach((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      texts.push(range.toString());
    });
  }
  return texts.sort();
}

function markTexts(root: HTMLElement): string[] {
  return [...root.querySelectorAll(`mark[${MARK_IDS_ATTRIBUTE}]`)]
    .map((m) => m.textContent ?? '')
    .sort();
}

/** Opens `body` as the reader does: a bare first state when painting, every mark otherwise. */
function open(
  body: Body,
  ranges: IdRange[] | null,
  api: HighlightApi | null,
  colors = new Map<string, PassageColor>(),
) {
  const { editor, element } = createReaderEditor();
  const colorOf = (id: string) => colors.get(id);
  setPassageColorLookup(editor, colorOf);
  editor.update(() => $setBody(body, api || ranges === null ? [] : ranges), { discrete: true });
  const marks = new ProgressiveMarks(editor, body, ranges, api, colorOf);
  opened.push(marks);
  marks.paint();
  return { editor, root: element!, marks };
}

/** The reference: the body built with every mark at once. */
function builtAtOnce(body: Body, ranges: IdRange[]): HTMLElement {
  const { editor, element } = createReaderEditor();
  editor.update(() => $setBody(body, ranges), { discrete: true });
  void editor;
  return element!;
}

const text = bodyToText(mixedBody);
const at = (quote: string, id: string): IdRange => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in the test body: ${quote}`);
  return { id, start, end: start + quote.length };
};
const ranges: IdRange[] = [
  at('Pyongyang', 'title'),
  at('alternative trade and mutual settlements', 'a'),
  at('mutual settlements mechanisms', 'b'),
  { id: 'across', start: text.indexOf('the West.'), end: text.indexOf('first') + 5 },
  at('line two', 'code'),
];
// Blocks: 0 heading, 1 caption, 2 paragraph, 3 empty paragraph, 4 list, 5 quote, 6 code, 7 paragraph.

describe('ProgressiveMarks', () => {
  it('paints every passage at open, one range per future mark, and makes no mark yet', () => {
    const api = standInApi();
    const { root, marks } = open(mixedBody, ranges, api);
    const reference = builtAtOnce(mixedBody, ranges);
    expect(root.querySelectorAll('mark')).toHaveLength(0);
    expect(paintedTexts(api)).toEqual(markTexts(reference));
    // Blocks with passages: 0, 2, 4 (the list, reached by "across"), 6.
    expect(marks.pendingCount).toBe(4);
    expect(root.getAttribute(PENDING_ATTRIBUTE)).toBe('4');
    // Overlaps are painted in the strong fill and the outer passage's underline.
    expect([...api.registry.keys()].sort()).toEqual([
      'passage-under-yellow',
      'passage-yellow',
      'passage-yellow-strong',
    ]);
  });

  it('uses the passages’ colours, and repaints when they change', () => {
    const api = standInApi();
    const colors = new Map<string, PassageColor>([
      ['a', 'green'],
      ['b', 'pink'],
    ]);
    const { marks } = open(mixedBody, ranges, api, colors);
    expect(api.registry.get('passage-pink-strong')?.size).toBe(1); // "mutual settlements": b inside a
    expect(api.registry.get('passage-under-green')?.size).toBe(1);
    colors.set('b', 'blue');
    marks.recolor((id) => colors.get(id));
    expect(api.registry.get('passage-pink-strong')).toBeUndefined();
    expect(api.registry.get('passage-blue-strong')?.size).toBe(1);
  });

  it('ends with exactly the marks of building them at once, and nothing painted', () => {
    const api = standInApi();
    const { root, marks, editor } = open(mixedBody, ranges, api);
    marks.markAll();
    expect(root.innerHTML).toBe(builtAtOnce(mixedBody, ranges).innerHTML);
    expect(editor.read(() => $getRoot().getTextContent())).toBe(text);
    expect(marks.pendingCount).toBe(0);
    expect(root.hasAttribute(PENDING_ATTRIBUTE)).toBe(false);
    expect(api.registry.size).toBe(0);
  });

  it('makes the marks by itself while idle', async () => {
    const api = standInApi();
    const { root, marks } = open(mixedBody, ranges, api);
    await vi.waitFor(() => expect(marks.pendingCount).toBe(0));
    expect(root.innerHTML).toBe(builtAtOnce(mixedBody, ranges).innerHTML);
    expect(api.registry.size).toBe(0);
  });

  it('makes the marks of one block on demand (pointer over it), leaving the others painted', () => {
    const api = standInApi();
    const { root, marks } = open(mixedBody, ranges, api);
    const codeText = root.children[6]!.querySelector('span')!.firstChild!;
    marks.markAt(codeText);
    expect(markTexts(root)).toEqual(['line two']);
    expect(marks.pendingCount).toBe(3);
    // The code block's paint is gone; the others' stays.
    expect(paintedTexts(api)).not.toContain('line two');
    expect(paintedTexts(api)).toContain('Pyongyang');
    // A node outside the content, or in a block without passages: nothing to do.
    marks.markAt(document.body);
    marks.markAt(root.children[5]!);
    expect(marks.pendingCount).toBe(3);
  });

  it('makes every block of a passage on demand (the sidebar jumping to it), through the editor', () => {
    const api = standInApi();
    const { root, editor, marks } = open(mixedBody, ranges, api);
    progressiveMarksOf(editor)!.markPassage('across');
    const across = [...root.querySelectorAll(`mark[${MARK_IDS_ATTRIBUTE}~="across"]`)].map(
      (m) => m.textContent,
    );
    expect(across).toEqual(['the West.', 'first']);
    expect(marks.pendingCount).toBe(2);
  });

  it('keeps the reader’s selection on the same text when a block under it gets its marks', () => {
    const api = standInApi();
    const { root, marks } = open(mixedBody, ranges, api);
    const paragraph = root.children[2]!;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode() as Text; // "Russia seeks "
    const third = (walker.nextNode(), walker.nextNode()) as Text; // " and mutual settlements…"
    document.getSelection()!.setBaseAndExtent(first, 7, third, 11);
    const selected = document.getSelection()!.toString();
    expect(selected).toBe('seeks alternative trade and mutual');
    marks.markAt(first);
    expect(paragraph.isConnected).toBe(false); // the block was rebuilt…
    expect(root.querySelectorAll('mark').length).toBeGreaterThan(0);
    expect(document.getSelection()!.toString()).toBe(selected); // …and the selection is where it was
  });

  it('waits with blocks holding another feature’s highlight (search’s flash), doing the rest', async () => {
    const api = standInApi();
    const { root, marks } = open(mixedBody, ranges, api);
    const flash = new Set<AbstractRange>();
    const codeText = root.children[6]!.querySelector('span')!.firstChild!;
    flash.add(
      new StaticRange({
        startContainer: codeText,
        startOffset: 0,
        endContainer: codeText,
        endOffset: 4,
      }),
    );
    api.registry.set(FLASH_HIGHLIGHT, flash);
    await vi.waitFor(() => expect(marks.pendingCount).toBe(1));
    expect(markTexts(root)).not.toContain('line two');
    expect(root.children[6]!.querySelector('mark')).toBeNull();
    expect(api.registry.get(FLASH_HIGHLIGHT)).toBe(flash);
    // The flash ends: the block it held gets its marks (no fixed wait: the flash is the condition).
    api.registry.delete(FLASH_HIGHLIGHT);
    await vi.waitFor(() => expect(marks.pendingCount).toBe(0));
    expect(root.children[6]!.querySelector('mark')).not.toBeNull();
  });

  it('does not hold a block for find’s highlights (the find bar finds again when the text changes)', async () => {
    const api = standInApi();
    const { root, marks } = open(mixedBody, ranges, api);
    const codeText = root.children[6]!.querySelector('span')!.firstChild!;
    const found = new Set<AbstractRange>([
      new StaticRange({
        startContainer: codeText,
        startOffset: 0,
        endContainer: codeText,
        endOffset: 4,
      }),
    ]);
    api.registry.set(FIND_ALL_HIGHLIGHT, found);
    await vi.waitFor(() => expect(marks.pendingCount).toBe(0));
    expect(root.children[6]!.querySelector('mark')).not.toBeNull();
  });

  it('rebuilds only the blocks a passage change touches, with their marks', () => {
    const api = standInApi();
    const { root, marks } = open(mixedBody, ranges, api);
    const heading = root.children[0];
    const quote = root.children[5];
    const added = [...ranges, at('stand together', 'new')];
    marks.setPassages(added);
    // The quote block got its mark at once; the heading (unchanged, still painted) was left alone.
    expect(root.children[5]!.querySelector('mark')?.textContent).toBe('stand together');
    expect(root.children[5]).not.toBe(quote);
    expect(root.children[0]).toBe(heading);
    expect(marks.pendingCount).toBe(4);
    marks.markAll();
    expect(root.innerHTML).toBe(builtAtOnce(mixedBody, added).innerHTML);
    // A passage removed: its block loses the mark.
    marks.setPassages(added.filter((r) => r.id !== 'code'));
    expect(root.children[6]!.querySelector('mark')).toBeNull();
    expect(root.innerHTML).toBe(
      builtAtOnce(
        mixedBody,
        added.filter((r) => r.id !== 'code'),
      ).innerHTML,
    );
  });

  it('paints passages that arrive after the text (the text does not wait for them), then makes them', () => {
    const api = standInApi();
    const { root, marks } = open(mixedBody, null, api);
    expect(marks.pendingCount).toBe(0);
    expect(api.registry.size).toBe(0);
    marks.setPassages(ranges);
    expect(root.querySelectorAll('mark')).toHaveLength(0);
    expect(paintedTexts(api)).toEqual(markTexts(builtAtOnce(mixedBody, ranges)));
    expect(marks.pendingCount).toBe(4);
    marks.markAll();
    expect(root.innerHTML).toBe(builtAtOnce(mixedBody, ranges).innerHTML);
  });

  it('without the highlight API, passages arriving after the text become marks at once', () => {
    const { root, marks } = open(mixedBody, null, null);
    marks.setPassages(ranges);
    expect(marks.pendingCount).toBe(0);
    expect(root.innerHTML).toBe(builtAtOnce(mixedBody, ranges).innerHTML);
  });

  it('without the highlight API: every mark in the first state, nothing pending, changes per block', () => {
    const { root, marks } = open(mixedBody, ranges, null);
    expect(marks.pendingCount).toBe(0);
    expect(root.hasAttribute(PENDING_ATTRIBUTE)).toBe(false);
    expect(root.innerHTML).toBe(builtAtOnce(mixedBody, ranges).innerHTML);
    const added = [...ranges, at('café', 'new')];
    marks.setPassages(added);
    expect(root.innerHTML).toBe(builtAtOnce(mixedBody, added).innerHTML);
  });

  it('takes hostile ranges and bodies: empty, reversed, past the end, separators only, no blocks', () => {
    const api = standInApi();
    const hostile: IdRange[] = [
      { id: 'empty', start: 5, end: 5 },
      { id: 'reversed', start: 9, end: 3 },
      { id: 'past', start: text.length + 10, end: text.length + 20 },
      { id: 'gap', start: text.indexOf('\n\n'), end: text.indexOf('\n\n') + 2 },
      { id: 'negative', start: -40, end: -1 },
      { id: 'clipped', start: text.length - 4, end: text.length + 100 },
    ];
    const { root, marks } = open(mixedBody, hostile, api);
    expect(paintedTexts(api)).toEqual(['end.']);
    marks.markAll();
    expect(markTexts(root)).toEqual(['end.']);
    const none = open(makeBody([]), hostile, standInApi());
    expect(none.marks.pendingCount).toBe(0);
    none.marks.markAll();
    none.marks.markAt(none.root);
    expect(none.root.querySelectorAll('mark')).toHaveLength(0);
  });

  it('stops painting and working when disposed (another article opened)', async () => {
    const api = standInApi();
    const { marks, root } = open(mixedBody, ranges, api);
    marks.dispose();
    expect(api.registry.size).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(root.querySelectorAll('mark')).toHaveLength(0);
  });
});
