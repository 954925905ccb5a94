/**
 * The clocks: one small function per unit kind (charter/units.ts), chosen by
 * the table, so that a unit of a new kind fails to compile until it has one.
 * Each takes the start and the pauses (sorted, half-open, not overlapping) and
 * is linear in the number of pauses.
 *
 * @module
 */
import { MS_PER_DAY, civilFromDays, daysFromCivil, daysInMonth, formatDate } from "../calendar/civil.js";
import type { CalendarEngine } from "../calendar/working-calendar.js";
import { formatClock } from "../calendar/zone.js";
import type { UnitKind } from "../charter/units.js";
import type { CompiledStandard } from "./standard.js";
import type { DayPart } from "./day-memo.js";
import type { DueRule } from "../concepts.js";
import type { Trace, TraceStep } from "./trace.js";

/** Pauses as sorted [from, to) epoch-ms pairs. */
export type Pauses = readonly (readonly [number, number])[];

/** What a clock computes, in epoch ms and epoch days. */
export interface DueTimes {
  readonly startMs: number;
  readonly dueMs: number;
  readonly dueDay: number | undefined;
  readonly rule: DueRule;
  readonly inScope: boolean;
}

/** What every clock is given. */
export interface ClockInput {
  readonly engine: CalendarEngine;
  readonly rule: CompiledStandard;
  readonly receivedMs: number;
  readonly startMs: number;
  readonly pauses: Pauses;
  readonly trace: Trace;
}

type Clock = (input: ClockInput) => DueTimes;

function pauseStep(
  input: ClockInput,
  from: number,
  to: number,
  disregarded: number,
  unit: "working days" | "days" | "ms",
): TraceStep {
  const zone = input.engine.zone;
  return { step: "paused", from: zone.format(from), to: zone.format(to), disregarded, unit };
}

function dueStep(input: ClockInput, due: number, dueDay: number, rule: DueRule): TraceStep {
  return {
    step: "due",
    at: input.engine.zone.format(due),
    date: formatDate(dueDay),
    rule,
    amount: input.rule.amount,
    unit: input.rule.unit,
  };
}

/** Seconds, minutes, hours: real time, with paused time added. */
const elapsed: Clock = (input) => {
  const { engine, rule, receivedMs, startMs, pauses } = input;
  const inScope = !rule.officeHoursOnly || engine.hours(rule.schedule).isOpen(receivedMs);
  if (!inScope) input.trace?.push({ step: "out-of-scope", at: engine.zone.format(receivedMs) });
  let due = startMs + rule.amount * rule.unitMs;
  for (const [from, to] of pauses) {
    const a = Math.max(from, startMs);
    if (a >= due) break;
    if (to <= a) continue;
    due += to - a;
    input.trace?.push(pauseStep(input, from, to, to - a, "ms"));
  }
  input.trace?.push(dueStep(input, due, engine.zone.localDay(due), "elapsed"));
  return { startMs, dueMs: due, dueDay: undefined, rule: "elapsed", inScope };
};

/** Working minutes and hours: open office time, with paused office time added. */
const officeTime: Clock = (input) => {
  const { engine, rule, startMs, pauses } = input;
  const hours = engine.hours(rule.schedule);
  const opening = engine.nextOpeningMs(startMs, "receivedAt", hours);
  if (opening !== startMs) input.trace?.push({ step: "next-opening", at: engine.zone.format(opening) });
  let due = engine.addOfficeMs(opening, rule.amount * rule.unitMs, "receivedAt", hours);
  for (const [from, to] of pauses) {
    const a = Math.max(from, opening);
    if (a >= due) break;
    const paused = hours.officeTimeBetween(a, to);
    if (paused === 0) continue;
    // Office time is additive: the rest of the clock runs on from the due instant so far.
    due = engine.addOfficeMs(due, paused, "receivedAt", hours);
    input.trace?.push(pauseStep(input, from, to, Math.min(to, due) - a, "ms"));
  }
  input.trace?.push(dueStep(input, due, engine.zone.localDay(due), "office-time"));
  return { startMs: opening, dueMs: due, dueDay: undefined, rule: "office-time", inScope: true };
};

