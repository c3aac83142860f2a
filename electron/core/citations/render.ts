/**
 * Where citations are rendered: a bundled style (and a dependent user style, which cites as its
 * bundled parent) in process; a user's own style in the bounded parser thread, every time — its
 * macros can make citeproc's work double per level for some item types only, so a style that
 * rendered the probe quickly when it was added proves nothing about the items of an export.
 */
import { citeDocumentBounded } from '../import/bounded';
import type { CslItem } from './item';
import { citeDocument, type CitedDocument, type CiteRequest } from './processor';
import type { CslStyle } from './styles';

export async function renderCitations(
  style: CslStyle,
  items: readonly CslItem[],
  cites: readonly CiteRequest[],
): Promise<CitedDocument> {
  if (style.userFile === undefined) return citeDocument(style, items, cites);
  return citeDocumentBounded(style, items, cites, style.userFile);
}
