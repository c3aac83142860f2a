import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../test/library';
import { SHARED_ARTICLE, useTempDir } from '../../test/temp';
import { isCommonplaceError } from '../errors';
import { exportFixture } from '../export/testFixture';
import { exportLibraryJson, libraryDocument } from './exportJson';
import { importLibraryJson } from './importJson';
import { LibraryDocumentSchema, TABLE_NAMES, TABLES } from './schema';

const tempDir = useTempDir();

/** Every row of a table, every column (bytes as hex), in a fixed order. */
function dump(db: Database, table: string): unknown[] {
  return db
    .prepare<[], Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY 1, 2`)
    .all()
    .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : v])));
}

/** A populated library: the export fixture, the shared article, generated articles, tags with colours, notes, links, a deleted passage. */
async function populated(dir: string) {
  const f = await exportFixture(dir);
  const [shared] = await f.invoke('articles.importPaths', { paths: [SHARED_ARTICLE] });
  if (!shared || !shared.ok) throw new Error('shared article did not import');
  for (let i = 0; i < 20; i++) {
    const file = join(dir, `gen-${i}.md`);
    writeFileSync(file, `# Generated ${i}\n\nParagraph ${i} about harbours, tides and the town of Ulm ${i}.\n`);
    await f.invoke('articles.importPaths', { paths: [file] });
  }
  await f.invoke('tags.create', { name: 'Coloured', color: '#ffcc00' });
  await f.invoke('articles.setTags', { id: f.shared.id, tags: ['Coloured', 'news'] });
  await f.invoke('passages.delete', { id: f.passages.minus.id });
  const note = await f.invoke('notes.create', { title: 'Reading notes', markdown: '# Heading\n\nA note about **trade**.', tags: ['Coloured', 'trade'] });
  await f.invoke('links.create', { from: { kind: 'note', id: note.id }, to: { kind: 'passage', id: f.passages.trade.id }, relation: 'cites' });
  await f.invoke('links.create', { from: { kind: 'article', id: f.shared.id }, to: { kind: 'note', id: note.id }, relation: 'see also' });
  return { ...f, note };
}

