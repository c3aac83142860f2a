/**
 * Page metadata read from the untouched document (Readability mutates its copy): the fallbacks
 * used when Readability finds nothing or leaves a field empty.
 */
import { cleanField } from '../../text-fields';
import { pickByline, structuredAuthors } from './byline';
import { normalizeDate } from './dates';
import { normalizeLang } from './lang';
import { jsonLdBlocks } from './jsonLd';

export interface PageMetadata {
  title: string | null;
  /** The page's one top-level heading, which a <title> may repeat with the site's name after it. */
  heading: string | null;
  lang: string | null;
  published: string | null;
  excerpt: string | null;
  siteName: string | null;
  byline: string | null;
  /** Author names from JSON-LD, `itemprop="author"` and meta tags, most specific first, raw. */
  authors: string[];
}

export function readPageMetadata(doc: Document): PageMetadata {
  const metas = metaIndex(doc);
  const authors = structuredAuthors(doc, metas);
  return {
    title: cleanField(doc.querySelector('title')?.textContent) ?? cleanField(metas.get('og:title')),
    heading: onlyHeading(doc),
    lang: pageLang(doc, metas),
    published: publishedDate(doc, metas),
    excerpt: cleanField(metas.get('description') ?? metas.get('og:description')),
    siteName: cleanField(metas.get('og:site_name') ?? metas.get('application-name')),
    byline: pickByline(null, authors),
    authors,
  };
}

function onlyHeading(doc: Document): string | null {
  const h1s = doc.querySelectorAll('h1');
  const h1 = h1s.length === 1 ? h1s[0] : undefined;
  if (!h1) return null;
  // Without its permalink: Sphinx and MkDocs end a heading with an "¶" link to itself (`#id`,
  // or the page's whole URL and `#id` once a browser has saved the page).
  const copy = h1.cloneNode(true) as Element;
  for (const a of Array.from(copy.querySelectorAll('a[href*="#"]')))
    if (/^[¶§#🔗⚓]?$/u.test(a.textContent?.trim() ?? '')) a.remove();
  return cleanField(copy.textContent);
}

/** First content of each `<meta name|property|itemprop|http-equiv>`, keyed in lower case. */
function metaIndex(doc: Document): Map<string, string> {
  const index = new Map<string, string>();
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    const content = meta.getAttribute('content');
    if (content == null) continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !index.has(key)) index.set(key, content);
    }
  }
  return index;
}

function pageLang(doc: Document, metas: Map<string, string>): string | null {
  const root = doc.documentElement;
  return (
    normalizeLang(root.getAttribute('lang')) ??
    normalizeLang(root.getAttribute('xml:lang')) ??
    normalizeLang(metas.get('content-language')?.split(',')[0]) ??
    normalizeLang(metas.get('og:locale'))
  );
}

const PUBLISHED_META_KEYS = [
  'article:published_time',
  'datepublished',
  'og:published_time',
  'date',
  'dc.date.issued',
  'dc.date',
  'dcterms.date',
  'pubdate',
  'publishdate',
  'publish_date',
  'publish-date',
  'pdate',
  'citation_publication_date',
  'citation_date',
  'dc.date.created',
  'dcterms.issued',
  'dcterms.created',
  'article.published',
  'originalpublicationdate',
  'displaydate',
  'datecreated',
  'sailthru.date',
  'parsely-pub-date',
  // An office suite's "Save as HTML" (StarOffice to LibreOffice): the document's creation, as a
  // Word file's dcterms:created is its date (docx/parse.ts).
  'created',
];

/** Meta tags, then JSON-LD `datePublished`, then `<time>` elements (the least specific signal). */
function publishedDate(doc: Document, metas: Map<string, string>): string | null {
  for (const key of PUBLISHED_META_KEYS) {
    const date = normalizeDate(metas.get(key));
    if (date) return date;
  }
  const fromJsonLd = jsonLdDatePublished(doc);
  if (fromJsonLd) return fromJsonLd;
  const times = [
    doc.querySelector('time[pubdate][datetime]'),
    doc.querySelector('[itemprop="datePublished"][datetime]'),
    doc.querySelector('article time[datetime], main time[datetime]'),
    doc.querySelector('time[datetime]'),
  ];
  for (const time of times) {
    const date = normalizeDate(time?.getAttribute('datetime'));
    if (date) return date;
  }
  return null;
}

function jsonLdDatePublished(doc: Document): string | null {
  for (const data of jsonLdBlocks(doc)) {
    const date = findDatePublished(data);
    if (date) return date;
  }
  return null;
}

/** Breadth-first through objects, arrays and `@graph`, bounded so hostile JSON cannot stall us. */
function findDatePublished(data: unknown): string | null {
  const queue: unknown[] = [data];
  for (let visited = 0; queue.length && visited < 2000; visited++) {
    const item = queue.shift();
    if (Array.isArray(item)) {
      queue.push(...item.slice(0, 200));
    } else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const date = normalizeDate(record.datePublished);
      if (date) return date;
      for (const value of Object.values(record))
        if (value && typeof value === 'object') queue.push(value);
    }
  }
  return null;
}
