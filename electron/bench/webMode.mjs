// What the browser benchmarks (marks, notes) share: the built CLI they drive in web mode, its
// server and API, Debian's Chromium flags, their command-line options and statistics.
// Plain ESM like them: no bundling of its own.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** `--cli PATH`: another build's cli.js (its renderer beside it), to compare before and after a change. */
export const CLI = process.argv.includes('--cli')
  ? process.argv[process.argv.indexOf('--cli') + 1]
  : join(ROOT, 'out', 'main', 'cli.js');

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `--NAME N` from the command line: a positive integer, else `fallback`. */
export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} wants a positive integer`);
  return value;
}

/** A deterministic generator of non-negative integers (a linear congruential one). */
export function seeded(seed) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648);
}

/** `commonplace serve` on a free port for `library`: { child, origin, token }. */
export function startServer(library) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--library', library, 'serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}${err}`)), 20_000);
    child.stdout.on('data', (c) => {
      out += c;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, origin: m[1], token: m[2] });
      }
    });
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

/** One API call on the server; its data, or an error naming the method. */
export async function call(server, method, input) {
  const res = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = await res.json();
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return {
    median: at(0.5),
    p95: at(0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    runs: sorted.length,
  };
}
