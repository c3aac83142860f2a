/**
 * An original file written as a delta against its article's text (UTF-8): runs copied from the
 * text and literal bytes between them. A text or Markdown import's file is mostly its article's
 * text (a title line before it, CRLF line ends, a BOM, front matter), so the delta is a few bytes
 * where a second, compressed copy of the text was a third of the library.
 *
 * Stream: ops until the end, each a varint `n`: even → `n / 2` literal bytes follow; odd → copy
 * `(n - 1) / 2` bytes of the text from the offset in the varint that follows. Pure: the caller
 * compresses it and checks the result against the file's sha256 (originalStore.ts).
 */

/** Shortest run worth a copy (shorter ones cost as much as their bytes). */
const MIN_RUN = 16;
/** The text is indexed every STEP bytes: every run of MIN_RUN + STEP - 1 bytes is found. */
const STEP = 8;

function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

class Writer {
  private readonly parts: Buffer[] = [];
  private head: number[] = [];
  literal(bytes: Buffer): void {
    if (!bytes.length) return;
    pushVarint(this.head, bytes.length * 2);
    this.flush();
    this.parts.push(bytes);
  }
  copy(from: number, length: number): void {
    pushVarint(this.head, length * 2 + 1);
    pushVarint(this.head, from);
  }
  private flush(): void {
    if (this.head.length) this.parts.push(Buffer.from(this.head));
    this.head = [];
  }
  done(): Buffer {
    this.flush();
    return Buffer.concat(this.parts);
  }
}

/** A 32-bit hash of `b[at, at + MIN_RUN)`: exact comparison follows every hit. */
function runHash(b: Uint8Array, at: number): number {
  let h = 0;
  for (let i = at; i < at + MIN_RUN; i++) h = (Math.imul(h, 31) + b[i]!) | 0;
  return h;
}
const OUT = Math.imul(31 ** 8, 31 ** 7) | 0; // 31^(MIN_RUN - 1), wrapped as the hash wraps
function rollHash(h: number, drop: number, add: number): number {
  return (Math.imul(h - Math.imul(drop, OUT), 31) + add) | 0;
}

/**
 * The delta of `file` against `text`, or null when the text covers less than half of the file
 * (then plain compression does as well).
 */
export function encodeDelta(file: Buffer, text: Buffer): Buffer | null {
  if (text.length < MIN_RUN) return null;
  const w = new Writer();
  // The common case, in native code: the whole text inside the file.
  const at = file.indexOf(text);
  if (at >= 0) {
    if (text.length * 2 < file.length) return null;
    w.literal(file.subarray(0, at));
    w.copy(0, text.length);
    w.literal(file.subarray(at + text.length));
    return w.done();
  }
  const index = new Map<number, number>();
  for (let i = 0; i + MIN_RUN <= text.length; i += STEP) {
    const h = runHash(text, i);
    if (!index.has(h)) index.set(h, i);
  }
  let copied = 0;
  let pending = 0; // start of the literal bytes not yet written
  let i = 0;
  let h = file.length >= MIN_RUN ? runHash(file, 0) : 0;
  while (i + MIN_RUN <= file.length) {
    const from = index.get(h);
    if (from !== undefined && file.compare(text, from, from + MIN_RUN, i, i + MIN_RUN) === 0) {
      let start = i;
      let src = from;
      while (start > pending && src > 0 && file[start - 1] === text[src - 1]) {
        start--;
        src--;
      }
      let end = i + MIN_RUN;
      let srcEnd = from + MIN_RUN;
      while (end < file.length && srcEnd < text.length && file[end] === text[srcEnd]) {
        end++;
        srcEnd++;
      }
      w.literal(file.subarray(pending, start));
      w.copy(src, end - start);
      copied += end - start;
      pending = i = end;
      if (i + MIN_RUN <= file.length) h = runHash(file, i);
      continue;
    }
    if (i + MIN_RUN < file.length) h = rollHash(h, file[i]!, file[i + MIN_RUN]!);
    i++;
  }
  w.literal(file.subarray(pending));
  return copied * 2 >= file.length ? w.done() : null;
}

/**
 * The file from its delta and text, or a one-line reason it can't be: every op is checked against
 * the stream, the text and `size` (a damaged stream can't write past the size it declares).
 */
export function decodeDelta(delta: Buffer, text: Buffer, size: number): Buffer | string {
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  let written = 0;
  const varint = (): number | null => {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (at >= delta.length || scale > 2 ** 49) return null;
      const b = delta[at++]!;
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
  };
  while (at < delta.length) {
    const n = varint();
    if (n === null) return 'a cut-off op';
    const length = Math.floor(n / 2);
    if (written + length > size) return `more than its ${size} bytes`;
    if (n % 2 === 0) {
      if (at + length > delta.length) return 'a cut-off literal';
      delta.copy(out, written, at, at + length);
      at += length;
    } else {
      const from = varint();
      if (from === null || from + length > text.length) return 'a copy from outside the text';
      text.copy(out, written, from, from + length);
    }
    written += length;
  }
  return written === size ? out : `${written} bytes, not ${size}`;
}
