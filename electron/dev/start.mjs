#!/usr/bin/env node
// `npm start`: build if the sources changed, find Electron, make sure better-sqlite3 has a build
// for Electron's ABI (beside, never instead of, the Node build), then launch the app.
// Downloads show progress and end after a minute without any; better-sqlite3 comes from its
// published prebuilt binary, compiled (node-gyp) only when there is none — as `npm run dist` does.
//
//   npm start                 build when needed, then run
//   npm start -- --rebuild    always build first
//   npm start -- <args>       anything else goes to Electron
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { downloadElectron, ensureElectronSqlite, projectRoot } = require('./electron-env.cjs');
const { obtainElectronSqlite, electronFacts } = require('../packaging/electron-sqlite.cjs');
const { readNativeAbi } = require('../packaging/native-abi.cjs');

const say = (line) => console.log(`[start] ${line}`);

/** What the build reads; a newer file (or a folder whose entries changed) means out/ is stale. */
const SOURCE_ROOTS = ['electron', 'renderer', 'resources'];
const SOURCE_FILES = [
  'electron.vite.config.mts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
];
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
  const newestSource = Math.max(
    ...[...SOURCE_ROOTS, ...SOURCE_FILES].map((p) => newestMtime(join(projectRoot, p))),
  );
  return newestSource <= oldestOutput;
}

function build() {
  const pkgDir = join(
    require.resolve('electron-vite/package.json', { paths: [projectRoot] }),
    '..',
  );
  const bin = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).bin['electron-vite'];
  say('Building (electron-vite build)…');
  const run = spawnSync(process.execPath, [join(pkgDir, bin), 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
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
  say(
    'out/ is up to date with the sources; skipping the build (npm start -- --rebuild forces one).',
  );
}

// (b) The Electron binary, downloaded once by the electron package's own installer.
const electron = await downloadElectron({ log: say });
if (!electron.ok) {
  console.error(
    [
      '',
      'Electron could not be downloaded on this machine, so the desktop app cannot start here.',
      `  Why: ${electron.reason}`,
      '',
      'Or use web mode: `npm run serve` prints a URL to open in a browser;',
      'it is the same app on the same library.',
      '',
    ].join('\n'),
  );
  process.exit(2);
}

// (c) better-sqlite3 for Electron's ABI, in node_modules/.cache (the Node build stays as it is):
// COMMONPLACE_ELECTRON_SQLITE if given, else the cache, the prebuilt binary, or node-gyp.
const sqlite = await electronSqlite();
if (!sqlite.ok) {
  console.error(
    [
      '',
      `Could not prepare better-sqlite3 for Electron ${electron.version}.`,
      `  Why: ${sqlite.reason}`,
      '',
      'Offline: set COMMONPLACE_ELECTRON_SQLITE to a better_sqlite3.node built for this Electron, or',
      "COMMONPLACE_ELECTRON_HEADERS to an unpacked copy of Electron's headers to compile one;",
      'or use web mode: `npm run serve`.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
if (sqlite.how !== 'cached')
  say(`better-sqlite3 for Electron is ready (${sqlite.how}): ${sqlite.binding}`);

async function electronSqlite() {
  const given = process.env.COMMONPLACE_ELECTRON_SQLITE;
  if (given) {
    const stamp = readNativeAbi(given);
    const { abi } = electronFacts();
    if (stamp.ok && stamp.abi === abi) return { ok: true, binding: given, how: 'given' };
    return {
      ok: false,
      reason: `COMMONPLACE_ELECTRON_SQLITE=${given}: ${stamp.ok ? `built for ABI ${stamp.abi}, not Electron's ${abi}` : stamp.reason}`,
    };
  }
  return obtainElectronSqlite({ log: say, compile: () => ensureElectronSqlite({ log: say }) });
}

// (d) Launch. Chromium refuses to run as root with its sandbox on (containers, CI).
const extra =
  process.platform === 'linux' && process.getuid?.() === 0 && !electronArgs.includes('--no-sandbox')
    ? ['--no-sandbox']
    : [];
if (extra.length)
  say(
    'Running as root: starting Electron with --no-sandbox (the renderer is still context-isolated).',
  );

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
