/**
 * A fuzz session over the importers: cases per format through one worker pool, counted by
 * outcome, failures kept with what reproduces them (seed, format, index, the mutation) and, when
 * asked, their bytes saved to a folder for replay. Shared by the suite's short run and
 * `npm run fuzz`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fuzzCase, type FuzzCase } from './cases';
import { FuzzPool, type PoolOptions } from './pool';
import type { Verdict } from './probe';
import type { FuzzFormat } from './seeds';

export interface Failure {
  format: FuzzFormat;
  seed: number;
  index: number;
  scale: number;
  name: string;
  how: string;
  findings: string[];
  ms: number;
  /** Where its bytes were saved, when a folder was given. */
  saved?: string;
}

export interface FormatTally {
  inputs: number;
  outcomes: Record<string, number>;
  /** Refusals by error code. */
  refusals: Record<string, number>;
  slowestMs: number;
  failures: Failure[];
}

export interface SessionOptions extends PoolOptions {
  seed: number;
  /** Size of the generated hostile structures (1: small enough for the suite). */
  scale: number;
  /** Save failing inputs here (`<format>-<seed>-<index>-<name>`), with a .txt saying what failed. */
  saveDir?: string;
}

export function reproduce(f: Pick<Failure, 'format' | 'seed' | 'index' | 'scale'>): string {
  return `npm run fuzz -- --format ${f.format} --seed ${f.seed} --scale ${f.scale} --index ${f.index}`;
}

export function describeFailure(f: Failure): string {
  return `${f.format} seed ${f.seed} case ${f.index} (${f.name}; ${f.how}) in ${Math.round(f.ms)} ms:\n    ${f.findings.join('\n    ')}\n    reproduce: ${reproduce(f)}${f.saved ? `\n    input: ${f.saved}` : ''}`;
}

export class FuzzSession {
  private readonly pool: FuzzPool;
  readonly tallies = new Map<FuzzFormat, FormatTally>();

  constructor(private readonly opts: SessionOptions) {
    this.pool = new FuzzPool(opts);
  }

  tally(format: FuzzFormat): FormatTally {
    let t = this.tallies.get(format);
    if (!t)
      this.tallies.set(
        format,
        (t = { inputs: 0, outcomes: {}, refusals: {}, slowestMs: 0, failures: [] }),
      );
    return t;
  }

  /** Runs case `index` of `format`; returns its failure, if it failed. */
  async runCase(format: FuzzFormat, index: number): Promise<Failure | null> {
    const c: FuzzCase = fuzzCase(format, this.opts.seed, index, this.opts.scale);
    const v: Verdict = await this.pool.run(c);
    const t = this.tally(format);
    t.inputs++;
    t.outcomes[v.outcome] = (t.outcomes[v.outcome] ?? 0) + 1;
    if (v.code) t.refusals[v.code] = (t.refusals[v.code] ?? 0) + 1;
    t.slowestMs = Math.max(t.slowestMs, v.ms);
    if (!v.findings.length) return null;
    const failure: Failure = {
      format,
      seed: c.seed,
      index,
      scale: this.opts.scale,
      name: c.name,
      how: c.how,
      findings: v.findings,
      ms: v.ms,
    };
    if (this.opts.saveDir) {
      mkdirSync(this.opts.saveDir, { recursive: true });
      const base = join(this.opts.saveDir, `${format}-${c.seed}-${index}-${c.name}`);
      writeFileSync(base, c.bytes);
      writeFileSync(`${base}.txt`, `${describeFailure(failure)}\n`);
      failure.saved = base;
    }
    t.failures.push(failure);
    return failure;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
