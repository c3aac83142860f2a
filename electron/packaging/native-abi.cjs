// Reads which ABI a native module (.node) was built for WITHOUT loading it: the symbol
// `node_register_module_v<ABI>` that Node's module macros export, found in the file's own symbol
// table (ELF on Linux, Mach-O on macOS, PE exports on Windows). A module built with N-API exports
// `napi_register_module_v1` instead and runs under any ABI. Loading would only work for the ABI of
// the Node running us, and dlopen runs the module's constructors: reading is safer and works for
// every target platform from any host.
'use strict';

const fs = require('node:fs');

const NODE_PREFIX = 'node_register_module_v';
const NAPI_SYMBOL = 'napi_register_module_v1';

function cString(buf, at, end = buf.length) {
  if (at < 0 || at >= end) return '';
  let stop = buf.indexOf(0, at);
  if (stop === -1 || stop > end) stop = end;
  return buf.toString('latin1', at, stop);
}

/** Defined symbol names of an ELF file (.dynsym and .symtab). */
function elfSymbols(buf) {
  const is64 = buf[4] === 2;
  const le = buf[5] === 1;
  const u16 = (o) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const word = (o) =>
    is64 ? Number(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o)) : u32(o);
  const shoff = word(is64 ? 0x28 : 0x20);
  const shentsize = u16(is64 ? 0x3a : 0x2e);
  const shnum = u16(is64 ? 0x3c : 0x30);
  const sections = [];
  for (let i = 0; i < shnum; i++) {
    const h = shoff + i * shentsize;
    if (h + shentsize > buf.length) throw new Error('section headers run past the end of the file');
    sections.push(
      is64
        ? {
            type: u32(h + 4),
            offset: word(h + 0x18),
            size: word(h + 0x20),
            link: u32(h + 0x28),
            entsize: word(h + 0x38),
          }
        : {
            type: u32(h + 4),
            offset: u32(h + 0x10),
            size: u32(h + 0x14),
            link: u32(h + 0x18),
            entsize: u32(h + 0x24),
          },
    );
  }
  const names = [];
  for (const s of sections) {
    if (s.type !== 2 && s.type !== 11) continue; // SHT_SYMTAB, SHT_DYNSYM
    const strtab = sections[s.link];
    if (!strtab) continue;
    const entsize = s.entsize || (is64 ? 24 : 16);
    for (
      let o = s.offset;
      o + entsize <= s.offset + s.size && o + entsize <= buf.length;
      o += entsize
    ) {
      const shndx = u16(o + (is64 ? 6 : 14));
      if (shndx === 0) continue; // undefined: imported, not exported
      names.push(cString(buf, strtab.offset + u32(o), strtab.offset + strtab.size));
    }
  }
  return names;
}

/** Defined symbol names of one Mach-O image starting at `base` (without the leading underscore). */
function machoSymbols(buf, base) {
  const magic = buf.readUInt32LE(base);
  const is64 = magic === 0xfeedfacf;
  const ncmds = buf.readUInt32LE(base + 16);
  let cmd = base + (is64 ? 32 : 28);
  const names = [];
  for (let i = 0; i < ncmds; i++) {
    if (cmd + 8 > buf.length) throw new Error('load commands run past the end of the file');
    const kind = buf.readUInt32LE(cmd);
    const size = buf.readUInt32LE(cmd + 4);
    if (kind === 0x2) {
      // LC_SYMTAB: nlist entries and their string table, offsets relative to the image.
      const symoff = base + buf.readUInt32LE(cmd + 8);
      const nsyms = buf.readUInt32LE(cmd + 12);
      const stroff = base + buf.readUInt32LE(cmd + 16);
      const strsize = buf.readUInt32LE(cmd + 20);
      const entsize = is64 ? 16 : 12;
      for (let s = 0; s < nsyms; s++) {
        const o = symoff + s * entsize;
        if (o + entsize > buf.length) break;
        if ((buf[o + 4] & 0x0e) === 0) continue; // N_UNDF: imported
        names.push(cString(buf, stroff + buf.readUInt32LE(o), stroff + strsize).replace(/^_/, ''));
      }
    }
    if (size < 8) throw new Error('a load command has an impossible size');
    cmd += size;
  }
  return names;
}

