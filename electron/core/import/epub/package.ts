/**
 * The EPUB package: META-INF/container.xml → the OPF → metadata, manifest, spine and the table of
 * contents (EPUB 3 navigation document, else the EPUB 2 NCX), for chapter titles.
 */
import type { DOMWindow } from 'jsdom';
import { doiIn } from '../../../model/metaText';
import { CommonplaceError } from '../../errors';
import { attr, byLocalName, firstText, parseXml, type ZipReader } from '../zip';
import { resolvePath } from './paths';
import { readNavToc, readNcxToc, type TocEntry } from './toc';

export interface EpubMetadata {
  title: string | null;
  creators: string[];
  language: string | null;
  date: string | null;
  publisher: string | null;
  description: string | null;
  /** dc:creator by MARC role: authors (aut, or no role), editors (edt), translators (trl). */
  names: { author: string[]; editor: string[]; translator: string[] };
  /** The ISBN among the dc:identifier (opf:scheme="ISBN", urn:isbn:, or 10/13 ISBN digits). */
  isbn: string | null;
  /** The DOI among the dc:identifier (opf:scheme="DOI", doi:, urn:doi:, a doi.org URL, 10.…/…). */
  doi: string | null;
}

export interface SpineItem {
  /** Path inside the ZIP. */
  path: string;
  mediaType: string;
}

export interface EpubPackage {
  metadata: EpubMetadata;
  spine: SpineItem[];
  /** `page-progression-direction="rtl"` on the spine. */
  rtl: boolean;
  /** The book's own table of contents (navigation document, else NCX), bounded. */
  toc: TocEntry[];
  /** Chapter titles from the table of contents, by ZIP path (fragment removed). */
  tocTitles: Map<string, string>;
}

const XHTML_TYPES = new Set([
  'application/xhtml+xml',
  'text/html',
  'application/xml',
  'text/x-oeb1-document',
]);

export function readPackage(window: DOMWindow, zip: ZipReader, fileName: string): EpubPackage {
  const containerXml = zip.readText('META-INF/container.xml');
  if (containerXml === null)
    throw new CommonplaceError(
      'parse_error',
      `${fileName}: is not an EPUB book (META-INF/container.xml is missing)`,
    );
  const container = parseXml(window, containerXml, fileName, 'META-INF/container.xml');
  const rootfiles = byLocalName(container, 'rootfile');
  const rootfile =
    rootfiles.find((r) => attr(r, 'media-type') === 'application/oebps-package+xml') ??
    rootfiles[0];
  const opfPath = rootfile ? attr(rootfile, 'full-path') : null;
  if (!opfPath)
    throw new CommonplaceError(
      'parse_error',
      `${fileName}: META-INF/container.xml names no package document`,
    );
  const opfXml = zip.readText(opfPath);
  if (opfXml === null)
    throw new CommonplaceError(
      'parse_error',
      `${fileName}: the package document ${opfPath} is missing`,
    );
  const opf = parseXml(window, opfXml, fileName, opfPath);

  const metadataEl = byLocalName(opf, 'metadata')[0] ?? opf.documentElement;
  const metadata = readMetadata(metadataEl);

  const manifest = new Map<string, { path: string; mediaType: string; properties: string }>();
  for (const item of byLocalName(opf, 'item')) {
    const id = attr(item, 'id');
    const href = attr(item, 'href');
    if (!id || !href) continue;
    manifest.set(id, {
      path: resolvePath(opfPath, href),
      mediaType: (attr(item, 'media-type') ?? '').toLowerCase(),
      properties: attr(item, 'properties') ?? '',
    });
  }
  const spineEl = byLocalName(opf, 'spine')[0];
  if (!spineEl)
    throw new CommonplaceError(
      'parse_error',
      `${fileName}: the package document has no spine (reading order)`,
    );
  const spine: SpineItem[] = [];
  for (const ref of byLocalName(spineEl, 'itemref')) {
    // Non-linear items (pop-up notes, covers) are outside the reading order.
    if (attr(ref, 'linear') === 'no') continue;
    const item = manifest.get(attr(ref, 'idref') ?? '');
    if (item && XHTML_TYPES.has(item.mediaType))
      spine.push({ path: item.path, mediaType: item.mediaType });
  }

  let toc: TocEntry[] = [];
  const nav = [...manifest.values()].find((m) => m.properties.split(/\s+/).includes('nav'));
  const ncx =
    manifest.get(attr(spineEl, 'toc') ?? '') ??
    [...manifest.values()].find((m) => m.mediaType === 'application/x-dtbncx+xml');
  try {
    if (nav) toc = readNavToc(window, zip, nav.path, fileName);
  } catch {
    // A broken navigation document: the NCX, if any, or the headings.
  }
  try {
    if (!toc.length && ncx) toc = readNcxToc(window, zip, ncx.path, fileName);
  } catch {
    // A broken table of contents only costs chapter titles the chapters usually carry themselves.
  }
  const tocTitles = new Map<string, string>();
  for (const e of toc) if (!tocTitles.has(e.path)) tocTitles.set(e.path, e.title);
  return {
    metadata,
    spine,
    rtl: attr(spineEl, 'page-progression-direction') === 'rtl',
    toc,
    tocTitles,
  };
}

