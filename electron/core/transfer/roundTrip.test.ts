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
import { SYNC_TABLES } from '../sync/tables';
import { LibraryDocumentSchema, STORAGE_COLUMNS, TABLE_NAMES, TABLES } from './schema';

const tempDir = useTempDir();
const HARVARD = readFileSync(join(__dirname, '../citations/fixtures/harvard-test.csl'), 'utf8');

/** Every row of a table, every column (bytes as hex), in a fixed order. */
function dump(db: Database, table: string): unknown[] {
  return db
    .prepare<[], Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY 1, 2`)
    .all()
    .map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : v]),
      ),
    );
}

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A populated library: the export fixture, the shared article, generated articles, tags with colours, a metadata edit, notes, links, a deleted passage, an article in the trash, read state, a collection, reading places. */
async function populated(dir: string) {
  const f = await exportFixture(dir);
  const [shared] = await f.invoke('articles.importPaths', { paths: [SHARED_ARTICLE] });
  if (!shared || !shared.ok) throw new Error('shared article did not import');
  const generated: string[] = [];
  for (let i = 0; i < 20; i++) {
    const file = join(dir, `gen-${i}.md`);
    writeFileSync(
      file,
      `# Generated ${i}\n\nParagraph ${i} about harbours, tides and the town of Ulm ${i}.\n`,
    );
    const [r] = await f.invoke('articles.importPaths', { paths: [file] });
    if (r?.ok) generated.push(r.article.id);
  }
  // A saved page with a picture in a data: URL: the images table travels too.
  const page = join(dir, 'picture.html');
  writeFileSync(
    page,
    `<html><head><title>Quay</title></head><body><article><p>${'The quay at dawn, before the boats went out. '.repeat(4)}</p><figure><img src="data:image/png;base64,${PNG_BASE64}" alt="The quay"></figure><p>${'The boats came back at dusk. '.repeat(4)}</p></article></body></html>`,
  );
  const [pictured] = await f.invoke('articles.importPaths', { paths: [page] });
  if (!pictured?.ok) throw new Error('the page with a picture did not import');
  await f.invoke('articles.trash', { ids: [generated[19]!] });
  await f.invoke('articles.markRead', { ids: [generated[0]!, generated[1]!], read: true });
  await f.invoke('articles.markRead', { ids: [generated[1]!], read: false });
  await f.invoke('articles.setReadingPlace', { id: generated[0]!, offset: 10 });
  await f.invoke('articles.setReadingPlace', { id: generated[2]!, offset: 5 });
  await f.invoke('collections.add', { name: 'Harbours', ids: [generated[0]!, f.shared.id] });
  await f.invoke('collections.create', { name: 'Empty one' });
  await f.invoke('tags.create', { name: 'Coloured', color: '#ffcc00' });
  await f.invoke('articles.setTags', { id: f.shared.id, tags: ['Coloured', 'news'] });
  await f.invoke('passages.delete', { id: f.passages.minus.id });
  await f.invoke('articles.setMeta', { id: f.shared.id, patch: { volume: '7' } });
  await f.invoke('citations.addStyle', { fileName: 'harvard-test.csl', text: HARVARD });
  const note = await f.invoke('notes.create', {
    title: 'Reading notes',
    markdown: '# Heading\n\nA note about **trade**.',
    tags: ['Coloured', 'trade'],
  });
  await f.invoke('links.create', {
    from: { kind: 'note', id: note.id },
    to: { kind: 'passage', id: f.passages.trade.id },
    relation: 'cites',
  });
  await f.invoke('links.create', {
    from: { kind: 'article', id: f.shared.id },
    to: { kind: 'note', id: note.id },
    relation: 'see also',
  });
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
    const counts = await importLibraryJson(dst.library.db, file);
    expect(counts).toEqual(written.counts);
    for (const t of TABLE_NAMES)
      expect(dump(dst.library.db, t), t).toEqual(dump(src.library.db, t));

    // The copy works: search finds article text and passages, passages and links list, note reads.
    const hits = await dst.invoke('search.query', { query: 'harbours' });
    expect(JSON.stringify(hits)).toContain('Generated 3');
    const tradeHits = await dst.invoke('search.query', {
      query: 'mutual settlements',
      kind: 'passage',
    });
    expect(JSON.stringify(tradeHits)).toContain(src.passages.trade.id);
    const passages = await dst.invoke('passages.list', { articleId: src.shared.id });
    expect(passages.map((p) => p.id)).toEqual(
      (await src.invoke('passages.list', { articleId: src.shared.id })).map((p) => p.id),
    );
    const links = await dst.invoke('links.list', { kind: 'passage', id: src.passages.trade.id });
    expect(links).toEqual(
      await src.invoke('links.list', { kind: 'passage', id: src.passages.trade.id }),
    );
    expect((await dst.invoke('notes.get', { id: src.note.id })).title).toBe('Reading notes');
    src.library.close();
    dst.library.close();
  });

  it('carries every column of every table it restores (a new column must extend the schema)', () => {
    const t = openTestLibrary(tempDir());
    for (const table of TABLE_NAMES) {
      const cols = t.library.db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
        .all()
        .map((c) => c.name);
      expect(
        [...Object.keys(TABLES[table].shape), ...(STORAGE_COLUMNS[table] ?? [])].sort(),
        table,
      ).toEqual(cols.sort());
    }
    t.library.close();
  });

  it('carries every table that holds user data (a new table must join the export, or be named derived)', () => {
    // Rebuilt by triggers on restore, so left out of the document (see schema.ts); and
    // trash_actions, this device's Undo bookkeeping (no Undo survives into a restored library).
    const DERIVED = ['changes', 'passage_search_ids', 'article_order', 'trash_actions'];
    const t = openTestLibrary(tempDir());
    const all = t.library.db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    const virtual = all.filter((r) => /^CREATE VIRTUAL/i.test(r.sql)).map((r) => r.name);
    const stored = all
      .map((r) => r.name)
      // Virtual tables (search indexes) and their shadow tables are derived.
      .filter((n) => !virtual.some((v) => n === v || n.startsWith(`${v}_`)))
      .filter((n) => !DERIVED.includes(n))
      .filter((n) => !SYNC_TABLES.some((s) => s === n));
    expect(stored.sort()).toEqual([...TABLE_NAMES].sort());
    t.library.close();
  });

  it('refuses an added style whose file is not a CSL style, or whose row contradicts its file, naming the row', async () => {
    const src = await populated(join(tempDir(), ''));
    const doc = libraryDocument(src.library.db);
    src.library.close();
    const restore = async (style: Record<string, unknown>): Promise<string> => {
      const file = join(tempDir(), 'library.json');
      writeFileSync(
        file,
        JSON.stringify({ ...doc, tables: { ...doc.tables, citation_styles: [style] } }),
      );
      const dst = openTestLibrary(tempDir());
      try {
        await importLibraryJson(dst.library.db, file);
        return 'restored';
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      } finally {
        dst.library.close();
      }
    };
    const [style] = doc.tables.citation_styles;
    expect(style).toBeDefined();
    expect(await restore({ ...style })).toBe('restored');
    expect(await restore({ ...style, xml: '<svg xmlns="http://www.w3.org/2000/svg"/>' })).toMatch(
      /citation_styles\[0\].*not a CSL style/,
    );
    expect(await restore({ ...style, title: 'Another title' })).toMatch(
      /citation_styles\[0\].*<title>/,
    );
  });

  it('refuses a library that is not empty, writing nothing', async () => {
    const src = await exportFixture(tempDir());
    const file = join(tempDir(), 'library.json');
    exportLibraryJson(src.library.db, file);
    const before = dump(src.library.db, 'passages');
    await expect(importLibraryJson(src.library.db, file)).rejects.toThrow(/not empty/);
    expect(dump(src.library.db, 'passages')).toEqual(before);
    src.library.close();
  });

  describe('bad input: a clear message naming the field, nothing written', async () => {
    const fail = async (json: string): Promise<string> => {
      const dst = openTestLibrary(tempDir());
      try {
        const file = join(tempDir(), 'bad.json');
        writeFileSync(file, json);
        await importLibraryJson(dst.library.db, file);
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
      await src.invoke('notes.create', { title: 'A note', markdown: 'Some **text**.' });
      const doc = libraryDocument(src.library.db);
      src.library.close();
      return doc;
    };

    it('truncated or malformed JSON', async () => {
      const text = JSON.stringify(await good());
      expect(await fail(text.slice(0, text.length / 2))).toMatch(/not valid JSON.*truncated/);
      expect(await fail('')).toMatch(/not valid JSON/);
      expect(await fail('[]')).toMatch(/\(document\)/);
    });
    it('a wrong format or version', async () => {
      const doc = await good();
      expect(await fail(JSON.stringify({ ...doc, version: 7 }))).toMatch(
        /version: must be 1, 2, 3, 4, 5 or 6/,
      );
      expect(await fail(JSON.stringify({ ...doc, format: 'zotero' }))).toMatch(
        /format: must be "commonplace-library"/,
      );
    });
    it('tables out of order, a table no library has, a header after the rows that is wrong', async () => {
      const doc = await good();
      const { passages, ...rest } = doc.tables;
      // Passages before the articles they belong to: the message says which order rows must come in.
      expect(await fail(JSON.stringify({ ...doc, tables: { passages, ...rest } }))).toMatch(
        /tables\.passages\[0\] \(id [0-9a-f-]+\)\.article_id: refers to articles id "[^"]+", which is not in the file before it \(a library export lists its tables in this order: originals, images, articles,/,
      );
      // Tags after the tables that use them.
      const { tags, ...others } = doc.tables;
      expect(await fail(JSON.stringify({ ...doc, tables: { ...others, tags } }))).toMatch(
        /tables\.\w+_tags\[0\]\.tag_id: refers to tags id "[^"]+", which is not in the file before it/,
      );
      const empty = Object.fromEntries(TABLE_NAMES.map((t) => [t, []]));
      // Keys keep their first place: tags, then originals, then the rest (empty).
      const swapped = Object.assign({ tags: null, originals: null }, empty, {
        tags: [doc.tables.tags[0]],
        originals: [doc.tables.originals[0]],
      });
      expect(await fail(JSON.stringify({ ...doc, tables: swapped }))).toMatch(
        /tables\.originals comes after tables\.tags; a library export lists its tables in this order/,
      );
      expect(
        await fail(JSON.stringify({ ...doc, tables: { ...doc.tables, secrets: [{ a: 1 }] } })),
      ).toMatch(/tables\.secrets: is not a table of a library/);
      const { format: _format, version: _version, ...late } = doc;
      expect(await fail(JSON.stringify({ ...late, format: doc.format, version: 7 }))).toMatch(
        /version: must be 1, 2, 3, 4, 5 or 6/,
      );
      expect(
        await fail(JSON.stringify({ ...doc, tables: { ...doc.tables, notes: undefined } })),
      ).toMatch(/tables\.notes: /);
    });
    it('a passage pointing to a missing article', async () => {
      const doc = await good();
      doc.tables.passages[0]!.article_id = '01900000-0000-7000-8000-000000000000';
      expect(await fail(JSON.stringify(doc))).toMatch(
        /tables\.passages\[0\] \(id [0-9a-f-]+\)\.article_id: refers to articles id "01900000-0000-7000-8000-000000000000"/,
      );
    });
    it('a field of the wrong type, bad base64, a duplicate id', async () => {
      const doc = await good();
      const wrongType = structuredClone(doc);
      (wrongType.tables.passages[1] as { start: unknown }).start = 'seven';
      expect(await fail(JSON.stringify(wrongType))).toMatch(
        /tables\.passages\[1\] \(id [0-9a-f-]+\)\.start: Invalid input: expected number/,
      );
      const badBytes = structuredClone(doc);
      badBytes.tables.originals[0]!.bytes = '***';
      expect(await fail(JSON.stringify(badBytes))).toMatch(
        /tables\.originals\[0\] \(hash [0-9a-f]+\)\.bytes: must be base64/,
      );
      const dup = structuredClone(doc);
      dup.tables.tags.push({ ...dup.tables.tags[0]!, name_key: 'other-key' });
      expect(await fail(JSON.stringify(dup))).toMatch(
        /tables\.tags\[\d+\] \(id [0-9a-f-]+\) can't be restored: UNIQUE/,
      );
    });
    describe('a row the API would refuse is refused too, naming the row (table, index, id) and the field', () => {
      type Doc = Awaited<ReturnType<typeof good>>;
      const cases: [string, (doc: Doc) => void, RegExp][] = [
        [
          'a body that is JSON but not a body',
          (d) => (d.tables.articles[0]!.body = '[]'),
          /tables\.articles\[0\] \(id [0-9a-f-]{36}\)\.body: Invalid input: expected object, received array/,
        ],
        [
          'an unknown block type',
          (d) =>
            (d.tables.articles[0]!.body = JSON.stringify({
              version: 1,
              blocks: [{ type: 'script', text: 'x' }],
            })),
          /tables\.articles\[0\] \(id [0-9a-f-]{36}\)\.body\.blocks\[0\]\.type: Invalid discriminator value\. Expected 'heading' \| 'paragraph'/,
        ],
        [
          'a passage past the end of its article',
          (d) => Object.assign(d.tables.passages[0]!, { start: 10_000_000, end: 10_000_005 }),
          /tables\.passages\[0\] \(id [0-9a-f-]{36}\)\.end: is 10000005, past the end of its article's text \(\d+ characters\)/,
        ],
        [
          'a passage ending before it starts',
          (d) => Object.assign(d.tables.passages[0]!, { start: 5, end: 5 }),
          /tables\.passages\[0\] \(id [0-9a-f-]{36}\)\.end: is 5, not after start \(5\)/,
        ],
        [
          'a passage colour',
          (d) => ((d.tables.passages[0] as { color: string }).color = 'red;background:url(x)'),
          /tables\.passages\[0\] \(id [0-9a-f-]{36}\)\.color: must be one of yellow, green/,
        ],
        [
          'a tag colour',
          (d) => (d.tables.tags[0]!.color = 'red'),
          /tables\.tags\[0\] \(id [0-9a-f-]{36}\)\.color: must be a colour like #ffcc00/,
        ],
        [
          'a date',
          (d) => (d.tables.articles[0]!.created_at = 'yesterday'),
          /tables\.articles\[0\] \(id [0-9a-f-]{36}\)\.created_at: must be a timestamp like/,
        ],
        [
          'an id',
          (d) => (d.tables.notes[0]!.id = '../../etc'),
          /tables\.notes\[0\] \(id \.\.\/\.\.\/etc\)\.id: must be a UUIDv7/,
        ],
        [
          'a source path to /etc/passwd',
          (d) => (d.tables.articles[0]!.source = '/etc/passwd'),
          /tables\.articles\[0\] \(id [0-9a-f-]{36}\)\.source: "\/etc\/passwd" is in a system folder \(\/etc\)/,
        ],
        [
          'a relative source path',
          (d) => (d.tables.articles[0]!.source = '../secret.txt'),
          /\.source: "\.\.\/secret\.txt" is not an absolute path/,
        ],
        [
          'a tag name over the limit',
          (d) => (d.tables.tags[0]!.name = 'x'.repeat(101)),
          /tables\.tags\[0\] \(id [0-9a-f-]{36}\)\.name: tag name is longer than 100 characters/,
        ],
        [
          'a note document of the wrong shape',
          (d) =>
            (d.tables.notes[0]!.doc = JSON.stringify({
              root: { type: 'root', children: [{ children: [] }] },
            })),
          /tables\.notes\[0\] \(id [0-9a-f-]{36}\)\.doc: note document: root\.children\.0\.type: missing node type/,
        ],
        [
          'a note document that is not Lexical',
          (d) => (d.tables.notes[0]!.doc = '[]'),
          /tables\.notes\[0\] \(id [0-9a-f-]{36}\)\.doc: Invalid input: expected object, received array/,
        ],
        [
          'a media type',
          (d) =>
            ((d.tables.originals[0] as { media_type: string }).media_type =
              'application/x-desktop'),
          /tables\.originals\[0\] \(hash [0-9a-f]{64}\)\.media_type: must be one of text\/plain/,
        ],
        [
          'an original whose size is not its bytes',
          (d) => (d.tables.originals[0]!.size += 1),
          /tables\.originals\[0\] \(hash [0-9a-f]{64}\)\.size: is \d+, but bytes hold \d+/,
        ],
        [
          'a link relation',
          (d) => (d.tables.links[0]!.relation = 'r'.repeat(61)),
          /tables\.links\[0\] \(id [0-9a-f-]{36}\)\.relation: must be a relation of 1 to 60 characters/,
        ],
      ];
      for (const [what, spoil, message] of cases) {
        it(what, async () => {
          const doc = await good();
          spoil(doc);
          expect(await fail(JSON.stringify(doc))).toMatch(message);
        });
      }

      it('a 50 MB text, over the 20 MB limit of a text article', async () => {
        const doc = await good();
        const article = doc.tables.articles[0]!;
        expect(article.format).toBe('text');
        article.text = 'word '.repeat(10 * 1024 * 1024);
        article.body = JSON.stringify({
          version: 1,
          blocks: [{ type: 'paragraph', content: [{ text: article.text }] }],
        });
        expect(await fail(JSON.stringify(doc))).toMatch(
          /tables\.articles\[0\] \(id [0-9a-f-]{36}\)\.text: is 50\.0 MB, over the 20\.0 MB limit for a text article/,
        );
      });
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
