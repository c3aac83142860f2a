// electron-builder hooks (electron-builder.yml: beforePack, afterPack). The packed app gets
// better-sqlite3's Electron build in resources/native/ (outside app.asar, where a .node can be
// loaded; the main process opens it via the nativeBinding option, see PACKAGED_NATIVE_BINDING in
// electron/main/startup-config.ts) — node_modules in the bundle carries no build of it at all.
// node_modules itself is never rebuilt (npmRebuild: false).
//
// beforePack gets the module (COMMONPLACE_ELECTRON_SQLITE, else the cache, the published prebuilt
// binary, or node-gyp on a matching machine) and refuses a wrong ABI before minutes of packing;
// afterPack places it and reads the ABI stamp of every .node in the bundle: any module not built
// for Electron fails the build, so no installer is made from it.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { obtainElectronSqlite, electronFacts } = require('./electron-sqlite.cjs');
const { checkBundleAbi, refusal } = require('./bundle-abi.cjs');
const { readNativeAbi } = require('./native-abi.cjs');

/** Same as PACKAGED_NATIVE_BINDING in electron/main/startup-config.ts (a test keeps them equal). */
const NATIVE_BINDING = ['native', 'better_sqlite3.node'];
// builder-util's Arch enum, by value.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

const log = (line) => console.log(`  • commonplace ${line}`);

function target(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = typeof context.arch === 'string' ? context.arch : ARCH_NAMES[context.arch];
  if (!arch || arch === 'universal')
    throw new Error(
      `Cannot package better-sqlite3 for arch ${arch}: build x64 and arm64 separately.`,
    );
  return { platform, arch };
}

function runtime() {
  const electron = electronFacts();
  return { abi: electron.abi, version: electron.version, runtime: `Electron ${electron.version}` };
}

function resourcesDir(context) {
  if (context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas') {
    return path.join(
      context.appOutDir,
      `${context.packager.appInfo.productFilename}.app`,
      'Contents',
      'Resources',
    );
  }
  return path.join(context.appOutDir, 'resources');
}

const bindings = new Map();
/** The Electron build for this target (obtained once per target per run). */
async function bindingFor({ platform, arch }) {
  const key = `${platform}-${arch}`;
  if (!bindings.has(key)) bindings.set(key, obtain(platform, arch));
  return bindings.get(key);
}

async function obtain(platform, arch) {
  const given = process.env.COMMONPLACE_ELECTRON_SQLITE;
  if (given) {
    if (!fs.existsSync(given))
      throw new Error(`COMMONPLACE_ELECTRON_SQLITE=${given} does not exist.`);
    log(`using COMMONPLACE_ELECTRON_SQLITE=${given} for ${platform}-${arch}`);
    return path.resolve(given);
  }
  const got = await obtainElectronSqlite({
    platform,
    arch,
    log,
    compile: () => require('../dev/electron-env.cjs').ensureElectronSqlite({ log }),
  });
  if (!got.ok) {
    throw new Error(
      `Cannot package: ${got.reason}.\nSupply one by hand: COMMONPLACE_ELECTRON_SQLITE=/path/to/better_sqlite3.node (built for ${runtime().runtime}, ${platform}-${arch}).`,
    );
  }
  log(`better-sqlite3 for ${runtime().runtime} (${platform}-${arch}): ${got.how}, ${got.binding}`);
  return got.binding;
}

async function beforePack(context) {
  const binding = await bindingFor(target(context));
  const expected = runtime();
  const stamp = readNativeAbi(binding);
  const problem = !stamp.ok
    ? `its ABI cannot be read: ${stamp.reason}`
    : stamp.abi !== expected.abi
      ? `built for ABI ${stamp.abi}, not ${expected.runtime}'s ABI ${expected.abi}`
      : null;
  if (problem) throw new Error(refusal([`${binding}: ${problem}`], expected));
}

async function afterPack(context) {
  const binding = await bindingFor(target(context));
  const dest = path.join(resourcesDir(context), ...NATIVE_BINDING);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(binding, dest);

  const expected = runtime();
  const { modules, problems } = checkBundleAbi(context.appOutDir, expected);
  if (!modules.some((m) => m.file.endsWith(NATIVE_BINDING.join('/'))))
    problems.push(`${NATIVE_BINDING.join('/')} is missing from the bundle`);
  if (problems.length) throw new Error(refusal(problems, expected));
  log(`native modules checked for ABI ${expected.abi}: ${modules.map((m) => m.file).join(', ')}`);
}

module.exports = { beforePack, afterPack, NATIVE_BINDING };
