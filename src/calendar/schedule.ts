/**
 * Office hours: when a calendar's office is open, as intervals of local time
 * per weekday, turned into instants on each working day and intersected.
 * Office time (the clock of `workingHours` limits) is counted over them.
 *
 * An interval whose opening falls in a clock-change gap (a wall time that does
 * not exist that day) opens at the first instant after the gap; a closing time
 * in a gap likewise closes there, so an interval wholly inside a gap does not
 * exist that day. So `nextOpening(t)` is always an instant at which the office
 * is open.
 *
 * @module
 */
import { MS_PER_DAY, MS_PER_MINUTE, weekdayIndex } from "./civil.js";
import type { DayTable } from "./day-table.js";
import type { Zone } from "./zone.js";

/** Opening and closing minutes after midnight per ISO weekday: [open, close, open, close, ...]. */
export type WeeklyHours = readonly (readonly number[])[];

/** Hours of a schedule: weekly, and by epoch day for dates with hours of their own. */
export interface ScheduleHours {
  readonly weekly: WeeklyHours;
  /** Epoch day → [open, close, ...] minutes; on any date, working or not, these replace the weekly hours. */
  readonly dated: ReadonlyMap<number, readonly number[]>;
}

/**
 * Dates remembered: eleven years of them, so that spans spread over a decade (a
 * report's contacts, officeTimeBetween over years) stay in the memo. Each slot is a
 * date and its one small array: about 200 KB per calendar when all are used.
 */
const INTERVAL_SLOTS = 4096;
/** No minutes, or no intervals: one shared empty list. */
const NO_MINUTES: readonly number[] = Object.freeze([]);

/** One schedule's hours (the office hours, or a named schedule), compiled: its open intervals by date, and the office time counted over them. */
export class Schedule {
  readonly #days: DayTable;
  readonly #zone: Zone;
  readonly #hours: WeeklyHours;
  readonly #dated: ReadonlyMap<number, readonly number[]>;
  /** Dates with hours of their own that open, sorted: they may open on a day that is not a working day. */
  readonly #openDated: readonly number[];
  /** A direct-mapped memo of openIntervals by date: every clock asks for the same few weeks. */
  readonly #memoDay = new Float64Array(INTERVAL_SLOTS).fill(Number.NaN);
  readonly #memo: (readonly number[] | undefined)[] = new Array<readonly number[] | undefined>(INTERVAL_SLOTS).fill(
    undefined,
  );

  constructor(days: DayTable, zone: Zone, hours: ScheduleHours) {
    this.#days = days;
    this.#zone = zone;
    this.#hours = hours.weekly;
    this.#dated = hours.dated;
    this.#openDated = [...hours.dated]
      .filter(([, m]) => m.length > 0)
      .map(([day]) => day)
      .sort((a, b) => a - b);
  }

  /** The instant of a local time on a date, with a time in a gap moved to the gap's end. */
  #at(midnight: number, minutes: number): number {
    return this.#zone.fromWall(midnight + minutes * MS_PER_MINUTE, "gap-end");
  }

  /** Office intervals of a local date as epoch-ms pairs [open, close, ...]; none on a non-working day. Remembered per date. */
  openIntervals(day: number): readonly number[] {
    const slot = day & (INTERVAL_SLOTS - 1);
    if (this.#memoDay[slot] === day) return this.#memo[slot] as readonly number[];
    // Not frozen (freezing cost a tenth of a miss): the type is readonly, and no caller writes.
    const intervals = this.#intervals(day);
    this.#memoDay[slot] = day;
    this.#memo[slot] = intervals;
    return intervals;
  }

  #intervals(day: number): readonly number[] {
    if (!this.#days.covers(day)) return NO_MINUTES;
    const minutes =
      this.#dated.get(day) ??
      (this.#days.isWorking(day) ? (this.#hours[weekdayIndex(day)] as readonly number[]) : NO_MINUTES);
    if (minutes.length === 0) return NO_MINUTES;
    const out: number[] = [];
    const midnight = day * MS_PER_DAY;
    for (let i = 0; i < minutes.length; i += 2) {
      const open = this.#at(midnight, minutes[i] as number);
      const close = this.#at(midnight, minutes[i + 1] as number);
      if (close > open) out.push(open, close);
    }
    return out;
  }

  /** The first dated opening after `day`, by binary search. */
  #nextDated(day: number): number | undefined {
    const list = this.#openDated;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] as number) <= day) lo = mid + 1;
      else hi = mid;
    }
    return list[lo];
  }

  /** The next day after `day` that has an open interval (a working day, or a date with hours of its own), or undefined past the table. */
  #nextOpenDay(day: number): number | undefined {
    let d: number | undefined = day;
    for (;;) {
      const working: number | undefined = this.#days.addDays(d, 1);
      const dated = this.#nextDated(d);
      d = working === undefined ? dated : dated === undefined ? working : Math.min(working, dated);
      if (d === undefined || !this.#days.covers(d)) return undefined;
      if (this.openIntervals(d).length > 0) return d;
    }
  }

  /** First instant at or after `t` when the office is open; undefined when it never opens again in the table. */
  nextOpening(t: number): number | undefined {
    for (let day: number | undefined = this.#zone.localDay(t); day !== undefined; day = this.#nextOpenDay(day)) {
      const intervals = this.openIntervals(day);
      for (let i = 0; i < intervals.length; i += 2) {
        if (t < (intervals[i + 1] as number)) return Math.max(intervals[i] as number, t);
      }
    }
    return undefined;
  }

  isOpen(t: number): boolean {
    const intervals = this.openIntervals(this.#zone.localDay(t));
    for (let i = 0; i < intervals.length; i += 2) {
      if (t >= (intervals[i] as number) && t < (intervals[i + 1] as number)) return true;
    }
    return false;
  }

  /** The instant after `ms` of open office time from `t`; undefined when the table ends first. */
  addOfficeTime(t: number, ms: number): number | undefined {
    let remaining = ms;
    const first = this.nextOpening(t);
    if (first === undefined) return undefined;
    let cursor = first;
    for (let day: number | undefined = this.#zone.localDay(cursor); day !== undefined; day = this.#nextOpenDay(day)) {
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
    }
    return undefined;
  }

  /** Open office time in [a, b) for a <= b (0 when the office never opens in between). */
  officeTimeBetween(a: number, b: number): number {
    if (b <= a) return 0;
    const last = this.#zone.localDay(b);
    let total = 0;
    // Day by day: a closed day's (remembered) intervals are empty, so the step is a look-up.
    for (let day = this.#zone.localDay(a); day <= last; day++) {
      const intervals = this.openIntervals(day);
      for (let i = 0; i < intervals.length; i += 2) {
        const from = Math.max(intervals[i] as number, a);
        const to = Math.min(intervals[i + 1] as number, b);
        if (to > from) total += to - from;
      }
    }
    return total;
  }
}
