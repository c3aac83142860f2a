import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryEvent } from '../../../model/events';
import { affects } from '../../../model/changes';
import { openTestLibrary } from '../../../test/library';
import { useTempDir } from '../../../test/temp';
import {
  fetchMoreRows,
  reportFromEvent,
  rowsLeft,
} from '../../../../renderer/src/import/bulk/reportRows';
import { MAX_IMPORT_FILE_BYTES } from '..';
import { BulkImports, type ImportReportEvent } from './jobs';
import { outcomeOf, type Outcome } from '../../../model/importReport';

const tempDir = useTempDir('commonplace-bulk-');

/** A folder of mixed good and bad files, nested, with odd names and a symlink loop. */
function mixedFolder(root: string): void {
  mkdirSync(join(root, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(root, 'plain.txt'), 'A plain note\n\nWith a paragraph of text.');
  writeFileSync(
    join(root, 'nested', 'page.html'),
    '<html><head><title>A page</title></head><body><article><p>Some words on a page that is long enough to read.</p></article></body></html>',
  );
  writeFileSync(join(root, 'nested', 'deeper', 'notes.md'), '# Markdown notes\n\nBody text.');
  writeFileSync(join(root, 'nested', 'emoji 🎉.md'), '# Party\n\nText.');
  // Imported, with a warning: its front matter is not YAML.
  writeFileSync(
    join(root, 'nested', 'broken.md'),
    '---\ntitle: [unclosed\n---\n# Broken front matter\n\nText.',
  );
  writeFileSync(join(root, 'new\nline.txt'), 'A file whose name has a newline.');
  writeFileSync(
    Buffer.concat([Buffer.from(join(root, 'latin-')), Buffer.from([0xe9]), Buffer.from('.txt')]),
    'A file named in Latin-1.',
  );
  writeFileSync(join(root, 'empty.txt'), '');
  writeFileSync(join(root, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0xff, 0xfe, 0, 7, 8]));
  // A sparse 500 MB file: refused by its size, never read (and never really written to disk).
  execFileSync('truncate', ['-s', '500M', join(root, 'huge.txt')]);
  symlinkSync(root, join(root, 'nested', 'loop'));
  writeFileSync(join(root, '.DS_Store'), 'junk');
}

function articleCount(library: { db: import('better-sqlite3').Database }): number {
  return library.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles').get()!.n;
}

