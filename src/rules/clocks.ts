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
import type { Rule } from "./standard.js";
import type { DueRule, Trace } from "./trace.js";

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
  readonly rule: Rule;
  readonly receivedMs: number;
  readonly startMs: number;
  readonly pauses: Pauses;
  readonly trace: Trace;
}

type Clock = (input: ClockInput) => DueTimes;

function pushPause(input: ClockInput, from: number, to: number, disregarded: number, unit: "working days" | "days" | "ms"): void {
  const zone = input.engine.zone;
  input.trace?.push({ step: "paused", from: zone.format(from), to: zone.format(to), disregarded, unit });
}

function pushDue(input: ClockInput, due: number, dueDay: number, rule: DueRule): void {
  input.trace?.push({ step: "due", at: input.engine.zone.format(due), date: formatDate(dueDay), rule, amount: input.rule.amount, unit: input.rule.unit });
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
    pushPause(input, from, to, to - a, "ms");
  }
  pushDue(input, due, engine.zone.localDay(due), "elapsed");
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
    pushPause(input, from, to, Math.min(to, due) - a, "ms");
  }
  pushDue(input, due, engine.zone.localDay(due), "office-time");
  return { startMs: opening, dueMs: due, dueDay: undefined, rule: "office-time", inScope: true };
};

/** Day 0, the anchor days are counted from, and the clock time of the start. */
function dayZero(input: ClockInput, working: boolean): { day0: number; anchor: number; clock: number } {
  const { engine, rule, startMs, trace } = input;
  const startWall = engine.zone.toWall(startMs);
  const startDay = Math.floor(startWall / MS_PER_DAY);
  const clock = startWall - startDay * MS_PER_DAY;
  engine.checkDay(startDay, "receivedAt");
  let day0 = startDay;
  const cutoff = engine.receiptCutoffMinutes;
  if (cutoff !== undefined && clock >= cutoff * 60_000) {
    day0 = startDay + 1;
    trace?.push({ step: "cutoff", cutoff: formatClock(cutoff * 60_000).slice(0, 5), date: formatDate(day0) });
  }
  const countsAsDayOne = rule.standard.countReceiptDay && rule.kind !== "calendar-months" && (!working || engine.days.isWorking(day0));
  trace?.push({ step: "day-zero", date: formatDate(day0), countsAsDayOne });
  return { day0, anchor: countsAsDayOne ? day0 - 1 : day0, clock };
}

/**
 * The `n`th counted day after `anchor` that no pause covers: `count(a, b)` counts
 * days in (a, b], `step(d, k)` is the `k`th counted day after `d`. Linear in the pauses.
 */
function countAround(
  input: ClockInput,
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
    pushPause(input, from, to, count(Math.max(first - 1, cursor), last), unit);
    cursor = last;
  }
  return step(cursor, remaining);
}

/** The due instant on a due date, by the standard's `dueAt`. */
function dueOn(input: ClockInput, dueDay: number, clock: number): { due: number; rule: DueRule } {
  const { engine } = input;
  const rule = input.rule.standard.dueAt;
  if (rule === "close-of-business") {
    const intervals = engine.hours(input.rule.schedule).openIntervals(dueDay);
    const close = intervals[intervals.length - 1];
    if (close !== undefined) return { due: close, rule };
    input.trace?.push({ step: "no-office-hours", date: formatDate(dueDay) });
  } else if (rule === "same-clock-time") {
    return { due: engine.zone.fromWall(dueDay * MS_PER_DAY + clock), rule };
  }
  return { due: engine.zone.fromWall((dueDay + 1) * MS_PER_DAY) - 1, rule: "end-of-day" };
}

function finish(input: ClockInput, dueDay: number, clock: number): DueTimes {
  input.engine.checkDay(dueDay, "receivedAt");
  const { due, rule } = dueOn(input, dueDay, clock);
  pushDue(input, due, dueDay, rule);
  return { startMs: input.startMs, dueMs: due, dueDay, rule, inScope: true };
}

/** Working days: the Nth working day after day 0, skipping paused days (FOI Act s.10(2)). */
const workingDays: Clock = (input) => {
  const { engine, rule, trace } = input;
  const { day0, anchor, clock } = dayZero(input, true);
  const count = (a: number, b: number) => engine.days.countBetween(a, b);
  const step = (d: number, k: number) => engine.addDays(d, k, "receivedAt");
  const skipped: Trace = trace === undefined ? undefined : [];
  const dueDay = countAround({ ...input, trace: skipped }, anchor, rule.amount, count, step, "working days");
  if (trace !== undefined) {
    trace.push({ step: "day-one", date: formatDate(engine.addDays(anchor, 1, "receivedAt")) });
    for (let d = day0 + 1; d < dueDay; d++) {
      const why = engine.days.reasonFor(d);
      if (why === undefined) continue;
      trace.push(why.name === undefined ? { step: "skipped", date: why.date, reason: why.reason } : { step: "skipped", date: why.date, reason: why.reason, name: why.name });
    }
    trace.push(...(skipped as NonNullable<Trace>));
  }
  return finish(input, dueDay, clock);
};

/** Calendar days: the Nth date after day 0, skipping paused dates. */
const calendarDays: Clock = (input) => {
  const { anchor, clock } = dayZero(input, false);
  const dueDay = countAround(input, anchor, input.rule.amount, (a, b) => b - a, (d, k) => d + k, "days");
  return finish(input, dueDay, clock);
};

function addMonths(day: number, months: number): number {
  const [y, m, d] = civilFromDays(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return daysFromCivil(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Calendar months: the same day of the month N months on (clamped), extended by paused dates. */
const calendarMonths: Clock = (input) => {
  const { day0, clock } = dayZero(input, false);
  const target = addMonths(day0, input.rule.amount);
  const dueDay = countAround(input, day0, target - day0, (a, b) => b - a, (d, k) => d + k, "days");
  return finish(input, dueDay, clock);
};

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
