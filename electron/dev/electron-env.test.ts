import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronAbi, electronVersion, findElectron, probeAbi } from './electron-env.cjs';

const require = createRequire(import.meta.url);

describe('probeAbi', () => {
  it("reads Node's ABI from the package's own build of better-sqlite3", () => {
    const pkg = dirname(require.resolve('better-sqlite3/package.json'));
    const probe = probeAbi(join(pkg, 'build', 'Release', 'better_sqlite3.node'));
    expect(probe.abi).toBe(Number(process.versions.modules));
  });

  it('reports a file that is no native module at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-abi-'));
    try {
      const fake = join(dir, 'fake.node');
      writeFileSync(fake, 'not an ELF file');
      const probe = probeAbi(fake);
      expect(probe.abi).toBeNull();
      expect(probe.detail).toBeTruthy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('electron package facts', () => {
  it('knows the pinned Electron version and an ABI different from Node', () => {
    expect(electronVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(electronAbi()).toBeGreaterThan(Number(process.versions.modules));
  });

  it('never downloads when not asked to, and says why when the binary is missing', () => {
    const found = findElectron({ tryInstall: false });
    if (found.ok) expect(found.path).toContain('electron');
    else expect(found.reason).toContain(electronVersion());
  });
});
