/**
 * The checks between fields of a charter, each small and named, listed in one
 * place. They run after the shape is valid (charter/schema.ts), on the
 * calendar, on each standard and on the charter as a whole, and report issues
 * with paths relative to what they check.
 *
 * @module
 */
import { WEEKDAYS, type Weekday, readClockTime, readDate, weekdayIndex } from "../calendar/civil.js";
import { periodText } from "../words.js";
import { charterIssue, type CharterIssue, type CharterPath, type IssueParams, type RuleIssueCode } from "./issues.js";
import type { CalendarSpec, Charter, InForce, ScheduleWeek, Standard } from "./schema.js";
import { LIMIT_UNITS, UNITS, isDayBased, type LimitUnit, unitsOf } from "./units.js";

/** Reports one issue at a path relative to the value a rule checks. */
export type ReportIssue = <C extends RuleIssueCode>(code: C, path: CharterPath, params: IssueParams<C>) => void;

interface Check<T> {
  readonly name: string;
  readonly check: (value: T, report: ReportIssue) => void;
}

/** Reports each repeated item of a list of strings. */
function noRepeats(items: readonly string[], key: string, report: ReportIssue): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item)) report("duplicate", [key, i], { value: item });
    seen.add(item);
  });
}

/** A weekday's office intervals, read by own property. */
export function hoursOn(c: CalendarSpec, day: Weekday): readonly (readonly [string, string])[] {
  const hours = c.officeHours[day];
  return hours ?? [];
}

/** Reports intervals that close before they open, or overlap the one before. */
function intervalsInOrder(hours: readonly (readonly [string, string])[], path: CharterPath, report: ReportIssue): void {
  let previousEnd = -1;
  hours.forEach(([open, close], i) => {
    const from = readClockTime(open) ?? 0;
    const to = readClockTime(close) ?? 0;
    if (to <= from) report("empty_interval", [...path, i], { open, close });
    else if (from < previousEnd) report("overlap", [...path, i], { open, close });
    previousEnd = Math.max(previousEnd, to);
  });
}

/**
 * Whether a value is a list of versions rather than one: `Array.isArray`, as a guard that also
 * narrows a readonly array (TypeScript's own narrows only mutable ones).
 */
export function isVersionList<T>(value: T | readonly T[]): value is readonly T[] {
  return Array.isArray(value);
}

/** The calendar's named schedules, each as its list of versions (one, without a period, for plain weekly hours). */
export function schedulesOf(c: CalendarSpec): ReadonlyMap<string, readonly ScheduleWeek[]> {
  const schedules = c.schedules;
  const out = new Map<string, readonly ScheduleWeek[]>();
  if (schedules === undefined) return out;
  for (const [name, value] of Object.entries(schedules)) out.set(name, isVersionList(value) ? value : [value]);
  return out;
}

/** The period an item of a validated charter was in force, if it has one. */
export function inForceOf(item: unknown): InForce | undefined {
  const period = typeof item === "object" && item !== null ? (item as { inForce?: unknown }).inForce : undefined;
  return typeof period === "object" && period !== null ? (period as InForce) : undefined;
}

