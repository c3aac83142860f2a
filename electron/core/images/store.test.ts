/**
 * Pictures in a real library file: stored with the article that shows them (one transaction),
 * served through the API as data: URLs, verified on read, kept once when two documents share
 * one, and gone when the last article showing them is emptied from the trash.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unpackBody } from '../articles/bodyStore';
import { importDocument } from '../articles/import';
import { emptyTrash, trashArticles } from '../articles/state';
import { makeEpub, xhtml } from '../import/epub/fixtures';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { failure } from '../../test/failure';
import { getImage, storedBodyImages } from './store';

const tempDir = useTempDir();
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const HASH = createHash('sha256').update(PNG).digest('hex');

function book(title: string): Uint8Array {
  return makeEpub({
    metadata: `<dc:title>${title}</dc:title><dc:language>en</dc:language>`,
    chapters: [
      {
        id: 'c1',
        href: 'one.xhtml',
        xhtml: xhtml(
          `<p>${title}: the harbour at dawn, before the boats went out.</p><p><img src="fig.png" alt="The harbour"/></p><p>The end.</p>`,
        ),
      },
    ],
    extra: { 'OEBPS/fig.png': PNG as unknown as string },
  });
}

describe('images in the library', () => {
  it('are stored with their article, served as data: URLs, shared, and deleted with the last user', async () => {
    const { library, invoke } = openTestLibrary(tempDir());
    const { db } = library;
    const a = await importDocument(db, { bytes: book('One'), fileName: 'one.epub' });
    const b = await importDocument(db, { bytes: book('Two'), fileName: 'two.epub' });
    const row = db
      .prepare<[string], { body: string; text: string }>(
        'SELECT body, text FROM articles WHERE id = ?',
      )
      .get(a.article.id)!;
    // The stored body names the picture; unpacked, it is an image block whose text is the alt text.
    expect(storedBodyImages(row.body)).toEqual([HASH]);
    expect(unpackBody(row.body, row.text, 'one').blocks[1]).toEqual({
      type: 'image',
      src: HASH,
      content: [{ text: 'The harbour' }],
    });
    expect(row.text).toContain('\n\nThe harbour\n\n');
    expect(db.prepare('SELECT count(*) FROM images').pluck().get()).toBe(1);

    const image = await invoke('articles.image', { hash: HASH });
    expect(image).toEqual({
      hash: HASH,
      mediaType: 'image/png',
      size: PNG.length,
      dataUrl: `data:image/png;base64,${PNG.toString('base64')}`,
    });
    const missing = await failure(() => invoke('articles.image', { hash: 'f'.repeat(64) }));
    expect(missing.message).toMatch(/not in the library/);
    const bad = await failure(() => invoke('articles.image', { hash: '../etc/passwd' }));
    expect(bad.message).toMatch(/hash/);

    // Damaged bytes are named, never shown.
    db.prepare('UPDATE images SET bytes = ? WHERE hash = ?').run(Buffer.from('damaged'), HASH);
    expect((await failure(() => getImage(db, HASH))).message).toMatch(/damaged/);
    db.prepare('UPDATE images SET bytes = ? WHERE hash = ?').run(PNG, HASH);

    trashArticles(db, [a.article.id]);
    emptyTrash(db, [a.article.id]);
    expect(db.prepare('SELECT count(*) FROM images').pluck().get()).toBe(1); // two.epub still shows it
    trashArticles(db, [b.article.id]);
    emptyTrash(db, [b.article.id]);
    expect(db.prepare('SELECT count(*) FROM images').pluck().get()).toBe(0);
    library.close();
  });
});
