import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { hasUnspacedScript } from '../../search/scripts';
import { checkSearchIndexes } from '../../search/rebuild';
import { search } from '../../search/search';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { writeTransaction } from '../transactions';
import { unspacedTriggers } from './0023_unspaced_triggers';

const tempDir = useTempDir();

function addArticle(db: Database, id: string, title: string, text: string): void {
  writeTransaction(db, () => {
    db.prepare(
      `INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES (?, x'41', 1, 'text/plain', ?, 't')`,
    ).run(`h-${id}`, `${id}.txt`);
    db.prepare(
      `INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES (?, ?, 'text', ?, ?, '{}', 't', 't')`,
    ).run(id, title, `h-${id}`, text);
  });
}

/** How many times an insert of a Latin-script article asks the unspaced-script function. */
function unspacedCallsPerInsert(db: Database, id: string): number {
  let calls = 0;
  db.function('commonplace_has_unspaced', { deterministic: true }, (text: unknown) => {
    calls++;
    return typeof text === 'string' && hasUnspacedScript(text) ? 1 : 0;
  });
  addArticle(db, id, 'Harbour report', 'The ferry timetable changed in spring.');
  return calls;
}

describe('migration 23 (one unspaced-script trigger per event, a larger word-index buffer)', () => {
  it('asks once per insert instead of twice, keeps the CJK and gram indexes exact, and sets hashsize', () => {
    const file = join(tempDir(), 'lib.sqlite');
    const prev = openDatabase(file, { targetVersion: unspacedTriggers.version - 1 });
    addArticle(prev, 'a1', '平壤 港口', '平壤的渡轮 schedule follows the tides.');
    addArticle(prev, 'a2', 'Plain', 'Plain words only.');
    // Five columns, each asked by both the CJK trigger and the grams trigger.
    expect(unspacedCallsPerInsert(prev, 'a3')).toBe(10);
    prev.close();

    const db = openDatabase(file, { targetVersion: unspacedTriggers.version });
    expect(schemaVersion(db)).toBe(unspacedTriggers.version);
    expect(unspacedCallsPerInsert(db, 'a4')).toBe(5);
    addArticle(db, 'a5', '푸틴', '푸틴은 말했다. 平壤 again.');
    expect(
      search(db, '平壤')
        .hits.map((h) => h.id)
        .sort(),
    ).toEqual(['a1', 'a5']);
    expect(search(db, '푸틴').hits.map((h) => h.id)).toEqual(['a5']);
    db.prepare("DELETE FROM articles WHERE id = 'a1'").run();
    expect(search(db, '平壤').hits.map((h) => h.id)).toEqual(['a5']);
    expect(checkSearchIndexes(db)).toEqual([]);
    expect(db.prepare("SELECT v FROM articles_fts_config WHERE k = 'hashsize'").pluck().get()).toBe(
      8388608,
    );
    db.close();
  });
});
