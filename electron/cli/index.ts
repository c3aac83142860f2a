import { join } from 'node:path';
import { lineWriters } from './processIo';
import { runCli } from './program';

// Entry of the `commonplace` binary (bundled to out/main/cli.js; the renderer is in out/renderer).
const rendererDir = join(__dirname, '..', 'renderer');

runCli(
  process.argv.slice(2),
  {
    ...lineWriters(process.stdout, process.stderr),
    env: process.env,
    rendererDir,
    // A status line rewritten in place; only on a terminal, so logs and pipes get clean lines.
    progress: process.stderr.isTTY
      ? (line) =>
          process.stderr.write(
            line === null
              ? '\r\x1b[K'
              : `\r\x1b[K${line.slice(0, Math.max(20, (process.stderr.columns || 80) - 1))}`,
          )
      : undefined,
  },
  (close) =>
    new Promise<void>((done) => {
      const stop = () => void close().then(done);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }),
).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`commonplace: ${String(e)}\n`);
    process.exitCode = 1;
  },
);
