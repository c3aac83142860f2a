import { describe, expect, it } from 'vitest';
import { bylineDate, cleanByline, pickByline } from './byline';

describe('cleanByline', () => {
  it('unglues a name from a date and a comment count', () => {
    expect(cleanByline('by Jane Smith22 Dec 2016651')).toBe('Jane Smith');
    expect(cleanByline('By Peter Hall | 12 comments')).toBe('Peter Hall');
    expect(cleanByline('Ji Da-gyum  2024-06-18 16:20')).toBe('Ji Da-gyum');
    expect(cleanByline('Posted on March 3, 2023 by Ruth Bader')).toBe('Ruth Bader');
  });

  it('leaves out an affiliation in brackets and the byline element’s widgets (opensource.com’s)', () => {
    // Readability's byline on fixtures/real/opensource.com-step-step-guide-git.html: the date, the
    // name with the employer, a "Feed" link, a vote widget's count and "up", the comment count.
    const raw = '25 Jan 2018\nKedar Vijay Kulkarni (Red Hat)\u00a0Feed\n\n219up\n\n10 comments';
    expect(cleanByline(raw)).toBe('Kedar Vijay Kulkarni');
    expect(cleanByline('Jane Doe (AP) | Follow')).toBe('Jane Doe');
    expect(cleanByline('By Hugh Down | 3 comments')).toBe('Hugh Down');
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

describe('bylineDate', () => {
  it('reads the publication date printed in the byline', () => {
    expect(bylineDate('25 Jan 2018\nKedar Vijay Kulkarni (Red Hat)\u00a0Feed\n\n219up')).toBe(
      '2018-01-25',
    );
    expect(bylineDate('By Peter Hall | June 18, 2024')).toBe('2024-06-18');
  });

  it('takes no update date and no date from a byline without one', () => {
    expect(bylineDate('Last Updated: 22 Dec 2016')).toBeNull();
    expect(bylineDate('By Peter Hall | 12 comments')).toBeNull();
    expect(bylineDate(null)).toBeNull();
  });
});
