/**
 * The working calendar of a charter: which local dates are working days, and
 * when the office is open. Working-day arithmetic is O(1) per call: the table
 * holds, for every date it covers, how many working days come before it
 * (prefix counts) and the list of working days in order.
 *
 * @module
 */
import { CharterError } from "../charter/errors.js";
import { isValidated } from "../charter/parse.js";
import { schemas, type CalendarInput, type CalendarSpec } from "../charter/schema.js";
import { charterErrorMap, toCharterIssues } from "../charter/validate.js";
import { bundledHolidays, HOLIDAY_REGIONS, isHolidayRegion, type HolidayTable } from "../holidays/index.js";
import { countOutOfRange, expected, unknownRegion, yearOutOfRange } from "../messages.js";
import {
  MS_PER_DAY,
  MS_PER_MINUTE,
  WEEKDAYS,
  daysFromCivil,
  formatDate,
  parseDate,
  readClockTime,
  readDate,
  weekdayIndex,
} from "./civil.js";
import { toEpochMs, type Instant } from "./instant.js";
import { getZone, type Zone } from "./zone.js";

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

/** Why a date is not a working day. */
export type NonWorkingReason = "weekend" | "holiday" | "closure";

/** A date that is not a working day, with the reason and, for holidays and closures, the name. */
export interface NonWorkingDay {
  readonly date: IsoDate;
  readonly reason: NonWorkingReason;
  readonly name?: string;
}

/**
 * Working days and office hours of one charter, in its time zone. Dates are
 * `YYYY-MM-DD` strings; instants are a `Date`, epoch milliseconds or an ISO
 * 8601 string, and instants returned are ISO strings in the local offset.
 */
export interface WorkingCalendar {
  /** The IANA time zone all calendar logic happens in. */
  readonly timeZone: string;
  /** The holiday region, e.g. `GB-ENG`. */
  readonly holidayRegion: string;
  /** The first and last years the calendar can count in. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** A receipt at or after this local time (minutes after midnight) moves day 0 to the next date. */
  readonly receiptCutoffMinutes: number | undefined;
  /** True when `date` is a working day. */
  isWorkingDay(date: IsoDate): boolean;
  /**
   * The `n`th working day strictly after `date` (strictly before it when `n` is
   * negative); `date` itself when `n` is 0.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** The number of working days `d` with `a < d <= b`; negative when `b` is before `a`. */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  /** The dates from `from` to `to`, inclusive, that are not working days, with the reason. */
  nonWorkingDays(from: IsoDate, to: IsoDate): NonWorkingDay[];
  /** The local date of an instant. */
  localDate(t: Instant): IsoDate;
  /** True when the office is open at `t`: within [opening, closing) of a working day's interval. */
  isOpen(t: Instant): boolean;
  /** The first instant at or after `t` at which the office is open (`t` itself when open). */
  nextOpening(t: Instant): string;
  /** The instant at which `ms` of open office time has passed, counting from `t`. */
  addOfficeTime(t: Instant, ms: number): string;
  /** Open office time in [a, b), in milliseconds; negative when `b` is before `a`. */
  officeTimeBetween(a: Instant, b: Instant): number;
}

const WORKING = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const CLOSURE = 3;
const REASONS: readonly NonWorkingReason[] = ["weekend", "weekend", "holiday", "closure"];

const MAX_N = 100_000;
/** Month lengths and first-day offsets: common years, then leap years. */
const MONTH_LENGTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];

/** The numeric engine behind {@link WorkingCalendar}: epoch days and epoch milliseconds. */
export class CalendarEngine implements WorkingCalendar {
  readonly timeZone: string;
  readonly holidayRegion: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly receiptCutoffMinutes: number | undefined;
  readonly zone: Zone;
  /** First epoch day covered. */
  readonly origin: number;
  /** Last epoch day covered. */
  readonly end: number;
  readonly #kind: Uint8Array;
  readonly #before: Int32Array;
  readonly #working: Int32Array;
  readonly #names: Map<number, string>;
  readonly #dateText: (string | undefined)[];
  /** Epoch day of 1 January of each covered year, and of the year after the last. */
  readonly #yearStart: Int32Array;
  /** Office intervals per ISO weekday index, in minutes after midnight: [open, close, open, close, ...]. */
  readonly #hours: readonly (readonly number[])[];