/** A period in force as epoch days, inclusive: open ends are infinite. */
export function periodDays(period: InForce | undefined): readonly [number, number] {
  const from = period?.from;
  const to = period?.to;
  return [
    typeof from === "string" ? (readDate(from) ?? Number.NEGATIVE_INFINITY) : Number.NEGATIVE_INFINITY,
    typeof to === "string" ? (readDate(to) ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY,
  ];
}

/** A period in words, for messages. */
function periodWords(period: InForce | undefined): string {
  return periodText({
    from: period?.from,
    to: period?.to,
  });
}

/** Reports a period in force that ends before it starts. */
function periodInOrder(period: InForce | undefined, path: CharterPath, report: ReportIssue): void {
  if (period === undefined) return;
  const [from, to] = periodDays(period);
  if (to < from) report("empty_period", [...path, "inForce", "to"], { from: period.from ?? "", to: period.to ?? "" });
}

/**
 * Reports each item that is in force on a date another with the same key is: versions
 * of one standard, or of one schedule, take turns. Two standards of one id without
 * periods are a plain duplicate.
 */
function versionsApart(
  items: readonly { readonly key: string; readonly period: InForce | undefined; readonly path: CharterPath }[],
  noun: "Standard" | "Schedule",
  report: ReportIssue,
): void {
  items.forEach((item, i) => {
    const [from, to] = periodDays(item.period);
    for (let j = 0; j < i; j++) {
      const other = items[j] as (typeof items)[number];
      if (other.key !== item.key) continue;
      const [a, b] = periodDays(other.period);
      if (to < a || b < from) continue;
      if (noun === "Standard" && item.period === undefined && other.period === undefined)
        report("duplicate_id", [...item.path, "id"], { id: item.key, first: formatPathOf(other.path) });
      else
        report("overlapping_versions", [...item.path, item.period === undefined ? "id" : "inForce"], {
          what: `${noun} "${item.key}"`,
          period: periodWords(item.period),
          other: periodWords(other.period),
          first: formatPathOf(other.path),
        });
      return;
    }
  });
}

/** `standards[1]`, for messages that point at another item. */
function formatPathOf(path: CharterPath): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}

function toOf(closure: CalendarSpec["closures"][number]): string | undefined {
  const to = closure.to;
  return typeof to === "string" ? to : undefined;
}

function closureDays(closure: CalendarSpec["closures"][number]): [number, number] {
  const from = readDate(closure.from) ?? 0;
  const to = toOf(closure);
  return [from, to === undefined ? from : (readDate(to) ?? from)];
}

