import { describe, expect, it } from 'vitest';
import { editCorpus } from '../../../test/anchoring-corpus/cases';
import { holdoutCorpus } from '../../../test/anchoring-corpus/holdout';
import type { EditCase } from '../../../test/anchoring-corpus/build';
import { describeRange, reanchor, reanchorAfterEdit, type Placement } from './index';

function outcome(c: EditCase, placed: Placement): boolean {
  if (c.expected === 'orphaned') return placed.status === 'orphaned';
  return (
    placed.status !== 'orphaned' &&
    placed.start === c.expected.start &&
    placed.end === c.expected.end
  );
}

function show(c: EditCase, placed: Placement): string {
  const want =
    c.expected === 'orphaned'
      ? 'orphaned'
      : JSON.stringify(c.edited.slice(c.expected.start, c.expected.end).slice(0, 80));
  const got =
    placed.status === 'orphaned'
      ? 'orphaned'
      : `${placed.status} ${JSON.stringify(placed.exact.slice(0, 80))} (score ${placed.score})`;
  return `  ✗ [${c.category}] ${c.name}\n      expected ${want}\n      got      ${got}`;
}

describe('labelled edit corpus', () => {
  const development = editCorpus();
  const holdout = holdoutCorpus();
  const cases = [...development, ...holdout];

  it('has at least 40 cases across every category', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.category)).size).toBe(13);
    expect(cases.some((c) => c.passage.end - c.passage.start >= 5000)).toBe(true);
  });

  for (const [label, run] of [
    [
      'reanchor (new text only)',
      (c: EditCase) =>
        reanchor(c.edited, describeRange(c.original, c.passage.start, c.passage.end)),
    ],
    [
      'reanchorAfterEdit (old and new text)',
      (c: EditCase) =>
        reanchorAfterEdit(c.original, c.edited, [
          describeRange(c.original, c.passage.start, c.passage.end),
        ])[0]!,
    ],
  ] as const) {
    it(`${label}: at least 95 % placed or orphaned correctly`, () => {
      const failures: string[] = [];
      let correct = 0;
      let correctHoldout = 0;
      for (const c of cases) {
        const placed = run(c);
        if (outcome(c, placed)) {
          correct++;
          if (holdout.includes(c)) correctHoldout++;
        } else failures.push(show(c, placed));
        // Whatever the outcome, a placement must be a real, non-empty range of the new text.
        if (placed.status !== 'orphaned') {
          expect(placed.end).toBeGreaterThan(placed.start);
          expect(placed.exact).toBe(c.edited.slice(placed.start, placed.end));
          expect(() => describeRange(c.edited, placed.start, placed.end)).not.toThrow();
        }
      }
      const accuracy = correct / cases.length;
      const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
      console.log(
        `anchoring corpus, ${label}: ${correct}/${cases.length} correct = ${pct(accuracy)} ` +
          `(development ${correct - correctHoldout}/${development.length}, held-out ${correctHoldout}/${holdout.length} = ${pct(correctHoldout / holdout.length)})` +
          (failures.length ? `\n${failures.join('\n')}` : ''),
      );
      expect(accuracy).toBeGreaterThanOrEqual(0.95);
    });
  }
});
