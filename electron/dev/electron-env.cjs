// Development-only helpers for running the app under Electron on a machine that also runs it
// under Node (tests, CLI, web mode). Shared by `npm start` (start.mjs) and e2e/electron.spec.ts.
// Plain CommonJS so both an ESM script and Playwright's TS loader can load it without a build.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const projectRoot = path.resolve(__dirname, '..', '..');
const projectRequire = (id) => require.resolve(id, { paths: [projectRoot] });

function electronPackageDir() {
  return path.dirname(projectRequire('electron/package.json'));
}

function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(electronPackageDir(), 'package.json'), 'utf8'))
    .version;
}

/** Electron's NODE_MODULE_VERSION, which the electron package ships in `abi_version`. */
function electronAbi() {
  return Number(fs.readFileSync(path.join(electronPackageDir(), 'abi_version'), 'utf8').trim());
}

function platformExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The Electron executable if it is on disk (never downloads). Mirrors electron/index.js. */
function installedElectron() {
  const dir = electronPackageDir();
  let relative;
  try {
    relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
  } catch {
    relative = undefined;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = path.join(override, relative || platformExecutable());
    return fs.existsSync(exe) ? exe : null;
  }
  if (!relative) return null;
  const exe = path.join(dir, 'dist', relative);
  return fs.existsSync(exe) ? exe : null;
}

function lastMeaningfulLine(text) {
  const lines = String(text || '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '));
  return (
    lines.find((l) => /error|fail|ENOTFOUND|EAI_AGAIN|ECONNREFUSED/i.test(l)) ||
    lines[lines.length - 1] ||
    ''
  );
}

/**
 * Finds the Electron binary. Electron ≥ 42 downloads it lazily on first use; with
 * `tryInstall` we run the package's own installer once (a no-op if it is there already).
 * Returns { ok: true, path, version } or { ok: false, reason }.
 */
function findElectron(opts = {}) {
  const version = electronVersion();
  let exe = installedElectron();
  if (exe) return { ok: true, path: exe, version };
  if (!opts.tryInstall) {
    return {
      ok: false,
      reason: `the Electron ${version} binary is not in node_modules/electron/dist (it is downloaded on first use)`,
    };
  }
  if (opts.log) opts.log(`Downloading the Electron ${version} binary (one time)…`);
  const run = spawnSync(process.execPath, [path.join(electronPackageDir(), 'install.js')], {
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
  });
  exe = installedElectron();
  if (exe) return { ok: true, path: exe, version };
  let why = run.error
    ? run.error.message
    : lastMeaningfulLine(run.stderr) || `installer exited with ${run.status}`;
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT/.test(why))
    why += ' (no network access to the Electron download host)';
  return { ok: false, reason: `downloading the Electron ${version} binary failed: ${why}` };
}

/**
 * Downloads the Electron binary with the electron package's own installer, showing progress and
 * ending it after `stallMs` without any (a stalled network otherwise hangs for many minutes).
 * Resolves { ok: true, path, version } or { ok: false, reason } — the reason says how to supply
 * the binary by hand.
 */
async function downloadElectron(opts = {}) {
  const { runWatched, bytesUnder, formatBytes } = require('../packaging/watchdog.cjs');
  const log = opts.log || (() => {});
  const stallMs = opts.stallMs ?? 60_000;
  const version = electronVersion();
  let exe = installedElectron();
  if (exe) return { ok: true, path: exe, version };
  // @electron/get downloads into os.tmpdir(): a private one lets us measure the bytes.
  const tmp = path.join(projectRoot, 'node_modules', '.cache', 'commonplace', 'electron-download');
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  log(`Downloading the Electron ${version} binary (one time, about 100 MB)…`);
  let shown = 0;
  const run = await runWatched(process.execPath, [path.join(electronPackageDir(), 'install.js')], {
    env: { ...process.env, TMPDIR: tmp, TEMP: tmp, TMP: tmp, ELECTRON_GET_NO_PROGRESS: '1' },
    stallMs,
    measure: () => bytesUnder(tmp),
    onProgress: (bytes) => {
      if (bytes - shown >= 5 * 1024 * 1024) {
        shown = bytes;
        log(`  downloaded ${formatBytes(bytes)}`);
      }
    },
  });
  fs.rmSync(tmp, { recursive: true, force: true });
  exe = installedElectron();
  if (exe) return { ok: true, path: exe, version };
  const byHand =
    `To supply it by hand: unzip electron-v${version}-${process.platform}-${process.arch}.zip (from https://github.com/electron/electron/releases) ` +
    'into a folder and set ELECTRON_OVERRIDE_DIST_PATH to that folder.';
  if (run.stalled)
    return {
      ok: false,
      reason: `the download of the Electron ${version} binary made no progress for ${Math.round(stallMs / 1000)} s and was stopped. ${byHand}`,
    };
  let why = lastMeaningfulLine(run.output) || `the installer exited with ${run.code}`;
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT/.test(run.output))
    why += ' (no network access to the Electron download host)';
  return {
    ok: false,
    reason: `downloading the Electron ${version} binary failed: ${why}. ${byHand}`,
  };
}

