import { describe, expect, it } from 'vitest';
import { formatMoment } from './dateline';
import { isNameList, parseMetadataLine } from './byline';

function facts(
  line: string,
): { byline: string | null; dates: string[]; siteName: string | null } | null {
  const f = parseMetadataLine(line);
  if (!f) return null;
  return {
    byline: f.byline,
    siteName: f.siteName,
    dates: f.moments.map(
      (m) =>
        `${m.role}:${m.moment.date ? formatMoment(m.moment.date, m.moment.time) : `time ${m.moment.time?.hour}:${m.moment.time?.minute}`}`,
    ),
  };
}

describe('parseMetadataLine', () => {
  it.each([
    ['By Ji Da-gyum', 'Ji Da-gyum', [], null],
    ['June 18, 2024 - 16:20 By Ji Da-gyum', 'Ji Da-gyum', ['published:2024-06-18T16:20:00'], null],
    ['BY JANE DOE', 'JANE DOE', [], null],
    ['By Jane Doe and John Roe', 'Jane Doe and John Roe', [], null],
    ['By Ana Ruiz, Tom Hale and Li Wei', 'Ana Ruiz, Tom Hale and Li Wei', [], null],
    ['By Ana Ruiz, Tom Hale, and Li Wei', 'Ana Ruiz, Tom Hale, and Li Wei', [], null],
    ['By Jean-Luc de la Tour', 'Jean-Luc de la Tour', [], null],
    ['By Jane Doe, Staff Writer', 'Jane Doe', [], null],
    ['By Jane Smith and Omar Haddad | Reuters', 'Jane Smith and Omar Haddad', [], 'Reuters'],
    [
      'Hannah Okafor | Published Jun. 18, 2024, 4:20 p.m. ET',
      'Hannah Okafor',
      ['published:2024-06-18T16:20:00-04:00'],
      null,
    ],
    [
      'Hannah Okafor | Senior Correspondent | June 18, 2024',
      'Hannah Okafor',
      ['published:2024-06-18'],
      null,
    ],
    ['Posted on 3 March 2023 by Maya Lindqvist', 'Maya Lindqvist', ['published:2023-03-03'], null],
    ['Updated: 18 June 2024, 09:05 CEST', null, ['updated:2024-06-18T09:05:00+02:00'], null],
    ['Published 3:45 PM', null, ['published:time 15:45'], null],
    [
      'Published June 18, 2024 Updated June 19, 2024',
      null,
      ['published:2024-06-18', 'updated:2024-06-19'],
      null,
    ],
    ['Last updated 2 hours ago', null, [], null],
    [
      '입력 2024.03.05 10:30 수정 2024.03.05 11:12',
      null,
      ['published:2024-03-05T10:30:00', 'updated:2024-03-05T11:12:00'],
      null,
    ],
    ['김민수 기자', '김민수', [], null],
    ['김민수 기자 kimms@example.co.kr', '김민수', [], null],
    ['2024-06-18T16:20:00Z', null, ['published:2024-06-18T16:20:00Z'], null],
  ])('%s', (line, byline, dates, siteName) => {
    expect(facts(line)).toEqual({ byline, dates, siteName });
  });

  it.each([
    'By the time he arrived, it was over.',
    'By Monday, officials had left the city.',
    'By',
    'By 2025 the plant will be closed',
    'Jane Doe',
    'Seoul is the capital of South Korea.',
    'Published',
    'Updated policy applies to all users',
    'By Jane Doe | February 30, 2024',
    `By ${'A'.repeat(400)}`,
  ])('is not metadata: %j', (line) => {
    expect(parseMetadataLine(line)).toBeNull();
  });
});

describe('isNameList', () => {
  it('accepts names in several scripts and rejects prose', () => {
    expect(isNameList('Ji Da-gyum')).toBe(true);
    expect(isNameList("Conan O'Brien")).toBe(true);
    expect(isNameList('J.R.R. Tolkien')).toBe(true);
    expect(isNameList('김민수')).toBe(true);
    expect(isNameList('the river')).toBe(false);
    expect(isNameList('Smith said.')).toBe(false);
    expect(isNameList('Agent 007')).toBe(false);
    expect(isNameList('')).toBe(false);
  });
});