/** Exported names of a PE (Windows DLL) file. */
function peSymbols(buf) {
  const pe = buf.readUInt32LE(0x3c);
  if (buf.readUInt32LE(pe) !== 0x00004550) throw new Error('no PE signature');
  const coff = pe + 4;
  const nsections = buf.readUInt16LE(coff + 2);
  const optSize = buf.readUInt16LE(coff + 16);
  const opt = coff + 20;
  const plus = buf.readUInt16LE(opt) === 0x20b;
  const exportRva = buf.readUInt32LE(opt + (plus ? 112 : 96));
  if (!exportRva) return [];
  const sections = [];
  for (let i = 0; i < nsections; i++) {
    const h = opt + optSize + i * 40;
    sections.push({
      vsize: buf.readUInt32LE(h + 8),
      va: buf.readUInt32LE(h + 12),
      rawSize: buf.readUInt32LE(h + 16),
      raw: buf.readUInt32LE(h + 20),
    });
  }
  const offset = (rva) => {
    const s = sections.find((x) => rva >= x.va && rva < x.va + Math.max(x.vsize, x.rawSize));
    if (!s) throw new Error(`RVA 0x${rva.toString(16)} is in no section`);
    return rva - s.va + s.raw;
  };
  const dir = offset(exportRva);
  const count = buf.readUInt32LE(dir + 24);
  const namesAt = offset(buf.readUInt32LE(dir + 32));
  const names = [];
  for (let i = 0; i < count; i++)
    names.push(cString(buf, offset(buf.readUInt32LE(namesAt + i * 4))));
  return names;
}

/** The file's format and the defined/exported symbol names of each image in it. */
function symbolTables(buf) {
  if (buf.length >= 64 && buf.readUInt32BE(0) === 0x7f454c46)
    return { format: 'ELF', images: [elfSymbols(buf)] };
  if (buf.length >= 64 && buf.toString('latin1', 0, 2) === 'MZ')
    return { format: 'PE', images: [peSymbols(buf)] };
  if (buf.length >= 32) {
    const le = buf.readUInt32LE(0);
    if (le === 0xfeedfacf || le === 0xfeedface)
      return { format: 'Mach-O', images: [machoSymbols(buf, 0)] };
    const be = buf.readUInt32BE(0);
    if (be === 0xcafebabe || be === 0xcafebabf) {
      // Universal binary: one image per architecture.
      const wide = be === 0xcafebabf;
      const count = buf.readUInt32BE(4);
      const images = [];
      for (let i = 0; i < count; i++) {
        const h = 8 + i * (wide ? 32 : 20);
        const offset = wide ? Number(buf.readBigUInt64BE(h + 8)) : buf.readUInt32BE(h + 8);
        images.push(machoSymbols(buf, offset));
      }
      return { format: 'Mach-O universal', images };
    }
  }
  return null;
}

/**
 * The ABI stamp of a native module. Returns { ok: true, format, abi } (abi: the NODE_MODULE_VERSION,
 * or 'napi' for an ABI-independent module) or { ok: false, reason }.
 */
function readNativeAbi(file) {
  let buf;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, reason: `cannot read it (${e.code || e.message})` };
  }
  return readNativeAbiFrom(buf);
}

/** readNativeAbi for bytes already in memory (a file inside app.asar). */
function readNativeAbiFrom(buf) {
  let tables;
  try {
    tables = symbolTables(buf);
  } catch (e) {
    return { ok: false, reason: `its symbol table is damaged (${e.message})` };
  }
  if (!tables)
    return { ok: false, reason: 'it is not a native library (neither ELF, Mach-O nor PE)' };
  const abis = new Set();
  for (const names of tables.images) {
    const stamp = names.find(
      (n) => n.startsWith(NODE_PREFIX) && /^\d+$/.test(n.slice(NODE_PREFIX.length)),
    );
    if (stamp) abis.add(Number(stamp.slice(NODE_PREFIX.length)));
    else if (names.includes(NAPI_SYMBOL)) abis.add('napi');
    else
      return {
        ok: false,
        reason: `it exports neither ${NODE_PREFIX}<ABI> nor ${NAPI_SYMBOL} (${tables.format})`,
      };
  }
  if (abis.size > 1)
    return { ok: false, reason: `its architectures disagree on the ABI (${[...abis].join(', ')})` };
  return { ok: true, format: tables.format, abi: [...abis][0] };
}

module.exports = { readNativeAbi, readNativeAbiFrom };
