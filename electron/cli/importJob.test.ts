import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/temp';
import { formatDuration, formatImportSummary, formatProgressLine } from './importJob';
import { runCli } from './program';

const tempDir = useTempDir();

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: (string | null)[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
    rendererDir: '/nonexistent',
    progress: (l) => progress.push(l),
  });
  return { code, out, err, progress };
}

describe('commonplace import FOLDER', () => {
  it(
    'walks the folder in a worker, prints a line per file, a summary, and JSON on request',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const lib = join(dir, 'lib.sqlite');
      const src = join(dir, 'src');
      mkdirSync(join(src, 'sub'), { recursive: true });
      writeFileSync(join(src, 'a.md'), '# Alpha\n\nText.');
      writeFileSync(join(src, 'sub', 'b.txt'), 'Beta\n\nMore text.');
      writeFileSync(join(src, 'sub', 'empty.txt'), '');
      const r = await cli(['--library', lib, 'import', src]);
      expect(r.code).toBe(1);
      expect(r.out.slice(0, 2)).toEqual([
        expect.stringMatching(/^imported: .*a\.md → .* "Alpha"$/),
        expect.stringMatching(/^imported: .*b\.txt → .* "Beta"$/),
      ]);
      expect(r.out[2]).toMatch(/^3 files: 2 imported, 0 already in library, 1 failed in /);
      expect(r.err).toEqual([`${join(src, 'sub', 'empty.txt')}: the file is empty`]);
      // The status line is drawn (progress events) and cleared at the end.
      expect(r.progress.at(-1)).toBeNull();

      const again = await cli(['--library', lib, 'import', '--json', src]);
      const rows = JSON.parse(again.out.join('\n')) as {
        file: string;
        duplicate?: boolean;
        error?: unknown;
      }[];
      expect(
        rows.map((x) => (x.error ? 'failed' : x.duplicate ? 'duplicate' : 'imported')),
      ).toEqual(['duplicate', 'duplicate', 'failed']);
    },
  );
});

describe('import progress and summary lines', () => {
  it('shows count, rate, time left and the current file', () => {
    expect(
      formatProgressLine({
        done: 120,
        total: 10_000,
        current: '/docs/a.pdf',
        rate: 41.6,
        etaSeconds: 238,
      }),
    ).toBe('importing 120/10000, 42 files/s, 3 min 58 s left: /docs/a.pdf');
    expect(
      formatProgressLine({ done: 0, total: 3, current: null, rate: 0, etaSeconds: null }),
    ).toBe('importing 0/3');
    expect(formatProgressLine({ done: 1, total: 3, current: 'x', rate: 2.25, etaSeconds: 1 })).toBe(
      'importing 1/3, 2.3 files/s, 1 s left: x',
    );
  });

  it('sums up a finished or cancelled job', () => {
    expect(
      formatImportSummary({
        state: 'finished',
        counts: { imported: 5, duplicate: 2, failed: 1, warned: 0 },
        notReached: 0,
        elapsedMs: 1500,
      }),
    ).toBe('8 files: 5 imported, 2 already in library, 1 failed in 2 s');
    expect(
      formatImportSummary({
        state: 'cancelled',
        counts: { imported: 1, duplicate: 0, failed: 0, warned: 1 },
        notReached: 9,
        elapsedMs: 200,
      }),
    ).toBe(
      '1 file: 1 imported (1 with warnings), 0 already in library, 0 failed, 9 not reached (cancelled) in 1 s',
    );
    expect(formatDuration(3725)).toBe('1 h 2 min');
  });
});
