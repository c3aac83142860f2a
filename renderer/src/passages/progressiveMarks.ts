/**
 * Opening an article with many passages: every passage is painted at once as a CSS highlight
 * (passageHighlights.ts: a few milliseconds), and its MarkNodes are made afterwards, a few blocks
 * per idle callback, each block's paint dropped in the same task as its marks take over. Anything
 * that needs a passage's MarkNodes sooner gets them at once: the pointer coming over a block, a
 * drag entering it, a click or Enter in it, the sidebar jumping to a passage (`markElements`).
 * Where the browser has no highlight API, the reader's first state has every mark and nothing is
 * pending.
 *
 * Blocks are the body's top-level blocks (root child i is block i). A passage change rebuilds
 * only the blocks whose segments changed, with their marks.
 */
import {
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getRoot,
  $isTextNode,
  $setSelection,
  getDOMTextNode,
  HISTORY_MERGE_TAG,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import type { PassageColor } from '../../../electron/model/passages';
import { blockText, type Body } from '../../../electron/model/body';
import { $rebuildBlocks, blockStarts } from '../reader/bodyToLexical';
import { $segmentRuns } from './markRuns';
import { markSegments, type IdRange, type Segment } from './markSegments';
import { $buildOffsetIndex, offsetOfPoint, pointAtOffset, type OffsetIndex } from './offsetIndex';
import { FLASH_HIGHLIGHT } from '../reader/flash';
import { PassageHighlights, type HighlightApi } from './passageHighlights';

/** On the reader's content root while some blocks' marks are only painted: how many blocks. */
export const PENDING_ATTRIBUTE = 'data-marks-pending';

/**
 * Segments turned into marks per idle step: 1/20 of the benchmark's 1,000 passages (~17 of its
 * 330 paragraphs, ~500 new elements). A step's frame costs its script and the style, layout and
 * paint of its blocks, plus a fixed part: while passages are painted, any DOM change makes
 * Chromium re-validate every highlight range and repaint them. Larger steps pay that less often
 * but make longer frames (measured here: 300 segments gave frames of 60-100 ms); this size keeps
 * a step's frame near 30 ms (`npm run bench -- marks` reports the long frames).
 */
const STEP_SEGMENTS = 100;
/** An idle callback runs at the latest this long after it was asked for (a busy page still progresses). */
const IDLE_TIMEOUT_MS = 100;
const RETRY_MS = 250;

type ColorOf = (id: string) => PassageColor | undefined;

/** Per editor, so `markElements` and the reader's handlers can ask for marks now. */
const controllers = new WeakMap<LexicalEditor, ProgressiveMarks>();

export function progressiveMarksOf(editor: LexicalEditor): ProgressiveMarks | undefined {
  return controllers.get(editor);
}

interface SavedSelection {
  anchor: number;
  focus: number;
}

export class ProgressiveMarks {
  private segments: Segment[] = [];
  /** Per block: indices of the segments over it. */
  private blockSegments: number[][] = [];
  /** Per block: what its marks depend on (its segments' offsets and ids). */
  private signatures: string[] = [];
  private readonly starts: number[];
  private readonly ends: number[];
  /** Blocks whose passages are painted, not yet MarkNodes; in document order. */
  private readonly pending = new Set<number>();
  private readonly highlights: PassageHighlights | null;
  private cancelScheduled: (() => void) | null = null;
  private pointerDown = false;
  private disposed = false;
  private painted = false;
  /** Whether the passages are known (the first state's, or a `setPassages` since). */
  private known: boolean;

  /**
   * `ranges`: the passages the editor's first state was built for, null when they were not loaded
   * yet (the first `setPassages` brings them). With `api`, that state has no marks
   * (`$setBody(body)`) and `paint()` paints them; without, it has every mark
   * (`$setBody(body, ranges)`) and nothing is pending.
   */
  constructor(
    private readonly editor: LexicalEditor,
    private readonly body: Body,
    ranges: readonly IdRange[] | null,
    private readonly api: HighlightApi | null,
    colorOf: ColorOf,
  ) {
    this.starts = blockStarts(body);
    this.ends = body.blocks.map((block, i) => this.starts[i]! + blockText(block).length);
    this.highlights = api ? new PassageHighlights(api, colorOf) : null;
    this.known = ranges !== null;
    this.setSegments(ranges ?? []);
    if (api)
      this.blockSegments.forEach(
        (segments, block) => segments.length > 0 && this.pending.add(block),
      );
    controllers.set(editor, this);
    window.addEventListener('pointerdown', this.onPointerDown, true);
    window.addEventListener('pointerup', this.onPointerUp, true);
    window.addEventListener('pointercancel', this.onPointerUp, true);
  }

  /** Blocks still waiting for their MarkNodes. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /**
   * Paints the pending blocks' passages; call once the root shows the first state (same task, so
   * the first frame has them). Then starts making MarkNodes when the page is idle.
   */
  paint(): void {
    const highlights = this.highlights;
    const root = this.editor.getRootElement();
    if (!highlights || !root || this.pending.size === 0 || this.painted) {
      this.showPending();
      return;
    }
    this.painted = true;
    const wanted = new Set<number>();
    for (const block of this.pending) for (const s of this.blockSegments[block]!) wanted.add(s);
    const byBlock = this.editor.read(() => {
      const index = $buildOffsetIndex();
      const blockOfKey = topLevelIndexer();
      // A paragraph without marks is one text node holding all its runs: look each up once.
      const texts = new Map<NodeKey, Text | null>();
      const text = (key: NodeKey) =>
        texts.has(key) ? texts.get(key)! : texts.set(key, this.domText(key)).get(key)!;
      const out = new Map<number, { ids: readonly string[]; range: AbstractRange }[]>();
      for (const s of [...wanted].sort((a, b) => a - b)) {
        for (const run of $segmentRuns(index, this.segments[s]!)) {
          const block = blockOfKey(run.keys[0]!);
          if (block === null || !this.pending.has(block)) continue;
          const range = staticRange(
            text(run.keys[0]!),
            run.startOffset,
            text(run.keys[run.keys.length - 1]!),
            run.endOffset,
          );
          if (range)
            (out.get(block) ?? out.set(block, []).get(block)!).push({ ids: run.ids, range });
        }
      }
      return out;
    });
    for (const [block, runs] of byBlock) highlights.add(block, runs);
    this.showPending();
    // The idle work starts once the first frames are on screen, not in the idle time right after
    // the first one: that frame is the one the reader waits for.
    requestAnimationFrame(() => requestAnimationFrame(() => this.schedule()));
  }

  /** Makes the marks of the block holding `node` now (the pointer is over it, a drag entered it). */
  markAt(node: Node | null): void {
    if (this.pending.size === 0 || !node) return;
    const block = this.blockOfDomNode(node);
    if (block !== null && this.pending.has(block)) this.makeMarks([block]);
  }

  /** Makes the marks of every block a passage is in now. */
  markPassage(id: string): void {
    if (this.pending.size === 0) return;
    const blocks = [...this.pending].filter((block) =>
      this.blockSegments[block]!.some((s) => this.segments[s]!.ids.includes(id)),
    );
    if (blocks.length > 0) this.makeMarks(blocks);
  }

  /** Makes every pending block's marks now. */
  markAll(): void {
    if (this.pending.size > 0) this.makeMarks([...this.pending]);
  }

  /**
   * The passages changed: rebuilds the blocks whose segments changed, with their marks (a pending
   * one among them stops being painted). Blocks that didn't change keep what they have.
   */
  setPassages(ranges: readonly IdRange[]): void {
    if (!this.known) {
      // The first passages, arriving after the text: painted like those of an opening state.
      this.known = true;
      this.setSegments(ranges);
      const blocks = this.blockSegments.flatMap((segments, block) =>
        segments.length > 0 ? [block] : [],
      );
      if (this.api) {
        for (const block of blocks) this.pending.add(block);
        this.paint();
      } else if (blocks.length > 0) this.rebuild(blocks);
      return;
    }
    const before = this.signatures;
    this.setSegments(ranges);
    const changed = this.signatures.flatMap((signature, block) =>
      signature !== before[block] ? [block] : [],
    );
    if (changed.length === 0) return;
    // The passage was made from (or re-attached to) a selection: it is done with. Its DOM nodes
    // are about to be replaced, so drop it rather than leave a stale one.
    const root = this.editor.getRootElement();
    const selection = document.getSelection();
    if (root && selection && selection.rangeCount > 0 && root.contains(selection.anchorNode))
      selection.removeAllRanges();
    this.rebuild(changed);
  }

  /** The painted passages take the passages' current colours. */
  recolor(colorOf: ColorOf): void {
    this.highlights?.recolor(colorOf);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    this.highlights?.clear();
    window.removeEventListener('pointerdown', this.onPointerDown, true);
    window.removeEventListener('pointerup', this.onPointerUp, true);
    window.removeEventListener('pointercancel', this.onPointerUp, true);
    if (controllers.get(this.editor) === this) controllers.delete(this.editor);
  }

  private setSegments(ranges: readonly IdRange[]): void {
    this.segments = markSegments(ranges, Number.MAX_SAFE_INTEGER);
    const perBlock: number[][] = this.body.blocks.map(() => []);
    let block = 0;
    this.segments.forEach((segment, s) => {
      // Segments are sorted and disjoint: the first block they touch only moves forward.
      while (block < this.ends.length && this.ends[block]! <= segment.start) block++;
      for (let b = block; b < this.starts.length && this.starts[b]! < segment.end; b++) {
        // Some of the block's text is in the segment (an empty block has none).
        if (Math.max(this.starts[b]!, segment.start) < Math.min(this.ends[b]!, segment.end))
          perBlock[b]!.push(s);
      }
    });
    this.blockSegments = perBlock;
    this.signatures = perBlock.map((list) =>
      list
        .map(
          (s) =>
            `${this.segments[s]!.start}-${this.segments[s]!.end}:${this.segments[s]!.ids.join(' ')}`,
        )
        .join(','),
    );
  }

  /** Makes pending blocks' marks, keeping the reader's selection where it was in the text. */
  private makeMarks(blocks: readonly number[]): void {
    const saved = this.saveSelection();
    this.rebuild(blocks);
    if (saved) this.restoreSelection(saved);
  }

  private rebuild(blocks: readonly number[]): void {
    const root = this.editor.getRootElement();
    const selection = document.getSelection();
    if (root && selection && selection.rangeCount > 0 && root.contains(selection.anchorNode))
      selection.removeAllRanges();
    const sorted = [...blocks].sort((a, b) => a - b);
    this.editor.update(
      () => {
        // A selection left in the editor's state would point into the blocks being replaced.
        $setSelection(null);
        $rebuildBlocks(this.body, this.segments, this.starts, sorted);
      },
      {
        discrete: true,
        tag: [HISTORY_MERGE_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG],
      },
    );
    for (const block of sorted) {
      this.highlights?.remove(block);
      this.pending.delete(block);
    }
    this.showPending();
    if (this.pending.size === 0) {
      this.cancelScheduled?.();
      this.cancelScheduled = null;
      this.highlights?.clear();
    }
  }

  /** One idle step: the next pending blocks in reading order, up to the segment budget. */
  private step = (): void => {
    this.cancelScheduled = null;
    if (this.disposed || this.pending.size === 0) return;
    // Mid-drag the user may be selecting text: wait for the button to be up.
    if (this.pointerDown) {
      this.schedule(RETRY_MS);
      return;
    }
    const chosen: number[] = [];
    let segments = 0;
    for (const block of this.inViewOrder()) {
      if (this.holdsFlash(block)) continue;
      chosen.push(block);
      segments += this.blockSegments[block]!.length;
      if (segments >= STEP_SEGMENTS) break;
    }
    if (chosen.length === 0) {
      this.schedule(RETRY_MS);
      return;
    }
    this.makeMarks(chosen);
    // The next step after this one's frame is drawn: one step per frame, never two piled in one.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        this.cancelScheduled = null;
        this.schedule();
      }, 0);
    });
    this.cancelScheduled = () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  };

  /**
   * The pending blocks from the first one on screen down, then those above it: what the user
   * sees becomes marks first, and once it has, the later steps only repaint painted passages off
   * screen.
   */
  private inViewOrder(): number[] {
    const blocks = [...this.pending].sort((a, b) => a - b);
    const root = this.editor.getRootElement();
    if (!root || blocks.length < 2) return blocks;
    // The first block whose bottom is below the top of the window (rects are read in an idle
    // callback, after the frame's layout: no layout is forced).
    const children = root.children;
    let lo = 0;
    let hi = children.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (children[mid]!.getBoundingClientRect().bottom <= 0) lo = mid + 1;
      else hi = mid;
    }
    const from = blocks.findIndex((block) => block >= lo);
    return from <= 0 ? blocks : [...blocks.slice(from), ...blocks.slice(0, from)];
  }

  private schedule(delay = 0): void {
    if (this.cancelScheduled || this.disposed || this.pending.size === 0) return;
    if (delay === 0 && typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(this.step, { timeout: IDLE_TIMEOUT_MS });
      this.cancelScheduled = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(this.step, delay);
      this.cancelScheduled = () => clearTimeout(handle);
    }
  }

  private onPointerDown = (): void => {
    this.pointerDown = true;
  };

  private onPointerUp = (): void => {
    this.pointerDown = false;
  };

  private showPending(): void {
    const root = this.editor.getRootElement();
    if (!root) return;
    if (this.pending.size > 0) root.setAttribute(PENDING_ATTRIBUTE, String(this.pending.size));
    else root.removeAttribute(PENDING_ATTRIBUTE);
  }

  private domText(key: NodeKey): Text | null {
    const element = this.editor.getElementByKey(key);
    return element ? getDOMTextNode(element) : null;
  }

  /** The top-level block holding a DOM node, or null outside the content. */
  private blockOfDomNode(node: Node): number | null {
    const root = this.editor.getRootElement();
    if (!root || !root.contains(node) || node === root) return null;
    let element: Node = node;
    while (element.parentNode && element.parentNode !== root) element = element.parentNode;
    return this.editor.read(() => {
      const top = $getNearestNodeFromDOMNode(element);
      return top ? top.getIndexWithinParent() : null;
    });
  }

  /**
   * Whether the reader's flash (a search hit just opened) has a range in the block: replacing the
   * block's text would drop it, so the block waits while it lasts (it ends itself). Find's
   * highlights don't hold a block up: the find bar finds again when the text changes.
   */
  private holdsFlash(block: number): boolean {
    const flashed = this.api?.registry.get(FLASH_HIGHLIGHT);
    if (!flashed) return false;
    const element = this.blockElement(block);
    if (!element) return false;
    let found = false;
    flashed.forEach((range) => {
      if (element.contains(range.startContainer) || element.contains(range.endContainer))
        found = true;
    });
    return found;
  }

  private blockElement(block: number): HTMLElement | null {
    return this.editor.read(() => {
      const node = $getRoot().getChildAtIndex(block);
      return node ? this.editor.getElementByKey(node.getKey()) : null;
    });
  }

  /** The selection in the reader as canonical offsets (null when there is none there, or it is not on text). */
  private saveSelection(): SavedSelection | null {
    const root = this.editor.getRootElement();
    const selection = document.getSelection();
    if (
      !root ||
      !selection ||
      selection.rangeCount === 0 ||
      !root.contains(selection.anchorNode) ||
      !root.contains(selection.focusNode)
    )
      return null;
    return this.editor.read(() => {
      const index = $buildOffsetIndex();
      const anchor = textOffset(index, selection.anchorNode, selection.anchorOffset);
      const focus = textOffset(index, selection.focusNode, selection.focusOffset);
      return anchor === null || focus === null ? null : { anchor, focus };
    });
  }

  private restoreSelection(saved: SavedSelection): void {
    const points = this.editor.read(() => {
      const index = $buildOffsetIndex();
      const at = (offset: number) => {
        const point = pointAtOffset(index, offset, 'start') ?? pointAtOffset(index, offset, 'end');
        const text = point ? this.domText(point.key) : null;
        return point && text ? { node: text, offset: Math.min(point.offset, text.length) } : null;
      };
      return { anchor: at(saved.anchor), focus: at(saved.focus) };
    });
    if (points.anchor && points.focus)
      document
        .getSelection()
        ?.setBaseAndExtent(
          points.anchor.node,
          points.anchor.offset,
          points.focus.node,
          points.focus.offset,
        );
  }
}

