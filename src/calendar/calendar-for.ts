/**
 * `calendarFor`: the working calendar of a charter. Validates the calendar
 * part (a charter from parseCharter is already valid), compiles it to numbers
 * and builds the engine once per charter object.
 *
 * @module
 */
import { rangeError, typeError } from "../problems.js";
import { WEEKDAYS, daysFromCivil, readClockTime, readDate, weekdayIndex, type Weekday } from "./civil.js";
import { DayTable, MAX_TABLE_YEARS } from "./day-table.js";
import type { ScheduleHours } from "./schedule.js";
import { CalendarEngine, calendarView, type WorkingCalendar } from "./working-calendar.js";
import { getZone, missingDays } from "./zone.js";
import { bundledHolidays, HOLIDAY_REGIONS, isHolidayRegion, type HolidayTable } from "../holidays/index.js";
import { text } from "../words.js";
import { CharterError } from "../charter/errors.js";
import { charterIssue, type CharterPath } from "../charter/issues.js";
import { checkedCharter, isValidated } from "../charter/parse.js";
import { calendarIssues, inForceOf, periodDays, schedulesOf } from "../charter/checks.js";
import { schemas, type CalendarInput, type CalendarSpec, type ScheduleWeek } from "../charter/schema.js";
import { charterErrorMap, toCharterIssues } from "../charter/validate.js";
import { ownData, withoutPrototypes } from "../own.js";

/** Options of {@link calendarFor}. */
export interface CalendarOptions {
  /**
   * A holiday table to use instead of the bundled one for the calendar's
   * region: for a region without a bundled table, or for more years.
   */
  readonly holidays?: HolidayTable;
}

function specOf(source: object): { spec: CalendarSpec; prefix: CharterPath } {
  const isCharter = !Array.isArray(source) && Object.hasOwn(source, "calendar");
  const prefix = isCharter ? ["calendar"] : [];
  // A charter parseCharter produced (or a bundled one) has a valid, normalised calendar;
  // a whole charter that has not been parsed is parsed (and memoised) first.
  if (isCharter && (isValidated(source) || Object.hasOwn(source, "id") || Object.hasOwn(source, "standards"))) {
    return { spec: checkedCharter(source).calendar, prefix };
  }
  const raw = ownData(isCharter ? (source as { calendar: unknown }).calendar : source);
  const result = schemas().calendarSchema.safeParse(raw, { reportInput: true, error: charterErrorMap });
  if (!result.success) throw new CharterError(toCharterIssues(result.error, prefix));
  const spec = withoutPrototypes(result.data);
  const issues = calendarIssues(spec, prefix);
  if (issues.length > 0) throw new CharterError(issues);
  return { spec, prefix };
}

function holidaysFor(spec: CalendarSpec, prefix: CharterPath, options: CalendarOptions | undefined): HolidayTable {
  const supplied = options?.holidays;
  if (supplied !== undefined) {
    if (typeof supplied !== "object" || supplied === null)
      throw typeError("bad_holiday_table", {
        name: "options.holidays",
        region: supplied,
        first: undefined,
        last: undefined,
        maxYears: MAX_TABLE_YEARS,
      });
    const { region, firstYear, lastYear, days } = supplied;
    if (region !== spec.holidays)
      throw rangeError("wrong_holiday_region", { name: "options.holidays", wanted: spec.holidays, value: region });
    const ok =
      Number.isInteger(firstYear) &&
      Number.isInteger(lastYear) &&
      firstYear >= 1 &&
      lastYear <= 9999 &&
      lastYear >= firstYear &&
      lastYear - firstYear < MAX_TABLE_YEARS &&
      days instanceof Map;
    if (!ok)
      throw rangeError("bad_holiday_table", {
        name: "options.holidays",
        region,
        first: firstYear,
        last: lastYear,
        maxYears: MAX_TABLE_YEARS,
      });
    return supplied;
  }
  if (!isHolidayRegion(spec.holidays)) {
    throw new CharterError([
      charterIssue("unknown_region", [...prefix, "holidays"], { input: spec.holidays, known: HOLIDAY_REGIONS }),
    ]);
  }
  return bundledHolidays(spec.holidays);
}

type Intervals = readonly (readonly [string, string])[];

const minutesOf = (hours: Intervals): number[] =>
  hours.flatMap(([open, close]) => [readClockTime(open) ?? 0, readClockTime(close) ?? 0]);

/** A week's hours as minutes per ISO weekday. */
function weeklyOf(week: CalendarSpec["officeHours"] | ScheduleWeek): number[][] {
  return WEEKDAYS.map((day: Weekday) => {
    const hours = week[day];
    return hours === undefined ? [] : minutesOf(hours);
  });
}

const sameMinutes = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((m, i) => m === b[i]);

