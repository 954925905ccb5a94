/**
 * The working calendar facade: dates as `YYYY-MM-DD` strings and instants as
 * `Date | number | string` in, strings out, over the day table (working days)
 * and the office hours (open time) of one calendar in its time zone. The rules
 * engine uses the numeric methods (epoch days, epoch ms) directly.
 *
 * @module
 */
import { rangeError, typeError } from "../problems.js";
import { text } from "../words.js";
import { MS_PER_DAY, formatDate, readDate } from "./civil.js";
import type { DayTable, NonWorkingDay } from "./day-table.js";
import { toEpochMs, type Instant, type InstantRange } from "./instant.js";
import { Schedule, type ScheduleHours } from "./schedule.js";
import type { Zone } from "./zone.js";

export type { NonWorkingDay, NonWorkingReason } from "./day-table.js";

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

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

/** A calendar compiled to numbers: what the engine is built from. */
export interface CalendarConfig {
  readonly timeZone: string;
  readonly zone: Zone;
  readonly holidayRegion: string;
  readonly days: DayTable;
  /**
   * The office hours (`office`) and the named schedules, each made when first asked for:
   * a charter may name schedules that a contact never needs (Copeland's reception, given
   * in versions), and building them is a cost of the first deadline.
   */
  readonly schedules: ReadonlyMap<string, () => ScheduleHours>;
  readonly receiptCutoffMinutes: number | undefined;
}

const MAX_N = 100_000;

/** The numeric engine behind {@link WorkingCalendar}: epoch days and epoch milliseconds. */
export class CalendarEngine implements WorkingCalendar {
  readonly timeZone: string;
  readonly holidayRegion: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly receiptCutoffMinutes: number | undefined;
  readonly zone: Zone;
  readonly days: DayTable;
  readonly office: Schedule;
  readonly #schedules = new Map<string, Schedule>();
  readonly #makers: ReadonlyMap<string, () => ScheduleHours>;
  /** Instants a little beyond the table's years are read (events may come after the last date counted); absurd ones are refused before any zone work. */
  readonly #range: InstantRange;

