/**
 * Issue 19 (point 2): `.csl` styles a user adds — stored in the library, checked when added
 * (well-formed, a CSL style, independent or with a bundled parent, at most 1 MB), with their
 * locale, and offered wherever a bundled style is: exports and Copy as citation.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { buildExport } from '../export/index';
import { insertTestArticle, options } from '../export/testFixture';
import { fileText } from '../export/testRead';
import { citeBudgetFor, parseBudgetFor } from '../import/bounded';
import { exportLibraryJson } from '../transfer/exportJson';
import { importLibraryJson } from '../transfer/importJson';
import { STYLE_FILES } from './styles/files.generated';

const tempDir = useTempDir();

/**
 * A well-formed, valid 4 kB CSL style whose rendering never ends: each macro calls the next
 * twice, so citeproc's work doubles per level (18 levels took 80 s in process; 40 never end).
 * With `onlyFor`, only a citation of that item type explodes: the probe rendering when the
 * style is added (a journal article) is quick, so adding it succeeds.
 */
function explosiveStyle(onlyFor?: string, levels = 40): string {
  const macros = Array.from({ length: levels }, (_, i) => {
    const body =
      i + 1 < levels
        ? `<text macro="m${i + 1}"/><text macro="m${i + 1}"/>`
        : '<text variable="title"/>';
    return `<macro name="m${i}"><group>${body}</group></macro>`;
  });
  const citation = onlyFor
    ? `<choose><if type="${onlyFor}"><text macro="m0"/></if><else><text variable="title"/></else></choose>`
    : '<text macro="m0"/>';
  return `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info><title>Explosive</title><id>http://example.org/styles/explosive</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  ${macros.join('\n  ')}
  <citation><layout>${citation}</layout></citation>
  <bibliography><layout><text variable="title"/></layout></bibliography>
</style>`;
}

const tooLong = (file: string, doing: string) =>
  new RegExp(
    `^${file.replace('.', '\\.')}: ${doing} (took longer than [\\d.]+ s|needed more than \\d+ MB of memory) — refused as too large or too complex for its size$`,
  );
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const HARVARD = fixture('harvard-test.csl');

async function library() {
  const t = openTestLibrary(tempDir());
  const db = t.library.db;
  const a = insertTestArticle(db, {
    title: 'Putin arrives in Pyongyang',
    byline: 'Jane Doe',
    published: '2024-06-18',
    siteName: 'The Daily',
    source: 'https://example.com/putin',
    lang: 'en',
    paragraphs: ['Page one text is here.', 'Page two text follows, with a "quoted" word.'],
  });
  const text = db
    .prepare<[string], { text: string }>('SELECT text FROM articles WHERE id = ?')
    .get(a.id)!.text;
  const pages = [
    { label: '3', start: 0 },
    { label: '4', start: text.indexOf('Page two') },
  ];
  db.prepare('UPDATE articles SET pages = ? WHERE id = ?').run(JSON.stringify(pages), a.id);
  const passage = await t.invoke('passages.createFromQuote', {
    articleId: a.id,
    quote: 'text follows, with a "quoted" word',
    tags: ['x'],
    comment: '',
    color: 'yellow',
  });
  return { t, db, passageId: passage.id };
}

