/**
 * A bulk import's results grouped by how each file ended, and the bounded sample of them that
 * travels in the `import-report` event (plain data: the renderer uses it too).
 */
import type { ImportResult } from './articles';
import type { BULK_IMPORT_OUTCOMES } from './bulkImport';

export type Outcome = (typeof BULK_IMPORT_OUTCOMES)[number];

/** How a file ended: imported, duplicate or failed. */
export function outcomeOf(result: ImportResult): Exclude<Outcome, 'warned'> {
  if (!result.ok) return 'failed';
  return result.duplicate ? 'duplicate' : 'imported';
}

/** The report groups a result is listed in: its outcome, and `warned` too when it has warnings. */
export function groupsOf(result: ImportResult): Outcome[] {
  const outcome = outcomeOf(result);
  return result.ok && result.warnings?.length ? [outcome, 'warned'] : [outcome];
}

export function emptyCounts(): Record<Outcome, number> {
  return { imported: 0, duplicate: 0, failed: 0, warned: 0 };
}

/** Results per group (a result is in each of its groups). */
export function byGroup(results: readonly ImportResult[]): Record<Outcome, ImportResult[]> {
  const rows: Record<Outcome, ImportResult[]> = {
    imported: [],
    duplicate: [],
    failed: [],
    warned: [],
  };
  for (const r of results) for (const g of groupsOf(r)) rows[g].push(r);
  return rows;
}

/** Counts per group of `results`. */
export function countGroups(results: readonly ImportResult[]): Record<Outcome, number> {
  const counts = emptyCounts();
  for (const r of results) for (const g of groupsOf(r)) counts[g]++;
  return counts;
}

/** The first `perOutcome` results of each group, in their original order (a result counts in each of its groups). */
export function sampleResults(
  results: readonly ImportResult[],
  perOutcome: number,
): ImportResult[] {
  const taken = emptyCounts();
  const out: ImportResult[] = [];
  for (const r of results) {
    const groups = groupsOf(r);
    if (groups.every((g) => taken[g] >= perOutcome)) continue;
    for (const g of groups) taken[g]++;
    out.push(r);
  }
  return out;
}
