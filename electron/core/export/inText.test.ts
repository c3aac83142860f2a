/**
 * Issue 19 (points 2–4): a styled export cites each excerpt in the text, with the page its
 * passage falls on, and ends with the processor's reference list, sorted and disambiguated
 * (Ji 2024a / 2024b); no local file path reaches any export that cites.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { buildExport } from './index';
import { insertTestArticle, options } from './testFixture';
import { fileText, markdownDom, norm } from './testRead';

const tempDir = useTempDir();

const PAGE_1 = 'The summit opened with a state banquet in the capital.';
const PAGE_2 = 'Both sides signed a treaty on a comprehensive strategic partnership.';
const PAGE_3 = 'Analysts expect closer military cooperation to follow the visit.';
const PRIVATE = '/tmp/private-research/report.pdf';

async function library() {
  const t = openTestLibrary(tempDir());
  const db = t.library.db;
  // Two articles by one author in one year: the processor letters them a and b.
  const report = insertTestArticle(db, {
    title: "Putin's state visit to North Korea sets stage for elevated ties",
    byline: 'Ji Da-gyum',
    published: '2024-06-18',
    siteName: 'The Korea Herald',
    source: PRIVATE,
    lang: 'en',
    paragraphs: [PAGE_1, PAGE_2, PAGE_3],
  });
  const later = insertTestArticle(db, {
    title: 'Seoul weighs its options after the treaty',
    byline: 'Ji Da-gyum',
    published: '2024-07-02',
    siteName: 'The Korea Herald',
    source: 'https://www.koreaherald.com/view.php?ud=20240702',
    lang: 'en',
    paragraphs: ['Officials in Seoul met to weigh their response.'],
  });
  // A PDF's pages, as the PDF importer stores them: pages 3, 4 and 5 of a printed report.
  const text = db
    .prepare<[string], { text: string }>('SELECT text FROM articles WHERE id = ?')
    .get(report.id)!.text;
  const pages = [PAGE_1, PAGE_2, PAGE_3].map((p, i) => ({
    label: String(i + 3),
    start: text.indexOf(p),
  }));
  db.prepare('UPDATE articles SET pages = ? WHERE id = ?').run(JSON.stringify(pages), report.id);
  const add = (articleId: string, quote: string) =>
    t.invoke('passages.createFromQuote', {
      articleId,
      quote,
      tags: ['treaty'],
      comment: '',
      color: 'yellow',
    });
  await add(report.id, 'a treaty on a comprehensive strategic partnership');
  // A passage running from page 4 onto page 5.
  await add(report.id, `strategic partnership.\n\n${PAGE_3.slice(0, 20)}`);
  await add(later.id, 'weigh their response');
  return t;
}

describe('in-text citations and reference lists in exports', () => {
  it('Markdown: (Author, year, page) after each excerpt, a References list at the end, no local path', async () => {
    const t = await library();
    const md = fileText((await buildExport(t.library.db, options('md', { style: 'apa' }))).output);
    const dom = markdownDom(md.replace(/^---[\s\S]*?\n---\n/, ''));
    const paras = [...dom.querySelectorAll('p')].map((p) => norm(p.textContent ?? ''));
    expect(paras.filter((p) => p.startsWith('— ('))).toEqual([
      expect.stringMatching(/^— \(Ji, 2024a, p\. 4\)/),
      expect.stringMatching(/^— \(Ji, 2024a, pp\. 4–5\)/),
      expect.stringMatching(/^— \(Ji, 2024b\)/),
    ]);
    const headings = [...dom.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings.at(-1)).toBe('References');
    expect(paras.slice(-2)).toEqual([
      // A PDF is cited as a report (its type read before the path was dropped): title in italics.
      'Ji, D.-G. (2024a). Putin’s state visit to North Korea sets stage for elevated ties. The Korea Herald.',
      'Ji, D.-G. (2024b, July 2). Seoul weighs its options after the treaty. The Korea Herald. https://www.koreaherald.com/view.php?ud=20240702',
    ]);
    // Italics survive as Markdown emphasis.
    expect([...dom.querySelectorAll('em')].map((e) => e.textContent)).toContain(
      'Putin’s state visit to North Korea sets stage for elevated ties',
    );
    expect(md).not.toContain(PRIVATE);
    t.library.close();
  });

  it('Chicago author-date and MLA in-text forms: (Ji 2024a, 4) and (Ji, “Short Title” 4)', async () => {
    const t = await library();
    const chicago = fileText(
      (await buildExport(t.library.db, options('md', { style: 'chicago' }))).output,
    );
    expect(chicago).toContain('— (Ji 2024a, 4)');
    expect(chicago).toContain('— (Ji 2024a, 4–5)');
    expect(chicago).toMatch(/## References\n\nJi, Da-gyum\. 2024a\./);
    const mla = fileText((await buildExport(t.library.db, options('md', { style: 'mla' }))).output);
    // Two works by one author: MLA adds a short title.
    expect(mla).toContain(
      '— (Ji, *Putin’s State Visit to North Korea Sets Stage for Elevated Ties* 4',
    );
    expect(mla).toContain('## Works Cited');
    const notes = fileText(
      (await buildExport(t.library.db, options('md', { style: 'chicago-note' }))).output,
    );
    expect(notes).toContain('## Bibliography');
    t.library.close();
  });

  it('HTML and DOCX: the in-text citation per excerpt and the reference list; no local path', async () => {
    const t = await library();
    const html = fileText(
      (await buildExport(t.library.db, options('html', { style: 'apa' }))).output,
    );
    expect(html).toContain('— (Ji, 2024a, p. 4)');
    expect(html).toMatch(
      /<section class="references">\n<h2>References<\/h2>\n<p class="csl-entry">Ji, D\.-G\. \(2024a\)\. <i>Putin’s/,
    );
    expect(html).not.toContain(PRIVATE);
    const docx = (await buildExport(t.library.db, options('docx', { style: 'apa' }))).output;
    if (docx.kind !== 'file') throw new Error('expected a file');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx.bytes) });
    expect(value).toContain('(Ji, 2024a, pp. 4–5)');
    expect(value).toMatch(/References\n+Ji, D\.-G\. \(2024a\)\. Putin’s/);
    expect(value).not.toContain(PRIVATE);
    t.library.close();
  });

  it('Obsidian: in-text citations, each source file ends with its entry, the index with the list', async () => {
    const t = await library();
    const out = (await buildExport(t.library.db, options('obsidian', { style: 'apa' }))).output;
    if (out.kind !== 'folder') throw new Error('expected a folder');
    const files = new Map(out.files.map((f) => [f.path, new TextDecoder().decode(f.bytes)]));
    const all = [...files.values()].join('\n');
    expect(all).toContain('— (Ji, 2024a, p. 4) · [Open in Commonplace]');
    expect(files.get('Index.md')).toMatch(/## References\n\nJi, D\.-G\. \(2024a/);
    expect(all).not.toContain(PRIVATE);
    t.library.close();
  });

  it('without a style, excerpts keep the short citation and there is no reference list', async () => {
    const t = await library();
    const md = fileText((await buildExport(t.library.db, options('md'))).output);
    expect(md).not.toContain('## References');
    expect(md).toContain('— Ji Da-gyum, Putin');
    t.library.close();
  });
});