// Adding a style checks it in the parser thread, which loads the importers from TypeScript (jiti)
// here: seconds, on a loaded machine more.
describe('added CSL styles', { timeout: 120_000 }, () => {
  it('an independent style is listed, cites in its own locale, and is offered to exports and Copy as citation', async () => {
    const { t, db, passageId } = await library();
    const added = await t.invoke('citations.addStyle', {
      fileName: 'harvard-test.csl',
      text: HARVARD,
    });
    expect(added).toMatchObject({
      id: expect.stringMatching(/^user:[0-9a-f-]{36}$/),
      title: 'Harvard (Commonplace test)',
      kind: 'in-text',
      locale: 'de-DE',
      localeNote: null,
      builtIn: false,
      fileName: 'harvard-test.csl',
    });
    const list = await t.invoke('citations.styles', {});
    expect(list.map((s) => s.id)).toEqual(['apa', 'chicago', 'chicago-note', 'mla', added.id]);

    // German: "S." for the page, „…“ around the quote and ‚…‘ inside it.
    const inText = await t.invoke('citations.passage', {
      id: passageId,
      style: added.id,
      form: 'in-text',
    });
    expect(inText.text).toBe('„text follows, with a ‚quoted‘ word“ [Doe 2024, S. 4]');
    const reference = await t.invoke('citations.passage', { id: passageId, style: added.id });
    expect(reference.text).toContain('— Doe, J. (2024): „Putin arrives in Pyongyang“.');

    const md = fileText((await buildExport(db, options('md', { style: added.id }))).output);
    expect(md).toContain('— \\[Doe 2024, S. 4\\]');
    expect(md).toMatch(/## References\n\nDoe, J\. \(2024\): „Putin arrives in Pyongyang“\./);
    t.library.close();
  });

  it('a style whose locale is not bundled cites in en-US and says so', async () => {
    const { t, passageId } = await library();
    const added = await t.invoke('citations.addStyle', {
      fileName: 'harvard-swedish.csl',
      text: fixture('harvard-swedish.csl'),
    });
    expect(added.locale).toBe('en-US');
    expect(added.localeNote).toBe(
      "The style's locale sv-SE is not bundled; its citations use en-US.",
    );
    const c = await t.invoke('citations.passage', {
      id: passageId,
      style: added.id,
      form: 'in-text',
    });
    expect(c.text).toBe('“text follows, with a ‘quoted’ word” [Doe 2024, p. 4]');
    t.library.close();
  });

  it('a dependent style cites as its bundled parent, under its own title and locale', async () => {
    const { t, passageId } = await library();
    const added = await t.invoke('citations.addStyle', {
      fileName: 'journal.csl',
      text: fixture('journal-dependent.csl'),
    });
    expect(added).toMatchObject({ title: 'Journal of Commonplace Studies', locale: 'en-GB' });
    const mine = await t.invoke('citations.passage', {
      id: passageId,
      style: added.id,
      form: 'in-text',
    });
    expect(mine.text).toMatch(/\(Doe, 2024, p\. 4\)$/);
    // en-GB quotes: single outside, double inside.
    expect(mine.text).toMatch(/^‘text follows, with a “quoted” word’/);
    t.library.close();
  });

  it('a dependent style of the official Chicago cites with our bundled (locally modified) Chicago', async () => {
    const { t, passageId } = await library();
    const added = await t.invoke('citations.addStyle', {
      fileName: 'journal-chicago.csl',
      text: fixture('journal-dependent.csl').replace(
        'http://www.zotero.org/styles/apa"',
        'http://www.zotero.org/styles/chicago-author-date"',
      ),
    });
    const mine = await t.invoke('citations.passage', {
      id: passageId,
      style: added.id,
      form: 'in-text',
    });
    expect(mine.text).toMatch(/\(Doe 2024, 4\)$/);
    // Our copy itself is bundled already, under its own id.
    await expect(
      t.invoke('citations.addStyle', {
        fileName: 'chicago-copy.csl',
        text: STYLE_FILES['chicago-author-date.csl']!,
      }),
    ).rejects.toThrow(
      /^chicago-copy\.csl: “Chicago Manual of Style 17th edition \(author-date\)” is bundled already \(chicago\)\.$/,
    );
    t.library.close();
  });

  it('refuses bad files with one line naming the file, and the library stays as it was', async () => {
    const { t } = await library();
    const add = (fileName: string, text: string) =>
      t.invoke('citations.addStyle', { fileName, text });
    await expect(add('broken.csl', HARVARD.replace('</citation>', ''))).rejects.toThrow(
      /^broken\.csl: the style is not well-formed XML/,
    );
    const huge = HARVARD.replace('<info>', `<info><!-- ${'x'.repeat(1024 * 1024)} -->`);
    await expect(add('huge.csl', huge)).rejects.toThrow(
      /^huge\.csl: a CSL style may be at most 1024 kB; this one is 1,026 kB\.$/,
    );
    await expect(
      add('drawing.csl', '<svg xmlns="http://www.w3.org/2000/svg"><title>x</title></svg>'),
    ).rejects.toThrow(/^drawing\.csl: not a CSL style \(the root element is <svg>/);
    await expect(add('child.csl', fixture('dependent-unknown-parent.csl'))).rejects.toThrow(
      /^child\.csl: a dependent style of http:\/\/www\.zotero\.org\/styles\/vancouver, which is not bundled/,
    );
    await expect(
      add(
        'entities.csl',
        `<!DOCTYPE style [<!ENTITY a "aaaa">]>${HARVARD.replace(/^<\?xml[^>]*>\n/, '')}`,
      ),
    ).rejects.toThrow(/^entities\.csl: a CSL style may not declare a DOCTYPE or entities\.$/);
    await expect(add('apa-copy.csl', STYLE_FILES['apa.csl']!)).rejects.toThrow(
      /^apa-copy\.csl: “American Psychological Association 7th edition” is bundled already \(apa\)\.$/,
    );
    await expect(add('empty.csl', '  \n')).rejects.toThrow(/^empty\.csl: the file is empty\.$/);
    const first = await add('harvard-test.csl', HARVARD);
    await expect(add('harvard-again.csl', HARVARD)).rejects.toThrow(
      `harvard-again.csl: “Harvard (Commonplace test)” is already in the library (${first.id}, added from harvard-test.csl).`,
    );
    expect((await t.invoke('citations.styles', {})).filter((s) => !s.builtIn)).toHaveLength(1);
    t.library.close();
  });

  it(
    'refuses a style whose rendering runs long, within the time budget, in the parser thread; the next style is added',
    { timeout: 180_000 },
    async () => {
      const { t } = await library();
      const explosive = explosiveStyle();
      const budget = parseBudgetFor(Buffer.byteLength(explosive));
      const started = performance.now();
      await expect(
        t.invoke('citations.addStyle', { fileName: 'explosive.csl', text: explosive }),
      ).rejects.toThrow(tooLong('explosive.csl', 'checking the style'));
      expect(performance.now() - started).toBeLessThan(budget.startMs + budget.timeMs);
      expect((await t.invoke('citations.styles', {})).map((s) => s.title)).not.toContain(
        'Explosive',
      );
      // The thread was replaced: the next style is checked and added.
      const added = await t.invoke('citations.addStyle', {
        fileName: 'harvard-test.csl',
        text: HARVARD,
      });
      expect(added.title).toBe('Harvard (Commonplace test)');
      t.library.close();
    },
  );

  it(
    'a stored style is rendered in the parser thread: one that runs long only for a news article is added, then refused when copying or exporting with it, within its budget; the thread is replaced',
    { timeout: 300_000 },
    async () => {
      const { t, db, passageId } = await library();
      // The probe (a journal article) renders at once: the style is added.
      const added = await t.invoke('citations.addStyle', {
        fileName: 'news-bomb.csl',
        text: explosiveStyle('article-newspaper'),
      });
      // The library's article is a dated page of a site: a news article.
      const budget = citeBudgetFor(Buffer.byteLength(explosiveStyle('article-newspaper')), 2);
      let started = performance.now();
      await expect(
        t.invoke('citations.passage', { id: passageId, style: added.id, form: 'in-text' }),
      ).rejects.toThrow(tooLong('news-bomb.csl', 'citing with the style'));
      expect(performance.now() - started).toBeLessThan(budget.startMs + budget.timeMs);
      started = performance.now();
      await expect(buildExport(db, options('md', { style: added.id }))).rejects.toThrow(
        tooLong('news-bomb.csl', 'citing with the style'),
      );
      expect(performance.now() - started).toBeLessThan(budget.startMs + budget.timeMs);
      // The next citation in a user's style gets a fresh thread; a bundled style cites in process.
      const harvard = await t.invoke('citations.addStyle', { fileName: 'h.csl', text: HARVARD });
      expect(
        (await t.invoke('citations.passage', { id: passageId, style: harvard.id, form: 'in-text' }))
          .text,
      ).toBe('„text follows, with a ‚quoted‘ word“ [Doe 2024, S. 4]');
      expect(
        (await t.invoke('citations.passage', { id: passageId, style: 'apa', form: 'in-text' }))
          .text,
      ).toMatch(/\(Doe, 2024, p\. 4\)$/);
      t.library.close();
    },
  );

  it(
    'restoring a library JSON probes its styles in the parser thread: one whose rendering runs long is refused, naming its row, within its budget, and nothing is written',
    { timeout: 300_000 },
    async () => {
      const { t, db } = await library();
      await t.invoke('citations.addStyle', { fileName: 'h.csl', text: HARVARD });
      const file = join(tempDir(), 'library.json');
      exportLibraryJson(db, file);
      t.library.close();
      // The row as an older version, a sync peer or a hand edit could have written it.
      const doc = JSON.parse(readFileSync(file, 'utf8')) as {
        tables: { citation_styles: Record<string, unknown>[] };
      };
      const explosive = explosiveStyle();
      const harvardRow = doc.tables.citation_styles[0]!;
      doc.tables.citation_styles[0] = {
        ...harvardRow,
        file_name: 'explosive.csl',
        xml: explosive,
        title: 'Explosive',
        csl_id: 'http://example.org/styles/explosive',
      };
      writeFileSync(file, JSON.stringify(doc));
      const dst = openTestLibrary(tempDir());
      const budget = parseBudgetFor(Buffer.byteLength(explosive));
      const started = performance.now();
      const refused = importLibraryJson(dst.library.db, file);
      await expect(refused).rejects.toThrow(
        /tables\.citation_styles\[0\] \(id [0-9a-f-]+\)\.xml: explosive\.csl: checking the style (took longer than|needed more than)/,
      );
      expect(performance.now() - started).toBeLessThan(budget.startMs + budget.timeMs);
      for (const table of ['articles', 'passages', 'citation_styles'])
        expect(dst.library.db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({
          n: 0,
        });
      // The same file with its style as it was restores (the thread was replaced).
      doc.tables.citation_styles[0] = harvardRow;
      writeFileSync(file, JSON.stringify(doc));
      expect((await importLibraryJson(dst.library.db, file)).citation_styles).toBe(1);
      dst.library.close();
    },
  );

  it('removes an added style; citing with it then says it is gone; the bundled ones cannot be removed', async () => {
    const { t, passageId } = await library();
    const added = await t.invoke('citations.addStyle', { fileName: 'h.csl', text: HARVARD });
    expect(
      await t.invoke('citations.removeStyle', { id: added.id as `user:${string}` }),
    ).toMatchObject({
      id: added.id,
    });
    expect((await t.invoke('citations.styles', {})).map((s) => s.id)).not.toContain(added.id);
    await expect(t.invoke('citations.passage', { id: passageId, style: added.id })).rejects.toThrow(
      `No citation style ${added.id} in this library (was it removed?).`,
    );
    await expect(
      t.invoke('citations.removeStyle', { id: 'apa' as `user:${string}` }),
    ).rejects.toThrow(/a citation style is apa, chicago, chicago-note, mla or user:ID/);
    // Removed, the same file may be added again.
    await t.invoke('citations.addStyle', { fileName: 'h.csl', text: HARVARD });
    t.library.close();
  });
});
