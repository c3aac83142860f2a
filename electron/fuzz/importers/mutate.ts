/**
 * Mutations of real inputs, driven by a seeded PRNG: byte-level damage (flips, interesting
 * values, inserted, deleted and repeated ranges, truncation, foreign magic bytes) and text-level
 * hostility (BOMs, UTF-16, invalid UTF-8, lone surrogates, RTL and bidi controls, combining
 * stacks, NULs, odd line ends). Each returns what it did, for the reproduction line.
 */
export type Rng = () => number;

export const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)]!;

export interface Mutated {
  bytes: Uint8Array;
  how: string;
}

/** Makes one hostile input of roughly `scale` times its base size. */
export type Generator = (rng: Rng, scale: number) => Mutated;

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const INTERESTING = [0x00, 0xff, 0x7f, 0x80, 0x0a, 0x0d, 0x3c, 0x3e, 0x22, 0x25, 0x50, 0x4b];

/** Magic bytes of other formats, put where a file's own should be. */
export const MAGICS: Record<string, Uint8Array> = {
  pdf: new TextEncoder().encode('%PDF-1.7\n'),
  zip: Uint8Array.of(0x50, 0x4b, 0x03, 0x04),
  png: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  gzip: Uint8Array.of(0x1f, 0x8b, 0x08, 0x00),
  elf: Uint8Array.of(0x7f, 0x45, 0x4c, 0x46),
  html: new TextEncoder().encode('<!doctype html>'),
  utf16bom: Uint8Array.of(0xff, 0xfe),
  jpeg: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0),
};

export function mutateBytes(rng: Rng, input: Uint8Array): Mutated {
  const b = input.slice();
  const n = b.length || 1;
  switch (int(rng, 8)) {
    case 0: {
      const k = 1 + int(rng, 8);
      for (let i = 0; i < k; i++) {
        const j = int(rng, n);
        b[j] = (b[j] ?? 0) ^ (1 << int(rng, 8));
      }
      return { bytes: b, how: `flip ${k} bits` };
    }
    case 1: {
      const k = 1 + int(rng, 16);
      for (let i = 0; i < k; i++) b[int(rng, n)] = pick(rng, INTERESTING);
      return { bytes: b, how: `set ${k} bytes to boundary values` };
    }
    case 2: {
      const at = int(rng, n);
      const junk = Uint8Array.from({ length: 1 + int(rng, 64) }, () => int(rng, 256));
      return {
        bytes: concat(b.subarray(0, at), junk, b.subarray(at)),
        how: `insert ${junk.length} random bytes at ${at}`,
      };
    }
    case 3: {
      const at = int(rng, n);
      const len = 1 + int(rng, Math.max(1, n >> 3));
      return {
        bytes: concat(b.subarray(0, at), b.subarray(at + len)),
        how: `delete ${len} bytes at ${at}`,
      };
    }
    case 4: {
      const at = int(rng, n);
      const len = 1 + int(rng, Math.min(4096, n - at));
      const times = 2 + int(rng, 30);
      const chunk = b.subarray(at, at + len);
      return {
        bytes: concat(b.subarray(0, at), ...Array(times).fill(chunk), b.subarray(at + len)),
        how: `repeat ${len} bytes at ${at} ${times} times`,
      };
    }
    case 5: {
      const at = int(rng, n);
      return { bytes: b.subarray(0, at), how: `truncate to ${at} bytes` };
    }
    case 6: {
      const name = pick(rng, Object.keys(MAGICS));
      const magic = MAGICS[name]!;
      const replace = rng() < 0.5;
      return replace
        ? {
            bytes: concat(magic, b.subarray(magic.length)),
            how: `overwrite the start with ${name} magic`,
          }
        : { bytes: concat(magic, b), how: `prepend ${name} magic` };
    }
    default: {
      // A range copied over another: structure that refers to the wrong place.
      const from = int(rng, n);
      const to = int(rng, n);
      const len = 1 + int(rng, 256);
      b.set(input.subarray(from, from + len).subarray(0, Math.max(0, n - to)), to);
      return { bytes: b, how: `copy ${len} bytes from ${from} over ${to}` };
    }
  }
}

/** Characters that break naive text handling. */
const ODD = [
  '\u202e', // right-to-left override
  '\u200f\u200e', // RTL/LTR marks
  '\u2067\u2069', // isolates
  'a' + '\u0301'.repeat(64), // a combining stack
  '\u200d\u200c\ufeff', // joiners, a stray BOM
  '\u0000',
  '\u2028\u2029', // line/paragraph separators
  '\ufffd\uffff\ufffe', // replacement, noncharacters
  '\ud83c\udff3\ufe0f\u200d\ud83c\udf08', // an emoji ZWJ sequence
  'مرحبا بالعالم', // Arabic
  '\u0e01\u0e34\u0e4a\u0e4a\u0e4a', // Thai with stacked tones
  '\u{1d54f}\u{1d550}', // astral letters
  '\u0007\u001b[31m', // BEL, an ANSI escape
  '\ud800', // lone high surrogate (U+FFFD once UTF-8 encoded)
  '\udfff',
];

