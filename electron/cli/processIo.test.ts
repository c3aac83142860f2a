import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../core/articles/import';
import { openLibrary } from '../core/library';
import { useTempDir } from '../test/temp';
import { lineWriters } from './processIo';
import { runCli } from './program';

const tempDir = useTempDir();

describe('the CLI writing into a pipe', () => {
  it.skipIf(process.platform === 'win32')(
    '`show ID | head -1`: the reader leaving ends the output quietly, no EPIPE stack (skipped on Windows: no head)',
    async () => {
      const lib = join(tempDir(), 'lib.sqlite');
      const library = openLibrary(lib, { watchIntervalMs: 0 });
      // Far more than a pipe's buffer (64 KB), so writes are still pending when `head` exits.
      const text = Array.from(
        { length: 20_000 },
        (_, i) => `Line ${i} of a long article that fills the pipe.`,
      ).join('\n\n');
      const { article } = await importDocument(library.db, {
        bytes: Buffer.from(`# Long\n\n${text}`),
        fileName: 'long.md',
      });
      library.close();

      const head = spawn('head', ['-n', '1'], { stdio: ['pipe', 'pipe', 'ignore'] });
      let firstLine = '';
      head.stdout.on('data', (c: Buffer) => (firstLine += c.toString()));
      const headDone = new Promise<void>((resolve) => head.on('close', () => resolve()));
      const stdinClosed = new Promise<void>((resolve) => head.stdin.on('close', () => resolve()));
      const err: string[] = [];
      const writers = lineWriters(head.stdin, head.stdin);
      const code = await runCli(['--library', lib, 'show', article.id], {
        out: writers.out,
        err: (l) => err.push(l),
        env: {},
        rendererDir: '/nonexistent',
      });
      head.stdin.end();
      await Promise.all([headDone, stdinClosed]);
      expect(code).toBe(0);
      expect(err).toEqual([]);
      expect(firstLine.split('\n').filter(Boolean)).toHaveLength(1);
    },
  );
});
