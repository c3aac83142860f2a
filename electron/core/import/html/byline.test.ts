import { describe, expect, it } from 'vitest';
import { cleanByline, pickByline } from './byline';

describe('cleanByline', () => {
  it('unglues a name from a date and a comment count', () => {
    expect(cleanByline('by Jane Smith22 Dec 2016651')).toBe('Jane Smith');
    expect(cleanByline('By Peter Hall | 12 comments')).toBe('Peter Hall');
    expect(cleanByline('Ji Da-gyum  2024-06-18 16:20')).toBe('Ji Da-gyum');
    expect(cleanByline('Posted on March 3, 2023 by Ruth Bader')).toBe('Ruth Bader');
  });

  it('drops a byline that is only a date or a label', () => {
    expect(cleanByline('Last Updated: 22 Dec 2016')).toBeNull();
    expect(cleanByline('22 December 2016')).toBeNull();
    expect(cleanByline('Updated 3 hours ago')).toBeNull();
    expect(cleanByline('posted in news and more stuff')).toBeNull();
  });
});

describe('pickByline', () => {
  it('falls back through the structured metadata when the byline is junk', () => {
    expect(pickByline('Last Updated: 22 Dec 2016', ['https://x.org/a', 'Mary Beard'])).toBe(
      'Mary Beard',
    );
    expect(pickByline('by Tom Holland22 Dec 2016651', ['Mary Beard'])).toBe('Tom Holland');
    expect(pickByline(null, [])).toBeNull();
  });
});
