/**
 * Reads a full-library JSON file without making one string of it: a library with gigabytes of
 * originals is more than one JavaScript string can hold (~512 MB), so `JSON.parse(readFile())`
 * can't read back what the export wrote. The file is scanned byte by byte in chunks; the outer
 * levels (the document object, `tables`, each table's array) are walked here and every value
 * below them — a row, a header field — is cut out and handed to `JSON.parse` on its own.
 * Scanning bytes is safe for UTF-8: no byte of a multi-byte character is an ASCII delimiter.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { CommonplaceError, errorMessage } from '../errors';

const CHUNK_BYTES = 4 << 20;

const enum B {
  Quote = 0x22,
  Backslash = 0x5c,
  Comma = 0x2c,
  Colon = 0x3a,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
  OpenBracket = 0x5b,
  CloseBracket = 0x5d,
}
const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const endsScalar = (b: number) =>
  b === B.Comma || b === B.CloseBrace || b === B.CloseBracket || isSpace(b);

/** Where the walk is inside one of the outer containers. */
type Expect = 'first' | 'key' | 'colon' | 'value' | 'next';

interface Container {
  kind: 'object' | 'array';
  /** The value being built: the document, `tables`, or a table's rows. */
  value: Record<string, unknown> | unknown[];
  /** Depth 0 is the document, 1 `tables`, 2 a table. */
  depth: number;
  expect: Expect;
  key: string | null;
  /** A table's array (depth 2): the table's name, and how many rows it had so far. */
  table?: string;
  rows?: number;
}

/**
 * Called with each row of each table as it is read, instead of keeping it: `index` is its place
 * in its table, `doc` the document's fields read so far (those before `tables` in the file).
 */
export type RowSink = (
  table: string,
  row: unknown,
  index: number,
  doc: Record<string, unknown>,
) => void;

/** A value being cut out: its bytes so far, and how to tell where it ends. */
interface Capture {
  parts: Buffer[];
  kind: 'nested' | 'string' | 'scalar';
  nesting: number;
  inString: boolean;
  escaped: boolean;
  /** Where the value goes once parsed. */
  put: (value: unknown) => void;
  /** Byte offset of its first byte, for messages. */
  at: number;
}

class Scanner {
  private stack: Container[] = [];
  private capture: Capture | null = null;
  private root: unknown = undefined;
  private done = false;
  private offset = 0;

  constructor(
    private readonly file: string,
    private readonly onRow?: RowSink,
  ) {}

  private fail(detail: string, at = this.offset): never {
    throw new CommonplaceError(
      'parse_error',
      `${this.file} is not valid JSON (${detail} at byte ${at}); it may be truncated.`,
    );
  }

