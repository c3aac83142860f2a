/**
 * Dates and times as news sites print them ("June 18, 2024 - 16:20", "Jun. 18, 2024, 4:20 p.m. ET",
 * "18 June 2024", "2024-06-18T16:20:00Z", "2024.03.05 10:30", "2024년 3월 5일"). `parseMoment`
 * accepts a string only when the whole of it is a date and/or time, so prose never parses by accident;
 * impossible dates (February 30) and ambiguous numeric ones (05/06/2024) yield nothing.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
  /** The zone as printed ("ET", "GMT+9"), when there was one. */
  zone: string | null;
}

export interface Moment {
  date: CalendarDate | null;
  time: ClockTime | null;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ORDINAL = '(?:st|nd|rd|th)?';

// Sticky (`y`) regexes are tried at the cursor only: no scanning, no backtracking across the string.
const WEEKDAY =
  /(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s*/iy;
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})(?!\d)/y;
const YMD = /(\d{4})([./])(\d{1,2})\2(\d{1,2})(?!\d)\.?/y;
const CJK_DATE =
  /(\d{4})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日](?:\s*\([^)\d]{1,3}\))?/y;
const MDY = new RegExp(`${MONTH}\\s+(\\d{1,2})${ORDINAL}(?:,\\s*|\\s+)(\\d{4})(?!\\d)`, 'iy');
const DMY = new RegExp(`(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})(?!\\d)`, 'iy');
const NUMERIC = /(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/y;
const SEPARATOR = /[\s,]*(?:(?:[-–—|·•@]|at|T(?=\d))[\s,]*)?/iy;
const TIME =
  /(?:(오전|오후)\s*)?(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2})(?:\.\d{1,9})?)?\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?)?/iy;
const ZONE =
  /\s*\(?\s*((?:GMT|UTC)\s*[+−-]\s*\d{1,2}(?::?\d{2})?|[+−-]\d{2}:?\d{2}|Z(?![A-Za-z])|[A-Z]{2,5}(?![A-Za-z]))\s*\)?/y;
const TRAILER = /[\s.,]*$/y;

const MIN_YEAR = 1000;
const MAX_YEAR = 2999;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function makeDate(year: number, month: number, day: number): CalendarDate | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? 0;
}

interface Cursor {
  s: string;
  pos: number;
}

function tryAt(re: RegExp, cur: Cursor): RegExpExecArray | null {
  re.lastIndex = cur.pos;
  const m = re.exec(cur.s);
  if (m) cur.pos = re.lastIndex;
  return m;
}

/** Reads a date at the cursor; `undefined` when none starts there, `null` when one does but is impossible. */
function readDate(cur: Cursor): CalendarDate | null | undefined {
  const start = cur.pos;
  let m = tryAt(ISO_DATE, cur) ?? tryAt(YMD, cur);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2] === '.' || m[2] === '/' ? m[3] : m[2]);
    const day = Number(m[2] === '.' || m[2] === '/' ? m[4] : m[3]);
    return makeDate(year, month, day);
  }
  if ((m = tryAt(CJK_DATE, cur))) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = tryAt(MDY, cur))) return makeDate(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]));
  if ((m = tryAt(DMY, cur))) return makeDate(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]));
  if ((m = tryAt(NUMERIC, cur))) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = Number(m[4]);
    // Day-first or month-first is only knowable when one part cannot be a month.
    if (a > 12 && b <= 12) return makeDate(year, b, a);
    if (b > 12 && a <= 12) return makeDate(year, a, b);
    return null;
  }
  cur.pos = start;
  return undefined;
}

/**
 * Reads a clock time at the cursor ("16:20", "4:20 p.m.", "12.20 BST"); a bare number is not a
 * time (it needs minutes or am/pm).
 */
function readTime(cur: Cursor): ClockTime | null | undefined {
  const start = cur.pos;
  const m = tryAt(TIME, cur);
  if (!m || (m[3] === undefined && m[5] === undefined)) {
    cur.pos = start;
    return undefined;
  }
  let hour = Number(m[2]);
  const minute = m[3] === undefined ? 0 : Number(m[3]);
  const second = m[4] === undefined ? 0 : Number(m[4]);
  const meridiem =
    m[5]?.toLowerCase().startsWith('p') || m[1] === '오후' ? 'pm' : m[5] || m[1] ? 'am' : null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const z = tryAt(ZONE, cur);
  return { hour, minute, second, zone: z?.[1] ?? null };
}

/**
 * Parses a whole string as a date, a time, or both (either order). Returns null when anything is
 * left over, when neither is present, or when a part is impossible.
 */
