import { afterEach, describe, expect, it } from 'vitest';
import { citeDocument } from '../../core/citations/processor';
import { bundledStyle } from '../../core/citations/styles';
import { MAX_NAMES } from '../../model/sourceMeta';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';

const tempDir = useTempDir();
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p><p>${body} Again, and more words so the page reads as an article.</p></article></body></html>`;

async function setup() {
  const t = openTestLibrary(tempDir());
  cleanups.push(() => t.library.close());
  const files = [
    ['mueller.html', page('Müller &amp; Sons: DNA study', 'Sequencing the family firm.')],
    ['tides.html', page('Tides and towns', 'The harbour floods twice a year.')],
    ['dup1.html', page('Annual report', 'First annual report text.')],
    ['dup2.html', page('Annual report', 'Second annual report text, different.')],
  ];
  const results = await t.invoke('articles.importFiles', {
    files: files.map(([name, html]) => ({
      name: name!,
      dataBase64: Buffer.from(html!).toString('base64'),
    })),
  });
  const ids = results.map((r) => (r.ok ? r.article.id : ''));
  return { ...t, ids };
}

describe('articles.importMeta (Zotero interop)', () => {
  it('puts BibTeX metadata (LaTeX escapes decoded) onto the article with that title, and names what it could not place', async () => {
    const { invoke, ids } = await setup();
    const bib = String.raw`