// Each job starts a worker that loads the importers (from TypeScript via jiti here): seconds, not ms.
describe('bulk import jobs (real worker thread, real library file)', { timeout: 120_000 }, () => {
  it('imports a mixed folder: one line per file, bad files named with the reason, the rest lands', async () => {
    const dir = tempDir();
    const root = join(dir, 'sources');
    mixedFolder(root);
    const { library, services, invoke } = openTestLibrary(dir);
    const events: LibraryEvent[] = [];
    library.onEvent((e) => events.push(e));
    try {
      const { jobId } = await invoke('bulkImport.startPaths', { paths: [root] });
      const report = await services.bulkImports.finished(jobId);
      expect(report.state).toBe('finished');
      expect(report.error).toBeNull();
      const byName = new Map(report.results.map((r) => [r.file.slice(root.length + 1), r]));
      expect([...byName.keys()].sort()).toEqual(
        [
          'binary.txt',
          'empty.txt',
          'huge.txt',
          'latin-\\xe9.txt',
          'nested/broken.md',
          'nested/deeper/notes.md',
          'nested/emoji 🎉.md',
          'nested/loop',
          'nested/page.html',
          'new\\nline.txt',
          'plain.txt',
        ].sort(),
      );
      const failed = report.results.filter((r) => !r.ok);
      expect(
        Object.fromEntries(
          failed.map((r) => [r.file.slice(root.length + 1), r.ok ? '' : r.error.code]),
        ),
      ).toEqual({
        'binary.txt': 'unsupported_format',
        'empty.txt': 'empty_file',
        'huge.txt': 'too_large',
        'nested/loop': 'io_error',
      });
      const huge = byName.get('huge.txt')!;
      expect(!huge.ok && huge.error.message).toContain(
        `${MAX_IMPORT_FILE_BYTES / 1024 / 1024}.0 MB limit`,
      );
      // Every line stays one line, whatever the file was called.
      for (const r of report.results) expect(r.ok ? r.file : r.error.message).not.toMatch(/\n/);
      expect(report.counts).toEqual({ imported: 7, duplicate: 0, failed: 4, warned: 1 });
      expect(articleCount(library)).toBe(7);
      const warned = services.bulkImports.results(report.jobId, 'warned', 0, 10);
      expect(warned.total).toBe(1);
      expect(warned.results[0]).toMatchObject({
        ok: true,
        file: join(root, 'nested', 'broken.md'),
        warnings: [expect.stringMatching(/^broken\.md: front matter is not valid YAML/)],
      });
      const titles = library.db
        .prepare<[], { title: string }>('SELECT title FROM articles ORDER BY title')
        .all()
        .map((r) => r.title);
      expect(titles).toContain('Markdown notes');
      expect(titles).toContain('A page');

      const progress = events.filter((e) => e.type === 'import-progress');
      expect(progress.length).toBeGreaterThan(0);
      const last = progress[progress.length - 1]!;
      expect(last.type === 'import-progress' && [last.done, last.total]).toEqual([11, 11]);
      expect(events.filter((e) => e.type === 'import-report')).toHaveLength(1);
      // The worker's commits reach this connection's clients as change events.
      expect(events.some((e) => e.type === 'changed' && affects(e, ['article']))).toBe(true);

      // The same folder again imports nothing twice.
      const again = await services.bulkImports.finished(
        (await invoke('bulkImport.startPaths', { paths: [root] })).jobId,
      );
      // A duplicate is not parsed again, so it has no warning to repeat.
      expect(again.counts).toEqual({ imported: 0, duplicate: 7, failed: 4, warned: 0 });
      expect(articleCount(library)).toBe(7);
    } finally {
      library.close();
    }
  });

  it('stops after the current file when cancelled: nothing half-written, counts add up', async () => {
    const dir = tempDir();
    const root = join(dir, 'many');
    mkdirSync(root);
    for (let i = 0; i < 400; i++)
      writeFileSync(
        join(root, `note-${String(i).padStart(4, '0')}.md`),
        `# Note ${i}\n\nText of note number ${i}.`,
      );
    const { library, services, invoke } = openTestLibrary(dir);
    try {
      const jobs = services.bulkImports;
      const { jobId } = await invoke('bulkImport.startPaths', { paths: [root] });
      await new Promise<void>((resolve) => {
        const off = library.onEvent((e) => {
          if (e.type === 'import-progress' && e.jobId === jobId && e.done >= 5) {
            off();
            resolve();
          }
        });
      });
      const status = await invoke('bulkImport.cancel', { jobId });
      expect(['running', 'cancelled', 'finished']).toContain(status.state);
      const report = await jobs.finished(jobId);
      expect(report.state).toBe('cancelled');
      expect(report.counts.imported).toBeGreaterThanOrEqual(5);
      expect(report.counts.imported).toBeLessThan(400);
      expect(report.results.length + report.notReached).toBe(400);
      // Every article written is whole: its original and its search row are there too.
      expect(articleCount(library)).toBe(report.counts.imported);
      const orphans = library.db
        .prepare<[], { n: number }>(
          'SELECT count(*) AS n FROM articles a LEFT JOIN originals o ON o.hash = a.hash WHERE o.hash IS NULL',
        )
        .get()!.n;
      expect(orphans).toBe(0);
      const after = await invoke('bulkImport.status', { jobId });
      // What a window that missed the report (reloaded, reconnected) needs to show it again.
      expect([after.state, after.done, after.counts, after.notReached, after.elapsedMs]).toEqual([
        'cancelled',
        report.results.length,
        report.counts,
        report.notReached,
        report.elapsedMs,
      ]);
      const failedOrNot = await Promise.all(
        (['imported', 'duplicate', 'failed'] as const).map(
          async (outcome) =>
            (await invoke('bulkImport.results', { jobId, outcome, offset: 0, limit: 1000 })).total,
        ),
      );
      expect(failedOrNot.reduce((a, b) => a + b)).toBe(report.results.length);
    } finally {
      library.close();
    }
  });

  it('imports uploaded batches (web mode) with backpressure, and reports per file', async () => {
    const dir = tempDir();
    const { library, services, invoke } = openTestLibrary(dir);
    try {
      const { jobId } = await invoke('bulkImport.startUpload', { expected: 3 });
      const b64 = (s: string) => Buffer.from(s).toString('base64');
      await invoke('bulkImport.addFiles', {
        jobId,
        files: [
          { name: 'one.md', dataBase64: b64('# One\n\ntext') },
          { name: 'bad\n.txt', dataBase64: b64('') },
        ],
      });
      await invoke('bulkImport.addFiles', {
        jobId,
        files: [{ name: 'one-again.md', dataBase64: b64('# One\n\ntext') }],
        last: true,
      });
      const report = await services.bulkImports.finished(jobId);
      expect(
        report.results.map((r) => [
          r.file,
          r.ok ? (r.duplicate ? 'duplicate' : 'imported') : r.error.code,
        ]),
      ).toEqual([
        ['one.md', 'imported'],
        ['bad\\n.txt', 'empty_file'],
        ['one-again.md', 'duplicate'],
      ]);
      await expect(invoke('bulkImport.addFiles', { jobId, files: [] })).rejects.toThrow(
        /already received its last files/,
      );
    } finally {
      library.close();
    }
  });

  it('turns a worker that dies into a failed job with a reason, not a hang', async () => {
    const dir = tempDir();
    const root = join(dir, 'few');
    mkdirSync(root);
    writeFileSync(join(root, 'a.txt'), 'a');
    const { library } = openTestLibrary(dir);
    try {
      // A heap far too small to even load the importer: the worker is killed for running out of memory.
      const jobs = new BulkImports(library, {
        resourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 },
      });
      const report = await jobs.finished(jobs.startPaths([root]));
      expect(report.state).toBe('failed');
      expect(report.error).toBe(
        'the import ran out of memory and stopped (a file too large or hostile to parse?)',
      );
      expect(jobs.status(report.jobId).state).toBe('failed');
    } finally {
      library.close();
    }
  });

  it('fails the job with the library’s own message when the worker cannot open it', async () => {
    const dir = tempDir();
    const { library } = openTestLibrary(dir);
    try {
      const notALibrary = join(dir, 'not-a-library.sqlite');
      writeFileSync(
        notALibrary,
        'this is not an SQLite database, just text that is long enough to look like a header....'.repeat(
          20,
        ),
      );
      // The same library object, pointing the worker at a file that is not a library.
      const jobs = new BulkImports(
        Object.create(library, { path: { value: notALibrary } }) as typeof library,
      );
      const report = await jobs.finished(jobs.startPaths([dir]));
      expect(report.state).toBe('failed');
      expect(report.error).toContain('not a Commonplace library');
    } finally {
      library.close();
    }
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports an unreadable file and imports the rest (skipped as root: root reads files whatever their mode)',
    async () => {
      const dir = tempDir();
      const root = join(dir, 'perm');
      mkdirSync(root);
      writeFileSync(join(root, 'locked.txt'), 'secret');
      writeFileSync(join(root, 'open.txt'), 'open');
      chmodSync(join(root, 'locked.txt'), 0o000);
      const { library, services } = openTestLibrary(dir);
      try {
        const jobs = services.bulkImports;
        const report = await jobs.finished(jobs.startPaths([root]));
        expect(report.counts).toEqual({ imported: 1, duplicate: 0, failed: 1, warned: 0 });
        const locked = report.results.find((r) => !r.ok)!;
        expect(!locked.ok && locked.error.message).toBe(
          `${join(root, 'locked.txt')}: cannot be read (permission denied)`,
        );
      } finally {
        library.close();
      }
    },
  );

  it('sends a bounded sample of the results in the report event; the rest pages out by outcome, in order', async () => {
    const dir = tempDir();
    const root = join(dir, 'many');
    mkdirSync(root);
    // Named so the walk (name order) meets the outcomes mixed: 6 imported, 4 duplicate, 5 failed.
    for (let i = 0; i < 15; i++) {
      const name = `f${String(i).padStart(2, '0')}.md`;
      if (i % 3 === 0) writeFileSync(join(root, name), '');
      else if (i % 3 === 1) writeFileSync(join(root, name), '# Same\n\nThe same text every time.');
      else writeFileSync(join(root, name), `# Note ${i}\n\nText ${i}.`);
    }
    const { library } = openTestLibrary(dir);
    const events: ImportReportEvent[] = [];
    library.onEvent((e) => e.type === 'import-report' && events.push(e));
    try {
      const jobs = new BulkImports(library, { reportEventRows: 2 });
      const report = await jobs.finished(jobs.startPaths([root]));
      expect(report.counts).toEqual({ imported: 6, duplicate: 4, failed: 5, warned: 0 });
      expect(report.results).toHaveLength(15);
      const [event] = events;
      expect(events).toHaveLength(1);
      // The event: the whole counts, the first two of each outcome, in import order.
      expect(event!.counts).toEqual(report.counts);
      const firstTwo = (['imported', 'duplicate', 'failed'] as const).flatMap((o) =>
        report.results.filter((r) => outcomeOf(r) === o).slice(0, 2),
      );
      expect(event!.results.map((r) => r.file)).toEqual(
        report.results.filter((r) => firstTwo.includes(r)).map((r) => r.file),
      );

      // Pages of one outcome, then past the end.
      const failed = report.results.filter((r) => !r.ok);
      expect(jobs.results(report.jobId, 'failed', 0, 3)).toEqual({
        total: 5,
        results: failed.slice(0, 3),
      });
      expect(jobs.results(report.jobId, 'failed', 3, 3)).toEqual({
        total: 5,
        results: failed.slice(3),
      });
      expect(jobs.results(report.jobId, 'failed', 9, 3)).toEqual({ total: 5, results: [] });

      // The dialog's paging over this job, with one failure the window found before uploading:
      // it shows that one first, then every failure of the job, each once.
      const local = {
        ok: false as const,
        file: 'unread.md',
        error: { code: 'io_error', message: 'unread.md: cannot be read' },
      };
      const shown = reportFromEvent(event!, [local]);
      expect(shown.counts.failed).toBe(6);
      let rows = shown.rows.failed;
      expect(rows.map((r) => r.file)).toEqual([
        'unread.md',
        ...failed.slice(0, 2).map((r) => r.file),
      ]);
      const fetch = async (jobId: string, outcome: Outcome, offset: number, limit: number) =>
        jobs.results(jobId, outcome, offset, limit);
      while (rowsLeft(shown, 'failed', rows.length) > 0)
        rows = [...rows, ...(await fetchMoreRows(shown, 'failed', rows.length, fetch, 2))];
      expect(rows.map((r) => r.file)).toEqual(['unread.md', ...failed.map((r) => r.file)]);
      expect(await fetchMoreRows(shown, 'failed', rows.length, fetch)).toEqual([]);
    } finally {
      library.close();
    }
  });

  it('refuses bad paging input and unknown jobs with a message naming the field', async () => {
    const dir = tempDir();
    const { library, invoke } = openTestLibrary(dir);
    try {
      const jobId = 'job-00000000-0000-4000-8000-000000000000';
      await expect(invoke('bulkImport.results', { jobId, outcome: 'failed' })).rejects.toThrow(
        `import job ${jobId}: no such job`,
      );
      await expect(
        invoke('bulkImport.results', { jobId, outcome: 'failed', offset: -1 }),
      ).rejects.toThrow('bulkImport.results: offset: offset must be 0 or more');
      await expect(
        invoke('bulkImport.results', { jobId, outcome: 'failed', limit: 100_000 }),
      ).rejects.toThrow('limit: limit must be at most 1000');
      await expect(
        invoke('bulkImport.results', { jobId, outcome: 'lost' as 'failed' }),
      ).rejects.toThrow(/outcome/);
      await expect(
        invoke('bulkImport.results', { jobId: '../etc', outcome: 'failed' }),
      ).rejects.toThrow('jobId: must be an import job id');
    } finally {
      library.close();
    }
  });

  it.runIf(process.platform === 'linux')(
    'runs the worker thread at a lower CPU priority than the rest of the process (Linux)',
    async () => {
      const dir = tempDir();
      const root = join(dir, 'slow');
      mkdirSync(root);
      for (let i = 0; i < 200; i++)
        writeFileSync(
          join(root, `n${i}.md`),
          `# Note ${i}\n\n${'Words and more words. '.repeat(200)}`,
        );
      const { library } = openTestLibrary(dir);
      const niceOf = (tid: string) => {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      };
      try {
        const before = new Map(readdirSync('/proc/self/task').map((t) => [t, niceOf(t)]));
        const jobs = new BulkImports(library);
        // The new threads' priorities, sampled while the job runs: the worker sets its own as it
        // starts, and may finish before the first progress event reaches this thread.
        const nice = new Set<number>();
        const sample = () => {
          for (const t of readdirSync('/proc/self/task')) {
            if (before.has(t)) continue;
            try {
              nice.add(niceOf(t));
            } catch {
              // The thread ended between the listing and the read.
            }
          }
        };
        const sampler = setInterval(sample, 1);
        const jobId = jobs.startPaths([root]);
        const off = library.onEvent((e) => {
          if (e.type === 'import-progress' && e.jobId === jobId) sample();
        });
        await jobs.finished(jobId);
        clearInterval(sampler);
        off();
        expect([...nice]).toContain(10);
        // Only the worker: every thread that was there before (the main thread among them) is unchanged.
        expect(
          [...before].every(
            ([tid, n]) => !existsSync(`/proc/self/task/${tid}`) || niceOf(tid) === n,
          ),
        ).toBe(true);
        expect(niceOf(String(process.pid))).toBe(before.get(String(process.pid)));
      } finally {
        library.close();
      }
    },
  );
});