/** Where a day-based clock starts: day 0 (the day after, past the receipt cutoff) and the clock time of the start. */
function startOf(input: ClockInput): { day0: number; clock: number; afterCutoff: boolean } {
  const { engine, startMs } = input;
  const startWall = engine.zone.toWall(startMs);
  const startDay = Math.floor(startWall / MS_PER_DAY);
  const clock = startWall - startDay * MS_PER_DAY;
  engine.checkDay(startDay, "receivedAt");
  const cutoff = engine.receiptCutoffMinutes;
  const afterCutoff = cutoff !== undefined && clock >= cutoff * 60_000;
  return { day0: afterCutoff ? startDay + 1 : startDay, clock, afterCutoff };
}

/** Records day 0, and gives the anchor days are counted from. */
function dayZero(input: ClockInput, day0: number, working: boolean, steps: TraceStep[] | undefined): number {
  const { engine, rule } = input;
  const countsAsDayOne =
    rule.standard.countReceiptDay && rule.kind !== "calendar-months" && (!working || engine.days.isWorking(day0));
  steps?.push({ step: "day-zero", date: formatDate(day0), countsAsDayOne });
  return countsAsDayOne ? day0 - 1 : day0;
}

/**
 * The `n`th counted day after `anchor` that no pause covers: `count(a, b)` counts
 * days in (a, b], `step(d, k)` is the `k`th counted day after `d`. Linear in the pauses.
 */
function countAround(
  input: ClockInput,
  steps: TraceStep[] | undefined,
  anchor: number,
  n: number,
  count: (a: number, b: number) => number,
  step: (d: number, k: number) => number,
  unit: "working days" | "days",
): number {
  const zone = input.engine.zone;
  let cursor = anchor;
  let remaining = n;
  for (const [from, to] of input.pauses) {
    // The pause covers its local dates from first to last, inclusive.
    const first = zone.localDay(from);
    const last = zone.localDay(to - 1);
    if (last <= cursor) continue;
    const before = first - 1 > cursor ? count(cursor, first - 1) : 0;
    if (remaining <= before) return step(cursor, remaining);
    remaining -= before;
    steps?.push(pauseStep(input, from, to, count(Math.max(first - 1, cursor), last), unit));
    cursor = last;
  }
  return step(cursor, remaining);
}

/** The due instant on a due date, by the standard's `dueAt`. */
function dueOn(
  input: ClockInput,
  dueDay: number,
  clock: number,
  steps: TraceStep[] | undefined,
): { due: number; rule: DueRule } {
  const { engine } = input;
  const rule = input.rule.standard.dueAt;
  if (rule === "close-of-business") {
    const intervals = engine.hours(input.rule.schedule).openIntervals(dueDay);
    const close = intervals[intervals.length - 1];
    if (close !== undefined) return { due: close, rule };
    steps?.push({ step: "no-office-hours", date: formatDate(dueDay) });
  } else if (rule === "same-clock-time") {
    return { due: engine.zone.fromWall(dueDay * MS_PER_DAY + clock), rule };
  }
  return { due: engine.zone.fromWall((dueDay + 1) * MS_PER_DAY) - 1, rule: "end-of-day" };
}

/** How one kind of day-based clock counts from day 0 to the due date, recording its steps when given. */
type DayCount = (input: ClockInput, day0: number, steps: TraceStep[] | undefined) => number;

/** Day 0 on: the due date, the steps, and the due instant (NaN when it keeps the clock time of the start). */
function daysFrom(
  input: ClockInput,
  count: DayCount,
  day0: number,
  afterCutoff: boolean,
  steps: TraceStep[] | undefined,
): DayPart {
  const { engine } = input;
  if (afterCutoff)
    steps?.push({
      step: "cutoff",
      cutoff: formatClock((engine.receiptCutoffMinutes as number) * 60_000).slice(0, 5),
      date: formatDate(day0),
    });
  const dueDay = count(input, day0, steps);
  engine.checkDay(dueDay, "receivedAt");
  if (input.rule.standard.dueAt === "same-clock-time")
    return { dueDay, steps: steps ?? NO_STEPS, dueMs: Number.NaN, rule: "same-clock-time" };
  const { due, rule } = dueOn(input, dueDay, 0, steps);
  steps?.push(dueStep(input, due, dueDay, rule));
  return { dueDay, steps: steps ?? NO_STEPS, dueMs: due, rule };
}

