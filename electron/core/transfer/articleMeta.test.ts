/**
 * Citation metadata (article_meta, migration 10) survives export → restore: what an import found
 * and what the user edited, so every citation reads the same in the restored library.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { isCommonplaceError } from '../errors';
import { setImportedMeta } from '../articles/meta';
import { writeTransaction } from '../db/transactions';
import { CITATION_STYLES } from '../../model/export';
import { parseDateText } from '../../model/metaText';
import { exportFixture } from '../export/testFixture';
import { exportLibraryJson, libraryDocument } from './exportJson';
import { importLibraryJson } from './importJson';
import { TABLE_NAMES } from './schema';

const tempDir = useTempDir();

/** The fixture with metadata: fields an importer found on one article, the user's edits on both. */
async function withMeta() {
  const f = await exportFixture(tempDir());
  const [shared, hostile] = [f.shared.id, f.hostile.id];
  writeTransaction(f.library.db, () =>
    setImportedMeta(f.library.db, hostile, {
      type: 'article-journal',
      author: [{ family: 'O’Neil', given: 'Ann' }, { literal: 'Formula Society' }],
      issued: { 'date-parts': [[2019, 3]] },
      'container-title': 'Journal of Hostile Inputs',
      volume: '12',
      page: '3-9',
      DOI: '10.1234/hostile.5',
    }),
  );
  await f.invoke('articles.setMeta', {
    id: hostile,
    patch: { volume: '13', issue: '2', 'container-title': null },
  });
  await f.invoke('articles.setMeta', {
    id: shared,
    patch: {
      author: [
        { family: 'Reporter', given: 'Jane' },
        { family: 'Kim', given: 'Min-ji' },
      ],
      title: 'Putin arrives in Pyongyang',
      issued: { 'date-parts': [[2024, 6, 19]] },
      publisher: 'Wire Service Ltd',
    },
  });
  return f;
}

type Fixture = Awaited<ReturnType<typeof withMeta>>;

/** Every article's metadata (as the API reads it) and each passage's citation in every style. */
async function citations(t: Pick<Fixture, 'invoke'>, f: Fixture) {
  const articles = [f.shared.id, f.hostile.id];
  const passages = Object.values(f.passages).map((p) => p.id);
  return {
    meta: await Promise.all(articles.map((id) => t.invoke('articles.meta', { id }))),
    cited: await Promise.all(
      passages.flatMap((id) =>
        [null, ...CITATION_STYLES].map((style) => t.invoke('citations.passage', { id, style })),
      ),
    ),
  };
}

