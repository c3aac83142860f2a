/**
 * Citations built by citeproc-js from CSL items: in-text citations (with page locators) and the
 * reference list, for one document at a time so the processor sorts the list and tells apart
 * same-author same-year sources (Ji 2024a / 2024b) across everything the document cites.
 */
import CSL from 'citeproc';
import type { CslItem } from './item';
import { localeTag, localeXml } from './locales';
import type { CslStyle } from './styles';

export interface FormattedCitation {
  text: string;
  html: string;
}

/** One citation of one source; `locator` is a page or page range ("3", "3–4"). */
export interface CiteRequest {
  id: string;
  locator?: string | null;
}

export interface CitedDocument {
  /** One per request, in order. */
  inText: FormattedCitation[];
  /** The reference list, in the style's order; `id` names the item each entry is for. */
  references: (FormattedCitation & { id: string })[];
}

/** "Da-gyum" → "Da-Gyum": citeproc initialises only capitalised parts of a hyphenated name. */
const capitaliseHyphenated = (given: string): string =>
  given.replace(/-(\p{Ll})/gu, (_, c: string) => `-${c.toUpperCase()}`);

/**
 * The short title CMOS (14.30) and MLA use when none is given: the main title without its
 * subtitle and, in English, without a leading article ("A Curious Mind: …" → "Curious Mind").
 */
export function shortTitle(title: string, language: string | undefined): string | undefined {
  const main = title.split(/:\s|\?\s|\.\s/)[0]!.trim();
  const english = !language || /^en\b/i.test(language);
  const short = english ? main.replace(/^(?:a|an|the)\s+/i, '') : main;
  return short && short !== title ? short : undefined;
}

/** Dates citeproc reads; one with date-parts and a literal ("Spring 2019") prints both. */
const DATE_FIELDS = ['issued', 'accessed', 'modified'] as const;

/** A web page whose one author is an organisation named as its site too ("Yale University"). */
function siteIsOwner(item: CslItem): boolean {
  const site = item['container-title']?.trim().toLowerCase();
  const owner = item.author?.length === 1 ? item.author[0]!.literal : undefined;
  return (
    (item.type === 'webpage' || item.type === 'post-weblog') &&
    !!site &&
    owner?.trim().toLowerCase() === site
  );
}

function prepare(item: CslItem, style: CslStyle): CslItem {
  const out: CslItem = { ...item };
  // The guides name such an organisation once: as author (APA, CMOS author-date) or as site.
  if (siteIsOwner(out)) {
    if (style.ownerSite === 'site') delete out.author;
    else delete out['container-title'];
  }
  // The literal is the text a season was typed as: its date-parts and season number say it.
  for (const key of DATE_FIELDS) {
    const d = out[key];
    if (d?.['date-parts'] && d.literal) {
      const { literal: _literal, ...parts } = d;
      out[key] = parts;
    }
  }
  // A revision date is the date a source is cited by when it has no other (CMOS 14.207; APA and
  // MLA use it as the date too); kept beside it only then, and only for a web page or blog post,
  // so the bundled Chicago styles label it "Last modified". With an issued date it is not cited.
  if (out.modified) {
    if (!out.issued) out.issued = out.modified;
    if (out.issued !== out.modified || (out.type !== 'webpage' && out.type !== 'post-weblog'))
      delete out.modified;
  }
  if (!out['title-short']) {
    const short = shortTitle(out.title, out.language);
    if (short) out['title-short'] = short;
  }
  if (style.initialsOnly && out.author)
    out.author = out.author.map((n) =>
      n.given ? { ...n, given: capitaliseHyphenated(n.given) } : n,
    );
  return out;
}

/** Strips citeproc's entry wrapper (`<div class="csl-entry">…</div>`) so the HTML is inline. */
const inlineHtml = (html: string): string =>
  html
    .trim()
    .replace(/^<div class="csl-entry">/, '')
    .replace(/<\/div>$/, '')
    .trim();

function engine(style: CslStyle, items: Map<string, CslItem>) {
  return new CSL.Engine(
    {
      retrieveLocale: (lang: string) => localeXml(lang),
      retrieveItem: (id: string) => items.get(id),
    },
    style.xml,
    localeTag(style.locale),
    true,
  );
}

/**
 * Every in-text citation and the reference list of a document citing `items` (each once, any
 * order) with `cites`. A request naming an item not in `items` is an error of the caller.
 */
export function citeDocument(
  style: CslStyle,
  items: readonly CslItem[],
  cites: readonly CiteRequest[],
): CitedDocument {
  const map = new Map(items.map((i) => [i.id, prepare(i, style)]));
  for (const c of cites)
    if (!map.has(c.id)) throw new Error(`citeDocument: no item ${c.id} among the items`);
  const e = engine(style, map);
  e.updateItems([...map.keys()]);
  const cluster = (c: CiteRequest) =>
    e.makeCitationCluster([
      c.locator ? { id: c.id, locator: c.locator, label: 'page' } : { id: c.id },
    ]);
  const bibliography = (): { ids: string[]; entries: string[] } => {
    const bib = e.makeBibliography();
    if (!bib) return { ids: [], entries: [] };
    return { ids: bib[0].entry_ids.map((ids) => String(ids[0])), entries: bib[1] };
  };
  e.setOutputFormat('text');
  const texts = cites.map(cluster);
  const refTexts = bibliography();
  e.setOutputFormat('html');
  const htmls = cites.map(cluster);
  const refHtmls = bibliography();
  return {
    inText: texts.map((text, i) => ({ text: text.trim(), html: htmls[i]!.trim() })),
    references: refTexts.entries.map((text, i) => ({
      id: refTexts.ids[i]!,
      text: text.trim(),
      html: inlineHtml(refHtmls.entries[i] ?? ''),
    })),
  };
}

/** One source's reference entry. */
export function referenceEntry(style: CslStyle, item: CslItem): FormattedCitation {
  return citeDocument(style, [item], []).references[0] ?? { text: '', html: '' };
}
