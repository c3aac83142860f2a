import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';

const tempDir = useTempDir();

const ARTICLE = '01900000-0000-7000-8000-000000000001';
const PASSAGE = '01900000-0000-7000-8000-000000000101';
const NOTE = '01900000-0000-7000-8000-000000000201';
const TAG = '01900000-0000-7000-8000-0000000000aa';

describe('migration 4 (notes and links)', () => {
  it('keeps every row of a version-3 library and adds notes, note tags and links with their rules', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const v3 = openDatabase(file, { targetVersion: 3 });
    v3.prepare(
      "INSERT INTO originals VALUES ('h1', x'41', 1, 'text/plain', 'a.txt', '2024-01-01T00:00:00.000Z')",
    ).run();
    v3.prepare(
      `INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES (?, 'Kept', 'text', 'h1', 'Kept text', '{"version":1,"blocks":[]}', 't', 't')`,
    ).run(ARTICLE);
    v3.prepare(
      `INSERT INTO passages (id, article_id, exact, prefix, suffix, start, "end", color, created_at, updated_at) VALUES (?, ?, 'Kept', '', ' text', 0, 4, 'yellow', 't', 't')`,
    ).run(PASSAGE, ARTICLE);
    v3.prepare("INSERT INTO tags VALUES (?, 'Old', 'old', NULL, 't', 't')").run(TAG);
    v3.prepare("INSERT INTO passage_tags VALUES (?, ?, 't')").run(PASSAGE, TAG);
    const tables = ['articles', 'passages', 'tags', 'passage_tags', 'changes'];
    const before = Object.fromEntries(
      tables.map((t) => [t, v3.prepare(`SELECT * FROM ${t}`).all()]),
    );
    v3.close();

    const v4 = openDatabase(file, { targetVersion: 4 });
    expect(schemaVersion(v4)).toBe(4);
    for (const t of tables) expect(v4.prepare(`SELECT * FROM ${t}`).all(), t).toEqual(before[t]);

    v4.prepare(
      `INSERT INTO notes (id, title, doc, text, word_count, created_at, updated_at) VALUES (?, 'N', '{"root":{"type":"root","children":[]}}', '', 0, 't', 't')`,
    ).run(NOTE);
    expect(() =>
      v4
        .prepare(
          `INSERT INTO notes (id, title, doc, text, created_at, updated_at) VALUES ('bad', 'N', 'not json', '', 't', 't')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    v4.prepare("INSERT INTO note_tags VALUES (?, ?, 't')").run(NOTE, TAG);
    const link = (
      id: string,
      from: [string, string],
      to: [string, string],
      relation = 'supports',
    ) =>
      v4
        .prepare(
          `INSERT INTO links (id, from_${from[0]}, to_${to[0]}, relation, origin, created_at) VALUES (?, ?, ?, ?, 'link', 't')`,
        )
        .run(id, from[1], to[1], relation);
    link('l1', ['note', NOTE], ['passage', PASSAGE]);
    link('l2', ['passage', PASSAGE], ['article', ARTICLE], 'see-also');
    // Both ends must exist, a thing can't link to itself, and the same link can't be made twice.
    expect(() =>
      link('l3', ['note', NOTE], ['passage', '01900000-0000-7000-8000-00000000dead']),
    ).toThrow(/FOREIGN KEY/);
    expect(() => link('l4', ['note', NOTE], ['note', NOTE])).toThrow(/CHECK/);
    expect(() => link('l5', ['note', NOTE], ['passage', PASSAGE])).toThrow(/UNIQUE/);
    expect(() =>
      v4
        .prepare(
          `INSERT INTO links (id, from_note, from_article, to_passage, relation, origin, created_at) VALUES ('l6', ?, ?, ?, 'x', 'link', 't')`,
        )
        .run(NOTE, ARTICLE, PASSAGE),
    ).toThrow(/CHECK/);
    expect(() =>
      v4
        .prepare(
          `INSERT INTO links (id, from_note, to_passage, relation, origin, created_at) VALUES ('l7', ?, ?, 'x', 'bogus', 't')`,
        )
        .run(NOTE, PASSAGE),
    ).toThrow(/CHECK/);

    // The article that was there before the migration is in the title trigram index.
    const titled = (q: string) =>
      v4
        .prepare('SELECT rowid FROM article_titles_tri WHERE article_titles_tri MATCH ?')
        .all(`"${q}"`).length;
    expect(titled('ept')).toBe(1);
    v4.prepare("UPDATE articles SET title = 'Café renamed' WHERE id = ?").run(ARTICLE);
    expect([titled('ept'), titled('CAFE REN')]).toEqual([0, 1]);

    // Incoming lookups use the per-column indexes.
    const plan = v4
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM links WHERE to_passage = ?')
      .all(PASSAGE) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX links_by_to_passage/);

    // A hard delete of the article cascades to its passage and to every link touching either.
    v4.prepare('DELETE FROM articles WHERE id = ?').run(ARTICLE);
    expect(v4.prepare('SELECT id FROM links').all()).toEqual([]);
    expect(v4.prepare('SELECT count(*) AS n FROM note_tags').get()).toEqual({ n: 1 });

    const ops = v4
      .prepare(
        "SELECT entity, op FROM changes WHERE entity IN ('note', 'note_tag', 'link') ORDER BY seq",
      )
      .all();
    expect(ops).toEqual([
      { entity: 'note', op: 'insert' },
      { entity: 'note_tag', op: 'insert' },
      { entity: 'link', op: 'insert' },
      { entity: 'link', op: 'insert' },
      { entity: 'link', op: 'delete' },
      { entity: 'link', op: 'delete' },
    ]);
    v4.close();
  });
});
