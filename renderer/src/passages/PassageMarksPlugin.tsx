import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Body } from '../../../electron/core/body';
import type { Passage, PassageColor } from '../../../electron/api/contract';
import { $setBody } from '../reader/bodyToLexical';
import type { IdRange } from './markSegments';
import { MARK_IDS_ATTRIBUTE, setPassageColorLookup } from './PassageMarkNode';
import { setMarkColorClasses } from './passageColors';

export { MARK_IDS_ATTRIBUTE };

/** What the marks' structure depends on (not colours, which only change classes). */
export function marksSignature(ranges: readonly IdRange[]): string {
  return ranges.map((r) => `${r.id}:${r.start}:${r.end}`).join(',');
}

export function placedRanges(passages: readonly Passage[]): IdRange[] {
  return passages.filter((p) => !p.orphaned).map((p) => ({ id: p.id, start: p.start, end: p.end }));
}

/** Every rendered mark element of a passage, in document order. */
export function markElements(editor: LexicalEditor, passageId: string): HTMLElement[] {
  const root = editor.getRootElement();
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>(`mark[${MARK_IDS_ATTRIBUTE}~="${CSS.escape(passageId)}"]`)];
}

interface Props {
  body: Body;
  passages: readonly Passage[];
  /** Signature of the marks the editor's initial state already has. */
  initialSignature: string;
}

/**
 * Keeps the reader's marks equal to the passage list: re-imports the body with all marks in one
 * update when passages are added, removed or moved (so a deleted passage loses its marks), and
 * only swaps classes when colours change. Mark elements are created with their passage ids as an
 * attribute (for clicks, hover and scrolling to a passage) and their colour classes
 * (PassageMarkNode); this plugin gives them the colours, so it must come before the content
 * editable in the composer (its layout effect runs before the first render of the marks).
 */
export function PassageMarksPlugin({ body, passages, initialSignature }: Props) {
  const [editor] = useLexicalComposerContext();
  const colors = useRef(new Map<string, PassageColor>());
  const applied = useRef(initialSignature);

  // Per list, not per render: the reader re-renders on every hover and selection change.
  const { colorMap, signature, colorKey } = useMemo(
    () => ({
      colorMap: new Map(passages.map((p) => [p.id, p.color])),
      signature: marksSignature(placedRanges(passages)),
      colorKey: passages.map((p) => `${p.id}:${p.color}`).join(','),
    }),
    [passages],
  );
  colors.current = colorMap;
  const colorOf = (id: string) => colors.current.get(id);

  useLayoutEffect(() => setPassageColorLookup(editor, (id) => colors.current.get(id)), [editor]);

  useLayoutEffect(() => {
    if (signature === applied.current) return;
    applied.current = signature;
    const ranges = placedRanges(passages);
    // The selection's DOM nodes are about to be replaced: drop it rather than leave a stale one.
    const root = editor.getRootElement();
    const selection = document.getSelection();
    if (root && selection && selection.rangeCount > 0 && root.contains(selection.anchorNode)) selection.removeAllRanges();
    editor.update(() => $setBody(body, ranges));
    // `passages` is read only when the signature changed.
  }, [editor, body, signature]);

  // Colours: restyle the existing elements.
  const styledColors = useRef(colorKey); // the marks were created with these colours
  useEffect(() => {
    const root = editor.getRootElement();
    if (!root || styledColors.current === colorKey) return;
    styledColors.current = colorKey;
    for (const element of root.querySelectorAll<HTMLElement>(`mark[${MARK_IDS_ATTRIBUTE}]`)) {
      const ids = (element.getAttribute(MARK_IDS_ATTRIBUTE) ?? '').split(' ').filter(Boolean);
      setMarkColorClasses(element, ids, colorOf);
    }
  }, [editor, colorKey]);

  return null;
}