function readMetadata(el: Element): EpubMetadata {
  const dc = (name: string): Element[] =>
    byLocalName(el, name).filter(
      (e) => e.namespaceURI === 'http://purl.org/dc/elements/1.1/' || e.prefix === 'dc',
    );
  const texts = (name: string): string[] =>
    dc(name)
      .map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  // EPUB 2 marks authors with opf:role="aut"; EPUB 3 with a <meta refines="#id" property="role">.
  const roles = new Map<string, string>();
  for (const meta of byLocalName(el, 'meta')) {
    const refines = attr(meta, 'refines');
    if (refines && attr(meta, 'property') === 'role')
      roles.set(refines.replace(/^#/, ''), (meta.textContent ?? '').trim());
  }
  const creatorEls = dc('creator');
  const authorEls = creatorEls.filter((c) => {
    const role = attr(c, 'role') ?? roles.get(c.getAttribute('id') ?? '');
    return !role || role === 'aut';
  });
  const creators = (authorEls.length ? authorEls : creatorEls)
    .map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const named = (role: string): string[] =>
    creatorEls
      .filter((c) => (attr(c, 'role') ?? roles.get(c.getAttribute('id') ?? '')) === role)
      .map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  const dates = dc('date');
  const publication = dates.find((d) => /publication/i.test(attr(d, 'event') ?? '')) ?? dates[0];
  return {
    title: texts('title')[0] ?? null,
    creators,
    language: texts('language')[0] ?? null,
    date: publication ? (publication.textContent ?? '').trim() || null : null,
    publisher: texts('publisher')[0] ?? null,
    description: firstText(el, 'description'),
    names: { author: creators, editor: named('edt'), translator: named('trl') },
    isbn: isbnOf(dc('identifier')),
    doi:
      dc('identifier')
        .map((id) => doiIn((id.textContent ?? '').trim()))
        .find((d): d is string => d !== null) ?? null,
  };
}

function isbnOf(identifiers: Element[]): string | null {
  for (const id of identifiers) {
    const text = (id.textContent ?? '').trim();
    const bare = text.replace(/^urn:isbn:/i, '');
    const digits = bare.replace(/[\s-]/g, '');
    const declared = /^isbn$/i.test(attr(id, 'scheme') ?? '') || /^urn:isbn:/i.test(text);
    if (/^(?:\d{9}[\dXx]|\d{13})$/.test(digits) && (declared || /^97[89]/.test(digits)))
      return bare.slice(0, 40);
  }
  return null;
}
