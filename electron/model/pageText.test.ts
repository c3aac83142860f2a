import { describe, expect, it } from 'vitest';
import { alignPageText, canonicalAt, itemSpansFor } from './pageText';

/** The text of spans, item by item. */
function spanText(items: string[], spans: ReturnType<typeof itemSpansFor>): string {
  return spans.map((s) => items[s.item]!.slice(s.from, s.to)).join('|');
}

describe('alignPageText', () => {
  it('maps items to the reflowed text (line breaks turned to spaces)', () => {
    const items = ['The tide comes in', '', 'twice a day.'];
    const canonical = 'The tide comes in twice a day.';
    const map = alignPageText(items, canonical, 100);
    // "comes in twice" in canonical offsets.
    const start = 100 + canonical.indexOf('comes');
    const end = 100 + canonical.indexOf('twice') + 'twice'.length;
    expect(spanText(items, itemSpansFor(map, start, end))).toBe('comes in|twice');
    expect(canonicalAt(map, 2, 0, 'start')).toBe(100 + canonical.indexOf('twice'));
    expect(canonicalAt(map, 0, 'The tide'.length, 'end')).toBe(100 + 'The tide'.length);
  });

  it('skips what the import dropped (a running head, a joined hyphen) and resumes', () => {
    const items = [
      'CHAPTER ONE  17',
      'The inter-',
      'national tide tables were printed in',
      'Copyright 2024 Example Press',
      'Lisbon in 1901.',
    ];
    const canonical = 'The international tide tables were printed in Lisbon in 1901.';
    const map = alignPageText(items, canonical, 0);
    const at = (s: string) => canonical.indexOf(s);
    expect(spanText(items, itemSpansFor(map, at('international'), at(' tide')))).toBe(
      'inter-|national',
    );
    expect(spanText(items, itemSpansFor(map, at('printed'), at(' in 1901')))).toBe(
      'printed in|Lisbon',
    );
    // Nothing of the running head maps to the text.
    expect(canonicalAt(map, 0, 0, 'start')).toBe(0);
    expect(itemSpansFor(map, 0, 3)).toEqual([{ item: 1, from: 0, to: 3 }]);
    // A point inside the footer maps to the text after it (start) or before it (end).
    expect(canonicalAt(map, 3, 4, 'start')).toBe(at('Lisbon'));
    expect(canonicalAt(map, 3, 4, 'end')).toBe(at(' Lisbon'));
  });

  it('finds nothing for a range on another page', () => {
    const map = alignPageText(['Only this.'], 'Only this.', 500);
    expect(itemSpansFor(map, 0, 400)).toEqual([]);
    expect(itemSpansFor(map, 600, 700)).toEqual([]);
  });

  it('stays bounded on text that never agrees', () => {
    const items = Array.from({ length: 200 }, (_, i) => `zzzz${i}`);
    const map = alignPageText(items, 'a'.repeat(2000), 0);
    expect(Array.from(map.toCanonical).every((c) => c === -1)).toBe(true);
  });
});
