/**
 * Originals stored as deltas against their article's text (migration 17), end to end: real files
 * through the real importer, read back byte for byte by every path that hands out an original.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeBody, paragraph } from '../../model/body';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { backupLibrary } from '../backup/backup';
import { openDatabase } from '../db/open';
import { exportLibraryJson } from '../transfer/exportJson';
import { importLibraryJson } from '../transfer/importJson';
import { updateArticleBody } from './edit';
import { getOriginal } from './originals';

const tempDir = useTempDir();

const PARAGRAPHS = Array.from(
  { length: 8 },
  (_, i) =>
    `Paragraph ${i} of the harbour report: the ferry timetable changed in spring, and the pier was rebuilt after the storm. Café crème, naïve façade, Zürich.`,
);
const PLAIN = PARAGRAPHS.join('\n\n');

/** Files a text import meets, each different from its article's text in one way. */
const FILES: Record<string, string> = {
  'plain.txt': `Harbour report\n\n${PLAIN}\n`,
  'crlf.txt': `Harbour report\r\n\r\n${PLAIN.replaceAll('\n', '\r\n')}\r\n`,
  'bom.txt': `\ufeffHarbour report\n\n${PLAIN}\n`,
  'trailing.txt': `Harbour report   \n\n${PARAGRAPHS.join(' \t\n\n')}\n\n\n   `,
  'nfd.txt': `Harbour report\n\n${PLAIN.normalize('NFD')}\n`,
  'front.md': `---\ntitle: Harbour report\n---\n\n# Harbour report\n\n${PLAIN}\n`,
};

const stored = (db: Database, id: string) =>
  db
    .prepare(
      'SELECT o.delta, o.encoding, length(o.bytes) AS stored, o.size FROM articles a JOIN originals o ON o.hash = a.hash WHERE a.id = ?',
    )
    .get(id) as { delta: number; encoding: string; stored: number; size: number };

describe('originals stored against their article text', () => {
  it('give back every file byte for byte: read, JSON transfer, backup, after an edit and a re-parse', async () => {
    const dir = tempDir();
    const t = openTestLibrary(dir);
    const db = t.library.db;
    const ids = new Map<string, string>();
    for (const [name, content] of Object.entries(FILES)) {
      const path = join(dir, name);
      writeFileSync(path, content);
      const [r] = await t.invoke('articles.importPaths', { paths: [path] });
      if (!r?.ok) throw new Error(`${name} did not import`);
      ids.set(name, r.article.id);
    }
    const bytesOf = (name: string) => Buffer.from(FILES[name]!);
    for (const [name, id] of ids) {
      expect(getOriginal(db, id).bytes.equals(bytesOf(name)), name).toBe(true);
      const s = stored(db, id);
      expect(s.delta, name).toBe(1);
      expect(s.stored, name).toBeLessThan(s.size / 5);
    }

    // JSON transfer: the document holds the files' own bytes; the new library stores them against its texts again.
    const json = join(dir, 'library.json');
    exportLibraryJson(db, json);
    const copy = openTestLibrary(join(dir, 'copy'));
    await importLibraryJson(copy.library.db, json);
    for (const [name, id] of ids) {
      expect(getOriginal(copy.library.db, id).bytes.equals(bytesOf(name)), name).toBe(true);
      expect(stored(copy.library.db, id).delta, name).toBe(1);
    }
    copy.library.close();

    // A backup is a library of its own.
    const backup = join(dir, 'backup.sqlite');
    await backupLibrary(db, join(dir, 'library.sqlite'), backup);
    const restored = openDatabase(backup);
    for (const [name, id] of ids)
      expect(getOriginal(restored, id).bytes.equals(bytesOf(name)), name).toBe(true);
    restored.close();

    // An edit changes the text the delta was made against: the file is written whole first.
    const edited = ids.get('crlf.txt')!;
    updateArticleBody(db, edited, makeBody([paragraph('Only this is left.')]));
    expect(stored(db, edited).delta).toBe(0);
    expect(getOriginal(db, edited).bytes.equals(bytesOf('crlf.txt'))).toBe(true);
    // A re-parse reads the file and rewrites the text from it.
    await t.invoke('articles.reparse', { id: edited });
    expect(getOriginal(db, edited).bytes.equals(bytesOf('crlf.txt'))).toBe(true);

    // Deleted for good: the article and its file go, the others stay readable.
    const gone = ids.get('bom.txt')!;
    await t.invoke('articles.trash', { ids: [gone] });
    await t.invoke('articles.emptyTrash', {});
    expect(
      db
        .prepare('SELECT count(*) FROM originals WHERE hash NOT IN (SELECT hash FROM articles)')
        .pluck()
        .get(),
    ).toBe(0);
    for (const [name, id] of ids)
      if (id !== gone) expect(getOriginal(db, id).bytes.equals(bytesOf(name)), name).toBe(true);
    t.library.close();
  });

  it('names a damaged delta instead of handing back wrong bytes', async () => {
    const dir = tempDir();
    const t = openTestLibrary(dir);
    const db = t.library.db;
    const path = join(dir, 'plain.txt');
    writeFileSync(path, FILES['plain.txt']!);
    const [r] = await t.invoke('articles.importPaths', { paths: [path] });
    if (!r?.ok) throw new Error('did not import');
    const hash = db.prepare('SELECT hash FROM articles WHERE id = ?').pluck().get(r.article.id);
    // The text it was stored against, changed behind the triggers' back (as a damaged file might).
    db.exec('DROP TRIGGER originals_delta_au');
    db.prepare("UPDATE articles SET text = replace(text, 'ferry', 'barge') WHERE hash = ?").run(
      hash,
    );
    expect(() => getOriginal(db, r.article.id)).toThrow(/original [0-9a-f]{16}…: is damaged/);
    t.library.close();
  });
});