/** The checks of a calendar. */
export const CALENDAR_CHECKS: readonly Check<CalendarSpec>[] = [
  { name: "each working weekday once", check: (c, report) => noRepeats(c.workingWeek, "workingWeek", report) },
  {
    name: "every working weekday has office hours",
    check: (c, report) => {
      for (const day of new Set(c.workingWeek)) {
        if (hoursOn(c, day).length === 0) report("missing_office_hours", ["officeHours", day], { day });
      }
    },
  },
  {
    name: "office hours close after they open, in order, without overlapping",
    check: (c, report) => {
      for (const day of WEEKDAYS) intervalsInOrder(hoursOn(c, day), ["officeHours", day], report);
    },
  },
  {
    name: "each schedule's hours close after they open, in order, without overlapping",
    check: (c, report) => {
      const raw = c.schedules;
      for (const [name, versions] of schedulesOf(c)) {
        const listed = Array.isArray(raw?.[name]);
        versions.forEach((week, v) => {
          const path: CharterPath = listed ? ["schedules", name, v] : ["schedules", name];
          for (const day of WEEKDAYS) {
            const hours = week?.[day];
            if (Array.isArray(hours)) intervalsInOrder(hours, [...path, day], report);
          }
        });
      }
    },
  },
  {
    name: "every period in force ends on or after it starts",
    check: (c, report) => {
      const raw = c.schedules;
      for (const [name, versions] of schedulesOf(c)) {
        const listed = Array.isArray(raw?.[name]);
        versions.forEach((week, v) =>
          periodInOrder(inForceOf(week), listed ? ["schedules", name, v] : ["schedules", name], report),
        );
      }
      c.closures.forEach((x, i) => periodInOrder(inForceOf(x), ["closures", i], report));
      c.recurringClosures.forEach((x, i) => periodInOrder(inForceOf(x), ["recurringClosures", i], report));
      c.datedHours.forEach((x, i) => periodInOrder(inForceOf(x), ["datedHours", i], report));
    },
  },
  {
    name: "versions of a schedule are in force one at a time",
    check: (c, report) => {
      for (const [name, versions] of schedulesOf(c)) {
        if (versions.length < 2) continue;
        versionsApart(
          versions.map((week, v) => ({ key: name, period: inForceOf(week), path: ["schedules", name, v] })),
          "Schedule",
          report,
        );
      }
    },
  },
  {
    name: "a dated closure or dated hours falls within its own period in force",
    check: (c, report) => {
      c.closures.forEach((closure, i) => {
        const period = inForceOf(closure);
        if (period === undefined) return;
        const [from, to] = closureDays(closure);
        const [a, b] = periodDays(period);
        if (to < a || from > b)
          report("never_in_force", ["closures", i, "inForce"], {
            what: `The closure "${closure.name}"`,
            period: periodWords(period),
          });
      });
      c.datedHours.forEach((d, i) => {
        const period = inForceOf(d);
        if (period === undefined) return;
        const day = readDate(d.date) ?? 0;
        const [a, b] = periodDays(period);
        if (day < a || day > b)
          report("never_in_force", ["datedHours", i, "inForce"], {
            what: `The dated hours of ${d.date}`,
            period: periodWords(period),
          });
      });
    },
  },
  {
    name: "dated hours close after they open, in order, and name schedules the calendar has",
    check: (c, report) => {
      const known = ["office", ...schedulesOf(c).keys()];
      c.datedHours.forEach((d, i) => {
        intervalsInOrder(d.hours, ["datedHours", i, "hours"], report);
        d.schedules?.forEach((name, j) => {
          if (!known.includes(name)) report("unknown_schedule", ["datedHours", i, "schedules", j], { name, known });
        });
      });
    },
  },
  {
    name: "a recurring closure has exactly one rule, and nth counts from 1",
    check: (c, report) => {
      c.recurringClosures.forEach((r, i) => {
        const every = r.every;
        if ((every === undefined) === (r.substituteFor === undefined))
          report("closure_rule", ["recurringClosures", i], {});
        else if (every?.nth === 0) report("zero_nth", ["recurringClosures", i, "every", "nth"], {});
      });
    },
  },
  {
    name: "closures end on or after they start, and last at most 366 days",
    check: (c, report) => {
      c.closures.forEach((closure, i) => {
        const [from, to] = closureDays(closure);
        const range = { from: closure.from, to: toOf(closure) ?? closure.from };
        if (to < from) report("empty_range", ["closures", i, "to"], range);
        else if (to - from > 366) report("too_long", ["closures", i, "to"], range);
      });
    },
  },
  {
    name: "an extra working date is not also a closure",
    check: (c, report) => {
      const closed = new Map<number, number>();
      c.closures.forEach((closure, i) => {
        const [from, to] = closureDays(closure);
        const [a, b] = periodDays(inForceOf(closure));
        if (to - from <= 366)
          for (let d = Math.max(from, a); d <= Math.min(to, b); d++) if (!closed.has(d)) closed.set(d, i);
      });
      c.extraWorkingDates.forEach((extra, i) => {
        const closure = closed.get(readDate(extra.date) ?? 0);
        if (closure !== undefined) report("conflict", ["extraWorkingDates", i, "date"], { date: extra.date, closure });
      });
    },
  },
  {
    name: "an extra working date has office hours: its weekday's, or its own",
    check: (c, report) => {
      const dated = new Set(c.datedHours.filter((d) => d.hours.length > 0).map((d) => d.date));
      c.extraWorkingDates.forEach((extra, i) => {
        const day = WEEKDAYS[weekdayIndex(readDate(extra.date) ?? 0)] as (typeof WEEKDAYS)[number];
        if (hoursOn(c, day).length === 0 && !dated.has(extra.date))
          report("extra_date_without_hours", ["extraWorkingDates", i, "date"], { date: extra.date, day });
      });
    },
  },
];

/** The unit of a standard whose limit has exactly one. */
function unitsOfStandard(standard: Standard): LimitUnit[] {
  return unitsOf(standard.limit);
}

/** Rules that need the standard's one unit. */
function withUnit(
  check: (s: Standard, unit: LimitUnit, report: ReportIssue) => void,
): (s: Standard, report: ReportIssue) => void {
  return (s, report) => {
    const units = unitsOfStandard(s);
    if (units.length === 1) check(s, units[0] as LimitUnit, report);
  };
}

