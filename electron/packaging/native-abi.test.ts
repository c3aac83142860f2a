// The ABI reader on real native modules: better-sqlite3's own Node build, a stand-in compiled
// here for Electron's ABI, and the N-API binaries (Linux, Windows, macOS) Electron's installer ships.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronFacts } from './electron-sqlite.cjs';
import { readNativeAbi, readNativeAbiFrom } from './native-abi.cjs';
import { buildStandInNodeModule, CAN_BUILD_STAND_IN, HOST_FORMAT } from './stand-ins.cjs';

const require = createRequire(import.meta.url);
const sqliteBuild = join(
  dirname(require.resolve('better-sqlite3/package.json')),
  'build',
  'Release',
);
// Electron's installer ships its zip extractor for every platform in one package.
const extractZip = join(
  dirname(require.resolve('electron/package.json')),
  '..',
  '@electron-internal',
  'extract-zip',
);
const dir = mkdtempSync(join(tmpdir(), 'cp-abi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readNativeAbi', () => {
  it("reads Node's ABI from better-sqlite3's own build (Node 20 = 115)", () => {
    expect(readNativeAbi(join(sqliteBuild, 'better_sqlite3.node'))).toEqual({
      ok: true,
      format: HOST_FORMAT,
      abi: Number(process.versions.modules),
    });
    if (process.versions.node.startsWith('20.')) expect(Number(process.versions.modules)).toBe(115);
  });

  // Skipped on Windows only: no C compiler there by default; Linux and macOS runs cover it.
  it.skipIf(!CAN_BUILD_STAND_IN)(
    "reads Electron's ABI (150) from a module exporting node_register_module_v150 (a stand-in compiled with cc)",
    () => {
      const { abi } = electronFacts();
      expect(abi).toBe(150);
      const built = buildStandInNodeModule(join(dir, 'electron.node'), abi);
      if (!built.ok) throw new Error(built.reason);
      expect(readNativeAbi(built.file)).toEqual({ ok: true, format: HOST_FORMAT, abi: 150 });
    },
  );

  it('recognises N-API modules in all three formats', () => {
    expect(readNativeAbi(join(extractZip, 'index.linux-x64-gnu.node'))).toEqual({
      ok: true,
      format: 'ELF',
      abi: 'napi',
    });
    expect(readNativeAbi(join(extractZip, 'index.win32-x64-msvc.node'))).toEqual({
      ok: true,
      format: 'PE',
      abi: 'napi',
    });
    expect(readNativeAbi(join(extractZip, 'index.darwin-universal.node'))).toEqual({
      ok: true,
      format: 'Mach-O universal',
      abi: 'napi',
    });
  });

  it('says why when there is no stamp, no native library, a damaged one or no file', () => {
    const noStamp = readNativeAbi(join(sqliteBuild, 'test_extension.node'));
    expect(noStamp).toMatchObject({
      ok: false,
      reason: expect.stringContaining(
        'exports neither node_register_module_v<ABI> nor napi_register_module_v1',
      ),
    });
    const text = join(dir, 'text.node');
    writeFileSync(text, 'not a library at all, just text that is long enough to look at'.repeat(2));
    expect(readNativeAbi(text)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a native library'),
    });
    const whole = readFileSync(join(sqliteBuild, 'better_sqlite3.node'));
    expect(readNativeAbiFrom(whole.subarray(0, 4096))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('damaged'),
    });
    expect(readNativeAbi(join(dir, 'missing.node'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('ENOENT'),
    });
  });
});
