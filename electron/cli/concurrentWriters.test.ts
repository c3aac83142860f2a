/**
 * Several writer processes on one library at once, as a user gets them: two `commonplace import`
 * runs in terminals (each feeding its own bulk-import worker thread) while web mode is open, taking
 * uploads one at a time and a dropped folder through its own bulk-import worker. Every process is
 * the real CLI (from the TypeScript sources through jiti, as the bulk worker is loaded in tests).
 * Before writes took the lock up front, about a quarter of the files failed with "database is
 * locked" here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../test/temp';
import { registerLibraryFunctions } from '../core/db/functions';

// Removing the temp library and its ~1,000 files took over the default 10 s on a loaded machine.
vi.setConfig({ hookTimeout: 120_000 });
const tempDir = useTempDir('commonplace-writers-');
const ROOT = join(__dirname, '..', '..');
const JITI_CLI = join(ROOT, 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs');
const CLI_ENTRY = join(__dirname, 'index.ts');

/** Files per CLI import: enough that each runs for seconds (web mode writes from before they start until after they end). */
const PER_CLI = 200;
/** Uploads web mode has in flight at once (as a page sending several files would). */
const WEB_PARALLEL = 3;

interface BulkStatus {
  state: string;
  done: number;
  counts: { imported: number; duplicate: number; failed: number };
  error: string | null;
}

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number; stdout: string; stderr: string }>;
}

function cli(library: string, args: string[]): Run {
  const child = spawn(process.execPath, [JITI_CLI, CLI_ENTRY, '--library', library, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
  return { child, done };
}

/** A text file whose content (so hash) is its own: no two files are duplicates of each other. */
function textFile(dir: string, name: string): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    `${name}\n\nThe tide came in over the flats, as noted in ${name}. ${'Salt and silt. '.repeat(20)}\n\nA second paragraph for ${name}.`,
  );
  return path;
}

function folder(dir: string, prefix: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) =>
    textFile(dir, `${prefix}-${String(i).padStart(4, '0')}.txt`),
  );
}

