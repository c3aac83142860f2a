import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { isCommonplaceError } from '../errors';
import { exportFixture } from '../export/testFixture';
import { exportLibraryJson, libraryDocument } from './exportJson';
import { readJsonDocument } from './readDocument';

const tempDir = useTempDir();

function fileWith(text: string | Buffer): string {
  const file = join(tempDir(), 'doc.json');
  writeFileSync(file, text);
  return file;
}

/** Chunk sizes that put chunk edges inside keys, strings, escapes, numbers and multi-byte characters. */
const CHUNKS = [1, 2, 3, 7, 64, 4096];

const tricky = {
  format: 'commonplace-library',
  version: 1,
  schemaVersion: 6,
  exportedAt: '2026-11-28T00:00:00.000Z',
  extra: { nested: [1, [2, { three: null }]], flag: true, neg: -1.5e-3 },
  tables: {
    originals: [],
    articles: [
      { id: 'a', text: 'quotes " and \\ backslashes \\" and braces { [ ] } in text', lang: null },
      { id: 'b', text: '한국어 中文 日本語 עברית 😀 e\u0301 \u0000 \u2028', n: 0 },
    ],
    tags: [{ id: 't', name: '{"not":"json"}' }],
    odd: 'a table that is not an array',
  },
};

describe('readJsonDocument', () => {
  it('hands each table row to a sink as it is read, with the header read so far, keeping none', () => {
    for (const chunk of CHUNKS) {
      const seen: [string, unknown, number, unknown][] = [];
      const doc = readJsonDocument(
        fileWith(JSON.stringify(tricky)),
        chunk,
        (table, row, index, header) => seen.push([table, row, index, header.version]),
      );
      expect(seen).toEqual([
        ['articles', tricky.tables.articles[0], 0, 1],
        ['articles', tricky.tables.articles[1], 1, 1],
        ['tags', tricky.tables.tags[0], 0, 1],
      ]);
      expect(doc).toEqual({
        ...tricky,
        tables: { originals: [], articles: [], tags: [], odd: tricky.tables.odd },
      });
    }
  });

  it('reads what JSON.parse reads, whatever the chunk edges, layout, BOM or script', () => {
    for (const text of [
      JSON.stringify(tricky),
      JSON.stringify(tricky, null, 2),
      ` \n\t${JSON.stringify(tricky, null, '\t')}\r\n `,
    ]) {
      for (const chunk of CHUNKS)
        expect(readJsonDocument(fileWith(text), chunk), `chunk ${chunk}`).toEqual(JSON.parse(text));
    }
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(JSON.stringify(tricky)),
    ]);
    expect(readJsonDocument(fileWith(bom), 5)).toEqual(tricky);
  });

  it('reads documents that are not library objects as they are (the schema refuses them)', () => {
    for (const text of [
      '[]',
      '[1,{"a":2}]',
      '"text"',
      '42',
      'null',
      '{}',
      '{"tables":{}}',
      '{"tables":[1,2]}',
    ]) {
      for (const chunk of [1, 3, 4096])
        expect(readJsonDocument(fileWith(text), chunk), text).toEqual(JSON.parse(text));
    }
  });

  it('refuses malformed or truncated JSON with a parse_error naming the file and the byte', () => {
    const whole = JSON.stringify(tricky);
    const bad = [
      '',
      '   ',
      whole.slice(0, whole.length / 2),
      whole.slice(0, -1),
      `${whole} x`,
      `${whole}{}`,
      '{"a" 1}',
      '{"a":1,}',
      '{,"a":1}',
      '{"tables":{"x":[1,]}}',
      '{"tables":{"x":[1 2]}}',
      '{"a":tru}',
      '{"a":"unterminated}',
      "{'a':1}",
      '{"a":01}',
    ];
    for (const text of bad) {
      for (const chunk of [1, 4096]) {
        const file = fileWith(text);
        let error: unknown;
        try {
          readJsonDocument(file, chunk);
        } catch (e) {
          error = e;
        }
        expect(
          isCommonplaceError(error) && error.code,
          `${JSON.stringify(text.slice(0, 40))} chunk ${chunk}`,
        ).toBe('parse_error');
        expect((error as Error).message).toMatch(
          new RegExp(
            `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON \\(.*byte \\d+\\); it may be truncated`,
          ),
        );
      }
    }
  });

  it('a missing file is an io_error naming it', () => {
    const missing = join(tempDir(), 'nope.json');
    expect(() => readJsonDocument(missing)).toThrow(
      new RegExp(`Can't read ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });
});

describe('exportLibraryJson (streamed)', () => {
  it('writes exactly the text JSON.stringify gives for the whole document, in many pieces, and reads back equal', async () => {
    const src = await exportFixture(tempDir());
    // An original larger than the writer's 1 MB pieces, so the file is written in several.
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    src.library.db
      .prepare(
        "INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES (?, ?, ?, 'application/octet-stream', 'big.bin', '2026-01-01T00:00:00.000Z')",
      )
      .run('f'.repeat(64), big, big.length);
    const file = join(tempDir(), 'library.json');
    const result = exportLibraryJson(src.library.db, file);
    const text = readFileSync(file, 'utf8');
    const expected = libraryDocument(src.library.db);
    const written = JSON.parse(text) as typeof expected;
    expect(text).toBe(JSON.stringify({ ...expected, exportedAt: written.exportedAt }));
    expect(result.bytes).toBe(Buffer.byteLength(text));
    expect(result.counts.originals).toBe(expected.tables.originals.length);
    expect(readJsonDocument(file, 65536)).toEqual(written);
    src.library.close();
  });
});