  constructor(spec: CalendarSpec, holidays: HolidayTable) {
    this.zone = getZone(spec.timeZone, "calendar.timeZone");
    this.timeZone = spec.timeZone;
    this.holidayRegion = holidays.region;
    this.firstYear = holidays.firstYear;
    this.lastYear = holidays.lastYear;
    this.receiptCutoffMinutes = spec.receiptCutoff === undefined ? undefined : readClockTime(spec.receiptCutoff);
    this.origin = daysFromCivil(holidays.firstYear, 1, 1);
    this.end = daysFromCivil(holidays.lastYear, 12, 31);
    this.#hours = WEEKDAYS.map((day) =>
      (spec.officeHours[day] ?? []).flatMap(([open, close]) => [readClockTime(open) ?? 0, readClockTime(close) ?? 0]),
    );

    const size = this.end - this.origin + 1;
    const kind = new Uint8Array(size);
    const names = new Map<number, string>();
    const week = [false, false, false, false, false, false, false];
    for (const day of spec.workingWeek) week[WEEKDAYS.indexOf(day)] = true;
    for (let i = 0, dow = weekdayIndex(this.origin); i < size; i++, dow = dow === 6 ? 0 : dow + 1) {
      if (!week[dow]) kind[i] = WEEKEND;
    }
    for (const [day, name] of holidays.days) {
      const i = day - this.origin;
      if (i < 0 || i >= size) continue;
      names.set(day, name);
      if (kind[i] === WORKING) kind[i] = HOLIDAY;
    }
    for (const closure of spec.closures) {
      const from = readDate(closure.from) ?? 0;
      const to = closure.to === undefined ? from : (readDate(closure.to) ?? from);
      for (let day = Math.max(from, this.origin); day <= Math.min(to, this.end); day++) {
        const i = day - this.origin;
        if (kind[i] === WORKING) {
          kind[i] = CLOSURE;
          names.set(day, closure.name);
        }
      }
    }
    for (const extra of spec.extraWorkingDates) {
      const day = readDate(extra.date) ?? 0;
      if (day >= this.origin && day <= this.end) kind[day - this.origin] = WORKING;
    }

    const before = new Int32Array(size + 1);
    let count = 0;
    for (let i = 0; i < size; i++) {
      before[i] = count;
      if (kind[i] === WORKING) count++;
    }
    before[size] = count;
    const working = new Int32Array(count);
    for (let i = 0, w = 0; i < size; i++) if (kind[i] === WORKING) working[w++] = this.origin + i;

