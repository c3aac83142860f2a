import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../../electron/model/articles';
import {
  fetchMoreRows,
  localReport,
  reportFromEvent,
  rowsLeft,
  type FetchResults,
} from './reportRows';

const article = {
  id: '01900000-0000-7000-8000-000000000000',
  title: 'T',
  subtitle: null,
  byline: null,
  published: null,
  siteName: null,
  lang: null,
  source: null,
  format: 'text' as const,
  createdAt: '',
  updatedAt: '',
  readAt: null,
  lastReadAt: null,
  trashedAt: null,
};
const ok = (f: string, duplicate = false): ImportResult => ({
  ok: true,
  file: f,
  duplicate,
  article,
});
const bad = (f: string): ImportResult => ({
  ok: false,
  file: f,
  error: { code: 'empty_file', message: `${f}: the file is empty` },
});

/** What the server holds for a job (every result), answering pages as the real call does. */
function serverOf(all: ImportResult[]) {
  const asked: [string, number, number][] = [];
  const fetch: FetchResults = async (_jobId, outcome, offset, limit) => {
    asked.push([outcome, offset, limit]);
    const list = all.filter((r) =>
      outcome === 'failed' ? !r.ok : r.ok && r.duplicate === (outcome === 'duplicate'),
    );
    return { total: list.length, results: list.slice(offset, offset + limit) };
  };
  return { fetch, asked };
}

describe('report rows', () => {
  it('groups the event’s sample by outcome, failures found before upload first and counted', () => {
    const r = reportFromEvent(
      {
        type: 'import-report',
        jobId: 'job-1',
        state: 'finished',
        error: null,
        counts: { imported: 40, duplicate: 1, failed: 7, warned: 0 },
        notReached: 0,
        elapsedMs: 5,
        results: [ok('a'), bad('c'), ok('b', true)],
      },
      [bad('local')],
    );
    expect(
      [r.rows.imported, r.rows.duplicate, r.rows.failed].map((l) => l.map((x) => x.file)),
    ).toEqual([['a'], ['b'], ['local', 'c']]);
    expect(r.counts).toEqual({ imported: 40, duplicate: 1, failed: 8, warned: 0 });
    expect([
      rowsLeft(r, 'imported', 1),
      rowsLeft(r, 'duplicate', 1),
      rowsLeft(r, 'failed', 2),
    ]).toEqual([39, 0, 6]);
  });

  it('fetches the next page after the rows shown; for failures the server’s offset skips the local ones', async () => {
    const all = [bad('s1'), ok('i1'), bad('s2'), bad('s3'), ok('i2'), bad('s4'), ok('i3')];
    const { fetch, asked } = serverOf(all);
    const report = reportFromEvent(
      {
        type: 'import-report',
        jobId: 'job-1',
        state: 'cancelled',
        error: null,
        counts: { imported: 3, duplicate: 0, failed: 4, warned: 0 },
        notReached: 2,
        elapsedMs: 5,
        results: [bad('s1'), ok('i1')],
      },
      [bad('l1'), bad('l2')],
    );
    let failed = report.rows.failed;
    while (rowsLeft(report, 'failed', failed.length) > 0)
      failed = [...failed, ...(await fetchMoreRows(report, 'failed', failed.length, fetch, 2))];
    expect(failed.map((r) => r.file)).toEqual(['l1', 'l2', 's1', 's2', 's3', 's4']);
    expect(asked).toEqual([
      ['failed', 1, 2],
      ['failed', 3, 2],
    ]);
    const imported = [
      ...report.rows.imported,
      ...(await fetchMoreRows(report, 'imported', 1, fetch)),
    ];
    expect(imported.map((r) => r.file)).toEqual(['i1', 'i2', 'i3']);
    expect(await fetchMoreRows(report, 'imported', 3, fetch)).toEqual([]);
    expect(asked).toHaveLength(3);
  });

  it('lists files imported with a warning among the imported and again as their own group', () => {
    const warned: ImportResult = {
      ok: true,
      file: 'scan.pdf',
      duplicate: false,
      article,
      warnings: ['scan.pdf: no text layer'],
    };
    const r = localReport({ jobId: 'job-w', state: 'finished', error: null }, [
      ok('a'),
      warned,
      bad('x'),
    ]);
    expect(r.counts).toEqual({ imported: 2, duplicate: 0, failed: 1, warned: 1 });
    expect(r.rows.warned.map((x) => x.file)).toEqual(['scan.pdf']);
    expect(r.rows.imported.map((x) => x.file)).toEqual(['a', 'scan.pdf']);
  });

  it('a report made here has every row and never asks the server', async () => {
    const { fetch, asked } = serverOf([]);
    const r = localReport({ jobId: 'job-none', state: 'failed', error: 'the server went away' }, [
      bad('x'),
      bad('y'),
    ]);
    expect(r.counts).toEqual({ imported: 0, duplicate: 0, failed: 2, warned: 0 });
    expect(rowsLeft(r, 'failed', 2)).toBe(0);
    expect(await fetchMoreRows(r, 'failed', 2, fetch)).toEqual([]);
    expect(asked).toEqual([]);
  });
});
