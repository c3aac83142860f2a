import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { runSearchBench } from './run';

const tempDir = useTempDir();

describe('search benchmark (small run)', () => {
  it('builds a library, measures every query against the floor and grep, and writes the figures', async () => {
    const dir = tempDir();
    const out = join(dir, 'results', 'search.json');
    await runSearchBench([
      '--articles',
      '400',
      '--runs',
      '3',
      '--grep-runs',
      '1',
      '--out',
      out,
      '--dir',
      dir,
    ]);
    const r = JSON.parse(readFileSync(out, 'utf8'));
    expect(r.import.articles).toBe(400);
    expect(r.import.passages).toBe(40);
    expect(r.import.notes).toBe(20);
    expect(r.import.cached).toBe(false);
    expect(r.import.articlesPerSecond).toBeGreaterThan(0);
    const byName = Object.fromEntries(r.queries.map((q: { name: string }) => [q.name, q]));
    for (const name of [
      '1 word',
      '2 words',
      'phrase',
      'prefix',
      'tag filter',
      'CJK 2 chars',
      'CJK 4 chars',
      'rare word',
      'very common word',
    ]) {
      expect(byName[name].ours.runs).toBe(3);
      expect(byName[name].floor.p50).toBeGreaterThan(0);
    }
    // The corpus puts these where the queries find them.
    expect(byName['very common word'].total).toBeGreaterThan(300);
    expect(byName['CJK 2 chars'].counts.article).toBeGreaterThan(0);
    // The floor reads the index our query is driven by: the gram index for 1–2 CJK characters.
    expect(byName['CJK 2 chars'].floorIndex).toBe('articles_grams');
    expect(byName['CJK 4 chars'].floorIndex).toBe('articles_cjk');
    expect(byName['phrase'].floorIndex).toBe('articles_fts');
    expect(byName['rare word'].counts.article).toBe(1);
    expect(byName['rare word'].grep.files).toBe(1);
    expect(byName['very common word'].grep.files).toBeGreaterThan(300);
    // grep -c reads every file and finds the same files.
    expect(byName['rare word'].grepCount.files).toBe(1);
    expect(byName['very common word'].grepCount.files).toBe(byName['very common word'].grep.files);
    expect(byName['(extra) notes: 1 word'].counts.note).toBeGreaterThanOrEqual(0);
    expect(r.memory.maxRssMB).toBeGreaterThan(0);
    expect(r.memory.peakRssSampledMB).toBeGreaterThan(0);
    expect(r.memory.importPeakRssSampledMB).toBeGreaterThan(0); // this run built the library
    expect(typeof r.targets.p95Under30ms).toBe('boolean');
  });

  it('reuses the library it built for the same size and seed', async () => {
    const dir = tempDir();
    const args = ['--articles', '60', '--runs', '1', '--grep-runs', '1', '--dir', dir];
    await runSearchBench([...args, '--out', join(dir, 'a.json')]);
    await runSearchBench([...args, '--out', join(dir, 'b.json')]);
    const [a, b] = ['a.json', 'b.json'].map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
    expect(a.import.cached).toBe(false);
    expect(b.import.cached).toBe(true);
    expect(b.memory.importPeakRssSampledMB).toBeNull();
    expect(b.import.seconds).toBe(a.import.seconds); // the figures of the build, kept with it
    expect(b.queries.map((q: { total: number }) => q.total)).toEqual(
      a.queries.map((q: { total: number }) => q.total),
    );
  });
});