    this.#kind = kind;
    this.#before = before;
    this.#working = working;
    this.#names = names;
    this.#dateText = new Array<string | undefined>(count);
    this.#yearStart = new Int32Array(holidays.lastYear - holidays.firstYear + 2);
    for (let y = holidays.firstYear; y <= holidays.lastYear + 1; y++) this.#yearStart[y - holidays.firstYear] = daysFromCivil(y, 1, 1);
  }

  // ---- numeric API (epoch days, epoch ms), used by the rules engine ----

  /** Epoch day of a date argument, checked to be inside the table. */
  day(value: unknown, name: string): number {
    // Fast path: a well-formed YYYY-MM-DD inside the table, read with the per-year table.
    if (typeof value === "string" && value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
      const y0 = value.charCodeAt(0) - 48, y1 = value.charCodeAt(1) - 48, y2 = value.charCodeAt(2) - 48, y3 = value.charCodeAt(3) - 48;
      const m0 = value.charCodeAt(5) - 48, m1 = value.charCodeAt(6) - 48, d0 = value.charCodeAt(8) - 48, d1 = value.charCodeAt(9) - 48;
      if (((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) & ~15) === 0 && y0 < 10 && y1 < 10 && y2 < 10 && y3 < 10 && m0 < 10 && m1 < 10 && d0 < 10 && d1 < 10) {
        const yearIndex = y0 * 1000 + y1 * 100 + y2 * 10 + y3 - this.firstYear;
        const month = m0 * 10 + m1;
        const dayOfMonth = d0 * 10 + d1;
        const start = yearIndex <= this.lastYear - this.firstYear ? this.#yearStart[yearIndex] : undefined;
        if (start !== undefined && month >= 1 && month <= 12 && dayOfMonth >= 1) {
          const leap = (this.#yearStart[yearIndex + 1] as number) - start === 366 ? 12 : 0;
          if (dayOfMonth <= (MONTH_LENGTH[leap + month - 1] as number)) return start + (MONTH_START[leap + month - 1] as number) + dayOfMonth - 1;
        }
      }
    }
    const day = parseDate(value, name);
    this.checkDay(day, name);
    return day;
  }

  checkDay(day: number, name: string): void {
    if (day < this.origin || day > this.end) {
      throw new RangeError(yearOutOfRange(name, formatDate(day), this.holidayRegion, this.firstYear, this.lastYear));
    }
  }

  /** Epoch ms of an instant argument. */
  instant(value: unknown, name: string): number {
    return toEpochMs(value, this.zone, name);
  }

  isWorking(day: number): boolean {
    return this.#kind[day - this.origin] === WORKING;
  }

  /** Working days `d` with `a < d <= b` (both inside the table). */
  countBetween(a: number, b: number): number {
    return (this.#before[b - this.origin + 1] as number) - (this.#before[a - this.origin + 1] as number);
  }

  /** The `n`th working day after (n > 0) or before (n < 0) `day`. */
  addDays(day: number, n: number, name = "date"): number {
    if (n === 0) return day;
    const index =
      n > 0
        ? (this.#before[day - this.origin + 1] as number) + n - 1
        : (this.#before[day - this.origin] as number) + n;
    const result = this.#working[index];
    if (result === undefined) {
      const edge = n > 0 ? `${this.lastYear}-12-31` : `${this.firstYear}-01-01`;
      throw new RangeError(countOutOfRange(n, formatDate(day), name, edge, this.holidayRegion, this.firstYear, this.lastYear));
    }
    return result;
  }

  /** Why a covered day is not a working day, or `undefined` when it is one. */
  reasonFor(day: number): NonWorkingDay | undefined {
    const kind = this.#kind[day - this.origin] as number;
    if (kind === WORKING) return undefined;
    const reason = REASONS[kind] as NonWorkingReason;
    const name = kind === WEEKEND ? undefined : this.#names.get(day);
    return name === undefined ? { date: formatDate(day), reason } : { date: formatDate(day), reason, name };
  }

  /** Office intervals of a local date as epoch-ms pairs [open, close, ...]; none on a non-working day. */
  openIntervals(day: number): number[] {
    if (day < this.origin || day > this.end || !this.isWorking(day)) return [];
    const minutes = this.#hours[weekdayIndex(day)] as readonly number[];
    const out: number[] = [];
    const midnight = day * MS_PER_DAY;
    for (const m of minutes) out.push(this.zone.fromWall(midnight + m * MS_PER_MINUTE));
    return out;
  }

  /** Next working day strictly after `day`. */
  nextWorkingDay(day: number): number {
    return this.addDays(day, 1);
  }

  /** First instant at or after `t` when the office is open. */
  nextOpeningMs(t: number): number {
    let day = this.zone.localDay(t);
    this.checkDay(day, "t");
    if (!this.isWorking(day)) day = this.nextWorkingDay(day);
    for (;;) {
      const intervals = this.openIntervals(day);
      for (let i = 0; i < intervals.length; i += 2) {
        const open = intervals[i] as number;
        const close = intervals[i + 1] as number;
        if (t < close) return Math.max(open, t);
      }
      day = this.nextWorkingDay(day);
    }
  }

  isOpenMs(t: number): boolean {
    const day = this.zone.localDay(t);
    this.checkDay(day, "t");
    const intervals = this.openIntervals(day);
    for (let i = 0; i < intervals.length; i += 2) {
      if (t >= (intervals[i] as number) && t < (intervals[i + 1] as number)) return true;
    }
    return false;
  }

  /** The instant after `ms` of open office time from `t`. */
  addOfficeMs(t: number, ms: number): number {
    let remaining = ms;
    let cursor = this.nextOpeningMs(t);
    let day = this.zone.localDay(cursor);
    for (;;) {
      const intervals = this.openIntervals(day);
      for (let i = 0; i < intervals.length; i += 2) {
        const close = intervals[i + 1] as number;
        if (close <= cursor) continue;
        const start = Math.max(intervals[i] as number, cursor);
        const available = close - start;
        if (remaining <= available) return start + remaining;
        remaining -= available;
        cursor = close;
      }
      day = this.nextWorkingDay(day);
    }
  }

  /** Open office time in [a, b) for a <= b. */
  officeMsBetween(a: number, b: number): number {
    if (b <= a) return 0;
    const first = this.zone.localDay(a);
    const last = this.zone.localDay(b);
    this.checkDay(first, "a");
    this.checkDay(last, "b");
    let total = 0;
    for (let day = first; day <= last; day = day + 1) {
      if (!this.isWorking(day)) {
        if (day >= last) break;
        day = this.nextWorkingDay(day) - 1;
        continue;
      }
      const intervals = this.openIntervals(day);
      for (let i = 0; i < intervals.length; i += 2) {
        const from = Math.max(intervals[i] as number, a);
        const to = Math.min(intervals[i + 1] as number, b);
        if (to > from) total += to - from;
      }
    }
    return total;
  }

  /** `YYYY-MM-DD` of a working day found in the table, cached. */
  #text(day: number): string {
    const index = (this.#before[day - this.origin] as number);
    if (this.#kind[day - this.origin] !== WORKING) return formatDate(day);
    let text = this.#dateText[index];
    if (text === undefined) {
      text = formatDate(day);
      this.#dateText[index] = text;
    }
    return text;
  }

  // ---- public API (strings in, strings out) ----

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorking(this.day(date, "date"));
  }

  addWorkingDays(date: IsoDate, n: number): IsoDate {
    const day = this.day(date, "date");
    if (!Number.isInteger(n) || Math.abs(n) > MAX_N) {
      throw new RangeError(expected("n", `an integer from -${MAX_N} to ${MAX_N}`, n));
    }
    return this.#text(this.addDays(day, n));
  }

  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    return this.countBetween(this.day(a, "a"), this.day(b, "b"));
  }

  nonWorkingDays(from: IsoDate, to: IsoDate): NonWorkingDay[] {
    const first = this.day(from, "from");
    const last = this.day(to, "to");
    const out: NonWorkingDay[] = [];
    for (let day = first; day <= last; day++) {
      const reason = this.reasonFor(day);
      if (reason !== undefined) out.push(reason);
    }
    return out;
  }

  localDate(t: Instant): IsoDate {
    return formatDate(this.zone.localDay(this.instant(t, "t")));
  }

  isOpen(t: Instant): boolean {
    return this.isOpenMs(this.instant(t, "t"));
  }

  nextOpening(t: Instant): string {
    return this.zone.format(this.nextOpeningMs(this.instant(t, "t")));
  }

  addOfficeTime(t: Instant, ms: number): string {
    const start = this.instant(t, "t");
    if (!Number.isInteger(ms) || ms < 0) {
      throw new RangeError(expected("ms", "a whole number of milliseconds, 0 or more", ms));
    }
    return this.zone.format(this.addOfficeMs(start, ms));
  }

  officeTimeBetween(a: Instant, b: Instant): number {
    const from = this.instant(a, "a");
    const to = this.instant(b, "b");
    return to >= from ? this.officeMsBetween(from, to) : -this.officeMsBetween(to, from);
  }
}

/** Options of {@link calendarFor}. */
export interface CalendarOptions {
  /**
   * A holiday table to use instead of the bundled one for the calendar's
   * region: for a region without a bundled table, or for more years.
   */
  readonly holidays?: HolidayTable;
}

const memo = new WeakMap<object, CalendarEngine>();
const memoWithTable = new WeakMap<object, WeakMap<HolidayTable, CalendarEngine>>();

function specOf(source: unknown): { spec: CalendarSpec; prefix: string[] } {
  const isCharter =
    typeof source === "object" && source !== null && !Array.isArray(source) && "calendar" in source;
  const raw: unknown = isCharter ? (source as { calendar: unknown }).calendar : source;
  const prefix = isCharter ? ["calendar"] : [];
  // A charter parseCharter produced (or a bundled one) has a valid, normalised calendar.
  if (isCharter && isValidated(source)) return { spec: raw as CalendarSpec, prefix };
  const result = schemas().calendarSchema.safeParse(raw, { reportInput: true, error: charterErrorMap });
  if (!result.success) {
    throw new CharterError(
      toCharterIssues(result.error).map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })),
    );
  }
  return { spec: result.data, prefix };
}

