import type { Writable } from 'node:stream';

/**
 * Line writers for the CLI's stdout and stderr. A reader that goes away (`list | head -1`)
 * makes the next write fail with EPIPE, which Node raises as an unhandled 'error' event and a
 * stack trace: instead, further output to that stream is dropped and the command ends as usual.
 */
export function lineWriters(
  stdout: Writable,
  stderr: Writable,
): { out(line: string): void; err(line: string): void } {
  return { out: lineWriter(stdout), err: lineWriter(stderr) };
}

function lineWriter(stream: Writable): (line: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
  });
  return (line) => {
    if (!closed && !stream.destroyed) stream.write(`${line}\n`);
  };
}
