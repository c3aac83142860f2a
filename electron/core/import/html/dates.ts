/**
 * Publication dates from documents, normalised to ISO 8601 without inventing precision or a zone:
 * `2024-06-18`, `2024-06-18T16:20:00`, `2024-06-18T16:20:00+02:00`, `2024-06-18T14:20:00Z`.
 * A value that is not a recognisable date gives null, never a guess.
 */

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i;

/** `20190806`, `20190806T1420`, `20190806142000Z` (URLs, news CMS meta tags, file names). */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * StarOffice, OpenOffice.org and LibreOffice (before 4.4) write a document's CREATED and CHANGED
 * into its HTML as `YYYYMMDD;HHMMSScc` (hundredths last, the hour's leading zero dropped:
 * `20140426;3520000` is 03:52:00); `0;0` when unset.
 */
const OFFICE = /^(\d{8});(\d{1,8})$/;

export function normalizeDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : utcIso(value);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return null;
    if (value >= 1000 && value <= 9999) return String(value);
    return value >= 10000101 && value <= 99991231 ? normalizeDate(String(value)) : null;
  }
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!s || s.length > 100) return null;
  const iso = ISO.exec(s);
  if (iso) return fromIsoParts(iso);
  const compact = COMPACT.exec(s);
  if (compact) return fromIsoParts(compact);
  const office = OFFICE.exec(s);
  if (office) return fromOfficeStamp(office[1] as string, (office[2] as string).padStart(8, '0'));
  return fromFreeForm(s);
}

function fromIsoParts(m: RegExpExecArray): string | null {
  const [, y, mo, d, h, mi, sec, zone] = m;
  const year = Number(y);
  if (year < 1000) return null;
  if (mo === undefined) return y ?? null;
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (d === undefined) return `${y}-${mo}`;
  const day = Number(d);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (h === undefined || mi === undefined) return `${y}-${mo}-${d}`;
  const seconds = sec ?? '00';
  if (Number(h) > 23 || Number(mi) > 59 || Number(seconds) > 59) return null;
  const offset = zone === undefined ? '' : normalizeZone(zone);
  if (offset === null) return null;
  return `${y}-${mo}-${d}T${h}:${mi}:${seconds}${offset}`;
}

function fromOfficeStamp(day: string, time: string): string | null {
  // The hundredths go (no value here has fractions); an impossible time leaves the day alone.
  const timed = COMPACT.exec(`${day}T${time.slice(0, 6)}`);
  const dated = COMPACT.exec(day);
  return (timed && fromIsoParts(timed)) ?? (dated && fromIsoParts(dated));
}

function normalizeZone(zone: string): string | null {
  if (/^(?:z|utc|gmt)$/i.test(zone)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return `${m[1]}${m[2]}:${m[3] ?? '00'}`;
}

/** "Tue, 18 Jun 2024 16:20:00 GMT", "June 18, 2024"… via Date.parse; zone kept only if stated. */
function fromFreeForm(s: string): string | null {
  if (!/\d{4}/.test(s)) return null;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  const date = new Date(ms);
  const hasZone = /(?:\b(?:GMT|UTC|UT|Z|[ECMP][SD]T)\b|[+-]\d{2}:?\d{2}\b)/.test(s);
  if (hasZone) return utcIso(date);
  // No zone given: Date.parse read it as local time, so the local fields are the stated ones.
  const year = date.getFullYear();
  if (year < 1000 || year > 9999) return null;
  const ymd = `${year}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  if (!/\d{1,2}:\d{2}/.test(s)) return ymd;
  return `${ymd}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function utcIso(date: Date): string | null {
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return null;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
