/**
 * Bounded reading of ZIP containers (EPUB, DOCX).
 *
 * A ZIP's declared sizes can lie, and a few kilobytes can inflate to gigabytes, so nothing here
 * trusts them: the central directory is read first (entry count and declared sizes are checked
 * before anything is inflated), then each wanted entry is inflated in chunks with a running count
 * that stops at the per-entry and total caps, whatever the headers said. Only the entries the
 * caller asks for are inflated (images and fonts of a book are never touched).
 */
import { Inflate } from 'fflate';
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
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARKER = 0xffffffff;
/** Compressed bytes fed per step: deflate tops out near 1:1032, so one step inflates at most ~8 MB. */
const CHUNK = 8 * 1024;

function corrupt(fileName: string, what: string): CommonplaceError {
  return new CommonplaceError('parse_error', `${fileName}: is not a valid ZIP container (${what})`);
}

function bomb(fileName: string, what: string): CommonplaceError {
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
    if (declaredSize > limits.maxEntryBytes)
      throw bomb(
        fileName,
        `${name} declares ${declaredSize} bytes; the limit per entry is ${limits.maxEntryBytes}`,
      );
    declaredTotal += declaredSize;
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

/** A reader over one ZIP whose inflated bytes count against one shared budget. */
export class ZipReader {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private inflatedTotal = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fileName: string,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    this.entries = listZip(bytes, fileName, limits);
    for (const e of this.entries) if (!this.byName.has(e.name)) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The entry's bytes, or null when there is no such entry. */
  read(name: string): Uint8Array | null {
    const entry = this.byName.get(name);
    return entry ? this.inflate(entry) : null;
  }

  /** The entry as UTF-8 text (a BOM is dropped), or null. */
  readText(name: string): string | null {
    const bytes = this.read(name);
    return bytes === null ? null : new TextDecoder('utf-8').decode(bytes);
  }

  private inflate(entry: ZipEntry): Uint8Array {
    const { bytes, fileName, limits } = this;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const at = entry.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE)
      throw corrupt(fileName, `${entry.name}: local header is missing`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length)
      throw corrupt(fileName, `${entry.name}: data runs past the end of the file`);
    const data = bytes.subarray(start, end);

    const entryCap = limits.maxEntryBytes;
    const budget = limits.maxTotalBytes - this.inflatedTotal;
    const overflow = (size: number): CommonplaceError =>
      size > entryCap
        ? bomb(fileName, `${entry.name} inflates past ${entryCap} bytes`)
        : bomb(
            fileName,
            `its entries inflate past ${limits.maxTotalBytes} bytes${limits.totalReason ? `, ${limits.totalReason}` : ''}`,
          );

    if (entry.method === 0) {
      if (data.length > Math.min(entryCap, budget)) throw overflow(data.length);
      this.inflatedTotal += data.length;
      return data;
    }
    if (entry.method !== 8)
      throw corrupt(fileName, `${entry.name}: compression method ${entry.method} is not supported`);

    const chunks: Uint8Array[] = [];
    let size = 0;
    let exceeded = false;
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      if (size > entryCap || size > budget) exceeded = true;
      else chunks.push(chunk);
    });
    try {
      // fflate inflates each push in one go: slices keep a bomb's overshoot past the cap small.
      for (let off = 0; off < data.length && !exceeded; off += CHUNK) {
        inflater.push(
          data.subarray(off, Math.min(off + CHUNK, data.length)),
          off + CHUNK >= data.length,
        );
      }
    } catch {
      throw corrupt(fileName, `${entry.name}: compressed data is damaged`);
    }
    if (exceeded) throw overflow(size);
    this.inflatedTotal += size;
    const out = new Uint8Array(size);
    let pos = 0;
    for (const c of chunks) {
      out.set(c, pos);
      pos += c.length;
    }
    return out;
  }
}
