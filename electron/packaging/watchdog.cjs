// Runs a download or build step as a child process and ends it when it stops making progress.
// Progress is any new output from the child or growth of the bytes it has written (the caller
// says where), so a slow but moving download goes on and a stalled one ends with a reason.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** Total size of the files under `target` (a file or a folder); 0 if it does not exist. */
function bytesUnder(target) {
  let info;
  try {
    info = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.size;
  let total = 0;
  let entries;
  try {
    entries = fs.readdirSync(target);
  } catch {
    return 0;
  }
  for (const entry of entries) total += bytesUnder(path.join(target, entry));
  return total;
}

/**
 * Runs `command args…`. Resolves { code, stalled, output } — `stalled` when nothing moved for
 * `stallMs` and the child was ended. `measure()` returns the bytes downloaded so far;
 * `onProgress(bytes)` is called when they grow (at most once per `tickMs`).
 */
function runWatched(command, args, opts = {}) {
  const stallMs = opts.stallMs ?? 60_000;
  const tickMs = opts.tickMs ?? 1000;
  const measure = opts.measure || (() => 0);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let lastMove = Date.now();
    let lastBytes = measure();
    let stalled = false;
    const onData = (chunk) => {
      output += chunk;
      if (output.length > 1 << 20) output = output.slice(-(1 << 19));
      lastMove = Date.now();
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    const timer = setInterval(() => {
      const bytes = measure();
      if (bytes !== lastBytes) {
        lastBytes = bytes;
        lastMove = Date.now();
        if (opts.onProgress) opts.onProgress(bytes);
      } else if (Date.now() - lastMove >= stallMs && child.exitCode === null) {
        stalled = true;
        child.kill('SIGTERM');
        // A child that ignores SIGTERM is killed for good a little later.
        setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000).unref();
      }
    }, tickMs);
    child.on('error', (e) => {
      clearInterval(timer);
      resolve({ code: null, stalled: false, output: `${output}\n${e.message}` });
    });
    child.on('close', (code) => {
      clearInterval(timer);
      // The last bytes written since the final tick.
      const bytes = measure();
      if (bytes !== lastBytes && opts.onProgress) opts.onProgress(bytes);
      resolve({ code, stalled, output });
    });
  });
}

function formatBytes(n) {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.round(n / 1024)} kB`;
}

module.exports = { runWatched, bytesUnder, formatBytes };
