// The after-pack ABI check over a real folder and a real app.asar.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBundleAbi, refusal } from './bundle-abi.cjs';
import { buildStandInNodeModule, CAN_BUILD_STAND_IN } from './stand-ins.cjs';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  createPackageWithOptions(src: string, dest: string, o: { unpack?: string }): Promise<void>;
};
const nodeBuild = join(
  dirname(require.resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);
const expected = { abi: 150, version: '45.5.0', runtime: 'Electron 45.5.0' };
const dir = mkdtempSync(join(tmpdir(), 'cp-bundle-abi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function standIn(file: string): string {
  const built = buildStandInNodeModule(file, 150);
  if (!built.ok) throw new Error(built.reason);
  return built.file;
}

// Skipped on Windows only: the stand-in needs a C compiler (Linux and macOS runs cover it).
describe.skipIf(!CAN_BUILD_STAND_IN)('checkBundleAbi', () => {
  it('passes a bundle whose only module is built for Electron', () => {
    const app = join(dir, 'good');
    standIn(join(app, 'resources', 'native', 'better_sqlite3.node'));
    const { modules, problems } = checkBundleAbi(app, expected);
    expect(modules.map((m) => m.file)).toEqual(['resources/native/better_sqlite3.node']);
    expect(problems).toEqual([]);
  });

  it('names a Node-ABI module, loose or inside app.asar, and the refusal says what to do', async () => {
    const app = join(dir, 'bad');
    standIn(join(app, 'resources', 'native', 'better_sqlite3.node'));
    const src = join(dir, 'asar-src', 'node_modules', 'x', 'build');
    mkdirSync(src, { recursive: true });
    copyFileSync(nodeBuild, join(src, 'x.node'));
    copyFileSync(nodeBuild, join(src, 'y.node'));
    // y.node is unpacked (a loose file in app.asar.unpacked), x.node stays inside the archive.
    await asar.createPackageWithOptions(join(dir, 'asar-src'), join(app, 'resources', 'app.asar'), {
      unpack: '**/y.node',
    });
    const { modules, problems } = checkBundleAbi(app, expected);
    expect(modules.map((m) => m.file)).toEqual([
      'resources/app.asar.unpacked/node_modules/x/build/y.node',
      'resources/app.asar/node_modules/x/build/x.node',
      'resources/native/better_sqlite3.node',
    ]);
    expect(problems).toHaveLength(2);
    for (const p of problems)
      expect(p).toMatch(
        new RegExp(
          `built for ABI ${process.versions.modules} \\(Node .*\\), not Electron 45.5.0's ABI 150$`,
        ),
      );
    const message = refusal(problems, expected);
    expect(message).toMatch(/^Refusing to package/);
    expect(message).toContain('COMMONPLACE_ELECTRON_SQLITE');
    expect(message).toContain('Never rebuild node_modules/better-sqlite3 in place');
  });
});