/** The checks of a standard. */
export const STANDARD_CHECKS: readonly Check<Standard>[] = [
  {
    name: "a limit has exactly one unit",
    check: (s, report) => {
      const units = unitsOfStandard(s);
      if (units.length !== 1) report("limit_units", ["limit"], { units });
    },
  },
  {
    name: "the unit suits the stage",
    check: withUnit((s, unit, report) => {
      if (!(UNITS[unit].stages as readonly string[]).includes(s.stage)) {
        report("unit_for_stage", ["limit", unit], {
          unit,
          stage: s.stage,
          allowed: LIMIT_UNITS.filter((u) => (UNITS[u].stages as readonly string[]).includes(s.stage)),
        });
      }
    }),
  },
  {
    name: "the id is channel[.category].stage of the standard",
    check: (s, report) => {
      const [channel, ...rest] = s.id.split(".");
      const idStage = rest.pop();
      const idCategory = rest[0];
      if (idStage !== s.stage) report("id_stage", ["id"], { idStage, stage: s.stage });
      const category = s.category;
      if (idCategory !== category) report("id_category", ["id"], { idCategory, category });
      if (!(s.channels as readonly string[]).includes(channel ?? "")) report("id_channel", ["id"], { channel });
    },
  },
  {
    name: "an office-hours scope goes with an elapsed limit",
    check: withUnit((s, unit, report) => {
      if (s.scope === "office-hours" && UNITS[unit].kind !== "elapsed") report("scope_for_unit", ["scope"], { unit });
    }),
  },
  {
    name: "dueAt goes with a day-based limit",
    check: withUnit((s, unit, report) => {
      if (s.dueAt !== "end-of-day" && !isDayBased(unit)) report("due_at_for_unit", ["dueAt"], { unit });
    }),
  },
  {
    name: "countReceiptDay goes with working or calendar days",
    check: withUnit((s, unit, report) => {
      const kind = UNITS[unit].kind;
      if (s.countReceiptDay && kind !== "working-days" && kind !== "calendar-days")
        report("count_receipt_day_for_unit", ["countReceiptDay"], { unit });
    }),
  },
  {
    name: "promises are made at the respond stage",
    check: (s, report) => {
      if (s.allowPromise && s.stage !== "respond") report("promise_for_stage", ["allowPromise"], { stage: s.stage });
    },
  },
  {
    name: "a clock that starts from the acknowledgement is at the respond stage",
    check: (s, report) => {
      if (s.startsFrom === "acknowledged" && s.stage !== "respond")
        report("starts_from_for_stage", ["startsFrom"], { stage: s.stage });
    },
  },
  { name: "each channel once", check: (s, report) => noRepeats(s.channels, "channels", report) },
  {
    name: "its period in force ends on or after it starts",
    check: (s, report) => periodInOrder(inForceOf(s), [], report),
  },
  {
    name: "a promise limit has one form, and goes with allowPromise",
    check: (s, report) => {
      const limit = s.promiseLimit;
      if (limit === undefined) return;
      const forms = (["workingDays", "calendarDays", "agreed"] as const).filter((k) => limit[k] !== undefined);
      if (forms.length !== 1) report("promise_limit_form", ["promiseLimit"], { forms });
      if (!s.allowPromise) report("promise_limit_without_promise", ["promiseLimit"], {});
    },
  },
  {
    name: "excepted categories go with a standard that has no category, each once",
    check: (s, report) => {
      const except = s.exceptCategories;
      if (except === undefined) return;
      const category = s.category;
      if (typeof category === "string") report("except_with_category", ["exceptCategories"], { category });
      noRepeats(except, "exceptCategories", report);
    },
  },
];

function uniqueIds(items: readonly { readonly id: string }[], key: string, report: ReportIssue): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) report("duplicate_id", [key, i, "id"], { id: item.id, first: `${key}[${first}]` });
    else seen.set(item.id, i);
  });
}