async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('concurrent writers on one library', { timeout: 300_000 }, () => {
  it('two CLI imports, web-mode uploads and a web-mode bulk import at once: no failure, every file imported exactly once', async () => {
    const dir = tempDir();
    const library = join(dir, 'library.sqlite');

    // Web mode first: its URL tells us it has the library open.
    const server = cli(library, ['serve', '--port', '0']);
    const origin = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(out);
        if (m) resolve(`${m[1]}|${m[2]}`);
      });
      void server.done.then((r) =>
        reject(new Error(`web mode exited with ${r.code}: ${r.stderr}`)),
      );
    });
    const [base, token] = origin.split('|') as [string, string];
    const api = async <T>(method: string, input: unknown): Promise<T> => {
      const res = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const env = (await res.json()) as
        { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
      if (!env.ok) throw new Error(`${method}: ${env.error.code}: ${env.error.message}`);
      return env.data;
    };
    const upload = (path: string) => ({
      name: path.slice(path.lastIndexOf('/') + 1),
      dataBase64: readFileSync(path).toString('base64'),
    });

    const reader = new BetterSqlite3(library, { readonly: true });
    // Its integrity check evaluates the expression indexes, which call the library's functions.
    registerLibraryFunctions(reader);
    reader.pragma('busy_timeout = 5000');
    const imported = (prefix: string) =>
      reader
        .prepare<[string], { n: number }>(
          "SELECT count(*) AS n FROM originals WHERE file_name LIKE ? || '-%'",
        )
        .get(prefix)!.n;

    const webResults: { file: string; ok: boolean; error?: string }[] = [];
    try {
      const cliA = folder(join(dir, 'cli-a'), 'cli-a', PER_CLI);
      const cliB = folder(join(dir, 'cli-b'), 'cli-b', PER_CLI);
      const webDir = join(dir, 'uploads');
      const bulkDir = join(dir, 'web-bulk');
      mkdirSync(webDir);
      mkdirSync(bulkDir);
      // Web mode's writers run from before the CLI imports start until after both have ended, so
      // every writer's span of commits contains the CLIs' (checked from commit times below).
      let clisDone = false;

      // The bulk job, fed a few files at a time, each batch once the worker has nearly caught up.
      const { jobId } = await api<{ jobId: string }>('bulkImport.startUpload', { expected: 0 });
      const status = () => api<BulkStatus>('bulkImport.status', { jobId });
      const webBulk: string[] = [];
      const feedBulk = async () => {
        while (!clisDone) {
          const batch = Array.from({ length: 5 }, () => {
            const path = textFile(
              bulkDir,
              `web-bulk-${String(webBulk.length).padStart(4, '0')}.txt`,
            );
            webBulk.push(path);
            return path;
          });
          await api('bulkImport.addFiles', { jobId, files: batch.map(upload), last: false });
          await waitFor('the bulk job to take the next files', async () => {
            const s = await status();
            return s.state !== 'running' || s.done >= webBulk.length - 5 ? s : undefined;
          });
        }
        await api('bulkImport.addFiles', { jobId, files: [], last: true });
      };

      // Uploads, one file per call, several in flight.
      let next = 0;
      const uploader = async () => {
        while (!clisDone) {
          const path = textFile(webDir, `upload-${String(next++).padStart(4, '0')}.txt`);
          const [result] = await api<{ ok: boolean; file: string; error?: { message: string } }[]>(
            'articles.importFiles',
            { files: [upload(path)] },
          );
          webResults.push({
            file: path,
            ok: result!.ok,
            ...(result!.ok ? {} : { error: result!.error!.message }),
          });
        }
      };
      const web = Promise.all([feedBulk(), ...Array.from({ length: WEB_PARALLEL }, uploader)]);

      await waitFor(
        'web mode to be writing',
        () => (imported('web-bulk') > 0 && imported('upload') > 0) || clisDone,
      );
      const runA = cli(library, ['import', '--json', join(dir, 'cli-a')]);
      const runB = cli(library, ['import', '--json', join(dir, 'cli-b')]);
      const [a, b] = await Promise.all([runA.done, runB.done]).finally(() => (clisDone = true));
      await web;
      const bulkStatus = await waitFor('the web bulk job to end', async () => {
        const s = await status();
        return s.state === 'running' ? undefined : s;
      });

      const failures = [
        ...[a, b].flatMap((r, i) =>
          (
            JSON.parse(r.stdout || '[]') as {
              file: string;
              duplicate?: boolean;
              error?: { message: string };
            }[]
          )
            .filter((x) => x.error || x.duplicate)
            .map((x) => `cli ${i ? 'B' : 'A'}: ${x.file}: ${x.error?.message ?? 'duplicate'}`),
        ),
        ...webResults.filter((r) => !r.ok).map((r) => `web: ${r.file}: ${r.error}`),
      ];
      expect(failures.slice(0, 5), `${failures.length} files failed`).toEqual([]);
      expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
      expect(bulkStatus).toMatchObject({
        state: 'finished',
        error: null,
        counts: { imported: webBulk.length, duplicate: 0, failed: 0 },
      });

      // Every file exactly once: one article per file, no file missing, none twice.
      const names = reader
        .prepare<[], { file_name: string; n: number }>(
          'SELECT o.file_name, count(*) AS n FROM articles a JOIN originals o ON o.hash = a.hash GROUP BY o.file_name',
        )
        .all();
      const expected = [...cliA, ...cliB, ...webBulk, ...webResults.map((r) => r.file)]
        .map((p) => p.slice(p.lastIndexOf('/') + 1))
        .sort();
      expect(names.map((r) => r.file_name).sort()).toEqual(expected);
      expect(names.filter((r) => r.n !== 1)).toEqual([]);
      expect(reader.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles').get()!.n).toBe(
        expected.length,
      );
      expect(reader.pragma('integrity_check', { simple: true })).toBe('ok');

      // They really overlapped: some moment lies inside every writer's span of commits.
      const spans = ['cli-a', 'cli-b', 'web-bulk', 'upload'].map((prefix) => {
        const s = reader
          .prepare<[string], { first: string; last: string }>(
            "SELECT min(a.created_at) AS first, max(a.created_at) AS last FROM articles a JOIN originals o ON o.hash = a.hash WHERE o.file_name LIKE ? || '-%'",
          )
          .get(prefix)!;
        return { prefix, first: s.first, last: s.last };
      });
      const latestStart = spans
        .map((s) => s.first)
        .sort()
        .at(-1)!;
      const earliestEnd = spans.map((s) => s.last).sort()[0]!;
      expect(latestStart < earliestEnd, `writers did not overlap: ${JSON.stringify(spans)}`).toBe(
        true,
      );
    } finally {
      reader.close();
      server.child.kill('SIGTERM');
      await server.done;
    }
  });
});