/** A DOM range from `startOffset` in `first` to `endOffset` in `last` (null when either is not rendered). */
function staticRange(
  first: Text | null,
  startOffset: number,
  last: Text | null,
  endOffset: number,
): AbstractRange | null {
  if (!first || !last) return null;
  const init = {
    startContainer: first,
    startOffset,
    endContainer: last,
    endOffset: Math.min(endOffset, last.length),
  };
  // Static: live ranges would be updated on every DOM change the marks then make.
  if (typeof StaticRange === 'function') return new StaticRange(init);
  const range = document.createRange();
  range.setStart(init.startContainer, init.startOffset);
  range.setEnd(init.endContainer, init.endOffset);
  return range;
}

/** Maps a node key to the index of its top-level block (root children indexed once). */
function topLevelIndexer(): (key: NodeKey) => number | null {
  const tops = new Map<NodeKey, number>();
  $getRoot()
    .getChildren()
    .forEach((child, i) => tops.set(child.getKey(), i));
  return (key) => {
    const top = $getNodeByKey(key)?.getTopLevelElement();
    return top ? (tops.get(top.getKey()) ?? null) : null;
  };
}

/** The canonical offset of a DOM point in a text node (null for any other point). */
function textOffset(index: OffsetIndex, node: Node | null, offset: number): number | null {
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  const lexical = $getNearestNodeFromDOMNode(node);
  if (!$isTextNode(lexical)) return null;
  return offsetOfPoint(index, {
    key: lexical.getKey(),
    offset: Math.min(offset, lexical.getTextContentSize()),
    type: 'text',
  });
}
