#!/usr/bin/env node
// `npm start`: build if the sources changed, find Electron, make sure better-sqlite3 has a build
// for Electron's ABI (beside, never instead of, the Node build), then launch the app.
//
//   npm start                 build when needed, then run
//   npm start -- --rebuild    always build first
//   npm start -- <args>       anything else goes to Electron
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { ensureElectronSqlite, findElectron, projectRoot } = require('./electron-env.cjs');

const say = (line) => console.log(`[start] ${line}`);

/** What the build reads; a newer file (or a folder whose entries changed) means out/ is stale. */
const SOURCE_ROOTS = ['electron', 'renderer', 'resources'];
const SOURCE_FILES = ['electron.vite.config.mts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.base.json'];
const OUTPUTS = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'];
const SKIP_NAMES = new Set(['node_modules', '.cache']);
// The dev scripts are not part of the build.
const SKIP_PATHS = new Set([join(projectRoot, 'electron', 'dev')]);

function newestMtime(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (SKIP_PATHS.has(path)) return 0;
  if (!info.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : info.mtimeMs;
  // A folder's own mtime changes when an entry is added, removed or renamed.
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (SKIP_NAMES.has(entry)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildIsFresh() {
  const outputs = OUTPUTS.map((p) => join(projectRoot, p));
  if (!outputs.every((p) => existsSync(p))) return false;
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const newestSource = Math.max(...[...SOURCE_ROOTS, ...SOURCE_FILES].map((p) => newestMtime(join(projectRoot, p))));
  return newestSource <= oldestOutput;
}

function build() {
  const pkgDir = join(require.resolve('electron-vite/package.json', { paths: [projectRoot] }), '..');
  const bin = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).bin['electron-vite'];
  say('Building (electron-vite build)…');
  const run = spawnSync(process.execPath, [join(pkgDir, bin), 'build'], { cwd: projectRoot, stdio: 'inherit' });
  return run.status === 0;
}

const argv = process.argv.slice(2);
const forceBuild = argv.includes('--rebuild');
const electronArgs = argv.filter((a) => a !== '--rebuild');

// (a) Build first: web mode (`npm run serve`) needs the same out/ if Electron turns out to be missing.
if (forceBuild || !buildIsFresh()) {
  if (!build()) {
    console.error('[start] The build failed (see above).');
    process.exit(1);
  }
} else {
  say('out/ is up to date with the sources; skipping the build (npm start -- --rebuild forces one).');
}

// (b) The Electron binary, downloaded once by the electron package's own installer.
const electron = findElectron({ tryInstall: true, log: say });
if (!electron.ok) {
  console.error(
    [
      '',
      'Electron could not be downloaded on this machine, so the desktop app cannot start here.',
      `  Why: ${electron.reason}`,
      '',
      'Use web mode instead: `npm run serve` prints a URL to open in a browser;',
      'it is the same app on the same library.',
      '',
    ].join('\n'),
  );
  process.exit(2);
}

// (c) better-sqlite3 for Electron's ABI, in node_modules/.cache (the Node build stays as it is).
const sqlite = ensureElectronSqlite({ log: say });
if (!sqlite.ok) {
  console.error(
    [
      '',
      `Could not prepare better-sqlite3 for Electron ${electron.version}.`,
      `  Why: ${sqlite.reason}`,
      '',
      'It needs Electron\'s C++ headers (downloaded once). Offline, point COMMONPLACE_ELECTRON_HEADERS',
      'at an unpacked copy of them, or use web mode: `npm run serve`.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
if (sqlite.built) say(`better-sqlite3 for Electron is ready: ${sqlite.binding}`);

// (d) Launch. Chromium refuses to run as root with its sandbox on (containers, CI).
const extra = process.platform === 'linux' && process.getuid?.() === 0 && !electronArgs.includes('--no-sandbox') ? ['--no-sandbox'] : [];
if (extra.length) say('Running as root: starting Electron with --no-sandbox (the renderer is still context-isolated).');

const child = spawn(electron.path, [...extra, projectRoot, ...electronArgs], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: { ...process.env, COMMONPLACE_SQLITE_BINDING: sqlite.binding },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (e) => {
  console.error(`[start] Could not launch Electron (${electron.path}): ${e.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
