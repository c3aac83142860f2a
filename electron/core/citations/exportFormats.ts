/**
 * The citation formats of the export engine: the exported passages' sources (each once, in
 * export order) as CSL-JSON, BibTeX or RIS.
 */
import type { ExportDocument, FormatWriter } from '../export/types';
import { toBibtex } from './bibtex';
import { toCslItem, type CslItem } from './item';
import { toRis } from './ris';

const encoder = new TextEncoder();

function items(doc: ExportDocument): CslItem[] {
  return doc.sources.map(toCslItem);
}

function writer(
  format: 'csljson' | 'bibtex' | 'ris',
  extension: string,
  mediaType: string,
  render: (items: CslItem[]) => string,
): FormatWriter {
  return {
    format,
    extension,
    mediaType,
    async build(doc, ctx) {
      // One tick per excerpt keeps the engine's progress counting excerpts, as other formats do.
      for (let i = 0; i < doc.items.length; i++) await ctx.tick();
      return { kind: 'file', fileName: '', mediaType, bytes: encoder.encode(render(items(doc))) };
    },
    preview: async (doc) => render(items(doc)),
  };
}

export const cslJsonFormat = writer(
  'csljson',
  'json',
  'application/vnd.citationstyles.csl+json',
  (list) => JSON.stringify(list, null, 2) + '\n',
);
export const bibtexFormat = writer('bibtex', 'bib', 'application/x-bibtex', toBibtex);
export const risFormat = writer('ris', 'ris', 'application/x-research-info-systems', toRis);
