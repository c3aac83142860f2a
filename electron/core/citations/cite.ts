/**
 * A source's citation in a style, as the export engine's `CitationFn`: CSL item → citeproc.
 * (selectExport formats each source once, however many excerpts cite it.)
 */
import type { BundledStyle } from '../../model/export';
import type { CitationFn } from '../export/types';
import { formatCitation } from './format';
import { toCslItem } from './item';

export function styledCitation(style: BundledStyle): CitationFn {
  return (source) => formatCitation(toCslItem(source), style);
}
