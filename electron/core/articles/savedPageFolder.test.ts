/**
 * A saved page imported from its path with its `_files` folder beside it: the pictures come
 * along; nothing outside that folder is read (a `../` reference, a symbolic link out of it).
 */
import { createHash } from 'node:crypto';
import { closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { getImage } from '../images/store';
import { importPaths } from './import';
import { getArticle } from './repo';

const tempDir = useTempDir();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const WORDS = 'The harbour survey counted ferries, cranes and moorings along the quay. '.repeat(5);

describe('a saved page imported from its path', () => {
  it('brings the pictures of its _files folder, and nothing from outside it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'Survey_files'));
    writeFileSync(join(dir, 'Survey_files', 'map.png'), PNG);
    // Beside the folder, not in it: a page may not reach it.
    writeFileSync(join(dir, 'secret.gif'), GIF);
    // A link inside the folder to a picture outside it is not followed.
    symlinkSync(join(dir, 'secret.gif'), join(dir, 'Survey_files', 'linked.gif'));
    writeFileSync(
      join(dir, 'Survey.html'),
      `<!doctype html><html><head><title>Survey</title></head><body><article><h1>Survey</h1>
      <p>${WORDS}</p><img src="Survey_files/map.png" alt="Map of the harbour"><p>${WORDS}</p>
      <img src="../secret.gif" alt="Secret"><p>${WORDS}</p><img src="Survey_files/linked.gif" alt="Linked">
      <p>Closing. ${WORDS}</p></article></body></html>`,
    );
    const { library } = openTestLibrary(tempDir());
    const [result] = await importPaths(library.db, [join(dir, 'Survey.html')]);
    if (!result?.ok) throw new Error(JSON.stringify(result));
    const article = getArticle(library.db, result.article.id);
    expect(article.body.blocks.filter((b) => b.type === 'image')).toEqual([
      { type: 'image', src: sha(PNG), content: [{ text: 'Map of the harbour' }] },
    ]);
    expect(article.text).toContain('Secret');
    expect(article.text).toContain('Linked');
    expect(getImage(library.db, sha(PNG)).bytes.equals(PNG)).toBe(true);
    expect(() => getImage(library.db, sha(GIF))).toThrow(/not in the library/);
    // The same files imported again are the same original: recognised, not a second article.
    const [again] = await importPaths(library.db, [join(dir, 'Survey.html')]);
    expect(again).toMatchObject({ ok: true, duplicate: true });
    library.close();
  });

  /** A page in a fresh folder naming its first picture, with its `_files` folder made by `fill`. */
  const savedPage = (name: string, fill: (folder: string) => void) => {
    const dir = tempDir();
    const folder = join(dir, `${name}_files`);
    mkdirSync(folder);
    fill(folder);
    writeFileSync(
      join(dir, `${name}.html`),
      `<!doctype html><html><head><title>${name}</title></head><body><article><h1>${name}</h1>
      <p>${WORDS}</p><img src="${name}_files/p0.png" alt="First plate"><p>Closing. ${WORDS}</p></article></body></html>`,
    );
    return join(dir, `${name}.html`);
  };

  it('says how many pictures were left out when the folder holds more than 2000', async () => {
    const page = savedPage('Atlas', (folder) => {
      for (let i = 0; i < 2003; i++) writeFileSync(join(folder, `p${i}.png`), PNG);
    });
    const { library } = openTestLibrary(tempDir());
    const [result] = await importPaths(library.db, [page]);
    if (!result?.ok) throw new Error(JSON.stringify(result));
    expect(result.warnings).toEqual([
      '3 pictures of Atlas_files left out: a saved page brings at most 2000 pictures',
    ]);
    library.close();
  });

  it('says which pictures were left out when they would pass the import size limit', async () => {
    const page = savedPage('Poster', (folder) => {
      writeFileSync(join(folder, 'p0.png'), PNG);
      // Past the 200 MB limit on its own: a sparse file (no disk used, and never read).
      const fd = openSync(join(folder, 'poster.png'), 'w');
      ftruncateSync(fd, 201 * 1024 * 1024);
      closeSync(fd);
    });
    const { library } = openTestLibrary(tempDir());
    const [result] = await importPaths(library.db, [page]);
    if (!result?.ok) throw new Error(JSON.stringify(result));
    expect(result.warnings).toEqual([
      '1 picture of Poster_files left out: with them the page would pass the 200.0 MB limit for imported files',
    ]);
    // The pictures within the limits still came.
    const article = getArticle(library.db, result.article.id);
    expect(article.body.blocks.filter((b) => b.type === 'image')).toHaveLength(1);
    library.close();
  });
});