function holidaysFor(spec: CalendarSpec, prefix: string[], options: CalendarOptions | undefined): HolidayTable {
  const supplied = options?.holidays;
  if (supplied !== undefined) {
    if (supplied.region !== spec.holidays) {
      throw new RangeError(
        expected("options.holidays", `a holiday table for ${JSON.stringify(spec.holidays)}`, supplied.region),
      );
    }
    return supplied;
  }
  if (!isHolidayRegion(spec.holidays)) {
    throw new CharterError([
      { code: "unknown_region", path: [...prefix, "holidays"], message: unknownRegion(spec.holidays, HOLIDAY_REGIONS) },
    ]);
  }
  return bundledHolidays(spec.holidays);
}

/**
 * The working calendar of a charter (or of the calendar part of one), built
 * once per charter object and memoised.
 *
 * @throws CharterError when the calendar is not valid, with a JSON path per problem.
 * @example
 * const cal = calendarFor({ calendar: { timeZone: "Europe/London", holidays: "GB-ENG",
 *   officeHours: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]],
 *                  thu: [["09:00", "17:00"]], fri: [["09:00", "17:00"]] } } });
 * cal.addWorkingDays("2026-12-24", 1); //=> "2026-12-29"
 */
export function calendarFor(charter: { readonly calendar: CalendarInput } | CalendarInput, options?: CalendarOptions): WorkingCalendar;
export function calendarFor(charter: unknown, options?: CalendarOptions): CalendarEngine {
  if (typeof charter !== "object" || charter === null) {
    throw new TypeError(expected("charter", "a charter or the calendar part of one", charter));
  }
  const table = options?.holidays;
  if (table === undefined) {
    const known = memo.get(charter);
    if (known !== undefined) return known;
  } else {
    const known = memoWithTable.get(charter)?.get(table);
    if (known !== undefined) return known;
  }
  const { spec, prefix } = specOf(charter);
  const engine = new CalendarEngine(spec, holidaysFor(spec, prefix, options));
  if (table === undefined) memo.set(charter, engine);
  else {
    const byTable = memoWithTable.get(charter) ?? new WeakMap<HolidayTable, CalendarEngine>();
    byTable.set(table, engine);
    memoWithTable.set(charter, byTable);
  }
  return engine;
}

/** The engine behind a calendar returned by {@link calendarFor}. */
export function engineOf(charter: { readonly calendar: CalendarInput }, options?: CalendarOptions): CalendarEngine {
  return calendarFor(charter, options) as CalendarEngine;
}
