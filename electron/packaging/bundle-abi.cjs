// The check that stands between a packed app and an installer: every native module in the
// bundle — loose files (app.asar.unpacked, resources/native) and any inside app.asar — must be
// built for the Electron ABI the app runs on (or be N-API). The ABI is read from the symbol
// table, never by loading the module.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { readNativeAbi, readNativeAbiFrom } = require('./native-abi.cjs');

const asar = () =>
  require(require.resolve('@electron/asar', { paths: [path.resolve(__dirname, '..', '..')] }));

/** Every .node in `dir`: files on disk, and entries of the .asar archives found there. */
function nativeModulesIn(dir) {
  const found = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.node'))
        found.push({ where: full, stamp: () => readNativeAbi(full) });
      else if (entry.name.endsWith('.asar')) {
        for (const inner of asar().listPackage(full, { isPack: false })) {
          if (!inner.endsWith('.node')) continue;
          const name = inner.replace(/^[\\/]/, '');
          // An unpacked entry is a real file in <name>.asar.unpacked: the walk reads it there.
          if (asar().statFile(full, name).unpacked) continue;
          found.push({
            where: `${full}/${name.split(path.sep).join('/')}`,
            stamp: () => readNativeAbiFrom(asar().extractFile(full, name)),
          });
        }
      }
    }
  };
  walk(dir);
  return found.sort((a, b) => a.where.localeCompare(b.where));
}

/**
 * Checks a packed app against the runtime's ABI. Returns every module with its stamp and one
 * problem line per module that would not load under that runtime.
 */
function checkBundleAbi(dir, expected) {
  const modules = nativeModulesIn(dir).map(({ where, stamp }) => ({
    file: path.relative(dir, where).split(path.sep).join('/'),
    stamp: stamp(),
  }));
  const problems = [];
  for (const { file, stamp } of modules) {
    if (!stamp.ok) problems.push(`${file}: its ABI cannot be read: ${stamp.reason}`);
    else if (stamp.abi !== 'napi' && stamp.abi !== expected.abi) {
      const whose =
        stamp.abi === Number(process.versions.modules)
          ? ` (Node ${process.versions.node}'s, the Node running this build)`
          : '';
      problems.push(
        `${file}: built for ABI ${stamp.abi}${whose}, not ${expected.runtime}'s ABI ${expected.abi}`,
      );
    }
  }
  return { modules, problems };
}

/** The message that refuses an installer: what is wrong, and what to do about it. */
function refusal(problems, expected) {
  return [
    `Refusing to package: the app would fail at startup, its native modules are not built for ${expected.runtime} (ABI ${expected.abi}):`,
    ...problems.map((p) => `  - ${p}`),
    'What to do: let the packaging hook fetch the Electron build (it needs the network once: the prebuilt binary from',
    "github.com, or Electron's headers to compile it), or set COMMONPLACE_ELECTRON_SQLITE to a better_sqlite3.node built",
    `for Electron (e.g. \`npx prebuild-install --runtime electron --target ${expected.version} --arch <arch>\` in a copy of`,
    'node_modules/better-sqlite3). Never rebuild node_modules/better-sqlite3 in place: the CLI and the tests need its Node build.',
  ].join('\n');
}

module.exports = { checkBundleAbi, nativeModulesIn, refusal };
