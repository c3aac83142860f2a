import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_ARTICLE, useTempDir } from '../../test/temp';
import { runCli } from '../program';

const tempDir = useTempDir();

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
    rendererDir: '/nonexistent',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('sync commands', () => {
  it('init, now, status and devices carry an import from one library to another', async () => {
    const dir = tempDir();
    const folder = mkdtempSync(join(dir, 'folder-'));
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    expect((await cli(['--library', a, 'import', SHARED_ARTICLE])).code).toBe(0);
    const init = await cli([
      '--library',
      a,
      'sync',
      'init',
      '--folder',
      folder,
      '--name',
      'Laptop',
    ]);
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/as "Laptop"/);
    expect(
      (await cli(['--library', b, 'sync', 'init', '--folder', folder, '--name', 'Desktop'])).code,
    ).toBe(0);
    const sent = await cli(['--library', a, 'sync', 'now']);
    expect(sent.out).toMatch(/^sent \d+ changes in 1 segments/);
    const got = await cli(['--library', b, 'sync', 'now', '--json']);
    expect(JSON.parse(got.out)).toMatchObject({ applied: 1, problems: [] });
    const listA = JSON.parse((await cli(['--library', a, 'list', '--json'])).out);
    const listB = JSON.parse((await cli(['--library', b, 'list', '--json'])).out);
    expect(listB).toEqual(listA);
    const status = JSON.parse((await cli(['--library', b, 'sync', 'status', '--json'])).out);
    expect(status).toMatchObject({
      configured: true,
      deviceName: 'Desktop',
      incoming: 0,
      outgoing: 0,
      clocks: [],
    });
    expect(status.devices.map((d: { name: string }) => d.name).sort()).toEqual([
      'Desktop',
      'Laptop',
    ]);
    const devices = JSON.parse((await cli(['--library', a, 'sync', 'devices', '--json'])).out);
    expect(devices).toHaveLength(2);
  });

  it("refuses another library's folder with one line and a non-zero exit", async () => {
    const dir = tempDir();
    const folder = mkdtempSync(join(dir, 'folder-'));
    const other = mkdtempSync(join(dir, 'other-'));
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    await cli(['--library', a, 'sync', 'init', '--folder', folder, '--name', 'A']);
    await cli(['--library', b, 'sync', 'init', '--folder', other, '--name', 'B']);
    // B's library is its own (it set up sync with another folder): A's folder is not its.
    const refused = await cli(['--library', b, 'sync', 'init', '--folder', folder, '--name', 'B']);
    expect(refused.code).not.toBe(0);
    expect(refused.err.split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(/already syncs with/);
    const fresh = join(dir, 'c.sqlite');
    const notSetUp = await cli(['--library', fresh, 'sync', 'now']);
    expect(notSetUp.code).not.toBe(0);
    expect(notSetUp.err).toMatch(/sync is not set up for this library/);
  });
});