/** The checks of a charter as a whole (its calendar and standards have their own). */
export const CHARTER_CHECKS: readonly Check<Charter>[] = [
  {
    name: "a standard id is given once, or as versions in force one at a time",
    check: (c, report) =>
      versionsApart(
        c.standards.map((s, i) => ({ key: s.id, period: inForceOf(s), path: ["standards", i] })),
        "Standard",
        report,
      ),
  },
  {
    name: "a standard's schedule is one the calendar has",
    check: (c, report) => {
      const known = ["office", ...schedulesOf(c.calendar).keys()];
      c.standards.forEach((s, i) => {
        const name = s.schedule;
        if (typeof name === "string" && !known.includes(name))
          report("unknown_schedule", ["standards", i, "schedule"], { name, known });
      });
    },
  },
  {
    name: "cited sources are the charter's",
    check: (c, report) => {
      const known = c.sources.flatMap((s) => (s.id === undefined ? [] : [s.id]));
      const cite = (value: unknown, path: CharterPath) => {
        if (typeof value === "string" && !known.includes(value)) report("unknown_source", path, { id: value, known });
      };
      const citeWithPeriod = (item: { readonly source?: string | undefined }, path: CharterPath) => {
        cite(item.source, [...path, "source"]);
        cite(inForceOf(item)?.source, [...path, "inForce", "source"]);
      };
      c.standards.forEach((s, i) => citeWithPeriod(s, ["standards", i]));
      c.commitments.forEach((x, i) => cite(x.source, ["commitments", i, "source"]));
      c.customerObligations.forEach((x, i) => cite(x.source, ["customerObligations", i, "source"]));
      c.calendar.datedHours.forEach((d, i) => citeWithPeriod(d, ["calendar", "datedHours", i]));
      c.calendar.recurringClosures.forEach((r, i) => citeWithPeriod(r, ["calendar", "recurringClosures", i]));
      c.calendar.closures.forEach((r, i) => citeWithPeriod(r, ["calendar", "closures", i]));
      const raw = c.calendar.schedules;
      for (const [name, versions] of schedulesOf(c.calendar)) {
        const listed = Array.isArray(raw?.[name]);
        versions.forEach((week, v) =>
          cite(inForceOf(week)?.source, ["calendar", "schedules", name, ...(listed ? [v] : []), "inForce", "source"]),
        );
      }
      (c.calendar.sourced ?? []).forEach((r, i) => cite(r.source, ["calendar", "sourced", i, "source"]));
    },
  },
  {
    name: "an obligation exempts standards the charter has",
    check: (c, report) => {
      const known = c.standards.map((s) => s.id);
      c.customerObligations.forEach((o, i) => {
        o.exempts?.standards.forEach((id, j) => {
          if (!known.includes(id))
            report("unknown_exempted_standard", ["customerObligations", i, "exempts", "standards", j], { id, known });
        });
      });
    },
  },
  { name: "commitment ids are unique", check: (c, report) => uniqueIds(c.commitments, "commitments", report) },
  {
    name: "customer obligation ids are unique",
    check: (c, report) => uniqueIds(c.customerObligations, "customerObligations", report),
  },
];

/** Runs checks on a value, adding their issues (paths under `prefix`) to `out`. */
function applyChecks<T>(checks: readonly Check<T>[], value: T, prefix: CharterPath, out: CharterIssue[]): void {
  const report: ReportIssue = (code, path, params) => {
    out.push(charterIssue(code, [...prefix, ...path], params));
  };
  for (const check of checks) check.check(value, report);
}

/** The issues of a calendar that has the right shape. */
export function calendarIssues(calendar: CalendarSpec, prefix: CharterPath): CharterIssue[] {
  const out: CharterIssue[] = [];
  applyChecks(CALENDAR_CHECKS, calendar, prefix, out);
  return out;
}

/** The issues of standards that have the right shape; the first is at index `first` under `prefix`. */
export function standardIssues(standards: readonly Standard[], prefix: CharterPath, first = 0): CharterIssue[] {
  const out: CharterIssue[] = [];
  standards.forEach((s, i) => applyChecks(STANDARD_CHECKS, s, [...prefix, first + i], out));
  return out;
}

/** The issues of a charter that has the right shape. */
export function charterIssues(charter: Charter): CharterIssue[] {
  const out: CharterIssue[] = [];
  applyChecks(CALENDAR_CHECKS, charter.calendar, ["calendar"], out);
  charter.standards.forEach((s, i) => applyChecks(STANDARD_CHECKS, s, ["standards", i], out));
  applyChecks(CHARTER_CHECKS, charter, [], out);
  return out;
}
