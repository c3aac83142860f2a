// better-sqlite3 built for Electron's ABI, for one platform and architecture, the way the
// ecosystem gets it: the prebuilt binary better-sqlite3 publishes for each Electron ABI
// (prebuild-install, the tool its own install script uses), else compiled with node-gyp against
// Electron's headers (only for this machine's platform and architecture). The result goes to a
// cache folder under node_modules/.cache; node_modules/better-sqlite3 itself is never touched, so
// the CLI, web mode and tests keep their Node build whatever happens here.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { readNativeAbi } = require('./native-abi.cjs');
const { runWatched, bytesUnder, formatBytes } = require('./watchdog.cjs');

const projectRoot = path.resolve(__dirname, '..', '..');
const projectRequire = (id) => require.resolve(id, { paths: [projectRoot] });

function electronFacts() {
  const dir = path.dirname(projectRequire('electron/package.json'));
  return {
    version: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version,
    abi: Number(fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim()),
  };
}

function sqlitePackage() {
  const dir = path.dirname(projectRequire('better-sqlite3/package.json'));
  return {
    dir,
    version: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version,
  };
}

// npm passes ~/.npmrc settings to children as npm_config_*; `nodedir=/usr` there makes node-gyp
// build for Node's ABI however we ask, and a stray target/runtime would fetch the wrong prebuilt.
const BUILD_ENV_OVERRIDES = [
  'npm_config_nodedir',
  'npm_config_target',
  'npm_config_runtime',
  'npm_config_arch',
  'npm_config_platform',
  'npm_config_disturl',
  'npm_config_dist_url',
  'npm_config_build_from_source',
];
function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (BUILD_ENV_OVERRIDES.includes(key.toLowerCase())) delete env[key];
  return { ...env, ...extra };
}

function defaultCacheRoot() {
  return path.join(projectRoot, 'node_modules', '.cache', 'commonplace');
}

/** What a good binding must be; null when `file` is one, else why it is not. */
function wrongAbi(file, abi) {
  const stamp = readNativeAbi(file);
  if (!stamp.ok) return stamp.reason;
  if (stamp.abi !== abi) return `it is built for ABI ${stamp.abi}, not Electron's ${abi}`;
  return null;
}

function lastLines(text, n = 3) {
  return String(text || '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-n)
    .join(' | ');
}

const NETWORK =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|socket hang up|fetch failed/;

/** Tries the published prebuilt binary. Resolves { ok, file } or { ok: false, reason }. */
async function fetchPrebuilt({ work, platform, arch, electron, sqlite, log, stallMs }) {
  const bin = projectRequire('prebuild-install/bin.js');
  fs.mkdirSync(work, { recursive: true });
  // prebuild-install reads the package's name, version and binary host from ./package.json.
  fs.copyFileSync(path.join(sqlite.dir, 'package.json'), path.join(work, 'package.json'));
  // A private npm cache folder, so the download's progress can be measured.
  const npmCache = path.join(work, 'npm-cache');
  const args = [
    bin,
    '--runtime',
    'electron',
    '--target',
    electron.version,
    '--arch',
    arch,
    '--platform',
    platform,
    '--verbose',
  ];
  log(
    `Fetching the prebuilt better-sqlite3 ${sqlite.version} for Electron ${electron.version} (${platform}-${arch})…`,
  );
  let shown = 0;
  const run = await runWatched(process.execPath, args, {
    cwd: work,
    env: cleanEnv({ npm_config_cache: npmCache }),
    stallMs,
    measure: () => bytesUnder(path.join(npmCache, '_prebuilds')),
    onProgress: (bytes) => {
      if (bytes - shown >= 256 * 1024) {
        shown = bytes;
        log(`  downloaded ${formatBytes(bytes)}`);
      }
    },
  });
  const file = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (run.stalled)
    return {
      ok: false,
      reason: `the prebuilt download made no progress for ${Math.round(stallMs / 1000)} s and was stopped`,
    };
  if (run.code === 0 && fs.existsSync(file)) return { ok: true, file };
  const detail =
    lastLines(
      run.output
        .split('\n')
        .filter((l) => /warn|ERR|error/i.test(l))
        .join('\n'),
      2,
    ) || lastLines(run.output, 1);
  const offline = NETWORK.test(run.output)
    ? ' (no network access to the download host, github.com)'
    : '';
  return {
    ok: false,
    reason: `no prebuilt binary could be fetched: ${detail || `prebuild-install exited with ${run.code}`}${offline}`,
  };
}

/**
 * Makes sure the cache holds better_sqlite3.node for Electron on `platform`/`arch` and returns it:
 * { ok: true, binding, how: 'cached' | 'prebuilt' | 'compiled' } or { ok: false, reason }.
 * `compile(work)` is the fallback (node-gyp), used only for this machine's platform and arch.
 */
async function obtainElectronSqlite(opts = {}) {
  const log = opts.log || (() => {});
  const platform = opts.platform || process.platform;
  const arch = opts.arch || process.arch;
  const stallMs = opts.stallMs ?? 60_000;
  const electron = electronFacts();
  const sqlite = sqlitePackage();
  const dir = path.join(
    opts.cacheRoot || defaultCacheRoot(),
    `better-sqlite3-${sqlite.version}-electron-${electron.version}-${platform}-${arch}`,
  );
  const binding = path.join(dir, 'better_sqlite3.node');
  if (fs.existsSync(binding) && !wrongAbi(binding, electron.abi))
    return { ok: true, binding, how: 'cached' };

  const work = path.join(dir, 'work');
  fs.rmSync(work, { recursive: true, force: true });
  const reasons = [];
  try {
    const prebuilt = await fetchPrebuilt({ work, platform, arch, electron, sqlite, log, stallMs });
    if (prebuilt.ok) {
      const bad = wrongAbi(prebuilt.file, electron.abi);
      if (!bad) {
        fs.copyFileSync(prebuilt.file, binding);
        return { ok: true, binding, how: 'prebuilt' };
      }
      reasons.push(`the prebuilt binary is unusable: ${bad}`);
    } else reasons.push(prebuilt.reason);

    const native = platform === process.platform && arch === process.arch;
    if (!opts.compile) reasons.push('compiling was not attempted');
    else if (!native)
      reasons.push(
        `compiling for ${platform}-${arch} is only possible on such a machine (this one is ${process.platform}-${process.arch})`,
      );
    else {
      log('Compiling better-sqlite3 for Electron instead (node-gyp, about a minute)…');
      const compiled = await opts.compile();
      if (compiled.ok) {
        const bad = wrongAbi(compiled.binding, electron.abi);
        if (!bad) {
          if (path.resolve(compiled.binding) !== path.resolve(binding))
            fs.copyFileSync(compiled.binding, binding);
          return { ok: true, binding, how: 'compiled' };
        }
        reasons.push(`the compiled module is unusable: ${bad}`);
      } else reasons.push(compiled.reason);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return {
    ok: false,
    reason: `better-sqlite3 for Electron ${electron.version} (${platform}-${arch}, ABI ${electron.abi}): ${reasons.join('; ')}`,
  };
}

module.exports = { obtainElectronSqlite, electronFacts, defaultCacheRoot, cleanEnv };
