import { describe, expect, it } from 'vitest';
import { reanchorReportText, sourceUpdateText } from './reportText';

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
    expect(reanchorReportText({ unchanged: 0, moved: 0, changed: 0, orphaned: 0 })).toBe(
      'Text saved.',
    );
  });
});

describe('sourceUpdateText', () => {
  it('says what happened to every passage after an update from the source file', () => {
    expect(sourceUpdateText({ unchanged: 4, moved: 2, changed: 1, orphaned: 0 })).toBe(
      "Updated: 4 passages kept in place, 2 moved, 1 changed, 0 couldn't be placed.",
    );
    expect(sourceUpdateText({ unchanged: 1, moved: 0, changed: 0, orphaned: 3 })).toBe(
      "Updated: 1 passage kept in place, 0 moved, 0 changed, 3 couldn't be placed.",
    );
  });

  it('says the update happened when there are no passages, and when there was nothing to update', () => {
    expect(sourceUpdateText({ unchanged: 0, moved: 0, changed: 0, orphaned: 0 })).toBe(
      'Updated from the source file.',
    );
    expect(sourceUpdateText(null)).toBe('No changes in the source file.');
  });
});
