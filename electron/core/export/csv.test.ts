import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { CSV_COLUMNS, guardCell } from './csv';
import { buildExport } from './index';
import { exportFixture, HOSTILE_COMMENT, options, Q_FORMULA, Q_MINUS } from './testFixture';
import { fileText } from './testRead';

const tempDir = useTempDir();

describe('CSV export', () => {
  it('reads back through csv-parse: one row per excerpt, quotes with commas, quotes, newlines and pipes intact, formulas guarded', async () => {
    const f = await exportFixture(tempDir());
    const built = await buildExport(f.library.db, options('csv', { groupBy: 'tag' }));
    if (built.output.kind !== 'file') throw new Error('expected a file');
    expect([...built.output.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for spreadsheets
    const csv = fileText(built.output);
    const rows = parse(csv, { bom: true, columns: true, relax_column_count: false }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    // Grouping by tag repeats passages in the document, never in the CSV.
    expect(rows.map((r) => r.passage_id)).toEqual(built.doc.items.map((i) => i.passage.id));
    const byId = new Map(rows.map((r) => [r.passage_id, r]));
    const formula = byId.get(f.passages.formula.id)!;
    expect(formula.quote).toBe(`'${Q_FORMULA}`);
    expect(formula.comment).toBe(`'${HOSTILE_COMMENT}`);
    expect(formula).toMatchObject({
      tags: 'formula tests; sanctions',
      color: 'pink',
      byline: 'Ann "Ace" O\'Neil',
      // A local path is private: exports keep a web address only (issue 19).
      source: '',
      link: `commonplace://passage/${f.passages.formula.id}`,
    });
    expect(byId.get(f.passages.minus.id)).toMatchObject({
      quote: `'${Q_MINUS}`,
      comment: "'+1 agree",
    });
    const trade = byId.get(f.passages.trade.id)!;
    expect(trade).toMatchObject({
      comment: 'key claim\nsecond line',
      title: f.shared.title,
      date: '2024-06-18',
      site: 'The Daily Wire Service',
      position: String(f.passages.trade.start),
      end: String(f.passages.trade.end),
    });
    expect(trade.citation).toContain(f.shared.title);
    // Control characters are stripped; no cell starts with a formula character unguarded.
    expect(byId.get(f.passages.putin.id)!.quote).toBe('Putin');
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
    f.library.close();
  });

  it('guards every formula start', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])
      expect(guardCell(s)).toBe(`'${s}`);
    for (const s of ['', 'plain', "'already", ' =spaced']) expect(guardCell(s)).toBe(s);
  });
});
