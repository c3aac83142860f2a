// The installers' icons (drawn by resources/make-icon.mjs): each file is what its OS reads.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const RESOURCES = join(__dirname, '..', '..', 'resources');

/** Width and height from a PNG's IHDR. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('icons', () => {
  it('Linux: a PNG per size, named NxN.png, up to 512', () => {
    const names = readdirSync(join(RESOURCES, 'icons')).sort((a, b) => parseInt(a) - parseInt(b));
    expect(names).toEqual([
      '16x16.png',
      '24x24.png',
      '32x32.png',
      '48x48.png',
      '64x64.png',
      '128x128.png',
      '256x256.png',
      '512x512.png',
    ]);
    for (const name of names) {
      const n = parseInt(name);
      expect(pngSize(readFileSync(join(RESOURCES, 'icons', name)))).toEqual([n, n]);
    }
  });

  it('macOS: an icns whose entries are PNGs of the sizes their types promise, 16 to 1024', () => {
    const icns = readFileSync(join(RESOURCES, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const SIZE: Record<string, number> = {
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
    };
    const seen: string[] = [];
    for (let at = 8; at < icns.length;) {
      const type = icns.subarray(at, at + 4).toString('latin1');
      const length = icns.readUInt32BE(at + 4);
      expect(pngSize(icns.subarray(at + 8, at + length))).toEqual([SIZE[type], SIZE[type]]);
      seen.push(type);
      at += length;
    }
    expect(seen.sort()).toEqual(Object.keys(SIZE).sort());
  });

  it('Windows: an ico with PNG images from 16 to 256 (electron-builder requires 256)', () => {
    const ico = readFileSync(join(RESOURCES, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes: number[] = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const e = 6 + 16 * i;
      const size = ico[e] || 256;
      const png = ico.subarray(
        ico.readUInt32LE(e + 12),
        ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8),
      );
      expect(pngSize(png)).toEqual([size, size]);
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});
