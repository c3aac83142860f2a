import { describe, expect, it } from 'vitest';
import { reanchorReportText } from './reportText';

describe('reanchorReportText', () => {
  it('says what happened to every passage', () => {
    expect(reanchorReportText({ unchanged: 3, moved: 1, changed: 0, orphaned: 2 })).toBe(
      "Text saved: 3 passages kept in place, 1 moved, 0 changed, 2 couldn't be placed.",
    );
    expect(reanchorReportText({ unchanged: 1, moved: 0, changed: 0, orphaned: 0 })).toBe(
      "Text saved: 1 passage kept in place, 0 moved, 0 changed, 0 couldn't be placed.",
    );
  });

  it('says only that the text was saved when there are no passages', () => {
    expect(reanchorReportText({ unchanged: 0, moved: 0, changed: 0, orphaned: 0 })).toBe('Text saved.');
  });
});