/** node-gyp's own explanation: its `gyp ERR! stack` message lines, without the stack frames. */
function nodeGypError(stderr) {
  const message = [];
  for (const line of String(stderr || '').split('\n')) {
    const m = /^gyp ERR! stack (.*)$/.exec(line.trim());
    if (!m) continue;
    if (m[1].trim().startsWith('at ')) break;
    message.push(m[1].trim());
  }
  const text = message.join(' ').replace(/^Error: /, '');
  if (/network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|fetch failed/i.test(text)) {
    return "Electron's C++ headers could not be downloaded (no network access to the headers host)";
  }
  return text || lastMeaningfulLine(stderr);
}

function findNodeGyp() {
  try {
    return projectRequire('node-gyp/bin/node-gyp.js');
  } catch {
    // npm bundles node-gyp next to itself.
    const bundled = path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    );
    return fs.existsSync(bundled) ? bundled : null;
  }
}

/**
 * The NODE_MODULE_VERSION a .node file was built for, found by loading it into a throwaway
 * Node process: Node refuses a foreign ABI with a message naming the module's version.
 * Returns { abi: number } or { abi: null, detail }.
 */
function probeAbi(file) {
  const run = spawnSync(
    process.execPath,
    ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', file],
    { encoding: 'utf8' },
  );
  if (run.status === 0) return { abi: Number(process.versions.modules) };
  const m = /compiled against a different Node\.js version using\s+NODE_MODULE_VERSION (\d+)/.exec(
    run.stderr || '',
  );
  if (m) return { abi: Number(m[1]) };
  return { abi: null, detail: lastMeaningfulLine(run.stderr) || `exit ${run.status}` };
}

function cacheDirFor(version) {
  return path.join(
    projectRoot,
    'node_modules',
    '.cache',
    'commonplace',
    `better-sqlite3-electron-${version}`,
  );
}

/**
 * Makes sure a better_sqlite3.node built for Electron's ABI exists in the cache and returns it.
 * It is compiled in a copy of node_modules/better-sqlite3: the package's own build/ stays the
 * Node build that the tests and the CLI load. Electron's headers come from the network unless
 * COMMONPLACE_ELECTRON_HEADERS names an unpacked headers folder (offline machines).
 * Returns { ok: true, binding, built } or { ok: false, reason }.
 */
function ensureElectronSqlite(opts = {}) {
  const log = opts.log || (() => {});
  const version = electronVersion();
  const abi = electronAbi();
  const sqliteDir = path.dirname(projectRequire('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(
    fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8'),
  ).version;
  const cacheDir = cacheDirFor(version);
  const binding = path.join(cacheDir, 'better_sqlite3.node');
  const stampFile = path.join(cacheDir, 'stamp.json');
  const stamp = JSON.stringify({ electron: version, abi, betterSqlite3: sqliteVersion });

  if (
    fs.existsSync(binding) &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, 'utf8') === stamp
  ) {
    return { ok: true, binding, built: false };
  }

  const nodeGyp = findNodeGyp();
  if (!nodeGyp)
    return { ok: false, reason: 'node-gyp was not found (neither in node_modules nor beside npm)' };

  const work = path.join(cacheDir, 'work');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  const skip = path.join(sqliteDir, 'build');
  fs.cpSync(sqliteDir, work, {
    recursive: true,
    filter: (src) => src !== skip && !src.startsWith(skip + path.sep),
  });

  // Without ~/.npmrc's nodedir & co., which would make node-gyp build for Node's ABI.
  const env = require('../packaging/electron-sqlite.cjs').cleanEnv();
  const args = [
    nodeGyp,
    'rebuild',
    '--release',
    `--runtime=electron`,
    `--target=${version}`,
    `--arch=${process.arch}`,
    '--jobs=max',
  ];
  const headers = process.env.COMMONPLACE_ELECTRON_HEADERS;
  args.push(
    headers ? `--nodedir=${path.resolve(headers)}` : '--dist-url=https://electronjs.org/headers',
  );

  log(
    `Building better-sqlite3 ${sqliteVersion} for Electron ${version} (ABI ${abi}); this takes about a minute, once…`,
  );
  const run = spawnSync(process.execPath, args, {
    cwd: work,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (run.status !== 0 || !fs.existsSync(built)) {
    const logFile = path.join(cacheDir, 'build.log');
    fs.writeFileSync(logFile, `${args.join(' ')}\n\n${run.stdout || ''}\n${run.stderr || ''}`);
    const why = run.error
      ? run.error.message
      : nodeGypError(run.stderr) || `node-gyp exited with ${run.status}`;
    return {
      ok: false,
      reason: `building better-sqlite3 for Electron ${version} failed: ${why} (full log: ${logFile})`,
    };
  }

  const probe = probeAbi(built);
  if (probe.abi !== null && probe.abi !== abi) {
    return {
      ok: false,
      reason:
        `the build came out for ABI ${probe.abi}, not Electron's ${abi}: node-gyp compiled against other headers ` +
        "(a nodedir setting, or COMMONPLACE_ELECTRON_HEADERS naming Node's headers)",
    };
  }
  if (probe.abi === null)
    log(`warning: could not confirm the ABI of the new build (${probe.detail})`);

  fs.copyFileSync(built, binding);
  fs.writeFileSync(stampFile, stamp);
  fs.rmSync(work, { recursive: true, force: true });
  return { ok: true, binding, built: true };
}

module.exports = {
  projectRoot,
  electronVersion,
  electronAbi,
  findElectron,
  downloadElectron,
  probeAbi,
  ensureElectronSqlite,
};
