/**
 * The pictures of one document being parsed (in the parser thread): each `<img>` the format can
 * resolve — an EPUB manifest item, a DOCX media part, a data: URL — is checked and kept, named by
 * the sha256 of its bytes; the sanitiser then puts an image block where it stood. Nothing is ever
 * fetched: a remote or unresolvable `src` keeps only its alt text, as before.
 *
 * Checked: the type by its magic bytes (png, jpeg, gif, webp), each picture's size and the
 * document's total and count (model/images.ts). SVG can hold scripts and remote references, so
 * it is kept only after DOMPurify's SVG profile with links, `<use>`, `<image>`, `<foreignObject>`
 * and styles removed; the reader shows it through `<img>` in any case, where nothing in it runs.
 */
import { createHash, randomBytes } from 'node:crypto';
import createDOMPurify, { type WindowLike } from 'dompurify';
import type { JSDOM } from 'jsdom';
import { bodyImages, makeBody, type Block } from '../../model/body';
import {
  looksLikeSvg,
  MAX_DOCUMENT_IMAGE_BYTES,
  MAX_DOCUMENT_IMAGES,
  MAX_IMAGE_BYTES,
  rasterMediaType,
  type ImageMediaType,
} from '../../model/images';
import { loadHtml } from './html/dom';

/** A picture kept from a parsed document (ParsedArticle.images). */
export interface ParsedImage {
  hash: string;
  mediaType: ImageMediaType;
  bytes: Uint8Array;
}

/**
 * Reads the bytes a document-relative `src` names (a zip entry), or null; `refuse` says why a
 * picture was left out unread (named in the import's warning).
 */
export type ImageResolver = (src: string, refuse: (why: string) => null) => Uint8Array | null;