  constructor(config: CalendarConfig) {
    this.timeZone = config.timeZone;
    this.holidayRegion = config.holidayRegion;
    this.zone = config.zone;
    this.days = config.days;
    this.firstYear = config.days.firstYear;
    this.lastYear = config.days.lastYear;
    this.receiptCutoffMinutes = config.receiptCutoffMinutes;
    this.#makers = config.schedules;
    this.office = this.#hoursOf("office") as Schedule;
    const slack = 366 * MS_PER_DAY;
    this.#range = {
      min: config.days.origin * MS_PER_DAY - slack,
      max: (config.days.end + 1) * MS_PER_DAY + slack,
      error: (name, value) => this.#outOfRange(name, value),
    };
  }

  #outOfRange(name: string, value: unknown): RangeError {
    const shown =
      typeof value === "string" ? JSON.stringify(value) : typeof value === "number" ? String(value) : "that instant";
    return rangeError("year_out_of_range", {
      name,
      shown,
      region: this.holidayRegion,
      first: this.firstYear,
      last: this.lastYear,
    });
  }

  // ---- numeric API (epoch days, epoch ms), used by the rules engine ----

  /** Epoch day of a date argument, checked to be inside the table. */
  day(value: unknown, name: string): number {
    const day = typeof value === "string" ? readDate(value) : undefined;
    if (day === undefined) throw typeError("invalid", { name, expected: text.isoDate, value });
    this.checkDay(day, name);
    return day;
  }

  checkDay(day: number, name: string): void {
    if (!this.days.covers(day))
      throw rangeError("year_out_of_range", {
        name,
        shown: JSON.stringify(formatDate(day)),
        region: this.holidayRegion,
        first: this.firstYear,
        last: this.lastYear,
      });
  }

  /** Epoch ms of an instant argument, refused before any zone work when its year is far outside the table. */
  instant(value: unknown, name: string): number {
    return toEpochMs(value, this.zone, name, this.#range);
  }

  /** Epoch ms of an instant whose local date must be inside the table. */
  coveredInstant(value: unknown, name: string): number {
    const ms = this.instant(value, name);
    this.checkDay(this.zone.localDay(ms), name);
    return ms;
  }

  /** The `n`th working day after (n > 0) or before (n < 0) `day`, or a RangeError naming `name`. */
  addDays(day: number, n: number, name = "date"): number {
    const result = this.days.addDays(day, n);
    if (result === undefined) {
      const edge = n > 0 ? `${this.lastYear}-12-31` : `${this.firstYear}-01-01`;
      throw rangeError("count_out_of_range", {
        n,
        date: formatDate(day),
        name,
        edge,
        region: this.holidayRegion,
        first: this.firstYear,
        last: this.lastYear,
      });
    }
    return result;
  }

  /** The hours of a schedule (`office`, the office hours, when absent). */
  hours(schedule: string | undefined): Schedule {
    return schedule === undefined
      ? this.office
      : (this.#schedules.get(schedule) ?? this.#hoursOf(schedule) ?? this.office);
  }

  /** A schedule's hours, made on first use and kept; undefined for a name the calendar does not have. */
  #hoursOf(name: string): Schedule | undefined {
    const make = this.#makers.get(name);
    if (make === undefined) return undefined;
    const hours = new Schedule(this.days, this.zone, make());
    this.#schedules.set(name, hours);
    return hours;
  }

  /** The office time clock: `ms` of open time from `t`, or a RangeError when the table ends first. */
  addOfficeMs(t: number, ms: number, name = "t", hours: Schedule = this.office): number {
    const due = hours.addOfficeTime(t, ms);
    if (due === undefined) throw this.#outOfRange(name, this.zone.format(t));
    return due;
  }

  /** First opening at or after `t`, or a RangeError when the office never opens again in the table. */
  nextOpeningMs(t: number, name = "t", hours: Schedule = this.office): number {
    const opening = hours.nextOpening(t);
    if (opening === undefined) throw this.#outOfRange(name, this.zone.format(t));
    return opening;
  }

  // ---- public API (strings in, strings out) ----

  isWorkingDay(date: IsoDate): boolean {
    return this.days.isWorking(this.day(date, "date"));
  }

  addWorkingDays(date: IsoDate, n: number): IsoDate {
    const day = this.day(date, "date");
    if (!Number.isInteger(n) || Math.abs(n) > MAX_N)
      throw rangeError("integer_range", { name: "n", min: -MAX_N, max: MAX_N, value: n });
    return this.days.text(this.addDays(day, n));
  }

  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    return this.days.countBetween(this.day(a, "a"), this.day(b, "b"));
  }

  nonWorkingDays(from: IsoDate, to: IsoDate): NonWorkingDay[] {
    const first = this.day(from, "from");
    const last = this.day(to, "to");
    const out: NonWorkingDay[] = [];
    for (let day = first; day <= last; day++) {
      const reason = this.days.reasonFor(day);
      if (reason !== undefined) out.push(reason);
    }
    return out;
  }

  localDate(t: Instant): IsoDate {
    return formatDate(this.zone.localDay(this.instant(t, "t")));
  }

  isOpen(t: Instant): boolean {
    return this.office.isOpen(this.coveredInstant(t, "t"));
  }

  nextOpening(t: Instant): string {
    return this.zone.format(this.nextOpeningMs(this.coveredInstant(t, "t")));
  }

  addOfficeTime(t: Instant, ms: number): string {
    const start = this.coveredInstant(t, "t");
    if (!Number.isInteger(ms) || ms < 0) throw rangeError("invalid", { name: "ms", expected: text.wholeMs, value: ms });
    return this.zone.format(this.addOfficeMs(start, ms));
  }

  officeTimeBetween(a: Instant, b: Instant): number {
    const from = this.coveredInstant(a, "a");
    const to = this.coveredInstant(b, "b");
    return to >= from ? this.office.officeTimeBetween(from, to) : -this.office.officeTimeBetween(to, from);
  }
}

/** The public face of an engine: the documented methods and properties, and nothing of the engine's own. */
class CalendarView implements WorkingCalendar {
  readonly #engine: CalendarEngine;
  readonly timeZone: string;
  readonly holidayRegion: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly receiptCutoffMinutes: number | undefined;

  constructor(engine: CalendarEngine) {
    this.#engine = engine;
    this.timeZone = engine.timeZone;
    this.holidayRegion = engine.holidayRegion;
    this.firstYear = engine.firstYear;
    this.lastYear = engine.lastYear;
    this.receiptCutoffMinutes = engine.receiptCutoffMinutes;
    Object.freeze(this);
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.#engine.isWorkingDay(date);
  }

  addWorkingDays(date: IsoDate, n: number): IsoDate {
    return this.#engine.addWorkingDays(date, n);
  }

  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    return this.#engine.workingDaysBetween(a, b);
  }

  nonWorkingDays(from: IsoDate, to: IsoDate): NonWorkingDay[] {
    return this.#engine.nonWorkingDays(from, to);
  }

  localDate(t: Instant): IsoDate {
    return this.#engine.localDate(t);
  }

  isOpen(t: Instant): boolean {
    return this.#engine.isOpen(t);
  }

  nextOpening(t: Instant): string {
    return this.#engine.nextOpening(t);
  }

  addOfficeTime(t: Instant, ms: number): string {
    return this.#engine.addOfficeTime(t, ms);
  }

  officeTimeBetween(a: Instant, b: Instant): number {
    return this.#engine.officeTimeBetween(a, b);
  }
}

/** The working calendar that shows an engine's documented methods only. */
export function calendarView(engine: CalendarEngine): WorkingCalendar {
  return new CalendarView(engine);
}
