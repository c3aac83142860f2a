import { describe, expect, it } from 'vitest';
import { formatDate } from './formatDate';

describe('formatDate', () => {
  it('formats a calendar date as that day in any time zone', () => {
    expect(formatDate('2024-06-19', 'en-US')).toEqual({
      text: 'Jun 19, 2024',
      dateTime: '2024-06-19',
    });
    expect(formatDate('2024-06-19', 'de-DE')?.text).toBe('19.06.2024');
  });

  it('follows the locale for full timestamps', () => {
    const formatted = formatDate('2024-06-19T03:15:00Z', 'en-GB');
    expect(formatted?.dateTime).toBe('2024-06-19T03:15:00.000Z');
    expect(formatted?.text).toMatch(/\d{1,2} Jun 2024/);
  });

  it('shows unparseable dates as given, and nothing for missing ones', () => {
    expect(formatDate('Spring 1999', 'en-US')).toEqual({ text: 'Spring 1999', dateTime: null });
    expect(formatDate('2024-13-45', 'en-US')).toEqual({ text: '2024-13-45', dateTime: null });
    expect(formatDate(null)).toBeNull();
    expect(formatDate('   ')).toBeNull();
  });
});