@article{mueller2019,
  title = {M{\"u}ller \& Sons: {DNA} study},
  author = {M{\"u}ller, J{\"o}rg and Smith, Ann and {World Health Organization}},
  journal = {Nature}, year = {2019}, month = jun, volume = {3}, pages = {1--9},
  doi = {10.1000/ABC.1}
}
@book{missing, title = {A book nobody imported}, author = {Roe, Ann}, year = {2001}}
@report{dup, title = {Annual Report}, year = {2020}}`;
    const report = await invoke('articles.importMeta', { fileName: 'zotero.bib', text: bib });
    expect(report.matched).toEqual([
      {
        entry: '“Müller & Sons: DNA study”',
        articleId: ids[0],
        by: 'title',
        fields: expect.arrayContaining(['author', 'DOI', 'volume', 'page', 'container-title']),
        undo: expect.any(Object),
      },
    ]);
    expect(report.unmatched).toEqual(['“A book nobody imported”']);
    expect(report.ambiguous).toEqual([{ entry: '“Annual Report”', articleIds: [ids[2], ids[3]] }]);
    const meta = await invoke('articles.meta', { id: ids[0]! });
    expect(meta.csl).toMatchObject({
      type: 'article-journal',
      title: 'Müller & Sons: DNA study',
      author: [
        { family: 'Müller', given: 'Jörg' },
        { family: 'Smith', given: 'Ann' },
        { family: 'World Health Organization' },
      ],
      issued: { 'date-parts': [[2019, 6]] },
      'container-title': 'Nature',
      DOI: '10.1000/ABC.1',
      page: '1-9',
    });

    // A second file matches by DOI first (the title differs), and by URL.
    const csl = JSON.stringify([
      {
        type: 'article-journal',
        title: 'Different title',
        DOI: 'https://doi.org/10.1000/abc.1',
        volume: '4',
      },
    ]);
    const second = await invoke('articles.importMeta', { fileName: 'zotero.json', text: csl });
    expect(second.matched.map((m) => [m.articleId, m.by])).toEqual([[ids[0], 'DOI']]);
    expect((await invoke('articles.meta', { id: ids[0]! })).csl.volume).toBe('4');

    const ris =
      'TY  - NEWS\r\nTI  - Tides and Towns\r\nAU  - Lee, Ann\r\nPY  - 2021\r\nT2  - The Courier\r\nDO  - 10.5555/tides\r\nER  - \r\n';
    const third = await invoke('articles.importMeta', { fileName: 'zotero.ris', text: ris });
    expect(third.matched.map((m) => m.articleId)).toEqual([ids[1]]);
    expect((await invoke('articles.meta', { id: ids[1]! })).csl).toMatchObject({
      author: [{ family: 'Lee', given: 'Ann' }],
      issued: { 'date-parts': [[2021]] },
      DOI: '10.5555/tides',
    });
  });

  it('each matched article carries the patch that takes its import back (Undo), even over earlier edits', async () => {
    const { invoke, ids } = await setup();
    const id = ids[1]!;
    await invoke('articles.setMeta', { id, patch: { volume: '7', publisher: 'Harbour Press' } });
    const before = await invoke('articles.meta', { id });
    const b = await invoke('articles.get', { id });
    const shownBefore = [b.siteName, b.byline, b.published];
    const ris =
      'TY  - NEWS\r\nTI  - Tides and Towns\r\nAU  - Lee, Ann\r\nPY  - 2021\r\nT2  - The Courier\r\nVL  - 9\r\nER  - \r\n';
    const report = await invoke('articles.importMeta', { fileName: 'zotero.ris', text: ris });
    expect(report.matched).toHaveLength(1);
    const after = await invoke('articles.meta', { id });
    expect(after.csl).toMatchObject({ volume: '9', 'container-title': 'The Courier' });
    expect(report.matched[0]!.undo).toMatchObject({ volume: '7', 'container-title': null });
    await invoke('articles.setMeta', { id, patch: report.matched[0]!.undo });
    const undone = await invoke('articles.meta', { id });
    expect(undone.edited).toEqual(before.edited);
    expect(undone.csl).toEqual(before.csl);
    // The library list shows what it showed before.
    const row = await invoke('articles.get', { id });
    expect([row.siteName, row.byline, row.published]).toEqual(shownBefore);
  });

  it('keeps the first authors of a list longer than 500, then "others", and says so', async () => {
    const { invoke, ids } = await setup();
    const author = Array.from({ length: 612 }, (_, i) => ({ family: `Author${i}`, given: 'A.' }));
    const csl = JSON.stringify([{ type: 'article-journal', title: 'Tides and towns', author }]);
    const report = await invoke('articles.importMeta', { fileName: 'big.json', text: csl });
    expect(report.matched[0]!.fields).toContain('author');
    expect(report.warnings).toEqual([
      '“Tides and towns”: author: 612 names, more than 500; kept the first 499, then "others"',
    ]);
    const stored = (await invoke('articles.meta', { id: ids[1]! })).csl;
    expect(stored.author).toHaveLength(MAX_NAMES);
    expect(stored.author!.slice(0, 2)).toEqual(author.slice(0, 2));
    expect(stored.author!.at(-1)).toEqual({ family: 'others' });
    // The styles print the first authors and et al. (APA: 19, "…", and the unnamed rest).
    const doc = (style: 'apa' | 'mla') =>
      citeDocument(bundledStyle(style), [stored], [{ id: stored.id }]);
    expect(doc('apa').inText[0]!.text).toBe('(Author0 et al., n.d.)');
    expect(doc('apa').references[0]!.text).toMatch(/^Author0, A\., .*Author18, A\., … others\./);
    expect(doc('mla').references[0]!.text).toMatch(/^Author0, A\., et al\. /);
  });

  it("keeps the first 499 of a web page's 600 citation_author names, with a warning naming the file", async () => {
    const t = openTestLibrary(tempDir());
    cleanups.push(() => t.library.close());
    const metas = Array.from(
      { length: 600 },
      (_, i) => `<meta name="citation_author" content="Writer${i}, Bo">`,
    ).join('');
    const html = page('Big collaboration', 'Many hands.').replace('</head>', `${metas}</head>`);
    const [result] = await t.invoke('articles.importFiles', {
      files: [{ name: 'collab.html', dataBase64: Buffer.from(html).toString('base64') }],
    });
    expect(result!.ok && result!.warnings).toEqual([
      'collab.html: author: 600 names, more than 500; kept the first 499, then "others"',
    ]);
    const id = result!.ok ? result!.article.id : '';
    const author = (await t.invoke('articles.meta', { id })).csl.author!;
    expect(author).toHaveLength(500);
    expect(author[498]).toEqual({ family: 'Writer498', given: 'Bo' });
    expect(author[499]).toEqual({ family: 'others' });
  });

  it('refuses a file that is none of the formats, or too big, with one line naming it', async () => {
    const { invoke } = await setup();
    await expect(
      invoke('articles.importMeta', { fileName: 'notes.txt', text: 'just some words {{{' }),
    ).rejects.toThrow(/^notes\.txt: not a CSL-JSON, BibTeX or RIS file/);
    await expect(invoke('articles.importMeta', { fileName: 'e.bib', text: '  ' })).rejects.toThrow(
      /e\.bib: the file is empty/,
    );
    await expect(
      invoke('articles.importMeta', {
        fileName: 'huge.bib',
        text: 'x'.repeat(5 * 1024 * 1024 + 1),
      }),
    ).rejects.toThrow(/huge\.bib: larger than 5 MB/);
  });
});
