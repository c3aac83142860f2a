import { describe, expect, it } from 'vitest';
import { formatMoment, parseMoment } from './dateline';

function iso(s: string): string | null {
  const m = parseMoment(s);
  return m?.date ? formatMoment(m.date, m.time) : null;
}

describe('parseMoment', () => {
  it.each([
    ['June 18, 2024 - 16:20', '2024-06-18T16:20:00'],
    ['Jun. 18, 2024, 4:20 p.m. ET', '2024-06-18T16:20:00-04:00'],
    ['Dec. 18, 2024, 4:20 p.m. ET', '2024-12-18T16:20:00-05:00'],
    ['Sept. 5, 2023 11:05 AM PT', '2023-09-05T11:05:00-07:00'],
    ['18 June 2024', '2024-06-18'],
    ['3rd of March 2023', '2023-03-03'],
    ['Tuesday, June 18, 2024 at 9:05 AM KST', '2024-06-18T09:05:00+09:00'],
    ['June 18, 2024 12:00 a.m. PT', '2024-06-18T00:00:00-07:00'],
    ['June 18, 2024 12:30 pm', '2024-06-18T12:30:00'],
    ['4:20 PM, June 18, 2024', '2024-06-18T16:20:00'],
    ['16:20, 18 June 2024 (GMT)', '2024-06-18T16:20:00Z'],
    ['June 18, 2024 3:00 PM GMT+9', '2024-06-18T15:00:00+09:00'],
    ['June 18, 2024 3:00 PM UTC−05:30', '2024-06-18T15:00:00-05:30'],
    ['June 18, 2024 3:00 PM IST', '2024-06-18T15:00:00'],
    ['2024-06-18', '2024-06-18'],
    ['2024-06-18T16:20:00Z', '2024-06-18T16:20:00Z'],
    ['2024-06-18T16:20:00.123+09:00', '2024-06-18T16:20:00+09:00'],
    ['2024-06-18 16:20', '2024-06-18T16:20:00'],
    ['2024.03.05 10:30', '2024-03-05T10:30:00'],
    ['2024.03.05.', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['2024년 3월 5일 오후 4:20', '2024-03-05T16:20:00'],
    ['2024年6月18日', '2024-06-18'],
    ['18/06/2024', '2024-06-18'],
    ['06/18/2024', '2024-06-18'],
    ['February 29, 2024', '2024-02-29'],
    ['June\u00a018,\u00a02024, 4:20\u202fp.m. ET', '2024-06-18T16:20:00-04:00'],
  ])('%s → %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it('follows US daylight saving for ET/PT by the rules of the year', () => {
    expect(iso('March 9, 2024 3:00 p.m. ET')).toBe('2024-03-09T15:00:00-05:00');
    expect(iso('March 10, 2024 3:00 p.m. ET')).toBe('2024-03-10T15:00:00-04:00');
    expect(iso('November 2, 2024 3:00 p.m. ET')).toBe('2024-11-02T15:00:00-04:00');
    expect(iso('November 3, 2024 3:00 p.m. ET')).toBe('2024-11-03T15:00:00-05:00');
    // Before 2007: first Sunday of April to last Sunday of October.
    expect(iso('March 20, 2006 3:00 p.m. ET')).toBe('2006-03-20T15:00:00-05:00');
    expect(iso('April 2, 2006 3:00 p.m. ET')).toBe('2006-04-02T15:00:00-04:00');
    expect(iso('October 29, 2006 3:00 p.m. PT')).toBe('2006-10-29T15:00:00-08:00');
  });

  it('reads a time alone, without inventing a date', () => {
    expect(parseMoment('3:45 PM')).toEqual({
      date: null,
      time: { hour: 15, minute: 45, second: 0, zone: null },
    });
    expect(parseMoment('16:20 KST')).toEqual({
      date: null,
      time: { hour: 16, minute: 20, second: 0, zone: 'KST' },
    });
  });

  it.each([
    'February 30, 2024',
    'February 29, 2023',
    '2023-02-29',
    '2024-13-01',
    'April 31, 2024',
    '0000-01-01',
    'June 18, 2024 25:00',
    'June 18, 2024 13:00 p.m.',
    '12:75',
    '05/06/2024',
    'June 2024',
    'June 18',
    '2024',
    '12',
    '',
    'He said June 18, 2024',
    'June 18, 2024 was a Tuesday',
    'June 18, 20245',
    'Monthly report',
  ])('rejects %j', (input) => {
    expect(parseMoment(input)).toBeNull();
  });

  it('refuses long strings outright', () => {
    expect(parseMoment(`June 18, 2024${' '.repeat(200)}`)).toBeNull();
  });
});
