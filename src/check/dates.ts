// ISO 8601 dates as DESIGN accepts them: a calendar date, or a date and time with an optional
// zone. Checked by hand so that `2026-02-30` is refused (Date.parse rolls it over to March).

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

export interface IsoDate {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Milliseconds since the epoch when the value has a time with a zone; null otherwise. */
  instant: number | null;
}

export function parseIsoDate(value: string): IsoDate | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 60))) return null;
  if (zone && zone.length > 1 && !validOffset(zone)) return null;
  const instant = h !== undefined && zone ? Date.parse(value.replace(' ', 'T').replace(',', '.')) : null;
  return { date: `${y}-${mo}-${d}`, instant: Number.isNaN(instant) ? null : instant };
}

function validOffset(zone: string): boolean {
  const digits = zone.slice(1).replace(':', '');
  return Number(digits.slice(0, 2)) <= 23 && (digits.length === 2 || Number(digits.slice(2)) <= 59);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when `later` is before `earlier`: by date, or by instant when both carry one on the same day. */
export function isBefore(later: IsoDate, earlier: IsoDate): boolean {
  if (later.date !== earlier.date) return later.date < earlier.date;
  return later.instant !== null && earlier.instant !== null && later.instant < earlier.instant;
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
