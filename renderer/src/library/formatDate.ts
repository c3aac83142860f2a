/**
 * Dates as the user's locale writes them. A bare `YYYY-MM-DD` is a calendar date, not an
 * instant: it is formatted in UTC so that it doesn't show as the day before west of Greenwich.
 */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Only ISO 8601 is parsed: engines "parse" free text like "Spring 1999" into a wrong date. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

export interface FormattedDate {
  /** Shown to people. */
  text: string;
  /** For `<time dateTime>`; null when the source couldn't be parsed. */
  dateTime: string | null;
}

/**
 * Formatters by locale and zone: making an Intl.DateTimeFormat costs far more than using one
 * (it loads the locale's data), and a list or the reader's header formats on every render.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string | undefined, utc: boolean): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${utc ? 'UTC' : ''}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      ...(utc ? { timeZone: 'UTC' } : {}),
    });
    formatters.set(key, format);
  }
  return format;
}

export function formatDate(
  value: string | null | undefined,
  locale?: string,
): FormattedDate | null {
  if (value == null || value.trim() === '') return null;
  const trimmed = value.trim();
  const dateOnly = DATE_ONLY.test(trimmed);
  if (!dateOnly && !ISO_TIMESTAMP.test(trimmed)) return { text: trimmed, dateTime: null };
  const date = new Date(dateOnly ? `${trimmed}T00:00:00Z` : trimmed);
  if (Number.isNaN(date.getTime())) return { text: trimmed, dateTime: null };
  return {
    text: formatter(locale, dateOnly).format(date),
    dateTime: dateOnly ? trimmed : date.toISOString(),
  };
}
