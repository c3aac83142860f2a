// The release workflow can't run here (no Electron, no GitHub runners): check that it parses and
// does what README promises on each OS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

const file = join(__dirname, '..', '..', '.github', 'workflows', 'release.yml');

interface Step {
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}

describe('.github/workflows/release.yml', () => {
  const doc = YAML.parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
  const workflow = doc.toJS() as {
    on: Record<string, unknown>;
    jobs: Record<
      string,
      { strategy: { matrix: { include: { os: string; installers: string }[] } }; steps: Step[] }
    >;
  };

  it('is valid YAML', () => {
    expect(doc.errors).toEqual([]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('tests, packages and uploads installers on Linux, macOS and Windows', () => {
    const job = Object.values(workflow.jobs)[0]!;
    const include = job.strategy.matrix.include;
    expect(include.map((m) => m.os)).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(include.map((m) => m.installers).join(' ')).toMatch(/AppImage.*deb.*dmg.*exe/);
    const runs = job.steps.map((s) => s.run ?? s.uses ?? '');
    const at = (text: string) => runs.findIndex((r) => r.includes(text));
    for (const step of [
      'npm ci',
      'npm test',
      'xvfb-run -a npx playwright test e2e/electron.spec.ts',
      'npm run dist',
      'actions/upload-artifact',
    ])
      expect(at(step), step).toBeGreaterThan(-1);
    expect(at('npm ci')).toBeLessThan(at('npm test'));
    expect(at('npm test')).toBeLessThan(at('npm run dist'));
    expect(at('npm run dist')).toBeLessThan(at('actions/upload-artifact'));
    expect(job.steps.find((s) => s.run?.startsWith('xvfb-run'))?.if).toBe("runner.os == 'Linux'");
  });
});
