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

// Beyond the parse budget the import enforces itself: generous for a loaded 2-core machine.
const session = new FuzzSession({ seed: SEED, scale: 1, budgetMs: 30_000, memoryMb: 1024 });
afterAll(() => session.close());

describe(`importer fuzzing (seed ${SEED}, ${CASES_PER_FORMAT} inputs per format)`, () => {
  for (const format of FUZZ_FORMATS) {
    it(
      `${format}: every input is an article or a clean one-line refusal, and the library stays whole`,
      { timeout: 300_000 },
      async () => {
        const t = session.tally(format);
        for (let i = 0; i < CASES_PER_FORMAT; i++) await session.runCase(format, i);
        expect(t.failures.map(describeFailure)).toEqual([]);
        // Both verdicts were exercised: the unchanged seeds import, hostile inputs are refused.
        expect(t.outcomes.imported ?? 0).toBeGreaterThanOrEqual(
          Math.min(2, seeds()[format].length),
        );
        expect(t.outcomes.refused ?? 0).toBeGreaterThan(0);
      },
    );
  }
});
