/**
 * Pictures sync like originals: content-addressed blobs in the folder (`originals/<2>/<sha256>`),
 * written before the segment that names them, verified on arrival, and waited for (parked) when
 * the body that shows them arrives first. Two real libraries sharing one folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { importDocument } from '../articles/import';
import { openDatabase } from '../db/open';
import { makeEpub, xhtml } from '../import/epub/fixtures';
import { initSync, syncNow } from './engine';
import { blobPath } from './folder';
import { libraryContents } from './testReplicas';

const tempDir = useTempDir('commonplace-sync-images-');
const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const HASH = createHash('sha256').update(PNG).digest('hex');

function library(): Database {
  const db = openDatabase(join(tempDir(), 'library.sqlite'));
  open.push(db);
  return db;
}

const book = makeEpub({
  metadata: '<dc:title>Harbour</dc:title><dc:language>en</dc:language>',
  chapters: [
    {
      id: 'c1',
      href: 'one.xhtml',
      xhtml: xhtml(
        '<p>The harbour at dawn, before the boats went out.</p><p><img src="fig.png" alt="The harbour"/></p>',
      ),
    },
  ],
  extra: { 'OEBPS/fig.png': PNG as unknown as string },
});

describe('sync carries pictures', () => {
  it('as content-addressed blobs; a body whose picture is still in transit waits for it', async () => {
    const folder = tempDir();
    const a = library();
    const b = library();
    await importDocument(a, { bytes: book, fileName: 'harbour.epub' });
    initSync(a, { folder, name: 'A' });
    expect(syncNow(a).problems).toEqual([]);
    const blob = blobPath(folder, HASH);
    expect(readFileSync(blob)).toEqual(PNG);

    // The picture hasn't been delivered yet: the article waits, nothing half-applied.
    renameSync(blob, `${blob}.away`);
    initSync(b, { folder, name: 'B' });
    const first = syncNow(b);
    expect(first.problems).toEqual([]);
    expect(b.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
    expect(b.prepare('SELECT count(*) FROM images').pluck().get()).toBe(0);

    renameSync(`${blob}.away`, blob);
    syncNow(b);
    expect(b.prepare('SELECT bytes FROM images WHERE hash = ?').pluck().get(HASH)).toEqual(PNG);
    expect(libraryContents(b)).toEqual(libraryContents(a));
    expect(existsSync(blob)).toBe(true);
  });
});
