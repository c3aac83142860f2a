import { describe, expect, it } from 'vitest';
import { citationDate, shortCitation } from './short';

describe('shortCitation', () => {
  it('joins byline, title, site and the calendar date', () => {
    expect(
      shortCitation({
        byline: 'Ji Da-gyum',
        title: "Putin's state visit",
        siteName: 'The Korea Herald',
        published: '2024-06-18T16:20:00',
      }),
    ).toBe("Ji Da-gyum, Putin's state visit, The Korea Herald, 2024-06-18");
  });

  it('skips missing, blank and repeated parts', () => {
    expect(shortCitation({ title: 'Only a title' })).toBe('Only a title');
    expect(shortCitation({ byline: '  ', title: 'T', siteName: null, published: '' })).toBe('T');
    expect(shortCitation({ byline: 'Reuters', title: 'T', siteName: 'reuters' })).toBe(
      'Reuters, T',
    );
    expect(shortCitation({})).toBe('');
  });

  it('keeps partial ISO dates and shows other date text as given', () => {
    expect(citationDate('2024')).toBe('2024');
    expect(citationDate('2024-06')).toBe('2024-06');
    expect(citationDate('2024-06-18 09:00')).toBe('2024-06-18');
    expect(citationDate('June 2024')).toBe('June 2024');
    expect(citationDate(null)).toBe('');
  });
});
