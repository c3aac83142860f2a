import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { buildExport } from '../export';
import { exportFixture, HOSTILE_TITLE, options, Q_TRADE } from '../export/testFixture';
import { passageCitation } from './passage';

const tempDir = useTempDir();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function built(
  format: 'csljson' | 'bibtex' | 'ris' | 'md',
  style?: 'apa' | 'chicago' | 'mla',
) {
  const f = await exportFixture(tempDir());
  const b = await buildExport(f.library.db, options(format, style ? { style } : {}));
  f.library.close();
  if (b.output.kind !== 'file') throw new Error('expected a file');
  return { name: b.name, body: text(b.output.bytes) };
}

describe('citation export formats', () => {
  it('writes each exported source once, readable by citation-js, in every citation format', async () => {
    for (const format of ['csljson', 'bibtex', 'ris'] as const) {
      const { name, body } = await built(format);
      expect(name).toMatch({ csljson: /\.json$/, bibtex: /\.bib$/, ris: /\.ris$/ }[format]);
      const data = new Cite(body).data;
      expect(data.map((d) => d.title).sort()).toEqual(
        [HOSTILE_TITLE, 'Putin arrives in North Korea'].sort(),
      );
      const news = data.find((d) => d.title === 'Putin arrives in North Korea')!;
      expect(news.URL).toBe('https://news.example/putin-north-korea');
    }
  });
  it('--style puts a citeproc citation beside each excerpt', async () => {
    const apa = (await built('md', 'apa')).body;
    expect(apa).toContain('Reporter, J. (2024, June 18). Putin arrives in North Korea.');
    const mla = (await built('md', 'mla')).body;
    expect(mla).toContain('Reporter, Jane. “Putin Arrives in North Korea.”');
    expect(mla).toContain('18 June 2024');
  });

  it('copies a passage as its quote plus a citation, in text and HTML, escaping the quote', async () => {
    const f = await exportFixture(tempDir());
    const apa = await passageCitation(f.library.db, f.passages.trade.id, 'apa');
    expect(apa.text).toBe(
      `“${Q_TRADE}”\n— Reporter, J. (2024, June 18). Putin arrives in North Korea. The Daily Wire Service. https://news.example/putin-north-korea`,
    );
    expect(apa.html).toBe(
      `<blockquote><p>${Q_TRADE}</p></blockquote><p>— Reporter, J. (2024, June 18). Putin arrives in North Korea. <i>The Daily Wire Service</i>. https://news.example/putin-north-korea</p>`,
    );
    const short = await passageCitation(f.library.db, f.passages.formula.id, null);
    expect(short.html).not.toContain('<script>');
    expect(short.text).toContain('Ann "Ace" O\'Neil');
    await expect(
      passageCitation(f.library.db, '01936b2e-8f7a-7c3d-9b1e-2f4a6c8d0e12', 'mla'),
    ).rejects.toThrow(/No passage/);
    f.library.close();
  });
});

describe('copy as citation: both forms, page locators, quote marks of the locale', () => {
  it('in-text form: the quote in curly marks, inner straight quotes as inner marks, then (Author, year, p. N)', async () => {
    const f = await exportFixture(tempDir());
    const db = f.library.db;
    const id = f.passages.formula.id;
    const { article_id: articleId, start } = db
      .prepare<[string], { article_id: string; start: number }>(
        'SELECT article_id, start FROM passages WHERE id = ?',
      )
      .get(id)!;
    // The article as a PDF whose page 12 starts before the passage.
    db.prepare('UPDATE articles SET pages = ? WHERE id = ?').run(
      JSON.stringify([
        { label: '11', start: 0 },
        { label: '12', start: Math.max(1, start - 1) },
      ]),
      articleId,
    );
    const c = await passageCitation(db, id, 'apa', 'in-text');
    // Q_FORMULA holds "quoted, with comma" in straight quotes: inside “…” they become ‘…’.
    expect(c.text).toBe(
      `“=SUM(A1:A9) is a formula, ‘quoted, with comma’, and a pipe | inside.” (O’Neil, n.d., p. 12)`,
    );
    expect(c.text).not.toMatch(/“[^”]*"/);
    expect(c.html).toContain('(O’Neil, n.d., p. 12)</p>');
    expect((await passageCitation(db, id, 'chicago', 'in-text')).text).toMatch(
      / \(O’Neil, n\.d\., 12\)$/,
    );
    // The reference form of the same passage: the entry on its own line.
    const ref = await passageCitation(db, id, 'apa', 'reference');
    expect(ref.text).toMatch(/^“=SUM.*”\n— O’Neil, A\. “Ace\.” \(n\.d\.\)\. CON: /);
    f.library.close();
  });
});
