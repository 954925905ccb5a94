/**
 * Calendar arithmetic on integers: a date is its epoch day (days since
 * 1970-01-01), and all conversions are total functions on integers. Nothing
 * here reads the host's time zone.
 *
 * @module
 */
export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;

/** Weekday keys in ISO order: index 0 is Monday. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Epoch day of a proleptic Gregorian date (month 1-12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Year, month (1-12) and day of an epoch day. */
export function civilFromDays(epochDay: number): [year: number, month: number, day: number] {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** ISO weekday index of an epoch day: 0 is Monday, 6 is Sunday. */
export function weekdayIndex(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const ZEROS = ["", "0", "00", "000", "0000", "00000"];

/** A whole number 0 or more, written with at least `width` digits: the one zero-padder. */
export function padded(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : (ZEROS[width - s.length] as string) + s;
}

/**
 * `YYYY-MM-DD` of an epoch day; years outside 0000-9999 as ISO 8601 expanded
 * years (`-000001-12-31`, `+033658-09-27`), never a malformed date.
 */
export function formatDate(epochDay: number): string {
  const slot = epochDay - FIRST_CACHED;
  if (slot >= 0 && slot < CACHED_DAYS) {
    let text = DATE_TEXT.get(slot);
    if (text === undefined) DATE_TEXT.set(slot, (text = formatAny(epochDay)));
    return text;
  }
  return formatAny(epochDay);
}

/** Dates 1900-2199 as text, filled as used (a memo cache: the same day is formatted once). */
const FIRST_CACHED = -25_567;
const CACHED_DAYS = 109_573;
const PAGE = 1024;

/**
 * Strings by index from 0 to `size - 1` (below 2^31), remembered as used, in pages of 1,024
 * allocated on first use: packed arrays (a sparse array is a dictionary to V8), and
 * nothing allocated for years nobody asks about.
 */
export class TextPages {
  readonly #pages: (string[] | undefined)[];

  constructor(size: number) {
    this.#pages = new Array<string[] | undefined>(Math.ceil(size / PAGE)).fill(undefined);
  }

  get(i: number): string | undefined {
    const text = this.#pages[i >> 10]?.[i & (PAGE - 1)];
    return text === "" ? undefined : text;
  }

  set(i: number, text: string): void {
    (this.#pages[i >> 10] ??= new Array<string>(PAGE).fill(""))[i & (PAGE - 1)] = text;
  }
}

const DATE_TEXT = new TextPages(CACHED_DAYS);

function formatAny(epochDay: number): string {
  const [y, m, d] = civilFromDays(epochDay);
  const year = y >= 0 && y <= 9999 ? padded(y, 4) : `${y < 0 ? "-" : "+"}${padded(Math.abs(y), 6)}`;
  return `${year}-${padded(m, 2)}-${padded(d, 2)}`;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Epoch day of the first of each month, for years 0000-9999, filled a year at a time as read. */
const monthStarts = new Int32Array(10_000 * 13).fill(-2_147_483_648);

function monthStart(year: number, month: number): number {
  const base = year * 13;
  if (monthStarts[base] === -2_147_483_648) {
    for (let m = 1; m <= 13; m++)
      monthStarts[base + m - 1] = m === 13 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, m, 1);
  }
  return monthStarts[base + month - 1] as number;
}

/**
 * Reads a `YYYY-MM-DD` string without throwing; `undefined` when it is not a
 * real calendar date in that exact form. The one reader of calendar dates.
 */
export function readDate(s: string): number | undefined {
  return s.length === 10 ? readDateAt(s) : undefined;
}

/** The epoch day of the `YYYY-MM-DD` that `s` starts with (the rest is the caller's), read in place. */
export function readDateAt(s: string): number | undefined {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  // Digits read in line (a helper per digit is not inlined this deep): `>>> 0` makes a
  // character below "0" a large number, so one comparison checks each.
  const d0 = s.charCodeAt(0) - 48,
    d1 = s.charCodeAt(1) - 48,
    d2 = s.charCodeAt(2) - 48,
    d3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48,
    m1 = s.charCodeAt(6) - 48,
    a0 = s.charCodeAt(8) - 48,
    a1 = s.charCodeAt(9) - 48;
  if (
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9 ||
    d2 >>> 0 > 9 ||
    d3 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    a0 >>> 0 > 9 ||
    a1 >>> 0 > 9
  )
    return undefined;
  const year = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
  const month = m0 * 10 + m1;
  const day = a0 * 10 + a1;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const first = monthStart(year, month);
  return day <= (monthStarts[year * 13 + month] as number) - first ? first + day - 1 : undefined;
}

/** Minutes after midnight of `HH:MM` (00:00 to 24:00), or `undefined`. */
export function readClockTime(s: string): number | undefined {
  if (s.length !== 5 || s.charCodeAt(2) !== 58) return undefined;
  const h0 = digit(s, 0),
    h1 = digit(s, 1),
    m0 = digit(s, 3),
    m1 = digit(s, 4);
  if ((h0 | h1 | m0 | m1) < 0) return undefined;
  const hours = h0 * 10 + h1;
  const minutes = m0 * 10 + m1;
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return hours * 60 + minutes;
}
