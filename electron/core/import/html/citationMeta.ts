/**
 * Citation metadata a web page declares beyond title, byline and date: Highwire `citation_*`
 * meta tags (journals, repositories), JSON-LD (`NewsArticle` → news article, its publisher or
 * `isPartOf` as the publication) and the canonical URL. Read from the untouched document; every
 * value is checked again when stored (validMetaFields), so a page's junk never breaks a citation.
 */
import { parseDateText, parseNameLines } from '../../../model/metaText';
import type { CslType, SourceMeta } from '../../../model/sourceMeta';
import { jsonLdBlocks } from './jsonLd';

const JSON_LD_TYPES: Record<string, CslType> = {
  newsarticle: 'article-newspaper',
  reportagenewsarticle: 'article-newspaper',
  analysisnewsarticle: 'article-newspaper',
  opinionnewsarticle: 'article-newspaper',
  scholarlyarticle: 'article-journal',
  medicalscholarlyarticle: 'article-journal',
  blogposting: 'post-weblog',
  book: 'book',
  chapter: 'chapter',
  report: 'report',
  thesis: 'thesis',
  webpage: 'webpage',
};

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, 2000) : undefined;
const nameOf = (v: unknown): string | undefined =>
  text(v) ?? (v && typeof v === 'object' ? text((v as { name?: unknown }).name) : undefined);

/** Every `<meta name=…>` value by lower-case name, all of them (citation_author repeats). */
function metaValues(doc: Document): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of Array.from(doc.querySelectorAll('meta[name], meta[property]'))) {
    const key = (m.getAttribute('name') ?? m.getAttribute('property') ?? '').trim().toLowerCase();
    const content = m.getAttribute('content')?.trim();
    if (!key || !content) continue;
    out.set(key, [...(out.get(key) ?? []), content]);
  }
  return out;
}

/** The first JSON-LD object of an article-like type, looking into arrays and `@graph`. */
function jsonLdItem(doc: Document): Record<string, unknown> | null {
  for (const data of jsonLdBlocks(doc, 20)) {
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < 200; i++) {
      const item = queue[i];
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        if (Array.isArray(o['@graph'])) queue.push(...(o['@graph'] as unknown[]));
        const types = ([] as unknown[]).concat(o['@type'] ?? []);
        if (types.some((t) => typeof t === 'string' && JSON_LD_TYPES[t.toLowerCase()])) return o;
      }
    }
  }
  return null;
}

export function pageCitationMeta(doc: Document): SourceMeta {
  const meta: Record<string, unknown> = {};
  const metas = metaValues(doc);
  const one = (key: string) => text(metas.get(key)?.[0]);

  const ld = jsonLdItem(doc);
  if (ld) {
    const type = ([] as unknown[])
      .concat(ld['@type'])
      .map((t) => (typeof t === 'string' ? JSON_LD_TYPES[t.toLowerCase()] : undefined))
      .find(Boolean);
    if (type) meta.type = type;
    const container =
      nameOf(ld.isPartOf) ?? (type === 'article-newspaper' ? nameOf(ld.publisher) : undefined);
    if (container) meta['container-title'] = container;
    else if (nameOf(ld.publisher)) meta.publisher = nameOf(ld.publisher);
    const url = text(ld.url);
    if (url && /^https?:\/\//i.test(url)) meta.URL = url;
  }

  // A revision date (CMOS 14.207 "Last modified"): cited only when the page has no other date.
  const modified = one('article:modified_time') ?? one('og:updated_time') ?? text(ld?.dateModified);
  const revised = modified && parseDateText(modified);
  if (revised && revised.ok) meta.modified = revised.date;

  // Highwire Press tags: what scholarly pages and repositories declare for citation managers.
  const journal = one('citation_journal_title');
  const conference = one('citation_conference_title');
  if (journal) Object.assign(meta, { type: 'article-journal', 'container-title': journal });
  else if (conference)
    Object.assign(meta, { type: 'paper-conference', 'container-title': conference });
  const thesisBy = one('citation_dissertation_institution');
  const reportBy = one('citation_technical_report_institution');
  if (thesisBy) Object.assign(meta, { type: 'thesis', publisher: thesisBy });
  else if (reportBy) Object.assign(meta, { type: 'report', publisher: reportBy });
  const authors = metas.get('citation_author') ?? [];
  // All of them: a list longer than MAX_NAMES is cut where it is stored, with "others" and a warning.
  if (authors.length) meta.author = parseNameLines(authors);
  const issued = one('citation_publication_date') ?? one('citation_date');
  const date = issued && parseDateText(issued.replace(/\//g, '-'));
  if (date && date.ok) meta.issued = date.date;
  for (const [key, field] of [
    ['citation_volume', 'volume'],
    ['citation_issue', 'issue'],
    ['citation_doi', 'DOI'],
    ['citation_issn', 'ISSN'],
    ['citation_isbn', 'ISBN'],
    ['citation_publisher', 'publisher'],
  ] as const) {
    const v = one(key);
    if (v) meta[field] = v;
  }
  const first = one('citation_firstpage');
  const last = one('citation_lastpage');
  if (first) meta.page = last ? `${first}-${last}` : first;
  if (!meta.URL) {
    const canonical = doc.querySelector('link[rel="canonical" i]')?.getAttribute('href')?.trim();
    const url = canonical ?? one('og:url') ?? one('citation_abstract_html_url');
    if (url && /^https?:\/\/\S+$/i.test(url)) meta.URL = url;
  }
  return meta as SourceMeta;
}
