/**
 * A document's citations of passages — an export's excerpts, a note's quotes — from the CSL
 * processor: each passage's in-text citation with the page it falls on (none for an orphaned
 * passage, whose place is unknown), each source's reference entry, and the reference list,
 * sorted and disambiguated across everything the document cites.
 */
import type { Database } from 'better-sqlite3';
import type { CitationStyle } from '../../model/export';
import { pageLocator } from '../../model/pages';
import { cslType, publicUrl, toCslItem, type CitableSource } from './item';
import type { FormattedCitation } from './processor';
import { renderCitations } from './render';
import { citableSources } from './sources';
import { resolveStyle } from './userStyles';

/** Where a cited passage is: its source and its span in the source's text. */
export interface CitedPlace {
  articleId: string;
  start: number;
  end: number;
  orphaned: boolean;
}

export interface CitedPassages {
  /** One per place, in order. */
  inText: FormattedCitation[];
  /** Each source's reference entry, by article id. */
  entries: Map<string, FormattedCitation>;
  references: {
    /** "References", "Bibliography", "Works Cited". */
    heading: string;
    /** A note style (footnotes) rather than an in-text one. */
    notes: boolean;
    entries: FormattedCitation[];
  };
}

/**
 * The sources as citations may show them, their local paths left out: a document cites a web
 * address or nothing. The item type is read while the path is known (a .pdf path makes a report).
 */
export function publicSources(
  db: Database,
  ids: readonly string[],
): Map<string, CitableSource & { cslType: NonNullable<CitableSource['cslType']> }> {
  const map = new Map<string, CitableSource & { cslType: NonNullable<CitableSource['cslType']> }>();
  for (const [id, source] of citableSources(db, ids))
    map.set(id, { ...source, source: publicUrl(source.source), cslType: cslType(source) });
  return map;
}

/** Cites `places` (from `sources`, as publicSources gives them) in `style` (render.ts says where). */
export async function citePassages(
  db: Database,
  style: CitationStyle,
  sources: readonly CitableSource[],
  places: readonly CitedPlace[],
): Promise<CitedPassages> {
  const csl = resolveStyle(db, style);
  const byId = new Map(sources.map((s) => [s.id, s]));
  const cited = await renderCitations(
    csl,
    sources.map(toCslItem),
    places.map((p) => ({
      id: p.articleId,
      locator: p.orphaned ? null : pageLocator(byId.get(p.articleId)?.pages, p.start, p.end),
    })),
  );
  const strip = ({ text, html }: FormattedCitation): FormattedCitation => ({ text, html });
  return {
    inText: cited.inText,
    entries: new Map(cited.references.map((r) => [r.id, strip(r)])),
    references: {
      heading: csl.referencesHeading,
      notes: csl.kind === 'note',
      entries: cited.references.map(strip),
    },
  };
}
