import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { citePages } from '../../model/pages';
import { makeEpub, xhtml } from '../../core/import/epub/fixtures';
import { imageOnlyPdf, makePdf, textLines } from '../../core/import/pdf/fixtures';
import { createDispatcher, inProcessClient } from '../dispatch';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { createHandlers, createServices, type SystemViewer } from '.';

const tempDir = useTempDir();
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A client of the same library whose services have this system viewer (the desktop app's). */
function withViewer(library: ReturnType<typeof setup>['library'], viewer: SystemViewer) {
  const services = createServices(library, { systemViewer: viewer });
  return inProcessClient(createDispatcher(createHandlers(library, services), library));
}

function setup() {
  const t = openTestLibrary(tempDir());
  cleanups.push(() => t.library.close());
  return t;
}

const upload = (name: string, bytes: Uint8Array) => ({
  name,
  dataBase64: Buffer.from(bytes).toString('base64'),
});

async function paper(): Promise<Uint8Array> {
  return makePdf({
    title: 'Wave Heights',
    author: 'Ada Marsh',
    pages: [
      textLines(
        ['Waves grow with the wind that feeds them.', 'They break when they reach shallow water.'],
        700,
      ),
      textLines(['On the second page, the storm surge is measured.'], 700),
    ],
  });
}

describe('PDF, EPUB and DOCX through the library', () => {
  it('imports a PDF named .txt as a PDF with page starts a passage can cite', async () => {
    const { invoke } = setup();
    const bytes = await paper();
    const [r] = await invoke('articles.importFiles', { files: [upload('notes.txt', bytes)] });
    if (!r?.ok) throw new Error(JSON.stringify(r));
    expect(r.article).toMatchObject({ format: 'pdf', title: 'Wave Heights', byline: 'Ada Marsh' });
    const article = await invoke('articles.get', { id: r.article.id });
    expect(article.original).toEqual({
      fileName: 'notes.txt',
      size: expect.any(Number),
      mediaType: 'application/pdf',
    });
    expect(article.pages?.map((p) => p.label)).toEqual(['1', '2']);
    const quote = 'storm surge';
    const start = article.text.indexOf(quote);
    const passage = await invoke('passages.create', {
      articleId: article.id,
      start,
      end: start + quote.length,
      color: 'yellow',
      tags: [],
      comment: '',
    });
    expect(citePages(article.pages, passage.start, passage.end)).toBe('p. 2');
    // Same bytes again, under another name: the existing article.
    const [again] = await invoke('articles.importFiles', { files: [upload('copy.pdf', bytes)] });
    expect(again).toMatchObject({ ok: true, duplicate: true });
  });

  it('says which files were imported with a warning (a PDF without text, broken front matter); not again for a duplicate', async () => {
    const { invoke, library } = setup();
    const md = new TextEncoder().encode('---\ntitle: [unclosed\n---\n# Heading\n\nBody text.\n');
    const files = [
      upload('scan.pdf', imageOnlyPdf()),
      upload('note.md', md),
      upload('plain.txt', new TextEncoder().encode('Plain text.')),
    ];
    const results = await invoke('articles.importFiles', { files });
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const warnings = results.map((r) => (r.ok ? r.warnings : undefined));
    expect(warnings[0]).toEqual([
      expect.stringMatching(/^scan\.pdf: no text layer \(1 page, scanned\?\)/),
    ]);
    expect(warnings[1]).toEqual([
      expect.stringMatching(/^note\.md: front matter is not valid YAML/),
    ]);
    expect(warnings[2]).toBeUndefined();
    // The warned files are in the library all the same.
    expect(
      (library.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n,
    ).toBe(3);
    const again = await invoke('articles.importFiles', { files: [files[0]!] });
    expect(again[0]).toMatchObject({ ok: true, duplicate: true });
    expect(again[0]!.ok && again[0]!.warnings).toBeUndefined();
  });

  it('refuses an image named .html, with every other file of the import still landing', async () => {
    const { invoke } = setup();
    const png = readFileSync(join(__dirname, '../../core/import/fixtures/binary/photo.html'));
    const book = makeEpub({
      metadata: '<dc:title>Short Book</dc:title>',
      chapters: [{ id: 'c', href: 'c.xhtml', xhtml: xhtml('<h1>One</h1><p>Text.</p>') }],
    });
    const results = await invoke('articles.importFiles', {
      files: [upload('photo.html', png), upload('book.epub', book)],
    });
    expect(results[0]).toMatchObject({
      ok: false,
      error: {
        code: 'unsupported_format',
        message: expect.stringMatching(/^photo\.html: looks like a PNG image, not a document/),
      },
    });
    expect(results[1]).toMatchObject({
      ok: true,
      article: { format: 'epub', title: 'Short Book' },
    });
  });

  it('returns the original, re-parses from it keeping passages, and opens it only where a viewer exists', async () => {
    const { invoke, library } = setup();
    const bytes = await paper();
    const [r] = await invoke('articles.importFiles', { files: [upload('waves.pdf', bytes)] });
    if (!r?.ok) throw new Error('import failed');
    const id = r.article.id;

    const original = await invoke('articles.original', { id });
    expect(original).toMatchObject({
      fileName: 'waves.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
    });
    expect(Buffer.from(original.dataBase64, 'base64').equals(Buffer.from(bytes))).toBe(true);

    // The user corrected the text (dropping a sentence) and highlighted something; re-parsing
    // restores the importer's text and the passage stays placed.
    const before = await invoke('articles.get', { id });
    const blocks = before.body.blocks.filter(
      (b) => !(b.type === 'paragraph' && b.content[0]?.text.startsWith('Waves grow')),
    );
    const edited = await invoke('articles.updateBody', { id, body: { version: 1, blocks } });
    expect(edited.article.text).not.toContain('Waves grow');
    // The page starts followed the edit: page 1's only paragraph is gone, the text opens on page 2.
    expect(edited.article.text.startsWith('On the second page')).toBe(true);
    expect(edited.article.pages).toEqual([{ label: '2', start: 0 }]);
    const start = edited.article.text.indexOf('storm surge');
    const passage = await invoke('passages.create', {
      articleId: id,
      start,
      end: start + 11,
      color: 'green',
      tags: [],
      comment: '',
    });
    const { article, report } = await invoke('articles.reparse', { id });
    expect(article.text).toBe(before.text);
    expect(article.pages).toEqual(before.pages);
    expect(report).toEqual({ unchanged: 0, moved: 1, changed: 0, orphaned: 0 });
    const [placed] = await invoke('passages.list', { articleId: id });
    expect(placed?.id).toBe(passage.id);
    expect(article.text.slice(placed!.start, placed!.end)).toBe('storm surge');

    // Web mode and the CLI have no system viewer.
    await expect(invoke('articles.openOriginal', { id })).rejects.toThrow(
      /only the desktop app can open files/,
    );
    // The desktop app's viewer gets a private temp copy named by the real media type.
    const opened: string[] = [];
    const desktop = withViewer(library, async (path) => {
      opened.push(path);
    });
    expect(await desktop('articles.openOriginal', { id })).toEqual({ opened: true });
    expect(opened[0]).toMatch(/commonplace-original-[^/]+\/waves\.pdf$/);
    expect(readFileSync(opened[0]!).equals(Buffer.from(bytes))).toBe(true);
  });

  it('names a text original after its media type, whatever it was called', async () => {
    const { invoke, library } = setup();
    const dir = tempDir();
    const file = join(dir, 'run me.exe');
    writeFileSync(file, 'Just some notes.\n\nNothing to run.');
    const [r] = await invoke('articles.importPaths', { paths: [file] });
    if (!r?.ok) throw new Error('import failed');
    const opened: string[] = [];
    const desktop = withViewer(library, async (path) => {
      opened.push(path);
    });
    await desktop('articles.openOriginal', { id: r.article.id });
    expect(opened[0]).toMatch(/\/run me\.txt$/);
    expect(existsSync(opened[0]!)).toBe(true);
  });
});
