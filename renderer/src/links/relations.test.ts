import { describe, expect, it } from 'vitest';
import { normalizeRelation, relationLabel, relationProblem } from './relations';

describe('relations', () => {
  it('reads built-in relations with spaces, others as stored', () => {
    expect(relationLabel('see-also')).toBe('see also');
    expect(relationLabel('contradicts')).toBe('contradicts');
    expect(relationLabel('cites-as-counter-example')).toBe('cites-as-counter-example');
  });

  it('recognises built-in relations however they are typed', () => {
    expect(normalizeRelation('  See   Also ')).toBe('see-also');
    expect(normalizeRelation('see_also')).toBe('see-also');
    expect(normalizeRelation('CONTRADICTS')).toBe('contradicts');
  });

  it('keeps a relation of the user own as typed, with spaces collapsed', () => {
    expect(normalizeRelation('  Responds to\tSmith ')).toBe('Responds to Smith');
    expect(normalizeRelation('préfigure')).toBe('préfigure');
  });

  it('refuses empty, overlong and note-derived relations with the contract words', () => {
    expect(relationProblem('   ')).toBe('relation is empty');
    expect(relationProblem('x'.repeat(61))).toBe('relation is longer than 60 characters');
    expect(relationProblem('Mentions')).toMatch(/written by notes/);
    expect(relationProblem(' quotes ')).toMatch(/written by notes/);
    expect(relationProblem('supports')).toBeNull();
    expect(relationProblem('x'.repeat(60))).toBeNull();
  });
});
