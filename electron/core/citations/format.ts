/**
 * One source's reference entry in a bundled style (APA, Chicago, MLA), through citeproc-js —
 * for a single citation; a document's citations come from `citeDocument` (processor.ts).
 */
import type { BundledStyle } from '../../model/export';
import type { CslItem } from './item';
import { referenceEntry, type FormattedCitation } from './processor';
import { bundledStyle } from './styles';

export type { FormattedCitation } from './processor';

export function formatCitation(item: CslItem, style: BundledStyle): FormattedCitation {
  return referenceEntry(bundledStyle(style), item);
}
