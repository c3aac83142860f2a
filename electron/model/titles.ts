/**
 * What a thing without a title is called, in one place: the reader, the lists, link ends and
 * mentions, exports, citations and the CLI all say the same. Runtime: both.
 */

/** The name of an article (or any label) that has none. */
export const UNTITLED = 'Untitled';
/** The name of a note that has none. */
export const UNTITLED_NOTE = 'Untitled note';

/** A title as shown: its own when it has any text, else "Untitled". */
export function titleOrUntitled(title: string | null | undefined): string {
  return title?.trim() ? title : UNTITLED;
}

/** A note's title as shown: its own when it has any text, else "Untitled note". */
export function noteTitleOrUntitled(title: string | null | undefined): string {
  return title?.trim() ? title : UNTITLED_NOTE;
}
