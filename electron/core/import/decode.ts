/**
 * Bytes → text for imported files.
 *
 * Order of evidence: a byte-order mark, then a declared charset (the caller passes one, e.g. from
 * `sniffHtmlCharset` or an HTTP header), then strict UTF-8, then a bounded guess among legacy
 * encodings. Every decision is reported by `decodeBytes` (`source`), and a file whose encoding
 * cannot be recognised is refused with a message instead of being imported as mojibake.
 * Line endings are normalised to LF. Binary data is refused earlier, by `detectFormat`.
 */
import { CommonplaceError } from '../errors';

export type DecodeSource =
  /** A byte-order mark named the encoding. */
  | 'bom'
  /** The declared charset was used. */
  | 'declared'
  /** Valid UTF-8 (also wins over a legacy declaration that the bytes contradict). */
  | 'utf-8'
  /** Neither BOM, declaration nor UTF-8: guessed from the byte statistics. */
  | 'guessed';

export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding used, e.g. `utf-8`, `windows-1252`, `shift_jis`. */
  encoding: string;
  source: DecodeSource;
  /** The declared encoding after label resolution, or null (none, or an unknown label). */
  declared: string | null;
}

export interface DecodeOptions {
  /** A charset label from the document or its transport (`Shift_JIS`, `latin1`, …). */
  declaredCharset?: string | null;
}

export function decodeText(bytes: Uint8Array, fileName: string, opts: DecodeOptions = {}): string {
  return decodeBytes(bytes, fileName, opts).text;
}

export function decodeBytes(
  bytes: Uint8Array,
  fileName: string,
  opts: DecodeOptions = {},
): DecodedText {
  const declared = resolveCharsetLabel(opts.declaredCharset);

  const bom = bomEncoding(bytes);
  if (bom) {
    // A BOM outranks any declaration (as in browsers); a damaged file still decodes, with U+FFFD.
    const text = decodeWith(bom.encoding, bytes.subarray(bom.length));
    return { text: normalizeNewlines(text), encoding: bom.encoding, source: 'bom', declared };
  }

  const utf8 = decodeStrictUtf8(bytes);

  if (declared && declared !== 'utf-8') {
    // A legacy declaration contradicted by bytes that are valid UTF-8 with non-ASCII content is
    // nearly always a stale <meta> left by an editor that re-saved the file as UTF-8: random
    // legacy-encoded text is almost never valid multi-byte UTF-8. ISO-2022-JP is 7-bit, so the
    // argument does not apply to it.
    if (utf8 !== null && declared !== 'iso-2022-jp' && hasNonAscii(bytes)) {
      return { text: normalizeNewlines(utf8), encoding: 'utf-8', source: 'utf-8', declared };
    }
    const text = decodeWith(declared, bytes);
    return { text: normalizeNewlines(text), encoding: declared, source: 'declared', declared };
  }

  if (utf8 !== null) {
    // 7-bit ISO-2022-JP is valid UTF-8 too; its escape sequences give it away.
    if (!hasNonAscii(bytes) && looksIso2022Jp(bytes)) {
      const text = decodeWith('iso-2022-jp', bytes);
      return {
        text: normalizeNewlines(text),
        encoding: 'iso-2022-jp',
        source: 'guessed',
        declared,
      };
    }
    return {
      text: normalizeNewlines(utf8),
      encoding: 'utf-8',
      source: declared ? 'declared' : 'utf-8',
      declared,
    };
  }

  const guess = guessLegacyEncoding(bytes);
  if (!guess) {
    throw new CommonplaceError(
      'parse_error',
      `${fileName}: the text is not valid UTF-8 and its encoding could not be recognised; save it as UTF-8 and import it again`,
    );
  }
  return {
    text: normalizeNewlines(guess.text),
    encoding: guess.encoding,
    source: 'guessed',
    declared,
  };
}

/** CRLF and lone CR become LF. */
export function normalizeNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/**
 * WHATWG name for a charset label, or null when the label is unknown or unusable.
 * UTF-16 declared inside an ASCII-compatible document means UTF-8 (HTML spec); Node's decoder
 * lacks `x-user-defined`, whose ASCII range matches windows-1252.
 */
export function resolveCharsetLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const cleaned = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim()
    .toLowerCase();
  if (!cleaned || cleaned.length > 40) return null;
  if (cleaned === 'x-user-defined') return 'windows-1252';
  let encoding: string;
  try {
    encoding = new TextDecoder(cleaned).encoding;
  } catch {
    return null;
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
  return encoding;
}

