import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect } from 'react';
import type { Body } from '../../../electron/model/body';
import type { PageStart } from '../../../electron/model/pages';
import { pageBreakBlocks } from './pageBreaks';

export const PAGE_ATTRIBUTE = 'data-page-label';

interface Props {
  body: Body;
  pages: readonly PageStart[] | undefined;
}

/**
 * Printed page numbers in the reader (PDF sources): the block where a page starts carries the
 * page's label as an attribute, drawn by CSS before it. The label is not text in the editor, so
 * selections, passages and canonical offsets never see it.
 */
export function PageBreaksPlugin({ body, pages }: Props) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const breaks = pageBreakBlocks(body, pages);
    if (!breaks.length) return;
    const apply = (): void => {
      editor.getEditorState().read(() => {
        const children = $getRoot().getChildren();
        for (const [index, label] of breaks) {
          const node = children[index];
          const el = node ? editor.getElementByKey(node.getKey()) : null;
          if (el && el.getAttribute(PAGE_ATTRIBUTE) !== label)
            el.setAttribute(PAGE_ATTRIBUTE, label);
        }
      });
    };
    apply();
    // Lexical may recreate a block's element (marks added around it): label it again.
    return editor.registerUpdateListener(apply);
  }, [editor, body, pages]);
  return null;
}
