/**
 * 1,000 passages on a 100 KB article after a proofreading pass of scattered edits: every
 * passage the edits did not touch must land exactly where the edits moved it, and edited ones
 * where their edited text now is. Timings are printed (the benchmark has the careful figures).
 */
import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  samplePassages,
  scatteredEdits,
  syntheticArticle,
  type Edit,
  type Span,
} from '../../../test/anchoring-corpus/synthetic';
import { describeRange, reanchorAfterEdit, reanchorAll, type Placement } from './index';

type Relation = 'outside' | 'inside' | 'boundary';

function relation(span: Span, edits: readonly Edit[]): Relation {
  let inside = false;
  for (const e of edits) {
    const before = e.at + e.remove <= span.start && (e.remove > 0 || e.at < span.start);
    const after = e.at >= span.end;
    if (before || after) continue;
    if (e.at > span.start && e.at + e.remove < span.end) inside = true;
    else return 'boundary';
  }
  return inside ? 'inside' : 'outside';
}

/** Where old offset `o` is after the edits (an insertion exactly at `o` stays after it). */
function mapOffset(o: number, edits: readonly Edit[]): number {
  let shift = 0;
  for (const e of edits) if (e.at + e.remove <= o && e.at < o) shift += e.insert.length - e.remove;
  return o + shift;
}

describe('1,000 passages on a 100 KB article', () => {
  const text = syntheticArticle(100_000);
  const spans = samplePassages(text, 1000);
  const selectors = spans.map((s) => describeRange(text, s.start, s.end));

  for (const editCount of [50, 200]) {
    const edits = scatteredEdits(text, editCount);
    const edited = applyEdits(text, edits);
    for (const [label, run] of [
      ['reanchorAll', () => reanchorAll(edited, selectors)],
      ['reanchorAfterEdit', () => reanchorAfterEdit(text, edited, selectors)],
    ] as const) {
      it(`${label} after ${editCount} scattered edits`, () => {
        run(); // warm up the JIT so the printed time is the steady one
        const t0 = performance.now();
        const placements: Placement[] = run();
        const ms = performance.now() - t0;
        const tally = { outside: [0, 0], inside: [0, 0], boundary: [0, 0] } as Record<
          Relation,
          [number, number]
        >;
        spans.forEach((span, i) => {
          const rel = relation(span, edits);
          const p = placements[i]!;
          const ok =
            p.status !== 'orphaned' &&
            p.start === mapOffset(span.start, edits) &&
            p.end === mapOffset(span.end, edits);
          tally[rel][1]++;
          if (ok) tally[rel][0]++;
        });
        console.log(
          `${label}, ${editCount} edits: ${ms.toFixed(0)} ms; untouched exact ${tally.outside[0]}/${tally.outside[1]}, ` +
            `edited inside exact ${tally.inside[0]}/${tally.inside[1]}, edited at an edge exact ${tally.boundary[0]}/${tally.boundary[1]}`,
        );
        expect(tally.outside[0]).toBe(tally.outside[1]);
        expect(tally.inside[0] / tally.inside[1]).toBeGreaterThanOrEqual(0.95);
        expect(placements.filter((p) => p.status === 'orphaned').length).toBeLessThanOrEqual(
          tally.boundary[1],
        );
        expect(ms).toBeLessThan(2000); // a regression guard only: the target (< 200 ms) is in the benchmark
      });
    }
  }
});