describe('full-library JSON round trip', () => {
  it('restores every table row for row (ids, timestamps, bytes) into an empty library, and the copy works', async () => {
    const src = await populated(join(tempDir(), ''));
    const file = join(tempDir(), 'library.json');
    const written = exportLibraryJson(src.library.db, file);
    expect(written.counts.articles).toBeGreaterThanOrEqual(23);
    expect(written.counts.links).toBeGreaterThanOrEqual(3);
    for (const t of TABLE_NAMES) expect(written.counts[t], t).toBeGreaterThan(0);

    const dst = openTestLibrary(tempDir());
    const counts = importLibraryJson(dst.library.db, file);
    expect(counts).toEqual(written.counts);
    for (const t of TABLE_NAMES) expect(dump(dst.library.db, t), t).toEqual(dump(src.library.db, t));

    // The copy works: search finds article text and passages, passages and links list, note reads.
    const hits = await dst.invoke('search.query', { query: 'harbours' });
    expect(JSON.stringify(hits)).toContain('Generated 3');
    const tradeHits = await dst.invoke('search.query', { query: 'mutual settlements', kind: 'passage' });
    expect(JSON.stringify(tradeHits)).toContain(src.passages.trade.id);
    const passages = await dst.invoke('passages.list', { articleId: src.shared.id });
    expect(passages.map((p) => p.id)).toEqual((await src.invoke('passages.list', { articleId: src.shared.id })).map((p) => p.id));
    const links = await dst.invoke('links.list', { kind: 'passage', id: src.passages.trade.id });
    expect(links).toEqual(await src.invoke('links.list', { kind: 'passage', id: src.passages.trade.id }));
    expect((await dst.invoke('notes.get', { id: src.note.id })).title).toBe('Reading notes');
    src.library.close();
    dst.library.close();
  });

  it('carries every column of every table it restores (a new column must extend the schema)', () => {
    const t = openTestLibrary(tempDir());
    for (const table of TABLE_NAMES) {
      const cols = t.library.db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((c) => c.name);
      expect(Object.keys(TABLES[table].shape).sort(), table).toEqual(cols.sort());
    }
    t.library.close();
  });

  it('refuses a library that is not empty, writing nothing', async () => {
    const src = await exportFixture(tempDir());
    const file = join(tempDir(), 'library.json');
    exportLibraryJson(src.library.db, file);
    const before = dump(src.library.db, 'passages');
    expect(() => importLibraryJson(src.library.db, file)).toThrow(/not empty/);
    expect(dump(src.library.db, 'passages')).toEqual(before);
    src.library.close();
  });

  describe('bad input: a clear message naming the field, nothing written', async () => {
    const fail = (json: string): string => {
      const dst = openTestLibrary(tempDir());
      try {
        const file = join(tempDir(), 'bad.json');
        writeFileSync(file, json);
        importLibraryJson(dst.library.db, file);
        throw new Error('import succeeded');
      } catch (e) {
        if (!isCommonplaceError(e)) throw e;
        for (const t of TABLE_NAMES) expect(dump(dst.library.db, t), t).toEqual([]);
        return e.message;
      } finally {
        dst.library.close();
      }
    };
    const good = async () => {
      const src = await exportFixture(tempDir());
      const doc = libraryDocument(src.library.db);
      src.library.close();
      return doc;
    };

    it('truncated or malformed JSON', async () => {
      const text = JSON.stringify(await good());
      expect(fail(text.slice(0, text.length / 2))).toMatch(/not valid JSON.*truncated/);
      expect(fail('')).toMatch(/not valid JSON/);
      expect(fail('[]')).toMatch(/\(document\)/);
    });
    it('a wrong format or version', async () => {
      const doc = await good();
      expect(fail(JSON.stringify({ ...doc, version: 2 }))).toMatch(/version: must be 1/);
      expect(fail(JSON.stringify({ ...doc, format: 'zotero' }))).toMatch(/format: must be "commonplace-library"/);
    });
    it('tables out of order, a table no library has, a header after the rows that is wrong', async () => {
      const doc = await good();
      const { passages, ...rest } = doc.tables;
      // Passages before the articles they belong to: the message says which order rows must come in.
      expect(fail(JSON.stringify({ ...doc, tables: { passages, ...rest } }))).toMatch(/tables\.passages\[0\]\.article_id: refers to articles id "[^"]+", which is not in the file before it \(a library export lists its tables in this order: originals, articles,/);
      // Tags after the tables that use them.
      const { tags, ...others } = doc.tables;
      expect(fail(JSON.stringify({ ...doc, tables: { ...others, tags } }))).toMatch(/tables\.\w+_tags\[0\]\.tag_id: refers to tags id "[^"]+", which is not in the file before it/);
      const empty = Object.fromEntries(TABLE_NAMES.map((t) => [t, []]));
      // Keys keep their first place: tags, then originals, then the rest (empty).
      const swapped = Object.assign({ tags: null, originals: null }, empty, { tags: [doc.tables.tags[0]], originals: [doc.tables.originals[0]] });
      expect(fail(JSON.stringify({ ...doc, tables: swapped }))).toMatch(/tables\.originals comes after tables\.tags; a library export lists its tables in this order/);
      expect(fail(JSON.stringify({ ...doc, tables: { ...doc.tables, secrets: [{ a: 1 }] } }))).toMatch(/tables\.secrets: is not a table of a library/);
      const { format: _format, version: _version, ...late } = doc;
      expect(fail(JSON.stringify({ ...late, format: doc.format, version: 3 }))).toMatch(/version: must be 1/);
      expect(fail(JSON.stringify({ ...doc, tables: { ...doc.tables, notes: undefined } }))).toMatch(/tables\.notes: /);
    });
    it('a passage pointing to a missing article', async () => {
      const doc = await good();
      doc.tables.passages[0]!.article_id = 'no-such-article';
      expect(fail(JSON.stringify(doc))).toMatch(/tables\.passages\[0\]\.article_id: refers to articles id "no-such-article"/);
    });
    it('a field of the wrong type, bad base64, a duplicate id', async () => {
      const doc = await good();
      const wrongType = structuredClone(doc);
      (wrongType.tables.passages[1] as { start: unknown }).start = 'seven';
      expect(fail(JSON.stringify(wrongType))).toMatch(/tables\.passages\[1\]\.start/);
      const badBytes = structuredClone(doc);
      badBytes.tables.originals[0]!.bytes = '***';
      expect(fail(JSON.stringify(badBytes))).toMatch(/tables\.originals\[0\]\.bytes: must be base64/);
      const dup = structuredClone(doc);
      dup.tables.tags.push({ ...dup.tables.tags[0]!, name_key: 'other-key' });
      expect(fail(JSON.stringify(dup))).toMatch(/tables\.tags\[\d+\] can't be restored: UNIQUE/);
    });
  });

  it('keeps the exact text of a document (parse(export) is the export)', async () => {
    const src = await exportFixture(tempDir());
    const file = join(tempDir(), 'l.json');
    exportLibraryJson(src.library.db, file);
    const text = readFileSync(file, 'utf8');
    expect(JSON.stringify(LibraryDocumentSchema.parse(JSON.parse(text)))).toBe(text);
    src.library.close();
  });
});
