/**
 * Re-anchoring cost for 1,000 passages on a ~100 KB article.
 * Run: npx vitest bench --run electron/bench/anchoring.bench.ts
 * Vitest prints the mean time per run (ms) and, per group, how many times slower each case is
 * than the first one (the fast path: nothing changed). Target: < 200 ms after an edit.
 */
import { bench, describe } from 'vitest';
import {
  applyEdits,
  samplePassages,
  scatteredEdits,
  syntheticArticle,
} from '../test/anchoring-corpus/synthetic';
import { describeRange, reanchorAfterEdit, reanchorAll } from '../core/passages/anchoring';

const text = syntheticArticle(100_000);
const selectors = samplePassages(text, 1000).map((s) => describeRange(text, s.start, s.end));
const insertedAtStart =
  'Editor’s note: this article has been updated with comments from the ministry.\n\n' + text;
const scattered50 = applyEdits(text, scatteredEdits(text, 50));
const scattered200 = applyEdits(text, scatteredEdits(text, 200));
const options = { time: 2000, warmupTime: 500 };

describe(`reanchorAll: 1,000 passages, ${Math.round(text.length / 1000)} KB article (new text only)`, () => {
  bench('(a) no edit — fast path', () => void reanchorAll(text, selectors), options);
  bench(
    '(b) paragraph inserted at the start — every position shifts',
    () => void reanchorAll(insertedAtStart, selectors),
    options,
  );
  bench('(c) 50 scattered edits', () => void reanchorAll(scattered50, selectors), options);
  bench('(c′) 200 scattered edits', () => void reanchorAll(scattered200, selectors), options);
});

describe('reanchorAfterEdit: 1,000 passages, same article (old and new text)', () => {
  bench('(a) no edit — fast path', () => void reanchorAfterEdit(text, text, selectors), options);
  bench(
    '(b) paragraph inserted at the start',
    () => void reanchorAfterEdit(text, insertedAtStart, selectors),
    options,
  );
  bench(
    '(c) 50 scattered edits',
    () => void reanchorAfterEdit(text, scattered50, selectors),
    options,
  );
  bench(
    '(c′) 200 scattered edits',
    () => void reanchorAfterEdit(text, scattered200, selectors),
    options,
  );
});
