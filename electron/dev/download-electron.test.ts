// `npm start`'s Electron download against a local mirror (ELECTRON_MIRROR) that stalls or is
// gone: it must end within the stall limit, or at once, saying how to supply Electron by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { downloadElectron, findElectron } from './electron-env.cjs';
import { localHost } from '../test/local-server';

const installed = findElectron({ tryInstall: false }).ok;
const dir = mkdtempSync(join(tmpdir(), 'cp-electron-dl-'));
const saved = { mirror: process.env.ELECTRON_MIRROR, cache: process.env.electron_config_cache };
let host: Awaited<ReturnType<typeof localHost>> | undefined;

/** A mirror URL as @electron/get wants it (with the trailing slash). */
async function mirror(handler: Parameters<typeof localHost>[0]): Promise<string> {
  host = await localHost(handler);
  return `${host.url}/`;
}

afterEach(async () => {
  process.env.ELECTRON_MIRROR = saved.mirror;
  if (saved.mirror === undefined) delete process.env.ELECTRON_MIRROR;
  await host?.stop();
  host = undefined;
});
afterAll(() => {
  if (saved.cache === undefined) delete process.env.electron_config_cache;
  else process.env.electron_config_cache = saved.cache;
  rmSync(dir, { recursive: true, force: true });
});

// With the binary already installed there is nothing to download, so nothing to test here.
describe.skipIf(installed)('downloadElectron (Electron not installed)', () => {
  it('ends a stalled download and says how to supply Electron by hand', async () => {
    process.env.electron_config_cache = join(dir, 'cache-1'); // never a cached zip
    process.env.ELECTRON_MIRROR = await mirror((_req, res) => {
      res.writeHead(200, { 'content-length': '100000000' });
      res.write(Buffer.alloc(1000));
    });
    const started = Date.now();
    const got = await downloadElectron({ stallMs: 2000 });
    expect(host!.requested.some((u) => /electron-v[\d.]+-\w+-\w+\.zip$/.test(u))).toBe(true);
    expect(got.ok).toBe(false);
    if (!got.ok) {
      expect(got.reason).toMatch(/made no progress for 2 s and was stopped/);
      expect(got.reason).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    }
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('fails at once when the host is unreachable, with the same advice', async () => {
    process.env.electron_config_cache = join(dir, 'cache-2');
    const url = await mirror(() => {});
    await host!.stop();
    process.env.ELECTRON_MIRROR = url;
    const got = await downloadElectron({ stallMs: 60_000 });
    expect(got.ok).toBe(false);
    if (!got.ok) {
      expect(got.reason).toMatch(/failed: .*\(no network access to the Electron download host\)/);
      expect(got.reason).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    }
  });
});