/**
 * A schedule given as versions in force one after another, as weekly hours and dated
 * exceptions. The weekly hours are those that hold on most of the table's dates (a
 * version's, or none where the schedule is closed most of the time), and only the working
 * days on which other hours hold are dated, so that the dates walked are those of the
 * other versions and gaps (Copeland's reception: the 483 days it was closed). Built once
 * per calendar; a schedule without versions costs nothing here.
 */
function versionedHours(versions: readonly ScheduleWeek[], days: DayTable): ScheduleHours {
  const spans = versions
    .map((v) => {
      const [from, to] = periodDays(inForceOf(v));
      return { from: Math.max(from, days.origin), to: Math.min(to, days.end), weekly: weeklyOf(v) };
    })
    .filter((v) => v.from <= v.to)
    .sort((a, b) => a.from - b.from);
  // The gaps between versions, where the schedule is closed.
  const closed = WEEKDAYS.map(() => NO_HOURS);
  const gaps: { from: number; to: number; weekly: readonly (readonly number[])[] }[] = [];
  let cursor = days.origin;
  for (const v of spans) {
    if (v.from > cursor) gaps.push({ from: cursor, to: v.from - 1, weekly: closed });
    cursor = Math.max(cursor, v.to + 1);
  }
  if (cursor <= days.end) gaps.push({ from: cursor, to: days.end, weekly: closed });
  const all = [...spans, ...gaps];
  const length = (w: readonly (readonly number[])[]) =>
    all.filter((x) => sameWeek(x.weekly, w)).reduce((n, x) => n + x.to - x.from + 1, 0);
  const weekly = all.map((x) => x.weekly).reduce((a, b) => (length(b) > length(a) ? b : a), closed);
  const dated = new Map<number, readonly number[]>();
  for (const span of all) {
    if (sameWeek(span.weekly, weekly)) continue;
    for (let day = span.from; day <= span.to; day++) {
      if (!days.isWorking(day)) continue;
      const dow = weekdayIndex(day);
      const minutes = span.weekly[dow] as readonly number[];
      if (!sameMinutes(minutes, weekly[dow] as readonly number[])) dated.set(day, minutes);
    }
  }
  return { weekly, dated };
}

const sameWeek = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]): boolean =>
  a.every((m, i) => sameMinutes(m, b[i] as readonly number[]));

const NO_HOURS: readonly number[] = Object.freeze([]);

/** Whether a dated item (closure, dated hours, a recurring closure's date) is in force on `day`. */
function inForceOn(item: unknown, day: number): boolean {
  const period = inForceOf(item);
  if (period === undefined) return true;
  const [from, to] = periodDays(period);
  return day >= from && day <= to;
}

/** The weekly and dated hours of each schedule, `office` (officeHours) and the named ones, worked out when the engine first asks. */
function scheduleHours(spec: CalendarSpec, days: DayTable): Map<string, () => ScheduleHours> {
  const weeks: [string, readonly (CalendarSpec["officeHours"] | ScheduleWeek)[]][] = [
    ["office", [spec.officeHours]],
    ...schedulesOf(spec),
  ];
  return new Map(weeks.map(([name, versions]) => [name, () => hoursOf(spec, days, name, versions)]));
}

/** One schedule's weekly and dated hours. */
function hoursOf(
  spec: CalendarSpec,
  days: DayTable,
  name: string,
  versions: readonly (CalendarSpec["officeHours"] | ScheduleWeek)[],
): ScheduleHours {
  const only = versions[0] as CalendarSpec["officeHours"];
  const base: ScheduleHours =
    versions.length === 1 && inForceOf(only) === undefined
      ? { weekly: weeklyOf(only), dated: new Map() }
      : versionedHours(versions as readonly ScheduleWeek[], days);
  const dated = new Map(base.dated);
  for (const d of spec.datedHours) {
    const names = d?.schedules;
    const day = readDate(d.date) ?? 0;
    if ((names === undefined || names.includes(name)) && inForceOn(d, day)) dated.set(day, minutesOf(d.hours));
  }
  return { weekly: base.weekly, dated };
}

/** The nth (1-5, or -1 for the last) weekday of a month, or undefined when the month has no such day. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): number | undefined {
  if (nth === -1) {
    const last = daysFromCivil(year, month + 1, 1) - 1;
    return last - ((weekdayIndex(last) - weekday + 7) % 7);
  }
  const first = daysFromCivil(year, month, 1);
  const day = first + ((weekday - weekdayIndex(first) + 7) % 7) + (nth - 1) * 7;
  return day < daysFromCivil(year, month + 1, 1) ? day : undefined;
}

/**
 * The closures that recur by rule, as dated closures over the table's years. A
 * substitute day is the first day after a holiday on a day not worked that is worked,
 * not a holiday and not already another's substitute; a holiday that the table already
 * moves to a working day within the week after (the same name, or "(observed)" or
 * "(substitute day)" after it) needs none.
 */
