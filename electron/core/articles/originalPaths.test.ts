/**
 * Every way an original leaves the library gives back the file's exact bytes, whether it is kept
 * compressed (a text file) or as it is (a PDF): the API's download, open-with-viewer's temp file,
 * the full-library JSON export and its restore, and a backup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { backupLibrary } from '../backup/backup';
import { openDatabase } from '../db/open';
import { exportLibraryJson } from '../transfer/exportJson';
import { importLibraryJson } from '../transfer/importJson';
import { importDocument } from './import';
import { getOriginal, writeOriginalToTemp } from './originals';

const tempDir = useTempDir();
const FIXTURES = join(__dirname, '../import/fixtures');

describe('originals leave the library byte for byte', () => {
  it('through download, the viewer’s temp file, JSON export and restore, and backup', async () => {
    const dir = tempDir();
    const t = openTestLibrary(dir);
    const files = [
      join(FIXTURES, 'text/japanese.utf8.txt'),
      join(FIXTURES, 'real/GPL-3.txt'),
      join(FIXTURES, 'real/maint-guide.de.pdf'),
    ].map((path) => ({ path, bytes: readFileSync(path) }));
    const ids: string[] = [];
    for (const f of files) {
      const { article } = await importDocument(t.library.db, {
        bytes: new Uint8Array(f.bytes),
        fileName: f.path.split('/').pop()!,
      });
      ids.push(article.id);
    }
    const encodings = ids.map(
      (id) =>
        t.library.db
          .prepare(
            'SELECT o.encoding FROM originals o JOIN articles a ON a.hash = o.hash WHERE a.id = ?',
          )
          .pluck()
          .get(id) as string,
    );
    expect(encodings).toEqual(['zlib', 'zlib', 'identity']);

    const json = join(dir, 'library.json');
    exportLibraryJson(t.library.db, json);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as {
      tables: { originals: { hash: string; bytes: string }[] };
    };
    const backup = join(dir, 'backup.sqlite');
    await backupLibrary(t.library.db, join(dir, 'library.sqlite'), backup);
    const restored = openDatabase(join(dir, 'restored.sqlite'));
    await importLibraryJson(restored, json);
    const fromBackup = openDatabase(backup);

    for (const [i, id] of ids.entries()) {
      const want = files[i]!.bytes;
      const o = getOriginal(t.library.db, id);
      expect(o.bytes.equals(want)).toBe(true);
      const api = await t.invoke('articles.original', { id });
      expect(Buffer.from(api.dataBase64, 'base64').equals(want)).toBe(true);
      expect(readFileSync(writeOriginalToTemp(o)).equals(want)).toBe(true);
      const row = doc.tables.originals.find((r) => r.hash === o.hash)!;
      expect(Buffer.from(row.bytes, 'base64').equals(want)).toBe(true);
      expect(getOriginal(restored, id).bytes.equals(want)).toBe(true);
      expect(getOriginal(fromBackup, id).bytes.equals(want)).toBe(true);
    }
    // The restore stores them as the library does: compressed where that pays.
    expect(restored.prepare('SELECT encoding FROM originals ORDER BY hash').pluck().all()).toEqual(
      t.library.db.prepare('SELECT encoding FROM originals ORDER BY hash').pluck().all(),
    );
    restored.close();
    fromBackup.close();
    t.library.close();
  });
});
