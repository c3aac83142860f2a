/**
 * What navigation does to the reader once it shows the article it went to: restore the scroll
 * offset it had (back/forward), or flash a passage's highlights (a link followed). The reader
 * renders asynchronously (article, passages, then the Lexical body), so these wait a frame at a
 * time, as search's jumpToHit does, and a newer arrival cancels an older one.
 */
import { FLASH_CLASS } from '../passages/passageColors';
import { markElements, MARK_IDS_ATTRIBUTE } from '../passages/PassageMarksPlugin';
import { READER_ARTICLE_ID } from '../reader/ReaderArticle';
import { READER_PANE_ID } from '../reader/ReaderPane';
import { readerContentElement, readerEditor } from '../search/readerRange';

const GIVE_UP_MS = 6000;
const FLASH_MS = 1600;

let generation = 0;

/** The reader's scrolling element, when it shows this article. */
function readerShowing(articleId: string): HTMLElement | null {
  if (document.getElementById(READER_PANE_ID)?.dataset['articleId'] !== articleId) return null;
  if (!readerContentElement()?.isConnected) return null;
  return document.getElementById(READER_ARTICLE_ID);
}

/**
 * Runs `step` on the reader once it shows `articleId`, every frame until it returns true (done) or
 * time runs out; `last` is true on the final try, which should act with what there is.
 */
function whenReaderShows(
  articleId: string,
  step: (reader: HTMLElement, last: boolean) => boolean,
): void {
  const mine = ++generation;
  const deadline = performance.now() + GIVE_UP_MS;
  const tick = () => {
    if (mine !== generation) return;
    const last = performance.now() > deadline;
    const reader = readerShowing(articleId);
    if (reader && step(reader, last)) return;
    if (!last) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** The reader's scroll offset, if it shows this article (null otherwise). */
export function readerScrollOffset(articleId: string | null): number | null {
  if (articleId === null) return null;
  return readerShowing(articleId)?.scrollTop ?? null;
}

/** Scrolls the reader back to `offset` once the article is tall enough to have it. */
export function restoreReaderScroll(articleId: string, offset: number): void {
  whenReaderShows(articleId, (reader, last) => {
    if (!last && reader.scrollHeight - reader.clientHeight < offset) return false;
    reader.scrollTop = offset;
    return true;
  });
}

/** Flashes the highlights of a passage (its marks), as the sidebar's jump does. */
export function flashPassageMarks(articleId: string, passageId: string): void {
  whenReaderShows(articleId, (reader) => {
    // Through the editor when there is one: a passage just opened gets its MarkNodes first.
    const editor = readerEditor();
    const marks = editor
      ? markElements(editor, passageId)
      : reader.querySelectorAll<HTMLElement>(
          `mark[${MARK_IDS_ATTRIBUTE}~="${CSS.escape(passageId)}"]`,
        );
    if (marks.length === 0) return false;
    for (const mark of marks) {
      mark.classList.remove(FLASH_CLASS);
      void mark.offsetWidth; // restart the animation if it is still running
      mark.classList.add(FLASH_CLASS);
      setTimeout(() => mark.classList.remove(FLASH_CLASS), FLASH_MS);
    }
    return true;
  });
}
