import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { foldedOrder } from './0018_folded_order';

const tempDir = useTempDir();
const id = (n: number) => `01900000-0000-7000-8000-0000000018${String(n).padStart(2, '0')}`;
const BODY = '{"version":1,"blocks":[]}';

describe('migration 18 (folded order)', () => {
  it('indexes the existing articles by folded title and author, replacing the NOCASE indexes', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const before = openDatabase(file, { targetVersion: foldedOrder.version - 1 });
    const titles = ['émile et la mer', 'Zebra', 'Émile Zola', 'apple'];
    const original = before.prepare(
      `INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES (?, x'41', 1, 'text/plain', 'a.txt', 't')`,
    );
    const insert = before.prepare(
      `INSERT INTO articles (id, title, byline, format, hash, text, body, created_at, updated_at) VALUES (?, ?, ?, 'text', ?, 'x', '${BODY}', 't', 't')`,
    );
    titles.forEach((t, i) => {
      original.run(`h${i}`);
      insert.run(id(i), t, i % 2 ? null : t.toUpperCase(), `h${i}`);
    });
    before.close();

    const db = openDatabase(file, { targetVersion: foldedOrder.version });
    expect(schemaVersion(db)).toBe(foldedOrder.version);
    const indexes = db
      .prepare<[], string>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles' AND name LIKE 'articles_by_%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'articles_by_author_folded_asc',
        'articles_by_author_folded_desc',
        'articles_by_title_folded',
      ]),
    );
    for (const gone of [
      'articles_by_title_nocase',
      'articles_by_author_asc',
      'articles_by_author_desc',
    ])
      expect(indexes).not.toContain(gone);
    // Read through the index: "Émile" beside "émile" (NOCASE put "Émile" first, apart by case).
    const byTitle = db
      .prepare<[], string>(
        'SELECT title FROM articles INDEXED BY articles_by_title_folded ORDER BY commonplace_fold(title), id',
      )
      .pluck()
      .all();
    expect(byTitle).toEqual(['apple', 'Zebra', 'émile et la mer', 'Émile Zola']);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    db.close();
  });
});
