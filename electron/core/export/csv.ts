/**
 * CSV: one row per excerpt (each passage once, in export order), through csv-stringify, with a
 * UTF-8 BOM and CRLF rows so spreadsheets read it right. Cells that a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR) get a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import { cleanText, passageUrl } from './text';
import type { ExportItem, FormatWriter } from './types';

export const CSV_COLUMNS = [
  'quote',
  'comment',
  'tags',
  'color',
  'title',
  'byline',
  'date',
  'site',
  'source',
  'position',
  'end',
  'passage_id',
  'citation',
  'link',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises spreadsheet formulas (OWASP's CSV injection advice: prefix a quote). */
export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function row(item: ExportItem): string[] {
  const p = item.passage;
  const s = item.source;
  const cells = [
    p.quote,
    p.comment,
    p.tags.join('; '),
    p.color,
    s.title,
    s.byline ?? '',
    s.published ?? '',
    s.siteName ?? '',
    s.source ?? '',
    String(p.start),
    String(p.end),
    p.id,
    item.citation.text,
    passageUrl(p.id),
  ];
  // Control characters are removed before the guard, so a hidden one can't shield a formula.
  return cells.map((c) => guardCell(cleanText(c)));
}

export function renderCsv(items: readonly ExportItem[]): string {
  return `\ufeff${stringify([[...CSV_COLUMNS], ...items.map(row)], { record_delimiter: 'windows', quoted_match: /[\s"]/ })}`;
}

const encoder = new TextEncoder();

export const csvFormat: FormatWriter = {
  format: 'csv',
  extension: 'csv',
  mediaType: 'text/csv; charset=utf-8',
  async build(doc, ctx) {
    for (let i = 0; i < doc.items.length; i++) await ctx.tick();
    return {
      kind: 'file',
      fileName: '',
      mediaType: this.mediaType,
      bytes: encoder.encode(renderCsv(doc.items)),
    };
  },
  preview: async (doc) => renderCsv(doc.items).slice(1),
};
