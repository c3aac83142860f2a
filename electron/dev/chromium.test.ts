import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, INSTALL_HINT } from './chromium.cjs';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cp-chromium-'));
const present = join(dir, 'chrome');
writeFileSync(present, '');
const missing = join(dir, 'missing');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, when it exists', () => {
    const found = findChromium({
      env: { CHROMIUM_PATH: present },
      debianPath: present,
      playwrightPath: present,
    });
    expect(found).toEqual({ ok: true, path: present, source: 'CHROMIUM_PATH' });
  });

  it('names a CHROMIUM_PATH that does not exist instead of falling back silently', () => {
    const found = findChromium({
      env: { CHROMIUM_PATH: missing },
      debianPath: present,
      playwrightPath: present,
    });
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.message).toContain(`CHROMIUM_PATH=${missing} does not exist`);
  });

  it("then Debian's chromium, then Playwright's own browser", () => {
    expect(findChromium({ env: {}, debianPath: present, playwrightPath: missing })).toMatchObject({
      ok: true,
      source: 'debian',
    });
    expect(findChromium({ env: {}, debianPath: missing, playwrightPath: present })).toMatchObject({
      ok: true,
      path: present,
      source: 'playwright',
    });
  });

  it('with no browser anywhere, says the one command that installs one', () => {
    for (const playwrightPath of [missing, null]) {
      const found = findChromium({ env: {}, debianPath: missing, playwrightPath });
      expect(found.ok).toBe(false);
      if (!found.ok) expect(found.message).toContain(INSTALL_HINT);
    }
  });
});

describe('the e2e config', () => {
  it('stops at once with the message when the browser named is missing', () => {
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--list'],
      {
        cwd: ROOT,
        env: { ...process.env, CHROMIUM_PATH: missing },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `CHROMIUM_PATH=${missing} does not exist: point it at a Chromium or Chrome executable, or unset it to use an installed one.`,
    );
    expect(run.stdout).not.toMatch(/Total: \d+ tests/);
    expect(Date.now() - started).toBeLessThan(25_000);
  });

  it("npm test's first step (plain Node) reports the same", () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'electron', 'dev', 'chromium.cjs')], {
      env: { ...process.env, CHROMIUM_PATH: missing },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('does not exist');
  });
});