const NO_STEPS: readonly TraceStep[] = Object.freeze([]);

/**
 * A day-based clock from its way of counting. Without pauses the result depends
 * only on day 0, so it is remembered per rule (frozen, shared by the results).
 */
function dayClock(count: DayCount): Clock {
  return (input) => {
    const { engine, rule, trace } = input;
    const { day0, clock, afterCutoff } = startOf(input);
    let part: DayPart;
    if (input.pauses.length === 0) {
      const key = day0 * 2 + (afterCutoff ? 1 : 0);
      const known = rule.memo.get(engine, key);
      if (known === undefined) {
        const steps: TraceStep[] = [];
        part = daysFrom(input, count, day0, afterCutoff, steps);
        for (const s of steps) Object.freeze(s);
        Object.freeze(steps);
        rule.memo.set(engine, key, part);
      } else part = known;
      if (trace !== undefined) for (const s of part.steps) trace.push(s);
    } else part = daysFrom(input, count, day0, afterCutoff, trace);
    if (!Number.isNaN(part.dueMs))
      return { startMs: input.startMs, dueMs: part.dueMs, dueDay: part.dueDay, rule: part.rule, inScope: true };
    const { due } = dueOn(input, part.dueDay, clock, trace);
    trace?.push(dueStep(input, due, part.dueDay, "same-clock-time"));
    return { startMs: input.startMs, dueMs: due, dueDay: part.dueDay, rule: "same-clock-time", inScope: true };
  };
}

/** Working days: the Nth working day after day 0, skipping paused days (FOI Act s.10(2)). */
const workingDays = dayClock((input, day0, steps) => {
  const { engine, rule } = input;
  const anchor = dayZero(input, day0, true, steps);
  const count = (a: number, b: number) => engine.days.countBetween(a, b);
  const step = (d: number, k: number) => engine.addDays(d, k, "receivedAt");
  const paused: TraceStep[] | undefined = steps === undefined ? undefined : [];
  const dueDay = countAround(input, paused, anchor, rule.amount, count, step, "working days");
  if (steps !== undefined) {
    steps.push({ step: "day-one", date: formatDate(engine.addDays(anchor, 1, "receivedAt")) });
    for (let d = day0 + 1; d < dueDay; d++) {
      const why = engine.days.reasonFor(d);
      if (why === undefined) continue;
      steps.push(
        why.name === undefined
          ? { step: "skipped", date: why.date, reason: why.reason }
          : { step: "skipped", date: why.date, reason: why.reason, name: why.name },
      );
    }
    for (const s of paused as TraceStep[]) steps.push(s);
  }
  return dueDay;
});

/** Calendar days: the Nth date after day 0, skipping paused dates. */
const calendarDays = dayClock((input, day0, steps) => {
  const anchor = dayZero(input, day0, false, steps);
  return countAround(
    input,
    steps,
    anchor,
    input.rule.amount,
    (a, b) => b - a,
    (d, k) => d + k,
    "days",
  );
});

function addMonths(day: number, months: number): number {
  const [y, m, d] = civilFromDays(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return daysFromCivil(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Calendar months: the same day of the month N months on (clamped), extended by paused dates. */
const calendarMonths = dayClock((input, day0, steps) => {
  dayZero(input, day0, false, steps);
  const target = addMonths(day0, input.rule.amount);
  return countAround(
    input,
    steps,
    day0,
    target - day0,
    (a, b) => b - a,
    (d, k) => d + k,
    "days",
  );
});

/** The clock of each unit kind. */
const CLOCKS: Readonly<Record<UnitKind, Clock>> = {
  elapsed,
  "office-time": officeTime,
  "working-days": workingDays,
  "calendar-days": calendarDays,
  "calendar-months": calendarMonths,
};

/** The due instant of a rule for a clock that starts at `startMs`, with the reasoning pushed to `trace` when given. */
export function computeDue(input: ClockInput): DueTimes {
  return CLOCKS[input.rule.kind](input);
}
