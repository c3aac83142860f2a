// Stand-ins for the two things the packaging check cannot get on a machine without network or
// Electron's headers. Neither is ever run or loaded; electron-builder and our checks only read them.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

// @electron/fuses finds the fuse wire after this sentinel in the Electron binary; a wire is
// [version=1, length, state…] with '0'/'1' per fuse. These are Electron 45's shipped states.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const SHIPPED_FUSES = '10110001'; // RunAsNode, CookieEncryption, NodeOptions, CliInspect, AsarIntegrity, OnlyLoadFromAsar, V8Snapshot, FileProtocolPrivileges

/**
 * An unpacked "Electron distribution" that electron-builder accepts as `electronDist`: an
 * `electron` executable holding the fuse wire (so fuses can be flipped and read back), the
 * version, the licence files, one locale and chrome-sandbox. The executable only says it is a
 * stand-in.
 */
function makeStandInElectronDist(dir, version) {
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const script =
    '#!/bin/sh\necho "stand-in Electron for the packaging check: it cannot run" >&2\nexit 1\n# ';
  const wire = Buffer.concat([
    Buffer.from(script + FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, SHIPPED_FUSES.length]),
    Buffer.from(SHIPPED_FUSES + '\n', 'latin1'),
  ]);
  fs.writeFileSync(path.join(dir, 'electron'), wire, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'chrome-sandbox'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'version'), version);
  fs.writeFileSync(
    path.join(dir, 'LICENSE'),
    "Stand-in for Electron's LICENSE (packaging check).\n",
  );
  fs.writeFileSync(
    path.join(dir, 'LICENSES.chromium.html'),
    '<!-- stand-in (packaging check) -->\n',
  );
  fs.writeFileSync(path.join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}

/**
 * A shared library that exports only `node_register_module_v<abi>`: what the ABI reader looks
 * for. Used where a real Electron-ABI better-sqlite3 can't be built (no Electron headers
 * offline). Compiled with the system C compiler (`CC`, else cc). Returns { ok, file } or { ok: false, reason }.
 */
function buildStandInNodeModule(file, abi) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const source = `${file}.c`;
  fs.writeFileSync(
    source,
    `/* Stand-in native module (packaging check): never loaded. */\n__attribute__((visibility("default"))) void node_register_module_v${abi}(void) {}\n`,
  );
  const cc = process.env.CC || 'cc';
  const run = spawnSync(cc, ['-shared', '-fPIC', '-o', file, source], { encoding: 'utf8' });
  fs.rmSync(source, { force: true });
  if (run.error) return { ok: false, reason: `no C compiler (${cc}: ${run.error.message})` };
  if (run.status !== 0)
    return { ok: false, reason: `${cc} failed: ${run.stderr.trim().split('\n').pop()}` };
  return { ok: true, file };
}

/** Windows has no `cc` by default (and would need MSVC's export syntax): the Linux and macOS runs cover it. */
const CAN_BUILD_STAND_IN = process.platform !== 'win32';
/** The format native modules of this machine have. */
const HOST_FORMAT = { linux: 'ELF', darwin: 'Mach-O', win32: 'PE' }[process.platform] || 'ELF';

module.exports = {
  makeStandInElectronDist,
  buildStandInNodeModule,
  FUSE_SENTINEL,
  SHIPPED_FUSES,
  CAN_BUILD_STAND_IN,
  HOST_FORMAT,
};
