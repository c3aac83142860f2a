/**
 * `npm run fuzz [-- options]`: the long importer fuzz run. Cycles through the formats until the
 * time is up, printing progress, then inputs tried per format, minutes, and every failure with
 * the command that replays it; failing inputs are saved to a folder (and can be replayed from it).
 *
 *   --minutes M      how long to run (default 10)
 *   --seed S         the run's seed (default: random, printed)
 *   --format F[,G]   only these formats (text, markdown, html, pdf, epub, docx, json)
 *   --index I        replay case I of --format under --seed alone, and say what happened
 *   --replay FILE    run one saved input again (its name starts with its format)
 *   --scale X        size of the generated hostile structures (default 8; the suite uses 1)
 *   --budget-ms N    time per input beyond the import's own parse budget (default 30000)
 *   --memory-mb N    heap limit of the worker (default 1536)
 *   --out DIR        where failing inputs go (default fuzz-findings/SEED)
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fuzzCase, type FuzzCase } from './importers/cases';
import { FuzzPool } from './importers/pool';
import { FUZZ_FORMATS, type FuzzFormat } from './importers/seeds';
import { describeFailure, FuzzSession } from './importers/session';

function fail(message: string): never {
  console.error(`fuzz: ${message}`);
  process.exit(2);
}

function number(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) fail(`--${name} must be a number, not "${value}"`);
  return n;
}

function formatsOf(value: string | undefined): FuzzFormat[] {
  if (!value) return [...FUZZ_FORMATS];
  const names = value.split(',').map((s) => s.trim());
  for (const n of names)
    if (!(FUZZ_FORMATS as readonly string[]).includes(n))
      fail(`unknown format "${n}"; known: ${FUZZ_FORMATS.join(', ')}`);
  return names as FuzzFormat[];
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      minutes: { type: 'string' },
      seed: { type: 'string' },
      format: { type: 'string' },
      index: { type: 'string' },
      replay: { type: 'string' },
      scale: { type: 'string' },
      'budget-ms': { type: 'string' },
      'memory-mb': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const seed = number(values.seed, 'seed', Math.floor(Math.random() * 2 ** 31));
  const scale = number(values.scale, 'scale', 8);
  const budgetMs = number(values['budget-ms'], 'budget-ms', 30_000);
  const memoryMb = number(values['memory-mb'], 'memory-mb', 1536);
  const formats = formatsOf(values.format);

  if (values.replay !== undefined || values.index !== undefined) {
    let c: FuzzCase;
    if (values.replay !== undefined) {
      const name = basename(values.replay);
      const format = FUZZ_FORMATS.find((f) => name.startsWith(`${f}-`)) ?? 'text';
      c = {
        format,
        seed,
        index: -1,
        name,
        bytes: new Uint8Array(readFileSync(values.replay)),
        how: `replay of ${values.replay}`,
      };
    } else {
      if (formats.length !== 1) fail('--index needs one --format');
      c = fuzzCase(formats[0]!, seed, number(values.index, 'index', 0), scale);
    }
    const pool = new FuzzPool({ budgetMs, memoryMb });
    try {
      console.log(
        `${c.format} seed ${c.seed} case ${c.index}: ${c.name}, ${c.bytes.length} bytes (${c.how})`,
      );
      const v = await pool.run(c);
      console.log(
        `${v.outcome} in ${Math.round(v.ms)} ms${v.findings.length ? `:\n  ${v.findings.join('\n  ')}` : ', as it should be'}`,
      );
      return v.findings.length ? 1 : 0;
    } finally {
      await pool.close();
    }
  }

  const minutes = number(values.minutes, 'minutes', 10);
  const saveDir = resolve(values.out ?? `fuzz-findings/${seed}`);
  console.log(
    `fuzzing ${formats.join(', ')} for ${minutes} min, seed ${seed}, scale ${scale}, budget ${budgetMs} ms and ${memoryMb} MB per input; failing inputs go to ${saveDir}`,
  );
  const session = new FuzzSession({ seed, scale, budgetMs, memoryMb, saveDir });
  const started = Date.now();
  const deadline = started + minutes * 60_000;
  let lastReport = started;
  const next = new Map<FuzzFormat, number>(formats.map((f) => [f, 0]));
  const line = (f: FuzzFormat) => {
    const t = session.tally(f);
    const o = Object.entries(t.outcomes)
      .map(([k, n]) =>
        k === 'refused'
          ? `refused ${n}: ${Object.entries(t.refusals)
              .map(([c, m]) => `${c} ${m}`)
              .join(' ')}`
          : `${k} ${n}`,
      )
      .join(', ');
    return `${f.padEnd(9)} ${String(t.inputs).padStart(6)} inputs (${o}), slowest ${(t.slowestMs / 1000).toFixed(1)} s, ${t.failures.length} failing`;
  };
  try {
    while (Date.now() < deadline) {
      for (const f of formats) {
        const i = next.get(f)!;
        next.set(f, i + 1);
        const failure = await session.runCase(f, i);
        if (failure) console.log(`FAIL ${describeFailure(failure)}`);
        if (Date.now() >= deadline) break;
      }
      if (Date.now() - lastReport > 60_000) {
        lastReport = Date.now();
        console.log(
          `-- ${((Date.now() - started) / 60_000).toFixed(1)} min\n${formats.map(line).join('\n')}`,
        );
      }
    }
  } finally {
    await session.close();
  }
  const failures = formats.flatMap((f) => session.tally(f).failures);
  const inputs = formats.reduce((n, f) => n + session.tally(f).inputs, 0);
  console.log(
    `\n${inputs} inputs in ${((Date.now() - started) / 60_000).toFixed(1)} min (seed ${seed}, scale ${scale}):\n${formats.map(line).join('\n')}`,
  );
  console.log(
    failures.length ? `\n${failures.length} failing inputs, saved in ${saveDir}` : '\nno failures',
  );
  return failures.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
