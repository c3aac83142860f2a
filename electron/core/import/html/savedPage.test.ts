/**
 * A page saved as "Web page, complete" and zipped (page.html + page_files/): generated with its
 * pictures, imported through the real detector, parser thread and library; and hostile ones (a
 * path out of the zip, a root path, a picture that isn't one, a 200 MB picture, a lying header).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../articles/import';
import { getOriginal } from '../../articles/originals';
import { getImage } from '../../images/store';
import { openTestLibrary } from '../../../test/library';
import { useTempDir } from '../../../test/temp';
import { detectFormat } from '../detect';
import { parseDocument } from '../index';
import { makeZip, makeZipBomb } from '../zip/fixtures';
import { entryFor, savedPageEntry } from './savedPageNames';

const tempDir = useTempDir();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const WORDS = 'The harbour survey counted ferries, cranes and moorings along the quay. '.repeat(5);

function page(pictures: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Harbour survey</title>
    <link rel="stylesheet" href="Harbour survey_files/site.css"><script src="Harbour survey_files/app.js"></script></head>
    <body><article><h1>Harbour survey</h1><p>${WORDS}</p>${pictures}<p>Closing paragraph. ${WORDS}</p></article></body></html>`;
}

describe('a zipped saved web page', () => {
  it('keeps the pictures saved beside the page, by relative path', async () => {
    const zip = makeZip({
      'Harbour survey.html': page(`
        <figure><img src="Harbour%20survey_files/map.png" alt="Map of the harbour"><figcaption>The harbour in 1902.</figcaption></figure>
        <p>${WORDS}</p>
        <img src="./Harbour survey_files/tide.gif?v=3" alt="Tide chart">
        <p>${WORDS}</p>
        <img src="https://example.invalid/remote.png" alt="Remote chart">`),
      'Harbour survey_files/map.png': PNG,
      'Harbour survey_files/tide.gif': GIF,
      'Harbour survey_files/site.css': 'body{}',
      'Harbour survey_files/app.js': 'alert(1)',
    });
    expect(detectFormat(zip, 'harbour.zip')).toBe('html');
    const a = await parseDocument(zip, 'harbour.zip');
    expect(a.format).toBe('html');
    expect(a.title).toBe('Harbour survey');
    expect(a.body.blocks.filter((b) => b.type === 'image')).toEqual([
      { type: 'image', src: sha(PNG), content: [] },
      { type: 'image', src: sha(GIF), content: [{ text: 'Tide chart' }] },
    ]);
    expect(a.body.blocks).toContainEqual({
      type: 'caption',
      content: [{ text: 'The harbour in 1902.' }],
    });
    // The remote one is its alt text only; nothing was fetched (there is no resolver for it).
    expect(JSON.stringify(a.body)).toContain('Remote chart');
    expect(a.images?.map((i) => i.mediaType)).toEqual(['image/png', 'image/gif']);
    expect(a.warnings).toBeUndefined();

    // Through the library: the pictures are stored, the zip is the original.
    const { library } = openTestLibrary(tempDir());
    const { article } = await importDocument(library.db, { bytes: zip, fileName: 'harbour.zip' });
    expect(getImage(library.db, sha(PNG)).bytes.equals(PNG)).toBe(true);
    expect(getImage(library.db, sha(GIF)).mediaType).toBe('image/gif');
    const original = getOriginal(library.db, article.id);
    expect(Buffer.from(original.bytes).equals(Buffer.from(zip))).toBe(true);
    expect(
      library.db
        .prepare<[string], string>('SELECT media_type FROM originals WHERE hash = ?')
        .pluck()
        .get(original.hash),
    ).toBe('application/zip');
    library.close();
  });

  it('a page in one top folder is found; two pages, or none, is not a saved page', () => {
    expect(savedPageEntry(['site/', 'site/index.html', 'site/index_files/a.png'])).toBe(
      'site/index.html',
    );
    // A frame saved inside the _files folder is not the page.
    expect(savedPageEntry(['p.html', 'p_files/frame.html', '__MACOSX/._p.html'])).toBe('p.html');
    expect(savedPageEntry(['a.html', 'b.html'])).toBeNull();
    expect(savedPageEntry(['notes.txt', 'pic.png'])).toBeNull();
    expect(() =>
      detectFormat(makeZip({ 'a.html': '<p>a</p>', 'b.htm': '<p>b</p>' }), 'x.zip'),
    ).toThrow(/x\.zip: .*a ZIP archive/);
  });

  it('never reads outside the zip: climbing out, a root path or a backslash names nothing', () => {
    expect(entryFor('p.html', '../../etc/passwd')).toBeNull();
    expect(entryFor('site/p.html', '../../etc/passwd')).toBeNull();
    expect(entryFor('site/p.html', '../p_files/a.png')).toBe('p_files/a.png');
    expect(entryFor('p.html', '/etc/passwd')).toBeNull();
    expect(entryFor('p.html', 'p_files\\..\\..\\x.png')).toBeNull();
    expect(entryFor('p.html', 'p_files/a%20b.png#x')).toBe('p_files/a b.png');
  });

  it('hostile references keep their alt text, each refusal named, and the page still imports', async () => {
    const zip = makeZip({
      'p.html': page(`
        <img src="../../etc/passwd" alt="Escape">
        <p>${WORDS}</p><img src="/etc/passwd" alt="Root">
        <p>${WORDS}</p><img src="p_files/fake.png" alt="Fake">
        <p>${WORDS}</p><img src="p_files/ok.png" alt="Real one">`),
      'etc/passwd': 'root:x:0:0',
      'p_files/fake.png': '<html>not a picture</html>',
      'p_files/ok.png': PNG,
    });
    const a = await parseDocument(zip, 'hostile.zip');
    expect(a.body.blocks.filter((b) => b.type === 'image')).toEqual([
      { type: 'image', src: sha(PNG), content: [{ text: 'Real one' }] },
    ]);
    const text = JSON.stringify(a.body);
    for (const alt of ['Escape', 'Root', 'Fake']) expect(text).toContain(alt);
    expect(text).not.toContain('root:x');
    expect(a.warnings).toEqual([
      'hostile.zip: 3 pictures not kept (../../etc/passwd is outside the saved page); the alt text stays',
    ]);
  });

  it('a 200 MB picture is refused before it is inflated, and a lying header stops at the cap', async () => {
    const html = page(`<img src="p_files/huge.png" alt="Huge map">`);
    const huge = makeZipBomb({
      name: 'p_files/huge.png',
      mebibytes: 200,
      before: { 'p.html': html },
    });
    const a = await parseDocument(huge, 'huge.zip');
    expect(a.images).toBeUndefined();
    expect(JSON.stringify(a.body)).toContain('Huge map');
    expect(a.warnings).toEqual([
      'huge.zip: 1 picture not kept (p_files/huge.png is larger than 16 MB); the alt text stays',
    ]);
    // Declares 1 KB, inflates to 200 MB: stopped by the reader's cap, the picture refused.
    const lying = makeZipBomb({
      name: 'p_files/huge.png',
      mebibytes: 200,
      declaredSize: 1024,
      before: { 'p.html': html },
    });
    const b = await parseDocument(lying, 'lying.zip');
    expect(b.images).toBeUndefined();
    expect(b.warnings?.[0]).toMatch(
      /^lying\.zip: 1 picture not kept \(p_files\/huge\.png refused as a possible ZIP bomb/,
    );
  });
});
