import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Body } from '../../../electron/model/body';
import type { Passage, PassageColor } from '../../../electron/model/passages';
import type { IdRange } from './markSegments';
import { MARK_IDS_ATTRIBUTE, setPassageColorLookup } from './PassageMarkNode';
import { setMarkColorClasses } from './passageColors';
import type { HighlightApi } from './passageHighlights';
import { ProgressiveMarks, progressiveMarksOf } from './progressiveMarks';

export { MARK_IDS_ATTRIBUTE };

/** What the marks' structure depends on (not colours, which only change classes). */
export function marksSignature(ranges: readonly IdRange[]): string {
  return ranges.map((r) => `${r.id}:${r.start}:${r.end}`).join(',');
}

export function placedRanges(passages: readonly Passage[]): IdRange[] {
  return passages.filter((p) => !p.orphaned).map((p) => ({ id: p.id, start: p.start, end: p.end }));
}

/**
 * Every rendered mark element of a passage, in document order. A passage still only painted
 * (just opened) gets its MarkNodes first.
 */
export function markElements(editor: LexicalEditor, passageId: string): HTMLElement[] {
  const root = editor.getRootElement();
  if (!root) return [];
  progressiveMarksOf(editor)?.markPassage(passageId);
  return [
    ...root.querySelectorAll<HTMLElement>(
      `mark[${MARK_IDS_ATTRIBUTE}~="${CSS.escape(passageId)}"]`,
    ),
  ];
}

/** Makes the MarkNodes of the block holding `node` now, if they are still to be made. */
export function ensureMarksAt(editor: LexicalEditor, node: Node | null): void {
  progressiveMarksOf(editor)?.markAt(node);
}

interface Props {
  body: Body;
  /** Null while they load. */
  passages: readonly Passage[] | null;
  /** The ranges the editor's first state was built for (with marks, or to be painted); null: not loaded then. */
  initialRanges: readonly IdRange[] | null;
  /** The highlight API the first state's passages are painted with; null: the first state has every mark. */
  highlights: HighlightApi | null;
}

/**
 * Keeps the reader's marks equal to the passage list. At open the passages are painted and their
 * MarkNodes made while the page is idle (ProgressiveMarks); afterwards a change rebuilds only the
 * blocks it touches, and a colour change only swaps classes. Mark elements are created with their
 * passage ids as an attribute (for clicks, hover and scrolling to a passage) and their colour
 * classes (PassageMarkNode); this plugin gives them the colours, so it must come before the content
 * editable in the composer (its layout effect runs before the first render of the marks).
 */
export function PassageMarksPlugin({ body, passages, initialRanges, highlights }: Props) {
  const [editor] = useLexicalComposerContext();
  const colors = useRef(new Map<string, PassageColor>());
  const first = useRef(initialRanges);
  const applied = useRef<string | null>(null); // the signature the marks show (computed on first use)

  // Per list, not per render: the reader re-renders on every hover and selection change.
  const { colorMap, signature, colorKey } = useMemo(
    () => ({
      colorMap: new Map((passages ?? []).map((p) => [p.id, p.color])),
      signature: passages === null ? null : marksSignature(placedRanges(passages)),
      colorKey: (passages ?? []).map((p) => `${p.id}:${p.color}`).join(','),
    }),
    [passages],
  );
  colors.current = colorMap;
  const colorOf = (id: string) => colors.current.get(id);

  // Before the content editable mounts: its root listener paints the first state in the same task.
  useLayoutEffect(() => {
    const lookup = (id: string) => colors.current.get(id);
    setPassageColorLookup(editor, lookup);
    const marks = new ProgressiveMarks(editor, body, first.current, highlights, lookup);
    const stopListening = editor.registerRootListener((root) => {
      if (root) marks.paint();
    });
    return () => {
      stopListening();
      marks.dispose();
    };
  }, [editor, body, highlights]);

  useLayoutEffect(() => {
    if (passages === null || signature === null) return;
    applied.current ??= first.current === null ? null : marksSignature(first.current);
    if (signature === applied.current) return;
    applied.current = signature;
    progressiveMarksOf(editor)?.setPassages(placedRanges(passages));
    // `passages` is read only when the signature changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature is derived from passages
  }, [editor, signature]);

  // Colours: restyle the existing elements and the painted passages.
  const styledColors = useRef(colorKey); // the marks were created with these colours
  useEffect(() => {
    const root = editor.getRootElement();
    if (!root || styledColors.current === colorKey) return;
    styledColors.current = colorKey;
    for (const element of root.querySelectorAll<HTMLElement>(`mark[${MARK_IDS_ATTRIBUTE}]`)) {
      const ids = (element.getAttribute(MARK_IDS_ATTRIBUTE) ?? '').split(' ').filter(Boolean);
      setMarkColorClasses(element, ids, colorOf);
    }
    progressiveMarksOf(editor)?.recolor(colorOf);
  }, [editor, colorKey]);

  return null;
}
