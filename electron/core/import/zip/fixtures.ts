/**
 * Test builders for ZIP containers: real archives through fflate, and a deflate bomb assembled
 * from one sync-flushed segment repeated (runs of zeros only ever refer one byte back, so the
 * segments concatenate into a valid stream) — a 1 GB entry in ~1 MB of memory and milliseconds.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { strToU8, zipSync, type Zippable } from 'fflate';

export function makeZip(
  files: Record<string, string | Uint8Array>,
  storedFirst?: string,
): Uint8Array {
  const entries: Zippable = {};
  // EPUB wants `mimetype` first and stored; object key order is insertion order.
  if (storedFirst !== undefined)
    entries[storedFirst] = [toBytes(files[storedFirst] ?? ''), { level: 0 }];
  for (const [name, content] of Object.entries(files))
    if (name !== storedFirst) entries[name] = toBytes(content);
  return zipSync(entries);
}

function toBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? strToU8(content) : content;
}

export interface BombOptions {
  /** The entry's name (e.g. `word/document.xml`, `OEBPS/chapter.xhtml`). */
  name: string;
  /** Real inflated size, in MiB. */
  mebibytes: number;
  /** Uncompressed size written in the headers; the true size when omitted. */
  declaredSize?: number;
  /** Entries placed before the bomb (stored). */
  before?: Record<string, string>;
}

export function makeZipBomb(opts: BombOptions): Uint8Array {
  const segment = deflateRawSync(new Uint8Array(1024 * 1024), {
    level: 9,
    finishFlush: constants.Z_SYNC_FLUSH,
  });
  const finalBlock = new Uint8Array([0x03, 0x00]);
  const data = new Uint8Array(segment.length * opts.mebibytes + finalBlock.length);
  for (let i = 0; i < opts.mebibytes; i++) data.set(segment, i * segment.length);
  data.set(finalBlock, segment.length * opts.mebibytes);
  const declared = opts.declaredSize ?? opts.mebibytes * 1024 * 1024;

  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const add = (name: string, method: number, body: Uint8Array, size: number): void => {
    const nameBytes = strToU8(name);
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    // CRC left at 0: the importer stops on size, never reaching a checksum.
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const cd = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, method, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    cd.set(nameBytes, 46);
    parts.push(local, body);
    central.push(cd);
    offset += local.length + body.length;
  };
  for (const [name, text] of Object.entries(opts.before ?? {})) {
    const body = strToU8(text);
    add(name, 0, body, body.length);
  }
  add(opts.name, 8, data, declared);
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, central.length, true);
  ev.setUint16(10, central.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, eocd];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of all) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}
