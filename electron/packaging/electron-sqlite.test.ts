// Getting better-sqlite3 for Electron through the real prebuild-install, against local servers
// standing in for the download host (npm_config_better_sqlite3_binary_host): a good prebuilt, a
// Node-ABI one, a stalled download and no host at all — plus the compiler fallback's rules.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { electronFacts, obtainElectronSqlite } from './electron-sqlite.cjs';
import { readNativeAbi } from './native-abi.cjs';
import { buildStandInNodeModule, CAN_BUILD_STAND_IN } from './stand-ins.cjs';
import { localHost } from '../test/local-server';

const require = createRequire(import.meta.url);
const nodeBuild = join(
  dirname(require.resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);
const { abi, version } = electronFacts();
const dir = mkdtempSync(join(tmpdir(), 'cp-electron-sqlite-'));
const HOST = 'npm_config_better_sqlite3_binary_host';
let goodTarball: Buffer;
let nodeTarball: Buffer;
let cacheN = 0;
const cacheRoot = () => join(dir, `cache-${++cacheN}`);

/** A prebuild tarball as better-sqlite3 publishes it: build/Release/better_sqlite3.node. */
function tarball(name: string, module: string): Buffer {
  const root = join(dir, name);
  mkdirSync(join(root, 'build', 'Release'), { recursive: true });
  copyFileSync(module, join(root, 'build', 'Release', 'better_sqlite3.node'));
  execFileSync('tar', ['czf', `${root}.tar.gz`, '-C', root, 'build']);
  return readFileSync(`${root}.tar.gz`);
}

let host: Awaited<ReturnType<typeof localHost>> | undefined;
const requested = () => host?.requested ?? [];
async function serve(handler: Parameters<typeof localHost>[0]): Promise<string> {
  host = await localHost(handler);
  return host.url;
}

beforeAll(() => {
  if (!CAN_BUILD_STAND_IN) return;
  const standIn = buildStandInNodeModule(join(dir, 'stand-in.node'), abi);
  if (!standIn.ok) throw new Error(standIn.reason);
  goodTarball = tarball('good', standIn.file);
  nodeTarball = tarball('node', nodeBuild);
});
afterEach(async () => {
  delete process.env[HOST];
  await host?.stop();
  host = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Skipped on Windows only: the stand-in prebuilt needs a C compiler (Linux and macOS runs cover it).
describe.skipIf(!CAN_BUILD_STAND_IN)('obtainElectronSqlite', () => {
  it("fetches the published prebuilt for the target's Electron ABI, checks it and caches it", async () => {
    process.env[HOST] = await serve((_req, res) => res.end(goodTarball));
    const lines: string[] = [];
    const root = cacheRoot();
    const got = await obtainElectronSqlite({
      platform: 'darwin',
      arch: 'arm64',
      cacheRoot: root,
      log: (l) => lines.push(l),
    });
    expect(got).toMatchObject({ ok: true, how: 'prebuilt' });
    expect(requested()).toEqual([
      expect.stringMatching(
        new RegExp(`better-sqlite3-v[\\d.]+-electron-v${abi}-darwin-arm64\\.tar\\.gz$`),
      ),
    ]);
    expect(lines[0]).toContain(`for Electron ${version} (darwin-arm64)`);
    if (!got.ok) return;
    expect(readNativeAbi(got.binding)).toMatchObject({ ok: true, abi });
    // Second time: from the cache, no request.
    expect(
      await obtainElectronSqlite({ platform: 'darwin', arch: 'arm64', cacheRoot: root }),
    ).toMatchObject({ ok: true, how: 'cached', binding: got.binding });
    expect(requested()).toHaveLength(1);
  });

  it('refuses a "prebuilt" built for the wrong ABI', async () => {
    process.env[HOST] = await serve((_req, res) => res.end(nodeTarball));
    const got = await obtainElectronSqlite({
      platform: 'linux',
      arch: 'x64',
      cacheRoot: cacheRoot(),
    });
    expect(got.ok).toBe(false);
    if (!got.ok)
      expect(got.reason).toContain(
        `the prebuilt binary is unusable: it is built for ABI ${process.versions.modules}, not Electron's ${abi}`,
      );
  });

  it('fails at once, saying so, when the download host cannot be reached', async () => {
    const url = await serve(() => {});
    await host!.stop();
    process.env[HOST] = url; // nothing listens there any more
    const started = Date.now();
    const got = await obtainElectronSqlite({
      platform: 'linux',
      arch: 'x64',
      cacheRoot: cacheRoot(),
    });
    expect(got.ok).toBe(false);
    if (!got.ok) {
      expect(got.reason).toMatch(
        /no prebuilt binary could be fetched: .*ECONNREFUSED.*\(no network access to the download host/,
      );
      expect(got.reason).toContain('compiling was not attempted');
    }
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('ends a download that stalls, naming how long nothing moved', async () => {
    // Headers and a first chunk, then nothing: prebuild-install's own socket timeout is 30 s.
    process.env[HOST] = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(goodTarball.length) });
      res.write(goodTarball.subarray(0, 100));
    });
    const got = await obtainElectronSqlite({
      platform: 'linux',
      arch: 'x64',
      cacheRoot: cacheRoot(),
      stallMs: 2000,
    });
    expect(got.ok).toBe(false);
    if (!got.ok)
      expect(got.reason).toContain(
        'the prebuilt download made no progress for 2 s and was stopped',
      );
  });

  it('compiles only as a fallback, and only for this machine', async () => {
    process.env[HOST] = await serve((_req, res) => res.writeHead(404).end());
    const compiled = buildStandInNodeModule(join(dir, 'compiled.node'), abi);
    if (!compiled.ok) throw new Error(compiled.reason);
    let calls = 0;
    const compile = () => {
      calls++;
      return { ok: true as const, binding: compiled.file };
    };
    const here = await obtainElectronSqlite({ cacheRoot: cacheRoot(), compile });
    expect(here).toMatchObject({ ok: true, how: 'compiled' });
    const foreign = await obtainElectronSqlite({
      platform: process.platform === 'win32' ? 'linux' : 'win32',
      arch: 'x64',
      cacheRoot: cacheRoot(),
      compile,
    });
    expect(foreign.ok).toBe(false);
    if (!foreign.ok)
      expect(foreign.reason).toMatch(/compiling for win32-x64|compiling for linux-x64/);
    expect(calls).toBe(1);
  });
});
