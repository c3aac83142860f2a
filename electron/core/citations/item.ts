/**
 * A source's metadata as a CSL-JSON item: the one model the BibTeX/RIS writers and the citeproc
 * formatter all read, so the three never disagree on type, authors or dates.
 */
import { bylineNames } from '../../model/names';
import type { PageStart } from '../../model/pages';
import type { CslDate, CslItem, CslType, SourceMeta } from '../../model/sourceMeta';
import { citationDate } from './short';
import type { ArticleFields, ArticleSummary } from '../../model/articles';
import { titleOrUntitled } from '../../model/titles';

export { bylineNames };
export type { CslType, CslName, CslDate, CslItem } from '../../model/sourceMeta';

/** What a citation needs to know about a source (the export's ExportSource adds its tags). */
export interface CitableSource extends ArticleFields, Pick<ArticleSummary, 'id' | 'source'> {
  /** The original's media type ("application/pdf"), when known. */
  mediaType?: string | null;
  /** When it was imported (ISO): the access date for web sources. */
  imported?: string | null;
  /** Citation metadata found by the importer or set by the user (wins over the fields above). */
  meta?: SourceMeta | null;
  /** The item type guessed while the local path was known (exports drop the path first). */
  cslType?: CslType;
  /** Where each printed page starts (a PDF): the page locators of its passages. */
  pages?: readonly PageStart[] | null;
}

const clean = (v: string | null | undefined): string =>
  (v ?? '')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** "2024-06-18T…" → [[2024, 6, 18]]; undefined for anything that isn't an ISO calendar date. */
export function cslDate(value: string | null | undefined): CslDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(citationDate(value));
  if (!m) return undefined;
  const parts: [number, number?, number?] = [Number(m[1])];
  if (m[2]) parts.push(Number(m[2]));
  if (m[3]) parts.push(Number(m[3]));
  return { 'date-parts': [parts] };
}

const isWeb = (source: string): boolean => /^https?:\/\//i.test(source);

/** A source's address a reader can follow: its web URL; a local file path is private (null). */
export function publicUrl(source: string | null | undefined): string | null {
  const src = clean(source);
  return isWeb(src) ? src : null;
}

/** The item type guessed from the columns: PDFs are reports, EPUBs books, dated web pages with a site news articles. */
export function cslType(s: CitableSource): CslType {
  if (s.cslType) return s.cslType;
  const media = (s.mediaType ?? '').toLowerCase();
  const src = clean(s.source);
  if (media === 'application/pdf' || /\.pdf$/i.test(src)) return 'report';
  if (media === 'application/epub+zip' || /\.epub$/i.test(src)) return 'book';
  if (isWeb(src)) return s.siteName && s.published ? 'article-newspaper' : 'webpage';
  return 'document';
}

const isWebType = (type: CslType): boolean =>
  type === 'article-newspaper' ||
  type === 'article-magazine' ||
  type === 'webpage' ||
  type === 'post-weblog';

/**
 * The source's metadata: its stored fields (user edits over import) field by field, and for each
 * field it lacks, what the article's columns say (title, byline split into names, the published
 * date, the site as publication or publisher, a web source's URL and access date).
 */
export function effectiveMeta(s: CitableSource): SourceMeta {
  const meta = s.meta ?? {};
  const type = meta.type ?? cslType(s);
  const derived: SourceMeta = { type, title: titleOrUntitled(clean(s.title)) };
  const subtitle = clean(s.subtitle);
  if (subtitle) derived.subtitle = subtitle;
  const author = bylineNames(s.byline);
  if (author.length) derived.author = author;
  const issued = cslDate(s.published);
  if (issued) derived.issued = issued;
  const site = clean(s.siteName);
  if (site && !meta['container-title'] && !meta.publisher) {
    if (isWebType(type)) derived['container-title'] = site;
    else derived.publisher = site;
  }
  const src = clean(s.source);
  if (isWeb(src)) {
    derived.URL = src;
    const accessed = cslDate(s.imported);
    if (accessed) derived.accessed = accessed;
  }
  const lang = clean(s.lang);
  if (lang) derived.language = lang;
  return { ...derived, ...meta };
}

/** Metadata as the CSL item citeproc reads: the subtitle joins the title ("Title: Subtitle"). */
export function metaToCsl(id: string, meta: SourceMeta): CslItem {
  const { type, title, subtitle, ...fields } = meta;
  return {
    ...fields,
    id,
    type: type ?? 'document',
    title: [titleOrUntitled(title), subtitle].filter(Boolean).join(': '),
  };
}

/** The source as a CSL item (what every citation, BibTeX and RIS export of it reads). */
export function toCslItem(s: CitableSource): CslItem {
  return metaToCsl(s.id, effectiveMeta(s));
}
