/**
 * The little of MIME (RFC 2045/2046) an MHTML file needs: header blocks, a header's parameters,
 * the parts of a multipart body, and the two transfer encodings browsers write. It works on the
 * bytes, never decodes a part it isn't asked for, and loads no parser, so format detection can
 * ask `isMhtml` too.
 */
import { asciiView } from '../decode';

/** Header names in lower case; folded lines joined. A repeated header keeps its first value. */
export type MimeHeaders = ReadonlyMap<string, string>;

export interface MimePart {
  headers: MimeHeaders;
  /** The part's body as written (still transfer-encoded): [start, end) in the file's bytes. */
  start: number;
  end: number;
}

/** A header value split into its main value (lower case) and parameters (names lower case). */
export interface HeaderValue {
  value: string;
  params: ReadonlyMap<string, string>;
}

/** Where a header block that starts at `from` ends: the index after its blank line, or -1. */
function headerEnd(bytes: Uint8Array, from: number, limit: number): number {
  const stop = Math.min(bytes.length, limit);
  for (let i = from; i < stop; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (bytes[i + 1] === 0x0a) return i + 2;
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return i + 3;
  }
  return -1;
}

export function parseHeaders(text: string): MimeHeaders {
  const headers = new Map<string, string>();
  // Unfold: a line that starts with white space continues the one before (RFC 5322 2.2.3).
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** `multipart/related; type="text/html"; boundary="--x"` → value and parameters. */
export function headerValue(raw: string | undefined): HeaderValue {
  const params = new Map<string, string>();
  if (!raw) return { value: '', params };
  const pieces: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quoted && c === '\\' && i + 1 < raw.length) current += raw[++i];
    else if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) {
      pieces.push(current);
      current = '';
    } else current += c;
  }
  pieces.push(current);
  for (const piece of pieces.slice(1)) {
    const eq = piece.indexOf('=');
    if (eq > 0) params.set(piece.slice(0, eq).trim().toLowerCase(), piece.slice(eq + 1).trim());
  }
  return { value: pieces[0]!.trim().toLowerCase(), params };
}

/** How far into a file its top header block may go: a real one is a few hundred bytes. */
const MAX_TOP_HEADERS = 64 * 1024;

/** The file's top headers when it is a MIME message, else null. */
export function topHeaders(bytes: Uint8Array): { headers: MimeHeaders; bodyStart: number } | null {
  const end = headerEnd(bytes, 0, MAX_TOP_HEADERS);
  if (end < 0) return null;
  const text = asciiView(bytes.subarray(0, end));
  // Every line of a header block is a header or its continuation: HTML or prose is not.
  if (!/^[!-9;-~]+:/.test(text)) return null;
  const headers = parseHeaders(text);
  return headers.has('content-type') ? { headers, bodyStart: end } : null;
}

/**
 * An MHTML file ("Web page, single file", RFC 2557): a MIME message whose body is
 * multipart/related with a boundary. Looks only at the top headers.
 */
export function isMhtml(bytes: Uint8Array): boolean {
  const top = topHeaders(bytes);
  if (!top) return false;
  const type = headerValue(top.headers.get('content-type'));
  return type.value === 'multipart/related' && !!type.params.get('boundary');
}

/**
 * The parts of the multipart body that starts at `from`, split on `--boundary` lines; the
 * preamble and epilogue are skipped. At most `maxParts`; a body without its closing delimiter
 * (a truncated file) ends at the end of the file.
 */
export function multipartParts(
  bytes: Uint8Array,
  from: number,
  boundary: string,
  maxParts: number,
): MimePart[] | 'too-many' {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: MimePart[] = [];
  /** The next delimiter at a line's start at or after `at`, or -1. */
  const nextDelimiter = (at: number): number => {
    for (let i = buf.indexOf(delimiter, at); i >= 0; i = buf.indexOf(delimiter, i + 1))
      if (i === from || buf[i - 1] === 0x0a) return i;
    return -1;
  };
  let at = nextDelimiter(from);
  while (at >= 0) {
    const after = at + delimiter.length;
    if (buf[after] === 0x2d && buf[after + 1] === 0x2d) break; // the closing `--boundary--`
    const lineEnd = buf.indexOf(0x0a, after);
    if (lineEnd < 0) break;
    const next = nextDelimiter(lineEnd + 1);
    // The line break before a delimiter belongs to the delimiter (RFC 2046 5.1.1).
    let end = next < 0 ? buf.length : next;
    if (next >= 0 && buf[end - 1] === 0x0a) end--;
    if (next >= 0 && buf[end - 1] === 0x0d) end--;
    const bodyStart = headerEnd(buf, lineEnd + 1, end + 1);
    if (bodyStart >= 0 || lineEnd + 1 < end) {
      if (parts.length === maxParts) return 'too-many';
      const headersEnd = bodyStart >= 0 ? bodyStart : end;
      parts.push({
        headers: parseHeaders(asciiView(buf.subarray(lineEnd + 1, headersEnd))),
        start: Math.min(headersEnd, end),
        end,
      });
    }
    at = next;
  }
  return parts;
}

/** A part's body decoded from its Content-Transfer-Encoding (base64, quoted-printable, or as is). */
export function decodePart(bytes: Uint8Array, part: MimePart): Uint8Array {
  const raw = bytes.subarray(part.start, part.end);
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (encoding === 'base64') {
    // Node's base64 decoder skips the line breaks and stops at anything else.
    const out = Buffer.from(
      Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1'),
      'base64',
    );
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(raw);
  return raw;
}

const hexValue = (b: number | undefined): number => {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  const lower = b | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
};

/** Quoted-printable (RFC 2045 6.7): `=XX` is a byte, `=` at a line's end joins it to the next. */
export function decodeQuotedPrintable(raw: Uint8Array): Uint8Array {
  const out = new Uint8Array(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i]!;
    if (b !== 0x3d) {
      out[n++] = b;
      continue;
    }
    if (raw[i + 1] === 0x0a) i += 1;
    else if (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a) i += 2;
    else {
      const hi = hexValue(raw[i + 1]);
      const lo = hexValue(raw[i + 2]);
      // A stray `=` stays as written, as mail readers do.
      if (hi < 0 || lo < 0) out[n++] = b;
      else {
        out[n++] = hi * 16 + lo;
        i += 2;
      }
    }
  }
  return out.subarray(0, n);
}
