/**
 * A page a browser saved as "Web page, single file" (`.mhtml`/`.mht`, RFC 2557): a MIME message
 * holding the page and the resources it showed, each under the URL it came from. The page is
 * parsed as HTML; a picture is read from the archive's part saved for its URL (or `cid:`), never
 * fetched. The archive also says where the page was and when it was saved: the citation's URL
 * and access date when the page itself doesn't give them.
 */
import { CommonplaceError } from '../../errors';
import type { ParsedArticle } from '../types';
import { decodePart, headerValue, multipartParts, topHeaders, type MimePart } from './mime';
import { parseHtml } from './parse';

/** A saved page with its stylesheets, fonts and pictures has tens to hundreds of parts. */
export const MAX_MHTML_PARTS = 10_000;

/** `<id@host>` → `id@host`, as a `cid:` URL names it. */
const contentId = (raw: string | undefined) => raw?.trim().replace(/^<|>$/g, '') || undefined;

/** An absolute URL in one spelling (so `HTTPS://x/a%7e` finds `https://x/a%7E`), or null. */
function normalUrl(raw: string, base?: string): string | null {
  try {
    const url = new URL(raw, base);
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The calendar date of a `Date:` header ("Sun, 06 Dec 2026 23:00:13 GMT"), as the saver's clock read. */
function savedOn(header: string | undefined): [number, number, number] | null {
  const m = /(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})/i.exec(header ?? '');
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  const [day, year] = [Number(m[1]), Number(m[3])];
  const valid = month > 0 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  return valid ? [year, month, day] : null;
}

const httpUrl = (raw: string | undefined) =>
  raw && /^https?:\/\/\S+$/i.test(raw.trim()) ? normalUrl(raw.trim()) : null;

export function parseMhtml(
  bytes: Uint8Array,
  fileName: string,
  maxPageBytes: number,
): ParsedArticle {
  const top = topHeaders(bytes);
  const type = headerValue(top?.headers.get('content-type'));
  const boundary = type.params.get('boundary');
  if (!top || type.value !== 'multipart/related' || !boundary)
    throw new CommonplaceError(
      'parse_error',
      `${fileName}: is not a saved web page (an MHTML file starts with MIME headers declaring multipart/related and a boundary)`,
    );
  const parts = multipartParts(bytes, top.bodyStart, boundary, MAX_MHTML_PARTS);
  if (parts === 'too-many')
    throw new CommonplaceError(
      'parse_error',
      `${fileName}: holds more than ${MAX_MHTML_PARTS.toLocaleString('en-US')} parts; a saved web page has far fewer`,
    );

  // The root is the part the `start` parameter names, else the first (RFC 2557 §5): here the
  // first HTML part, since some savers put a text version before it.
  const start = contentId(type.params.get('start'));
  const isHtml = (p: MimePart) => headerValue(p.headers.get('content-type')).value === 'text/html';
  const root =
    (start && parts.find((p) => contentId(p.headers.get('content-id')) === start)) ||
    parts.find(isHtml);
  if (!root)
    throw new CommonplaceError(
      'parse_error',
      `${fileName}: is an MHTML file without an HTML page in it (${parts.length} part${parts.length === 1 ? '' : 's'})`,
    );
  const tooLarge = () =>
    new CommonplaceError(
      'too_large',
      `${fileName}: its page is over the ${maxPageBytes / 1024 / 1024} MB limit for HTML`,
    );
  if (root.end - root.start > maxPageBytes * 4) throw tooLarge(); // QP at worst triples a byte
  const html = decodePart(bytes, root);
  if (html.byteLength > maxPageBytes) throw tooLarge();

  const rootUrl =
    httpUrl(root.headers.get('content-location')) ??
    httpUrl(top.headers.get('snapshot-content-location'));
  const byUrl = new Map<string, MimePart>();
  const byId = new Map<string, MimePart>();
  for (const part of parts) {
    if (part === root) continue;
    const location = part.headers.get('content-location');
    const url = location && normalUrl(location.trim());
    if (url && !byUrl.has(url)) byUrl.set(url, part);
    const id = contentId(part.headers.get('content-id'));
    if (id && !byId.has(id)) byId.set(id, part);
  }
  const partFor = (src: string): MimePart | undefined => {
    if (/^cid:/i.test(src)) {
      const id = src.slice(4);
      try {
        return byId.get(decodeURIComponent(id));
      } catch {
        return byId.get(id);
      }
    }
    const url = normalUrl(src, root.headers.get('content-location')?.trim());
    return url ? byUrl.get(url) : undefined;
  };

  const article = parseHtml(html, fileName, rootUrl ?? undefined, {
    absoluteUrls: true,
    charset: headerValue(root.headers.get('content-type')).params.get('charset'),
    resolveImage: (src) => {
      const part = partFor(src);
      // A picture the browser didn't save (lazy-loaded, blocked) is left out, as a remote one is;
      // one past the size limit is refused by DocumentImages once decoded (the file is bounded).
      return part ? decodePart(bytes, part) : null;
    },
  });

  const meta = { ...article.meta };
  if (!meta.URL && rootUrl) meta.URL = rootUrl;
  const saved = savedOn(top.headers.get('date'));
  if (!meta.accessed && saved) meta.accessed = { 'date-parts': [saved] };
  return { ...article, meta, originalMediaType: 'multipart/related' };
}