/** Raw byte sequences that are not UTF-8. */
const INVALID_UTF8 = [
  [0xc0, 0x80], // overlong NUL
  [0xed, 0xa0, 0x80], // an encoded surrogate (WTF-8)
  [0xf8, 0x88, 0x80, 0x80, 0x80], // 5-byte form
  [0xff],
  [0x80, 0x80], // stray continuations
  [0xe2, 0x82], // truncated sequence
  [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
];

function encodeUtf16(text: string, le: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  let at = 0;
  const put = (u: number) => {
    out[at++] = le ? u & 0xff : u >> 8;
    out[at++] = le ? u >> 8 : u & 0xff;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
  return out;
}

/** Text mutations: the input is decoded as UTF-8 (lossily) and re-encoded, or damaged in place. */
export function mutateText(rng: Rng, input: Uint8Array): Mutated {
  const text = new TextDecoder().decode(input);
  const enc = new TextEncoder();
  const at = (s: string) => int(rng, s.length + 1);
  switch (int(rng, 9)) {
    case 0: {
      let t = text;
      const k = 1 + int(rng, 12);
      for (let i = 0; i < k; i++) {
        const p = at(t);
        t = t.slice(0, p) + pick(rng, ODD) + t.slice(p);
      }
      return { bytes: enc.encode(t), how: `insert ${k} odd Unicode sequences` };
    }
    case 1: {
      const le = rng() < 0.7;
      const bom = rng() < 0.7;
      return {
        bytes: encodeUtf16(text, le, bom),
        how: `re-encode as UTF-16${le ? 'LE' : 'BE'}${bom ? ' with BOM' : ' without BOM'}`,
      };
    }
    case 2: {
      const boms = [
        [0xef, 0xbb, 0xbf],
        [0xff, 0xfe],
        [0xfe, 0xff],
        [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf],
        [0x00, 0x00, 0xfe, 0xff],
      ];
      const bom = pick(rng, boms);
      return {
        bytes: Uint8Array.from([...bom, ...input]),
        how: `prepend BOM ${bom.map((x) => x.toString(16)).join(' ')}`,
      };
    }
    case 3: {
      const parts: number[] = [...input];
      const k = 1 + int(rng, 10);
      for (let i = 0; i < k; i++)
        parts.splice(int(rng, parts.length + 1), 0, ...pick(rng, INVALID_UTF8));
      return { bytes: Uint8Array.from(parts), how: `insert ${k} invalid UTF-8 sequences` };
    }
    case 4: {
      const nl = pick(rng, ['\r', '\r\n', '\u2028', '\u0085', '\n\n\n\n\n\n']);
      return {
        bytes: enc.encode(text.replace(/\r?\n/g, nl)),
        how: `line ends as ${JSON.stringify(nl)}`,
      };
    }
    case 5: {
      const k = 1 + int(rng, 40);
      let t = text;
      for (let i = 0; i < k; i++) {
        const p = at(t);
        t = t.slice(0, p) + '\u0000' + t.slice(p);
      }
      return { bytes: enc.encode(t), how: `insert ${k} NULs` };
    }
    case 6: {
      // Every letter followed by a combining mark, or the whole text wrapped in an RTL override.
      const t = rng() < 0.5 ? text.replace(/\p{L}/gu, (c) => c + '\u0308') : `\u202e${text}\u202c`;
      return { bytes: enc.encode(t), how: 'combining marks / RTL override throughout' };
    }
    case 7: {
      // A UTF-8 BOM with UTF-16 content, or the reverse: a BOM that lies.
      const lie = rng() < 0.5;
      return lie
        ? {
            bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...encodeUtf16(text, true, false)]),
            how: 'UTF-8 BOM over UTF-16LE text',
          }
        : { bytes: Uint8Array.from([0xff, 0xfe, ...input]), how: 'UTF-16LE BOM over UTF-8 text' };
    }
    default: {
      const t = [...text];
      const k = 1 + int(rng, 8);
      for (let i = 0; i < k && t.length; i++) t.splice(int(rng, t.length), 1 + int(rng, 20));
      return { bytes: enc.encode(t.join('')), how: `delete ${k} character ranges` };
    }
  }
}
