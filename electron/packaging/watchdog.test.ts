import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesUnder, runWatched } from './watchdog.cjs';

const dir = mkdtempSync(join(tmpdir(), 'cp-watchdog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const node = (code: string) => [process.execPath, ['-e', code]] as const;

describe('runWatched', () => {
  it('ends a child that stops making progress, and says so', async () => {
    const started = Date.now();
    const [cmd, args] = node("console.log('starting'); setInterval(() => {}, 1000);");
    const run = await runWatched(cmd, [...args], { stallMs: 1500, tickMs: 100 });
    expect(run.stalled).toBe(true);
    expect(run.output).toContain('starting');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('lets a slow child run on while the bytes it writes grow, reporting them', async () => {
    const file = join(dir, 'download.tmp');
    // Writes a chunk every 500 ms for ~5 s, silently: longer than stallMs, but never stalled.
    const [cmd, args] = node(
      `const fs=require('fs');let n=0;const t=setInterval(()=>{fs.appendFileSync(${JSON.stringify(file)},Buffer.alloc(1024));if(++n===10){clearInterval(t);}},500);`,
    );
    const seen: number[] = [];
    const run = await runWatched(cmd, [...args], {
      stallMs: 4000,
      tickMs: 100,
      measure: () => bytesUnder(dir),
      onProgress: (b) => seen.push(b),
    });
    expect(run).toMatchObject({ code: 0, stalled: false });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(10 * 1024);
  });

  it('passes the exit code through', async () => {
    const [cmd, args] = node('process.exit(3)');
    expect(await runWatched(cmd, [...args], { stallMs: 60_000 })).toMatchObject({
      code: 3,
      stalled: false,
    });
  });
});
