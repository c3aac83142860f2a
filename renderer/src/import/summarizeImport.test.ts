import { describe, expect, it } from 'vitest';
import type { ArticleSummary, ImportResult } from '../../../electron/model/articles';
import { failureText, successText, summarizeImport } from './summarizeImport';

function article(n: number): ArticleSummary {
  return {
    id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    title: `A${n}`,
    subtitle: null,
    byline: null,
    published: null,
    siteName: null,
    lang: null,
    source: null,
    format: 'text',
    createdAt: '2024-06-19T00:00:00.000Z',
    updatedAt: '2024-06-19T00:00:00.000Z',
    readAt: null,
    lastReadAt: null,
    trashedAt: null,
  };
}
const ok = (n: number, duplicate: boolean): ImportResult => ({
  ok: true,
  file: `f${n}.txt`,
  duplicate,
  article: article(n),
});
const bad = (file: string, message: string): ImportResult => ({
  ok: false,
  file,
  error: { code: 'unsupported_format', message },
});

describe('summarizeImport', () => {
  it('counts new and duplicate articles, lists failures with their reasons, opens the first new one', () => {
    const summary = summarizeImport([
      ok(1, true),
      bad('scan.pdf', 'PDF is not supported yet'),
      ok(2, false),
      ok(3, false),
    ]);
    expect(summary).toEqual({
      imported: 2,
      duplicates: 1,
      failures: [{ file: 'scan.pdf', message: 'PDF is not supported yet' }],
      warnings: [],
      openId: article(2).id,
    });
    expect(successText(summary)).toBe('2 imported, 1 already in library');
    expect(failureText(summary.failures[0]!)).toBe(
      "Couldn't import scan.pdf: PDF is not supported yet",
    );
    expect(failureText({ file: 'a.txt', message: 'a.txt: the file is empty' })).toBe(
      "Couldn't import a.txt: the file is empty",
    );
    expect(failureText({ file: 'a.txt', message: 'b.txt: odd' })).toBe(
      "Couldn't import a.txt: b.txt: odd",
    );
  });

  it('collects the warnings of imported files, in order', () => {
    const warned = (n: number, warnings: string[]): ImportResult => ({
      ...(ok(n, false) as Extract<ImportResult, { ok: true }>),
      warnings,
    });
    const summary = summarizeImport([
      warned(1, ['f1.txt: a']),
      ok(2, false),
      warned(3, ['f3.txt: b', 'f3.txt: c']),
    ]);
    expect(summary.warnings).toEqual(['f1.txt: a', 'f3.txt: b', 'f3.txt: c']);
    expect(summary.imported).toBe(3);
  });

  it('opens an already-present article when nothing was new', () => {
    expect(summarizeImport([bad('x', 'no'), ok(5, true), ok(6, true)]).openId).toBe(article(5).id);
  });

  it('reports nothing to open and no success line when every file failed', () => {
    const summary = summarizeImport([bad('a.exe', 'not a document'), bad('b', 'empty')]);
    expect(summary.openId).toBeNull();
    expect(successText(summary)).toBeNull();
    expect(summary.failures).toHaveLength(2);
    expect(successText(summarizeImport([]))).toBeNull();
  });
});
