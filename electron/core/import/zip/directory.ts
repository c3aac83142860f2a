/**
 * A ZIP container's central directory (EPUB, DOCX), read and checked without inflating anything:
 * format detection needs only the entry names, so it loads no inflater (`read.ts` has that).
 *
 * A ZIP's declared sizes can lie, and a few kilobytes can inflate to gigabytes, so nothing here
 * trusts them: the central directory is read first (entry count and declared sizes are checked
 * before anything is inflated), then each wanted entry is inflated in chunks with a running count
 * that stops at the per-entry and total caps, whatever the headers said. Only the entries the
 * caller asks for are inflated (images and fonts of a book are never touched).
 */
import { CommonplaceError } from '../../errors';

export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Inflated bytes of every entry read, together. */
  maxTotalBytes: number;
  /** Why maxTotalBytes is what it is, when it depends on the file (said in the message). */
  totalReason?: string;
  /**
   * List an entry that declares more than maxEntryBytes (left out of the declared total) instead
   * of refusing the archive: for a reader that wants only some entries and checks each one's
   * declared size itself (a saved page's pictures). Reading it still stops at the cap.
   */
  listOversized?: boolean;
}

/** Generous for real books and reports (text parts only), far below what would hurt the app. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  method: number;
  compressedSize: number;
  declaredSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const ZIP64_MARKER = 0xffffffff;

export function corrupt(fileName: string, what: string): CommonplaceError {
  return new CommonplaceError('parse_error', `${fileName}: is not a valid ZIP container (${what})`);
}

export function bomb(fileName: string, what: string): CommonplaceError {
  return new CommonplaceError('too_large', `${fileName}: refused as a possible ZIP bomb (${what})`);
}

/** The central directory's entries, checked against the entry-count and declared-size limits. */
export function listZip(
  bytes: Uint8Array,
  fileName: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number): number => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const u16 = (at: number): number => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);

  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0)
    throw corrupt(fileName, 'no end of central directory; the file is truncated or not a ZIP');
  const count = u16(eocd + 10);
  const cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdOffset === ZIP64_MARKER)
    throw corrupt(fileName, 'ZIP64 archives are not supported');
  if (count > limits.maxEntries)
    throw bomb(fileName, `${count} entries; the limit is ${limits.maxEntries}`);

  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL_SIGNATURE)
      throw corrupt(fileName, `central directory entry ${i + 1} is damaged`);
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const declaredSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const localOffset = u32(at + 42);
    if (commentLength < 0 || at + 46 + nameLength > bytes.length)
      throw corrupt(fileName, `central directory entry ${i + 1} runs past the end`);
    if (
      compressedSize === ZIP64_MARKER ||
      declaredSize === ZIP64_MARKER ||
      localOffset === ZIP64_MARKER
    ) {
      throw corrupt(fileName, 'ZIP64 entries are not supported');
    }
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: UTF-8 names; older tools wrote CP437, which only matters for non-ASCII names we never look up.
    const name = new TextDecoder((flags & 0x800) !== 0 ? 'utf-8' : 'latin1').decode(rawName);
    if (declaredSize > limits.maxEntryBytes && !limits.listOversized)
      throw bomb(
        fileName,
        `${name} declares ${declaredSize} bytes; the limit per entry is ${limits.maxEntryBytes}`,
      );
    if (declaredSize <= limits.maxEntryBytes) declaredTotal += declaredSize;
    entries.push({ name, method, compressedSize, declaredSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (declaredTotal > limits.maxTotalBytes) {
    throw bomb(
      fileName,
      `its entries declare ${declaredTotal} bytes; the limit is ${limits.maxTotalBytes}${limits.totalReason ? `, ${limits.totalReason}` : ''}`,
    );
  }
  return entries;
}