export function parseMoment(input: string): Moment | null {
  if (input.length > 120) return null;
  const s = input.replace(/[\u00a0\u2000-\u200a\u202f\u3000]/g, ' ').trim();
  const cur: Cursor = { s, pos: 0 };
  tryAt(WEEKDAY, cur);
  let date = readDate(cur);
  if (date === null) return null;
  if (date !== undefined) tryAt(SEPARATOR, cur);
  const time = readTime(cur);
  if (time === null) return null;
  if (date === undefined && time !== undefined) {
    tryAt(SEPARATOR, cur);
    tryAt(WEEKDAY, cur);
    date = readDate(cur);
    if (date === null) return null;
    // "16:20, 18 June 2024 (GMT)": the zone may follow the date instead of the time.
    if (date !== undefined && time.zone === null) time.zone = tryAt(ZONE, cur)?.[1] ?? null;
  }
  tryAt(TRAILER, cur);
  if (cur.pos !== s.length) return null;
  if (date === undefined && time === undefined) return null;
  return { date: date ?? null, time: time ?? null };
}

const FIXED_ZONES: Readonly<Record<string, string>> = {
  UTC: 'Z',
  GMT: 'Z',
  Z: 'Z',
  WET: '+00:00',
  WEST: '+01:00',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  IST: '',
  PKT: '+05:00',
  ICT: '+07:00',
  WIB: '+07:00',
  HKT: '+08:00',
  SGT: '+08:00',
  AWST: '+08:00',
  PHT: '+08:00',
  KST: '+09:00',
  JST: '+09:00',
  ACST: '+09:30',
  AEST: '+10:00',
  AEDT: '+11:00',
  NZST: '+12:00',
  NZDT: '+13:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  AKST: '-09:00',
  AKDT: '-08:00',
  HST: '-10:00',
};

/** US generic zones ("ET") whose offset depends on daylight saving: [standard, daylight] hours. */
const US_GENERIC: Readonly<Record<string, readonly [number, number]>> = {
  ET: [-5, -4],
  CT: [-6, -5],
  MT: [-7, -6],
  PT: [-8, -7],
  AKT: [-9, -8],
};

function weekdayOf(d: CalendarDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** The day of the month of the n-th Sunday (n ≥ 1), or of the last Sunday when n is 0. */
function sunday(year: number, month: number, n: number): number {
  if (n === 0) {
    const last = daysInMonth(year, month);
    return last - weekdayOf({ year, month, day: last });
  }
  const first = weekdayOf({ year, month, day: 1 });
  return 1 + ((7 - first) % 7) + (n - 1) * 7;
}

/** US daylight saving by calendar day (the 2 a.m. switch hour is below a pasted dateline's precision). */
function usDaylight(d: CalendarDate): boolean {
  const [startMonth, startDay, endMonth, endDay] =
    d.year >= 2007
      ? [3, sunday(d.year, 3, 2), 11, sunday(d.year, 11, 1)]
      : [4, sunday(d.year, 4, 1), 10, sunday(d.year, 10, 0)];
  const key = d.month * 100 + d.day;
  return key >= startMonth * 100 + startDay && key < endMonth * 100 + endDay;
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function formatOffset(hours: number, minutes = 0): string {
  if (hours === 0 && minutes === 0) return 'Z';
  return `${hours < 0 ? '-' : '+'}${pad(hours)}:${pad(minutes)}`;
}

/** The ISO offset for a printed zone on a given day; null when the zone is unknown or ambiguous. */
export function zoneOffset(zone: string, date: CalendarDate): string | null {
  const upper = zone.toUpperCase().replace('−', '-');
  const numeric = /^(?:GMT|UTC)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(upper);
  if (numeric) {
    const hours = Number(numeric[2]);
    const minutes = Number(numeric[3] ?? 0);
    if (hours > 14 || minutes > 59) return null;
    return formatOffset(numeric[1] === '-' ? -hours : hours, minutes);
  }
  const generic = US_GENERIC[upper];
  if (generic) return formatOffset(usDaylight(date) ? generic[1] : generic[0]);
  const fixed = FIXED_ZONES[upper];
  return fixed ? fixed : null;
}

/** ISO 8601: `YYYY-MM-DD`, or with a time `YYYY-MM-DDTHH:MM:SS` plus an offset when the zone is known. */
export function formatMoment(date: CalendarDate, time: ClockTime | null): string {
  const day = `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
  if (!time) return day;
  const offset = time.zone ? (zoneOffset(time.zone, date) ?? '') : '';
  return `${day}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${offset}`;
}