function recurring(
  spec: CalendarSpec,
  holidays: HolidayTable,
  week: readonly boolean[],
): { from: number; to: number; name: string }[] {
  const out: { from: number; to: number; name: string }[] = [];
  for (const rule of spec.recurringClosures) {
    const every = rule?.every;
    if (every !== undefined) {
      for (let year = holidays.firstYear; year <= holidays.lastYear; year++) {
        const day = nthWeekday(year, every.month, WEEKDAYS.indexOf(every.weekday), every.nth);
        if (day !== undefined && inForceOn(rule, day)) out.push({ from: day, to: day, name: rule.name });
      }
      continue;
    }
    const names = holidays.days;
    const taken = new Set<number>();
    for (const [day, name] of [...names].sort((a, b) => a[0] - b[0])) {
      if (week[weekdayIndex(day)]) continue;
      let observed = false;
      for (let d = day + 1; d <= day + 7; d++) {
        const other = names.get(d);
        if (
          week[weekdayIndex(d)] &&
          (other === name || other === `${name} (observed)` || other === `${name} (substitute day)`)
        )
          observed = true;
      }
      if (observed) continue;
      let substitute = day + 1;
      while (!week[weekdayIndex(substitute)] || names.has(substitute) || taken.has(substitute)) substitute++;
      taken.add(substitute);
      if (inForceOn(rule, substitute)) out.push({ from: substitute, to: substitute, name: `${rule.name} (${name})` });
    }
  }
  return out;
}

/** The calendar compiled to numbers, and the engine on it. */
function build(spec: CalendarSpec, holidays: HolidayTable): CalendarEngine {
  const zone = getZone(spec.timeZone, "calendar.timeZone");
  const cutoff = spec?.receiptCutoff;
  const week = WEEKDAYS.map((day) => spec.workingWeek.includes(day));
  const days = new DayTable({
    firstYear: holidays.firstYear,
    lastYear: holidays.lastYear,
    week,
    holidays: holidays.days,
    closures: [
      ...spec.closures.map((c) => {
        const from = readDate(c.from) ?? 0;
        const to = c?.to;
        const last = typeof to === "string" ? (readDate(to) ?? from) : from;
        // Only the dates within its period in force close (checks.ts refuses one with none).
        const [a, b] = periodDays(inForceOf(c));
        return { from: Math.max(from, a), to: Math.min(last, b), name: c.name };
      }),
      ...recurring(spec, holidays, week),
    ],
    extraWorkingDays: spec.extraWorkingDates.map((e) => readDate(e.date) ?? 0),
    missingDays: missingDays(zone, holidays.firstYear, holidays.lastYear),
  });
  return new CalendarEngine({
    timeZone: spec.timeZone,
    zone,
    holidayRegion: holidays.region,
    days,
    schedules: scheduleHours(spec, days),
    receiptCutoffMinutes: typeof cutoff === "string" ? readClockTime(cutoff) : undefined,
  });
}

const memo = new WeakMap<object, CalendarEngine>();
const memoWithTable = new WeakMap<object, WeakMap<HolidayTable, CalendarEngine>>();
const views = new WeakMap<CalendarEngine, WorkingCalendar>();

/**
 * The engine of a charter's calendar (or of the calendar part of one), built once per
 * charter object (and holiday table) and memoised: what the rules compute with.
 *
 * @throws CharterError when the calendar is not valid, with a JSON path per problem.
 */
export function engineOf(charter: unknown, options?: CalendarOptions): CalendarEngine {
  if (typeof charter !== "object" || charter === null)
    throw typeError("invalid", { name: "charter", expected: text.calendarSource, value: charter });
  const table = options?.holidays;
  const known = table === undefined ? memo.get(charter) : memoWithTable.get(charter)?.get(table);
  if (known !== undefined) return known;
  const { spec, prefix } = specOf(charter);
  const engine = build(spec, holidaysFor(spec, prefix, options));
  if (table === undefined) memo.set(charter, engine);
  else {
    const byTable = memoWithTable.get(charter) ?? new WeakMap<HolidayTable, CalendarEngine>();
    byTable.set(table, engine);
    memoWithTable.set(charter, byTable);
  }
  return engine;
}

/**
 * The working calendar of a charter (or of the calendar part of one), built
 * once per charter object and memoised. It has the documented methods and properties
 * only: the engine behind it is its own.
 *
 * @throws CharterError when the calendar is not valid, with a JSON path per problem.
 * @example
 * import { calendarFor } from "council-sla";
 *
 * const cal = calendarFor({ calendar: { timeZone: "Europe/London", holidays: "GB-ENG",
 *   officeHours: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]],
 *                  thu: [["09:00", "17:00"]], fri: [["09:00", "17:00"]] } } });
 * cal.addWorkingDays("2026-12-24", 1); //=> "2026-12-29"
 */
export function calendarFor(
  charter: { readonly calendar: CalendarInput } | CalendarInput,
  options?: CalendarOptions,
): WorkingCalendar {
  const engine = engineOf(charter, options);
  let view = views.get(engine);
  if (view === undefined) {
    view = calendarView(engine);
    views.set(engine, view);
  }
  return view;
}
