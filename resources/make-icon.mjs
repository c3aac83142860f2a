#!/usr/bin/env node
// Draws the app icon without any image library: a teal rounded square, a cream page with lines
// of text, a red bookmark ribbon. Writes every icon packaging needs (electron-builder.yml):
//   icon.png            1024×1024, the window icon and the source of the others
//   icons/NxN.png       Linux (16…512), installed into the hicolor theme by deb/AppImage
//   icon.icns           macOS (PNG entries 16…1024)
//   icon.ico            Windows (PNG entries 16…256)
//   node resources/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SAMPLES = 4; // 4×4 supersampling for smooth edges

// Shapes in unit coordinates (0..1); each returns true when (x, y) is inside.
function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}
const tile = roundedRect(0.04, 0.04, 0.96, 0.96, 0.2);
const page = roundedRect(0.22, 0.16, 0.78, 0.86, 0.035);
const lines = [0.4, 0.48, 0.56, 0.64, 0.72].map((y, i) =>
  roundedRect(0.3, y, i % 3 === 2 ? 0.56 : 0.7, y + 0.025, 0.0125),
);
// Ribbon hanging from the page's top edge, with a V notch at the bottom.
const ribbon = (x, y) => {
  if (x < 0.6 || x > 0.7 || y < 0.12 || y > 0.32) return false;
  const notchDepth = 0.05 * (1 - Math.abs(x - 0.65) / 0.05);
  return y <= 0.32 - notchDepth;
};

const TEAL_TOP = [34, 94, 110];
const TEAL_BOTTOM = [20, 58, 72];
const CREAM = [250, 246, 236];
const INK = [150, 160, 166];
const RED = [214, 72, 58];

function colorAt(x, y) {
  if (ribbon(x, y)) return RED;
  if (page(x, y)) return lines.some((l) => l(x, y)) ? INK : CREAM;
  if (tile(x, y)) return TEAL_TOP.map((c, i) => Math.round(c + (TEAL_BOTTOM[i] - c) * y));
  return null;
}

/** RGBA scanlines (PNG filter byte first) of the icon at size×size. */
function render(SIZE) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    const row = py * (SIZE * 4 + 1);
    raw[row] = 0; // PNG filter: none
    for (let px = 0; px < SIZE; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colorAt((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = row + 1 + px * 4;
      // Colour averaged over covered samples (straight alpha), coverage as alpha.
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(render(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** macOS icon family: 'icns', total length, then (type, length, PNG) entries. */
function icns(pngs) {
  const TYPES = {
    16: 'icp4',
    32: 'icp5',
    64: 'icp6',
    128: 'ic07',
    256: 'ic08',
    512: 'ic09',
    1024: 'ic10',
  };
  const entries = Object.entries(TYPES).map(([size, type]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + pngs[size].length, 4);
    return Buffer.concat([head, pngs[size]]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

/** Windows icon: ICONDIR, one ICONDIRENTRY per size, PNG-compressed images (Vista and later). */
function ico(pngs, sizes) {
  const dir = Buffer.alloc(6 + 16 * sizes.length);
  dir.writeUInt16LE(1, 2); // type: icon
  dir.writeUInt16LE(sizes.length, 4);
  let offset = dir.length;
  sizes.forEach((size, i) => {
    const e = 6 + 16 * i;
    dir[e] = size >= 256 ? 0 : size; // 0 means 256
    dir[e + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, e + 4); // planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(pngs[size].length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += pngs[size].length;
  });
  return Buffer.concat([dir, ...sizes.map((s) => pngs[s])]);
}

const here = dirname(fileURLToPath(import.meta.url));
const pngs = {};
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) pngs[size] = png(size);
const outputs = {
  'icon.png': pngs[1024],
  'icon.icns': icns(pngs),
  'icon.ico': ico(pngs, [16, 24, 32, 48, 64, 128, 256]),
};
for (const size of [16, 24, 32, 48, 64, 128, 256, 512])
  outputs[`icons/${size}x${size}.png`] = pngs[size];
mkdirSync(join(here, 'icons'), { recursive: true });
for (const [name, bytes] of Object.entries(outputs)) {
  writeFileSync(join(here, name), bytes);
  console.log(`wrote resources/${name} (${bytes.length} bytes)`);
}