export interface Bom {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

export function bomEncoding(bytes: Uint8Array): Bom | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Where in the bytes an HTML charset declaration may be looked for (the spec's prescan reads 1024). */
export const HTML_CHARSET_SCAN_BYTES = 4096;

/**
 * The charset an HTML document declares in its first 4 KB: `<meta charset>`, then
 * `<meta http-equiv="Content-Type" content="…; charset=…">`, then an XML declaration's encoding.
 * Comments are skipped. Returns the raw label (resolve it with `resolveCharsetLabel`), or null.
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = asciiView(bytes.subarray(0, HTML_CHARSET_SCAN_BYTES)).replace(
    /<!--[\s\S]*?(?:-->|$)/g,
    ' ',
  );
  const metaTag = /<meta\b((?:[^>"']|"[^"]*"|'[^']*')*)>?/gi;
  for (let m = metaTag.exec(head); m; m = metaTag.exec(head)) {
    const attrs = parseAttributes(m[1] ?? '');
    const charset = attrs.get('charset');
    if (charset) return charset;
    const content = attrs.get('content');
    if (attrs.get('http-equiv')?.toLowerCase() === 'content-type' && content) {
      const fromContent = /charset\s*=\s*["']?([^"';\s]+)/i.exec(content)?.[1];
      if (fromContent) return fromContent;
    }
  }
  const xml = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return xml?.[1] ?? null;
}

function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const attr = /([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (let m = attr.exec(source); m; m = attr.exec(source)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!attrs.has(name)) attrs.set(name, (m[2] ?? m[3] ?? m[4] ?? '').trim());
  }
  return attrs;
}

/** Bytes as one char each (latin-1 view): enough to look for ASCII markup in any ASCII-compatible encoding. */
export function asciiView(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return out;
}

/**
 * `TextDecoder(encoding).decode(bytes)`, except windows-1252: Node 20's decoder for it (and for
 * its aliases latin1, iso-8859-1, ascii…) is a fast path that actually decodes ISO-8859-1, so
 * 0x80–0x9F come out as C1 controls instead of € “ ” – — ….
 */
export function decodeWith(encoding: string, bytes: Uint8Array): string {
  if (encoding !== 'windows-1252') return new TextDecoder(encoding).decode(bytes);
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

/** windows-1252 0x80–0x9F (the five undefined bytes map to the C1 control of the same value, per WHATWG). */
const WINDOWS_1252_C1 = Array.from('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');

function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

function looksIso2022Jp(bytes: Uint8Array): boolean {
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] !== 0x1b) continue;
    const a = bytes[i + 1];
    const b = bytes[i + 2];
    if (a === 0x24 && (b === 0x42 || b === 0x40)) return true; // ESC $ B, ESC $ @
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Legacy guess. Each candidate is decoded (strictly, where the decoder can fail) and its result
// judged by what real text in that language looks like. Cheap signals, tried in an order where
// an earlier one cannot be confused with a later one:
//  - Western (windows-1252): non-ASCII characters are Latin letters/punctuation in short runs
//    embedded in ASCII words, and none of the C1 controls 1252 leaves undefined.
//  - Cyrillic: nearly all non-ASCII characters are Cyrillic letters; windows-1251 vs KOI8-R by
//    the share of lower case (running text is mostly lower case; the two encodings swap cases).
//  - Japanese: hiragana/katakana make up a good share of the letters (no other language's
//    bytes decode to much kana: GBK bytes give half-width katakana in Shift_JIS, not counted).
//  - Korean: nearly all letters Hangul syllables (GB2312 text read as EUC-KR is ~half Hanja).
//  - Chinese: ideographs, with nearly all pairs in the encoding's frequent-character rows;
//    Big5 vs GBK by the share of trail bytes in 0x40–0x7E.
// Anything else is refused rather than guessed.
// ---------------------------------------------------------------------------------------------

interface Guess {
  encoding: string;
  text: string;
}

/** Few enough stray high bytes that any single-byte reading costs at most a few characters. */
const STRAY_HIGH_BYTES = 8;

export function guessLegacyEncoding(bytes: Uint8Array): Guess | null {
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  const western = decodeWith('windows-1252', bytes);
  if (high <= STRAY_HIGH_BYTES || looksWestern(western))
    return { encoding: 'windows-1252', text: western };

  const cyrillic = guessCyrillic(bytes);
  if (cyrillic) return cyrillic;

  for (const encoding of ['shift_jis', 'euc-jp']) {
    const text = strictDecode(encoding, bytes);
    if (text !== null && scriptShares(text).kana >= 0.2) return { encoding, text };
  }

  const korean = strictDecode('euc-kr', bytes);
  if (korean !== null && scriptShares(korean).hangul >= 0.85)
    return { encoding: 'euc-kr', text: korean };

  // Any run of high bytes is "valid" GBK, so Chinese needs a stronger signal than clean decoding:
  // running text stays within each encoding's frequent-character area.
  const pairs = doubleBytePairs(bytes);
  const chineseEncoding = pairs.lowTrail > 0.2 ? 'big5' : 'gb18030';
  const common = chineseEncoding === 'big5' ? pairs.big5Common : pairs.gbCommon;
  const chinese = common >= 0.85 ? strictDecode(chineseEncoding, bytes) : null;
  if (chinese !== null && scriptShares(chinese).han >= 0.85)
    return { encoding: chineseEncoding, text: chinese };
  return null;
}

function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const WESTERN_EXTRA = new Set('ŒœŠšŽžŸƒ’‘“”‚„–—…•€«»‹›°£¥©®™¡¿§¶·×÷±ªº¹²³¼½¾´¨¸¢µ†‡‰ˆ˜\u00a0');

function looksWestern(text: string): boolean {
  let nonAscii = 0;
  let plausible = 0;
  let inShortRuns = 0;
  let run = 0;
  const endRun = (): void => {
    if (run > 0 && run <= 3) inShortRuns += run;
    run = 0;
  };
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      endRun();
      continue;
    }
    if (code <= 0x9f) return false; // a byte windows-1252 leaves undefined
    nonAscii++;
    run++;
    if ((code >= 0xc0 && code <= 0xff && code !== 0xd7 && code !== 0xf7) || WESTERN_EXTRA.has(ch))
      plausible++;
  }
  endRun();
  if (nonAscii === 0) return true;
  return plausible / nonAscii >= 0.9 && inShortRuns / nonAscii >= 0.8;
}