describe('citation metadata in the full-library JSON export', () => {
  it('restores imported fields and the user’s edits: metadata and every citation are identical', async () => {
    const src = await withMeta();
    const before = await citations(src, src);
    // The edits are in effect (this test would pass vacuously on columns alone otherwise).
    expect(before.meta[1]!.edited).toEqual({ volume: '13', issue: '2' });
    expect(before.meta[1]!.effective).toMatchObject({ DOI: '10.1234/hostile.5', volume: '13' });
    expect(before.meta[0]!.csl.author).toHaveLength(2);

    const file = join(tempDir(), 'library.json');
    const written = exportLibraryJson(src.library.db, file);
    expect(written.counts.article_meta).toBeGreaterThanOrEqual(2);

    const dst = openTestLibrary(tempDir());
    expect((await importLibraryJson(dst.library.db, file)).article_meta).toBe(
      written.counts.article_meta,
    );
    expect(await citations(dst, src)).toEqual(before);
    const rows = (db: typeof src.library.db) =>
      db.prepare('SELECT * FROM article_meta ORDER BY article_id').all();
    expect(rows(dst.library.db)).toEqual(rows(src.library.db));

    // Clearing an edit in the copy brings back what was imported (the saved columns came too).
    await dst.invoke('articles.setMeta', { id: src.hostile.id, patch: { volume: null } });
    expect((await dst.invoke('articles.meta', { id: src.hostile.id })).effective.volume).toBe('12');
    await dst.invoke('articles.setMeta', { id: src.shared.id, patch: { title: null } });
    expect((await dst.invoke('articles.get', { id: src.shared.id })).title).toBe(
      'Putin arrives in North Korea',
    );
    src.library.close();
    dst.library.close();
  });

  it('restores its own export whatever odd metadata import and edits stored: 21 authors, organisations, CJK names, a season, cleared fields', async () => {
    const src = openTestLibrary(tempDir());
    const authors = Array.from(
      { length: 20 },
      (_, i) => `<meta name="citation_author" content="Author${i + 1}, Ann">`,
    );
    const html = `<!doctype html><html lang="en"><head><title>A PAPER IN ALL CAPS</title>
      ${authors.join('')}<meta name="citation_author" content="World Health Organization">
      <meta name="citation_doi" content="https://doi.org/10.1234/ODD.1"><meta name="citation_journal_title" content="Journal of Odd Things">
      <meta name="citation_firstpage" content="3"><meta name="citation_volume" content="">
      <script type="application/ld+json">{"@type":"ScholarlyArticle","publisher":{"@type":"Organization","name":"{Odd} Press"}}</script>
      </head><body><article><h1>A PAPER IN ALL CAPS</h1><p>Text of the paper, long enough to read as an article body for the importer.</p><p>More text.</p></article></body></html>`;
    const [result] = await src.invoke('articles.importFiles', {
      files: [{ name: 'odd.html', dataBase64: Buffer.from(html).toString('base64') }],
    });
    if (!result?.ok) throw new Error('the page did not import');
    const id = result.article.id;
    await src.invoke('passages.createFromQuote', {
      articleId: id,
      quote: 'Text of the paper',
      tags: [],
      comment: '',
      color: 'yellow',
    });
    const season = parseDateText('Spring 2019');
    if (!season.ok) throw new Error(season.message);
    await src.invoke('articles.setMeta', {
      id,
      patch: {
        translator: [{ family: '王', given: '小明' }, { literal: 'Korea Herald Staff' }],
        issued: season.date,
        page: null,
        'title-short': 'Odd paper',
      },
    });
    await src.invoke('articles.setMeta', { id, patch: { 'title-short': null } });
    const before = await src.invoke('articles.meta', { id });
    // What this test is about is really there.
    expect(before.csl.author?.length).toBe(21);
    expect(before.effective.translator).toHaveLength(2);
    const cite = (t: Pick<Fixture, 'invoke'>) =>
      Promise.all(
        CITATION_STYLES.map((style) =>
          t.invoke('export.preview', {
            format: 'md',
            groupBy: 'source',
            style,
            selection: { tags: [], tagMode: 'any', articleIds: [], dateField: 'passage' },
          }),
        ),
      );
    const file = join(tempDir(), 'odd.json');
    exportLibraryJson(src.library.db, file);
    const dst = openTestLibrary(tempDir());
    expect((await importLibraryJson(dst.library.db, file)).article_meta).toBe(1);
    expect(await dst.invoke('articles.meta', { id })).toEqual(before);
    const texts = async (t: Pick<Fixture, 'invoke'>) =>
      (await cite(t)).map((p) => p.text.replace(/^exported: .*$/m, ''));
    const styled = await texts(src);
    expect(styled[0]).toMatch(
      /Author1, A\., Author2, A\., .*Author19, A\., … World Health Organization\. \(2019\)\. A PAPER IN ALL CAPS/,
    );
    expect(await texts(dst)).toEqual(styled);
    src.library.close();
    dst.library.close();
  });

  it('restores a version-1 file, which has no metadata table (missing = none)', async () => {
    const src = await withMeta();
    const { article_meta: _dropped, ...tables } = libraryDocument(src.library.db).tables;
    const file = join(tempDir(), 'v1.json');
    writeFileSync(file, JSON.stringify({ ...libraryDocument(src.library.db), version: 1, tables }));
    const dst = openTestLibrary(tempDir());
    const counts = await importLibraryJson(dst.library.db, file);
    expect(counts.article_meta).toBe(0);
    expect(counts.articles).toBe(tables.articles.length);
    const meta = await dst.invoke('articles.meta', { id: src.shared.id });
    expect([meta.imported, meta.edited]).toEqual([{}, {}]);
    // The citation still reads the article's own fields.
    expect(meta.csl.title).toBe('Putin arrives in Pyongyang');
    src.library.close();
    dst.library.close();
  });

  describe('a metadata row the API would refuse is refused, naming it; nothing is written', () => {
    const fail = async (doc: unknown): Promise<string> => {
      const dst = openTestLibrary(tempDir());
      try {
        const file = join(tempDir(), 'bad.json');
        writeFileSync(file, JSON.stringify(doc));
        await importLibraryJson(dst.library.db, file);
        throw new Error('import succeeded');
      } catch (e) {
        if (!isCommonplaceError(e)) throw e;
        for (const t of TABLE_NAMES)
          expect(dst.library.db.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual({
            n: 0,
          });
        return e.message;
      } finally {
        dst.library.close();
      }
    };
    const cases: [string, (row: Record<string, unknown>) => void, RegExp][] = [
      [
        'a script URL',
        (r) => (r.edited = JSON.stringify({ URL: 'javascript:alert(1)' })),
        /bad\.json is not a Commonplace library export: tables\.article_meta\[0\] \(article [0-9a-f-]{36}\)\.edited\.URL: a URL starts with http:\/\/ or https:\/\//,
      ],
      [
        'a field no CSL item has',
        (r) => (r.imported = JSON.stringify({ type: 'book', onload: 'x' })),
        /tables\.article_meta\[0\] \(article [0-9a-f-]{36}\)\.imported: Unrecognized key: "onload"/,
      ],
      [
        'a name that is neither a person nor an organisation',
        (r) => (r.edited = JSON.stringify({ author: [{ given: 'Ann' }] })),
        /\.edited\.author\[0\]: a name has either a family name/,
      ],
      [
        'an oversized saved column',
        (r) => (r.imported = JSON.stringify({ _columns: { lang: 'x'.repeat(36) } })),
        /\.imported\._columns\.lang: is longer than 35 characters/,
      ],
      [
        'text that is not JSON',
        (r) => (r.edited = '{"volume":'),
        /\.edited: is not valid JSON text/,
      ],
      [
        'metadata of an article not in the file',
        (r) => (r.article_id = '01900000-0000-7000-8000-000000000000'),
        /tables\.article_meta\[0\] \(article 01900000-0000-7000-8000-000000000000\)\.article_id: refers to articles id "01900000-0000-7000-8000-000000000000", which is not in the file/,
      ],
      [
        'two rows for one article',
        (r) => (r.__duplicate = true),
        /tables\.article_meta\[1\] \(article [0-9a-f-]{36}\) can't be restored: UNIQUE constraint failed/,
      ],
    ];
    for (const [what, spoil, message] of cases) {
      it(what, async () => {
        const src = await withMeta();
        const doc = libraryDocument(src.library.db);
        src.library.close();
        const row = doc.tables.article_meta[0] as unknown as Record<string, unknown>;
        spoil(row);
        if (row.__duplicate) {
          delete row.__duplicate;
          doc.tables.article_meta.splice(1, 0, { ...doc.tables.article_meta[0]! });
        }
        expect(await fail(doc)).toMatch(message);
      });
    }
  });
});
