import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';

const tempDir = useTempDir();

describe('migration 2 (passages)', () => {
  it('keeps every article, original and tag of a version-1 library and adds the passage tables', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const v1 = openDatabase(file, { targetVersion: 1 });
    v1.prepare(
      "INSERT INTO originals VALUES ('h1', x'41', 1, 'text/plain', 'a.txt', '2024-01-01T00:00:00.000Z')",
    ).run();
    v1.prepare(
      `INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at)
       VALUES ('01900000-0000-7000-8000-000000000001', 'Kept', 'text', 'h1', 'Kept text', '{"version":1,"blocks":[]}', 't', 't')`,
    ).run();
    v1.prepare(
      "INSERT INTO tags VALUES ('01900000-0000-7000-8000-0000000000aa', 'Old', 'old', NULL, 't', 't')",
    ).run();
    v1.prepare(
      "INSERT INTO article_tags VALUES ('01900000-0000-7000-8000-000000000001', '01900000-0000-7000-8000-0000000000aa', 't')",
    ).run();
    const before = {
      articles: v1.prepare('SELECT * FROM articles').all(),
      tags: v1.prepare('SELECT * FROM tags').all(),
      articleTags: v1.prepare('SELECT * FROM article_tags').all(),
    };
    v1.close();

    const v2 = openDatabase(file, { targetVersion: 2 });
    expect(schemaVersion(v2)).toBe(2);
    expect(v2.prepare('SELECT * FROM articles').all()).toEqual(before.articles);
    expect(v2.prepare('SELECT * FROM tags').all()).toEqual(before.tags);
    expect(v2.prepare('SELECT * FROM article_tags').all()).toEqual(before.articleTags);
    v2.prepare(
      `INSERT INTO passages (id, article_id, exact, prefix, suffix, start, "end", color, created_at, updated_at)
       VALUES ('01900000-0000-7000-8000-000000000101', '01900000-0000-7000-8000-000000000001', 'Kept', '', ' text', 0, 4, 'yellow', 't', 't')`,
    ).run();
    expect(() =>
      v2
        .prepare(
          `INSERT INTO passages (id, article_id, exact, prefix, suffix, start, "end", color, created_at, updated_at)
         VALUES ('x', '01900000-0000-7000-8000-00000000dead', 'K', '', '', 0, 1, 'yellow', 't', 't')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      v2
        .prepare(
          `INSERT INTO passages (id, article_id, exact, prefix, suffix, start, "end", color, created_at, updated_at)
         VALUES ('y', '01900000-0000-7000-8000-000000000001', 'K', '', '', 5, 5, 'yellow', 't', 't')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    const ops = v2.prepare("SELECT entity, op FROM changes WHERE entity = 'passage'").all();
    expect(ops).toEqual([{ entity: 'passage', op: 'insert' }]);
    v2.close();
  });
});
