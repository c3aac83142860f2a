import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { citableSources } from '../../citations/sources';
import { toCslItem, type CitableSource } from '../../citations/item';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { sourceMeta } from './0010_source_meta';

const tempDir = useTempDir();

const id = (n: number) => `01900000-0000-7000-8000-0000000010${String(n).padStart(2, '0')}`;
const BODY = '{"version":1,"blocks":[]}';

interface Row {
  id: string;
  title: string;
  subtitle: string | null;
  byline: string | null;
  published: string | null;
  site_name: string | null;
  lang: string | null;
  source: string | null;
  created_at: string;
  media_type: string;
}

describe('migration 10 (source metadata)', () => {
  it('backfills each article’s metadata from its columns without changing any citation', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const v9 = openDatabase(file, { targetVersion: sourceMeta.version - 1 });
    v9.exec(`
      INSERT INTO originals VALUES
        ('h1', x'41', 1, 'text/html', 'a.html', 't'), ('h2', x'42', 1, 'application/pdf', 'b.pdf', 't'),
        ('h3', x'43', 1, 'application/epub+zip', 'c.epub', 't'), ('h4', x'44', 1, 'text/plain', 'd.txt', 't'),
        ('h5', x'45', 1, 'text/html', 'e.html', 't'), ('h6', x'46', 1, 'text/html', 'f.html', 't');
      INSERT INTO articles (id, title, subtitle, byline, published, site_name, lang, source, format, hash, text, body, created_at, updated_at) VALUES
        ('${id(1)}', 'Putin''s state visit to North Korea sets stage for elevated ties', NULL, 'Ji Da-gyum', '2024-06-18T16:20:00+09:00',
         'The Korea Herald', 'en', 'https://www.koreaherald.com/view.php?ud=2024', 'html', 'h1', 'x', '${BODY}', '2024-07-01T10:00:00.000Z', 't'),
        ('${id(2)}', 'Annual report', 'Fiscal year', 'Jane Doe and John Smith', '2019-03', 'Acme Press', NULL, '/tmp/x/report.pdf',
         'text', 'h2', 'x', '${BODY}', '2024-07-01T10:00:00.000Z', 't'),
        ('${id(3)}', '季风', NULL, '王小明', '2019', NULL, 'zh', NULL, 'text', 'h3', 'x', '${BODY}', '2024-07-01T10:00:00.000Z', 't'),
        ('${id(4)}', 'Notes', NULL, NULL, 'last spring', NULL, '  ', 'notes.txt', 'text', 'h4', 'x', '${BODY}', '2024-07-01T10:00:00.000Z', 't'),
        ('${id(5)}', 'A page', NULL, 'Reuters', NULL, 'Reuters', NULL, 'http://example.com/a page', 'html', 'h5', 'x', '${BODY}', '2024-07-01T10:00:00.000Z', 't'),
        ('${id(6)}', 'Odd month', NULL, NULL, '2024-13-40', 'Site', NULL, 'https://example.com/b', 'html', 'h6', 'x', '${BODY}', '2024-07-01T10:00:00.000Z', 't');`);
    const rows = v9
      .prepare<[], Row>(
        'SELECT a.*, o.media_type FROM articles a JOIN originals o ON o.hash = a.hash ORDER BY a.id',
      )
      .all();
    // What each article's citation read before: its columns only.
    const before = rows.map((r) => {
      const s: CitableSource = {
        id: r.id,
        title: r.title,
        subtitle: r.subtitle,
        byline: r.byline,
        published: r.published,
        siteName: r.site_name,
        lang: r.lang,
        source: r.source,
        mediaType: r.media_type,
        imported: r.created_at,
      };
      return toCslItem(s);
    });
    const changesBefore = v9.prepare('SELECT count(*) AS n FROM changes').get();
    v9.close();

    const db = openDatabase(file, { targetVersion: sourceMeta.version });
    expect(schemaVersion(db)).toBe(sourceMeta.version);
    const sources = citableSources(
      db,
      rows.map((r) => r.id),
    );
    expect(rows.map((r) => toCslItem(sources.get(r.id)!))).toEqual(before);
    // The backfill is not an edit: no change rows, nothing marked as the user's.
    expect(db.prepare('SELECT count(*) AS n FROM changes').get()).toEqual(changesBefore);
    expect(db.prepare("SELECT count(*) AS n FROM article_meta WHERE edited != '{}'").get()).toEqual(
      { n: 0 },
    );

    const stored = (n: number) =>
      JSON.parse(
        db
          .prepare<[string], { imported: string }>(
            'SELECT imported FROM article_meta WHERE article_id = ?',
          )
          .get(id(n))!.imported,
      ) as unknown;
    expect(stored(1)).toEqual({
      type: 'article-newspaper',
      issued: { 'date-parts': [[2024, 6, 18]] },
      'container-title': 'The Korea Herald',
      URL: 'https://www.koreaherald.com/view.php?ud=2024',
      accessed: { 'date-parts': [[2024, 7, 1]] },
      language: 'en',
    });
    expect(stored(2)).toEqual({
      type: 'report',
      issued: { 'date-parts': [[2019, 3]] },
      publisher: 'Acme Press',
    });
    expect(stored(3)).toEqual({ type: 'book', issued: { 'date-parts': [[2019]] }, language: 'zh' });
    expect(stored(4)).toEqual({ type: 'document' });
    // A URL with a space is not a URL the schema accepts: left to the column, as before.
    expect(stored(5)).toEqual({
      type: 'webpage',
      'container-title': 'Reuters',
      accessed: { 'date-parts': [[2024, 7, 1]] },
    });
    // A date that is no calendar date is not stored.
    expect(stored(6)).toMatchObject({ type: 'article-newspaper' });
    expect(stored(6)).not.toHaveProperty('issued');

    // Writing metadata is an article change (open windows re-render citations); deleting the
    // article deletes its metadata.
    db.prepare('UPDATE article_meta SET edited = \'{"volume":"3"}\' WHERE article_id = ?').run(
      id(2),
    );
    expect(
      db.prepare('SELECT entity, entity_id, op FROM changes ORDER BY seq DESC LIMIT 1').get(),
    ).toEqual({ entity: 'article', entity_id: id(2), op: 'update' });
    expect(() =>
      db.prepare("UPDATE article_meta SET edited = '[1]' WHERE article_id = ?").run(id(2)),
    ).toThrow(/CHECK constraint failed/);
    db.prepare('DELETE FROM articles WHERE id = ?').run(id(2));
    expect(db.prepare('SELECT count(*) AS n FROM article_meta').get()).toEqual({ n: 5 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
