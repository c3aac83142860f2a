#!/usr/bin/env node
// Draws the app icon (resources/icon.png, 1024×1024 RGBA) without any image library:
// a teal rounded square, a cream page with lines of text, a red bookmark ribbon.
// electron-builder derives the macOS .icns and Windows .ico from this PNG.
//   node resources/make-icon.mjs [size]
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = Number(process.argv[2] ?? 1024);
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
const lines = [0.4, 0.48, 0.56, 0.64, 0.72].map((y, i) => roundedRect(0.3, y, i % 3 === 2 ? 0.56 : 0.7, y + 0.025, 0.0125));
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

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  const row = py * (SIZE * 4 + 1);
  raw[row] = 0; // PNG filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colorAt((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE);
        if (!c) continue;
        r += c[0]; g += c[1]; b += c[2]; a += 1;
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

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = join(dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png);
console.log(`wrote ${out} (${SIZE}×${SIZE}, ${png.length} bytes)`);
