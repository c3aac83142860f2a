import { describe, expect, it } from 'vitest';
import { noteTitleOrUntitled, titleOrUntitled } from './titles';

describe('the names of untitled things', () => {
  it('keeps a title with any text as it is, and names a missing or blank one', () => {
    expect(titleOrUntitled('On Moss')).toBe('On Moss');
    for (const none of ['', '  \n', null, undefined]) {
      expect(titleOrUntitled(none)).toBe('Untitled');
      expect(noteTitleOrUntitled(none)).toBe('Untitled note');
    }
    expect(noteTitleOrUntitled('Field notes')).toBe('Field notes');
  });
});
