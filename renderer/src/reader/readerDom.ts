/**
 * The reader's DOM contract: the ids and selectors by which code outside the reader's components
 * (navigation, search's find bar) finds what it shows. Kept apart from the components so that
 * reading them imports no React tree (importing the ids from ReaderPane closed an import cycle).
 */
import { getNearestEditorFromDOMNode, type LexicalEditor } from 'lexical';

/** The reader's pane; its `data-article-id` names the article it shows, once that has rendered. */
export const READER_PANE_ID = 'reader-pane';
/** The article: the reader's scrolling (and focusable) region. */
export const READER_ARTICLE_ID = 'reader-article';

/** The read-only reader's content root (not the editing one), if an article is shown. */
export function readerContentElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>(`#${READER_ARTICLE_ID} .rd-content:not(.is-editing)`);
}

/** The read-only reader's Lexical editor, if an article is shown. */
export function readerEditor(): LexicalEditor | null {
  const root = readerContentElement();
  return root ? getNearestEditorFromDOMNode(root) : null;
}

/** The reader's scrolling element, when it shows this article's text. */
export function readerShowing(articleId: string): HTMLElement | null {
  if (document.getElementById(READER_PANE_ID)?.dataset['articleId'] !== articleId) return null;
  if (!readerContentElement()?.isConnected) return null;
  return document.getElementById(READER_ARTICLE_ID);
}

/** The reader's scroll offset, if it shows this article (null otherwise). */
export function readerScrollOffset(articleId: string | null): number | null {
  if (articleId === null) return null;
  return readerShowing(articleId)?.scrollTop ?? null;
}
