/**
 * Bounded reading of ZIP containers (EPUB, DOCX).
 *
 * A ZIP's declared sizes can lie, and a few kilobytes can inflate to gigabytes, so nothing here
 * trusts them: the central directory is read first (`directory.ts`: entry count and declared sizes
 * are checked before anything is inflated), then each wanted entry is inflated in chunks with a
 * running count that stops at the per-entry and total caps, whatever the headers said. Only the
 * entries the caller asks for are inflated (images and fonts of a book are never touched).
 */
import { Inflate } from 'fflate';
import { CommonplaceError } from '../../errors';
import {
  bomb,
  corrupt,
  DEFAULT_ZIP_LIMITS,
  listZip,
  type ZipEntry,
  type ZipLimits,
} from './directory';

const LOCAL_SIGNATURE = 0x04034b50;
/** Compressed bytes fed per step: deflate tops out near 1:1032, so one step inflates at most ~8 MB. */
const CHUNK = 8 * 1024;

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
