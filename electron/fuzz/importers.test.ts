/**
 * The short, deterministic importer fuzz run of the suite: for every format, its seeds as they
 * are and then mutated and generated hostile inputs, each through the import entry point users
 * hit, judged as probe.ts says (within budget; a one-line message naming the file with nothing
 * changed, or a valid article with the others untouched; integrity_check passes). A failure
 * prints its seed, case and mutation, and the command that replays it alone.
 * `npm run fuzz` runs the same for as long as you like, with larger hostile structures.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FUZZ_FORMATS, seeds } from './importers/seeds';
import { describeFailure, FuzzSession } from './importers/session';

const SEED = Number(process.env.COMMONPLACE_FUZZ_SEED ?? 20_241_218);
const CASES_PER_FORMAT = 20;

// Generous for a loaded 2-core machine: these inputs take milliseconds to a second or two alone.
const session = new FuzzSession({ seed: SEED, scale: 1, budgetMs: 30_000, memoryMb: 1024 });
afterAll(() => session.close());

describe(`importer fuzzing (seed ${SEED}, ${CASES_PER_FORMAT} inputs per format)`, () => {
  for (const format of FUZZ_FORMATS) {
    // Skipped until import-json checks rows against the API's schemas (issue #18, "restored data
    // is never trusted", being fixed by the trust work): a restore accepts passages outside
    // their text, text that is not its body's, non-UUID ids, and names no file on a constraint
    // error. `npm run fuzz -- --format json` lists them.
    const run = format === 'json' ? it.skip : it;
    run(`${format}: every input is an article or a clean one-line refusal, and the library stays whole`, { timeout: 300_000 }, async () => {
      const t = session.tally(format);
      for (let i = 0; i < CASES_PER_FORMAT; i++) await session.runCase(format, i);
      expect(t.failures.map(describeFailure)).toEqual([]);
      // Both verdicts were exercised: the unchanged seeds import, hostile inputs are refused.
      expect(t.outcomes.imported ?? 0).toBeGreaterThanOrEqual(Math.min(2, seeds()[format].length));
      expect(t.outcomes.refused ?? 0).toBeGreaterThan(0);
    });
  }
});