function guessCyrillic(bytes: Uint8Array): Guess | null {
  let best: (Guess & { lower: number }) | null = null;
  for (const encoding of ['windows-1251', 'koi8-r']) {
    const text = decodeWith(encoding, bytes);
    let nonAscii = 0;
    let cyrillic = 0;
    let lower = 0;
    for (const ch of text) {
      const code = ch.codePointAt(0) ?? 0;
      if (code < 0x80) continue;
      nonAscii++;
      if (code >= 0x400 && code <= 0x4ff) {
        cyrillic++;
        if (ch !== ch.toUpperCase()) lower++;
      }
    }
    // Russian text has hardly any non-ASCII besides letters (« » — №); KOI8-R's box-drawing
    // range is what CJK bytes turn into, so it must stay rare.
    if (nonAscii === 0 || cyrillic / nonAscii < 0.85) continue;
    const share = lower / cyrillic;
    if (!best || share > best.lower) best = { encoding, text, lower: share };
  }
  return best && best.lower >= 0.5 ? { encoding: best.encoding, text: best.text } : null;
}

interface ScriptShares {
  kana: number;
  hangul: number;
  han: number;
}

/** Shares of the non-ASCII letters that are kana (full-width), Hangul syllables, ideographs. */
function scriptShares(text: string): ScriptShares {
  let letters = 0;
  let kana = 0;
  let hangul = 0;
  let han = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80 || !/\p{L}/u.test(ch)) continue;
    letters++;
    if (code >= 0x3041 && code <= 0x30ff) kana++;
    else if (code >= 0xac00 && code <= 0xd7a3) hangul++;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) han++;
  }
  if (letters === 0) return { kana: 0, hangul: 0, han: 0 };
  return { kana: kana / letters, hangul: hangul / letters, han: han / letters };
}

interface PairStats {
  /** Share of pairs whose trail byte is in 0x40–0x7E (common in Big5, rare in GB2312-range text). */
  lowTrail: number;
  /** Share in GB2312's punctuation and level-1 hanzi rows (lead 0xA1–0xD7, trail 0xA1–0xFE). */
  gbCommon: number;
  /** Share in Big5's punctuation and frequent-hanzi rows (lead 0xA1–0xC6). */
  big5Common: number;
}

/** Statistics of the byte pairs a double-byte encoding would form (lead ≥ 0x81 takes the next byte). */
function doubleBytePairs(bytes: Uint8Array): PairStats {
  let pairs = 0;
  let low = 0;
  let gb = 0;
  let big5 = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1] ?? 0;
    pairs++;
    if (trail >= 0x40 && trail <= 0x7e) low++;
    if (lead >= 0xa1 && lead <= 0xd7 && trail >= 0xa1) gb++;
    if (lead >= 0xa1 && lead <= 0xc6) big5++;
    i++;
  }
  if (pairs === 0) return { lowTrail: 0, gbCommon: 0, big5Common: 0 };
  return { lowTrail: low / pairs, gbCommon: gb / pairs, big5Common: big5 / pairs };
}