const SVG_FORBIDDEN_TAGS = ['a', 'use', 'image', 'foreignObject', 'style', 'script', 'feImage'];
const SVG_FORBIDDEN_ATTRS = ['href', 'xlink:href', 'style'];

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export class DocumentImages {
  readonly kept: ParsedImage[] = [];
  private readonly byHash = new Map<string, ParsedImage>();
  private total = 0;
  private refused = 0;
  private firstRefusal = '';
  private dom: JSDOM | null = null;
  /** A class no page can guess: only markers this parse made become image blocks. */
  readonly marker = `cpimg${randomBytes(8).toString('hex')}`;
  private readonly markerPattern = new RegExp(`^${this.marker}-([0-9a-f]{64})$`);

  constructor(
    private readonly fileName: string,
    private readonly resolve: ImageResolver = () => null,
    /** The resolver reads absolute URLs from the file itself (MHTML): asked for them too. */
    private readonly resolvesUrls = false,
  ) {}

  /** Keeps `bytes` (named `where` in the warning) and returns its hash, or null when refused. */
  add(bytes: Uint8Array, where: string): string | null {
    const refuse = (why: string): null => this.refuse(where, why);
    if (bytes.byteLength > MAX_IMAGE_BYTES)
      return refuse(`is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
    let mediaType: ImageMediaType | null = rasterMediaType(bytes);
    if (!mediaType && looksLikeSvg(bytes)) {
      const clean = this.sanitizeSvg(bytes);
      if (!clean) return refuse('is an SVG with nothing safe to show');
      bytes = clean;
      mediaType = 'image/svg+xml';
    }
    if (!mediaType) return refuse('is not a PNG, JPEG, GIF, WebP or SVG picture');
    const hash = sha256Hex(bytes);
    if (this.byHash.has(hash)) return hash;
    if (this.kept.length >= MAX_DOCUMENT_IMAGES)
      return refuse(`is past the ${MAX_DOCUMENT_IMAGES}-picture limit`);
    if (this.total + bytes.byteLength > MAX_DOCUMENT_IMAGE_BYTES)
      return refuse(
        `is past the ${MAX_DOCUMENT_IMAGE_BYTES / 1024 / 1024} MB of pictures kept per document`,
      );
    const image = { hash, mediaType, bytes: Uint8Array.from(bytes) };
    this.byHash.set(hash, image);
    this.kept.push(image);
    this.total += bytes.byteLength;
    return hash;
  }

  /** Counts a picture left out before its bytes were read (named in the warning); null. */
  refuse(where: string, why: string): null {
    this.refused++;
    this.firstRefusal ||= `${where} ${why}`;
    return null;
  }

  /** The hash of the picture `img` shows, kept now, or null (remote, missing, refused). */
  keep(img: Element): string | null {
    const src = (img.getAttribute('src') ?? '').trim();
    if (!src) return null;
    const known = this.markerPattern.exec(src);
    if (known) return this.byHash.has(known[1]!) ? known[1]! : null;
    if (/^data:/i.test(src)) {
      const bytes = decodeDataUrl(src);
      return bytes ? this.add(bytes, 'a data: URL picture') : null;
    }
    // A URL with a scheme (http:, file:, blob:…) is never fetched; an archive may hold its bytes.
    if ((/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) && !this.resolvesUrls)
      return null;
    const where = src.slice(0, 200);
    const bytes = this.resolve(src, (why) => this.refuse(where, why));
    return bytes ? this.add(bytes, where) : null;
  }

  /** A `src` for a picture already kept (DOCX: mammoth hands over bytes, not paths). */
  srcFor(hash: string): string {
    return `${this.marker}-${hash}`;
  }

  /** The hash a sanitised marker element (class `marker-HASH`) names, or null. */
  markedHash(el: Element): string | null {
    const m = this.markerPattern.exec(el.getAttribute('class') ?? '');
    return m ? m[1]! : null;
  }

  /** One line for the import report when pictures were left out, or null. */
  warning(): string | null {
    if (!this.refused) return null;
    return `${this.fileName}: ${this.refused} picture${this.refused === 1 ? '' : 's'} not kept (${this.firstRefusal}); the alt text stays`;
  }

  dispose(): void {
    this.dom?.window.close();
    this.dom = null;
  }

  private sanitizeSvg(bytes: Uint8Array): Uint8Array | null {
    this.dom ??= loadHtml('<!DOCTYPE html><html><body></body></html>', this.fileName);
    const purify = createDOMPurify(this.dom.window as unknown as WindowLike);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const clean = purify.sanitize(text, {
      USE_PROFILES: { svg: true, svgFilters: true },
      FORBID_TAGS: SVG_FORBIDDEN_TAGS,
      FORBID_ATTR: SVG_FORBIDDEN_ATTRS,
      RETURN_DOM_FRAGMENT: true,
    });
    const svg = clean.firstElementChild;
    if (!svg || svg.localName !== 'svg') return null;
    // An SVG shown through <img> needs its namespace declared.
    svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    const out = new this.dom.window.XMLSerializer().serializeToString(svg);
    return new TextEncoder().encode(out);
  }
}

/** The bytes of a base64 or percent-encoded `data:image/…` URL within the size limit, or null. */
export function decodeDataUrl(src: string): Uint8Array | null {
  const comma = src.indexOf(',');
  if (comma < 0) return null;
  const head = src.slice(5, comma).toLowerCase();
  const data = src.slice(comma + 1);
  if (!head.startsWith('image/')) return null;
  if (head.endsWith(';base64')) {
    // 4 characters carry 3 bytes: refused before decoding anything too large.
    if ((data.length * 3) / 4 > MAX_IMAGE_BYTES + 3) return null;
    const bytes = Buffer.from(data.replace(/\s+/g, ''), 'base64');
    return bytes.byteLength
      ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : null;
  }
  if (data.length > MAX_IMAGE_BYTES * 3) return null;
  try {
    return new TextEncoder().encode(decodeURIComponent(data));
  } catch {
    return null;
  }
}

/** The `images` (those `blocks` show) and picture warning a parser adds to its ParsedArticle. */
export function keptImages(
  images: DocumentImages,
  blocks: readonly Block[],
): { images?: ParsedImage[]; warnings?: string[] } {
  const warning = images.warning();
  const shown = new Set(bodyImages(makeBody([...blocks])));
  const kept = images.kept.filter((i) => shown.has(i.hash));
  return {
    ...(kept.length ? { images: kept } : {}),
    ...(warning ? { warnings: [warning] } : {}),
  };
}