  feed(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.capture) i = this.continueCapture(chunk, i);
      else i = this.step(chunk, i);
    }
    this.offset += chunk.length;
  }

  end(): unknown {
    const open = this.capture;
    if (open?.kind === 'scalar' && open.parts.length) this.finishCapture(open);
    else if (open) this.fail('the file ends inside a value');
    if (!this.done) this.fail('the file ends before the document does');
    return this.root;
  }

  /** Handles one byte (or a run of bytes) outside any capture; returns the next index. */
  private step(chunk: Buffer, i: number): number {
    const b = chunk[i]!;
    const at = this.offset + i;
    if (at === 0 && b === 0xef) return this.skipBom(chunk, i);
    if (isSpace(b)) return i + 1;
    if (this.done) this.fail('text after the end of the document', at);
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      // The document itself: an object is walked; anything else is parsed whole (and refused by the schema).
      if (b === B.OpenBrace) {
        const doc: Record<string, unknown> = {};
        this.root = doc;
        this.stack.push({ kind: 'object', value: doc, depth: 0, expect: 'first', key: null });
        return i + 1;
      }
      return this.startCapture(chunk, i, (v) => {
        this.root = v;
        this.done = true;
      });
    }
    if (top.kind === 'object') {
      if (top.expect === 'first' || top.expect === 'key') {
        if (b === B.CloseBrace && top.expect === 'first') return this.close(i);
        if (b !== B.Quote) this.fail('expected a property name', at);
        return this.startCapture(chunk, i, (k) => {
          top.key = k as string;
          top.expect = 'colon';
        });
      }
      if (top.expect === 'colon') {
        if (b !== B.Colon) this.fail('expected ":"', at);
        top.expect = 'value';
        return i + 1;
      }
      if (top.expect === 'next') {
        if (b === B.Comma) top.expect = 'key';
        else if (b === B.CloseBrace) return this.close(i);
        else this.fail('expected "," or "}"', at);
        return i + 1;
      }
      // A property's value: `tables` and its arrays are walked, the rest cut out.
      const key = top.key!;
      const target = top.value as Record<string, unknown>;
      const walk =
        (top.depth === 0 && key === 'tables' && b === B.OpenBrace) ||
        (top.depth === 1 && b === B.OpenBracket);
      top.expect = 'next';
      if (walk) {
        const value = b === B.OpenBrace ? {} : [];
        target[key] = value;
        const table = top.depth === 1 ? { table: key, rows: 0 } : {};
        this.stack.push({
          kind: b === B.OpenBrace ? 'object' : 'array',
          value,
          depth: top.depth + 1,
          expect: 'first',
          key: null,
          ...table,
        });
        return i + 1;
      }
      return this.startCapture(chunk, i, (v) => (target[key] = v));
    }
    // A table's array: each row is cut out.
    if (top.expect === 'next') {
      if (b === B.Comma) top.expect = 'value';
      else if (b === B.CloseBracket) return this.close(i);
      else this.fail('expected "," or "]"', at);
      return i + 1;
    }
    if (b === B.CloseBracket && top.expect === 'first') return this.close(i);
    top.expect = 'next';
    const rows = top.value as unknown[];
    const onRow = this.onRow;
    if (onRow && top.table !== undefined) {
      const table = top.table;
      const index = top.rows!++;
      return this.startCapture(chunk, i, (v) =>
        onRow(table, v, index, this.root as Record<string, unknown>),
      );
    }
    return this.startCapture(chunk, i, (v) => rows.push(v));
  }

  private skipBom(chunk: Buffer, i: number): number {
    if (chunk[i + 1] === 0xbb && chunk[i + 2] === 0xbf) return i + 3;
    this.fail('unexpected byte', this.offset + i);
  }

  private close(i: number): number {
    this.stack.pop();
    if (this.stack.length === 0) this.done = true;
    return i + 1;
  }

  private startCapture(chunk: Buffer, i: number, put: (v: unknown) => void): number {
    const b = chunk[i]!;
    const kind =
      b === B.OpenBrace || b === B.OpenBracket ? 'nested' : b === B.Quote ? 'string' : 'scalar';
    if (kind === 'scalar' && endsScalar(b)) this.fail('expected a value', this.offset + i);
    this.capture = {
      parts: [],
      kind,
      nesting: 0,
      inString: false,
      escaped: false,
      put,
      at: this.offset + i,
    };
    return this.continueCapture(chunk, i);
  }

  /** Advances through the captured value; returns the index after it (or the chunk's end). */
  private continueCapture(chunk: Buffer, from: number): number {
    const c = this.capture!;
    let i = from;
    let ended = false;
    if (c.kind === 'scalar') {
      while (i < chunk.length && !endsScalar(chunk[i]!)) i++;
      ended = i < chunk.length; // the delimiter is not part of it, and is read again by `step`
      c.parts.push(chunk.subarray(from, i));
    } else {
      for (; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (c.inString) {
          if (c.escaped) c.escaped = false;
          else if (b === B.Backslash) c.escaped = true;
          else if (b === B.Quote) {
            c.inString = false;
            if (c.kind === 'string') {
              ended = true;
              break;
            }
          }
        } else if (b === B.Quote) c.inString = true;
        else if (b === B.OpenBrace || b === B.OpenBracket) c.nesting++;
        else if (b === B.CloseBrace || b === B.CloseBracket) {
          if (--c.nesting === 0) {
            ended = true;
            break;
          }
        }
      }
      if (ended) i++; // the closing byte is part of the value
      c.parts.push(chunk.subarray(from, i));
    }
    if (ended) this.finishCapture(c);
    return i;
  }

  private finishCapture(c: Capture): void {
    this.capture = null;
    let value: unknown;
    try {
      value = JSON.parse(Buffer.concat(c.parts).toString('utf8'));
    } catch (e) {
      this.fail(`${errorMessage(e)} in the value starting`, c.at);
    }
    c.put(value);
  }
}

/**
 * The parsed document in `file` (any JSON value; the schema says whether it is a library). With
 * `onRow`, tables' rows go to it as they are read and their arrays stay empty: memory holds one
 * row at a time, whatever the file's size.
 */
export function readJsonDocument(file: string, chunkBytes = CHUNK_BYTES, onRow?: RowSink): unknown {
  let fd: number;
  try {
    // Non-blocking, so a FIFO is refused below instead of waiting forever for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new CommonplaceError('io_error', `Can't read ${file}: ${errorMessage(e)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory())
      throw new CommonplaceError('not_a_file', `${file}: is a folder, not a file`);
    if (!stat.isFile())
      throw new CommonplaceError(
        'not_a_file',
        `${file}: is not a regular file (a pipe, device or socket can't be restored from)`,
      );
    const scanner = new Scanner(file, onRow);
    const buffer = Buffer.allocUnsafe(chunkBytes);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, chunkBytes, null);
      } catch (e) {
        throw new CommonplaceError('io_error', `Can't read ${file}: ${errorMessage(e)}`);
      }
      if (n === 0) break;
      // Captured pieces keep views of the chunk: hand over a copy, not the reused buffer.
      scanner.feed(Buffer.from(buffer.subarray(0, n)));
    }
    return scanner.end();
  } finally {
    closeSync(fd);
  }
}
