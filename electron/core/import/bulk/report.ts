/**
 * A bulk import's results grouped by how each file ended, and the bounded sample of them that
 * travels in the `import-report` event (plain data: the renderer uses it too).
 */
import type { ImportResult } from '../../../api/contract';
import type { BULK_IMPORT_OUTCOMES } from '../../../api/contract/bulkImport';

export type Outcome = (typeof BULK_IMPORT_OUTCOMES)[number];

export function outcomeOf(result: ImportResult): Outcome {
  if (!result.ok) return 'failed';
  return result.duplicate ? 'duplicate' : 'imported';
}

/** The first `perOutcome` results of each outcome, in their original order. */
export function sampleResults(results: readonly ImportResult[], perOutcome: number): ImportResult[] {
  const taken: Record<Outcome, number> = { imported: 0, duplicate: 0, failed: 0 };
  const out: ImportResult[] = [];
  for (const r of results) {
    const o = outcomeOf(r);
    if (taken[o] >= perOutcome) continue;
    taken[o]++;
    out.push(r);
    if (out.length === perOutcome * 3) break;
  }
  return out;
}
