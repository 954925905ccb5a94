/**
 * When a standard falls due: the numeric core shared by deadline(), evaluate()
 * and reports, and the public deadline() that returns plain data with a trace.
 *
 * @module
 */
import { MS_PER_DAY, daysInMonth, civilFromDays, daysFromCivil, formatDate } from "../calendar/civil.js";
import type { Instant } from "../calendar/instant.js";
import { engineOf, type CalendarEngine, type NonWorkingReason } from "../calendar/working-calendar.js";
import { formatClock } from "../calendar/zone.js";
import { LIMIT_UNITS, type Charter, type LimitUnit, type Pause, type Standard } from "../charter/schema.js";
import { expected } from "../messages.js";
import { readPauses } from "./contact.js";

/** How the due instant was set. */
export type DueRule = "end-of-day" | "close-of-business" | "same-clock-time" | "elapsed" | "office-time";

/** One step of the reasoning behind a due instant. */
export type TraceStep =
  | { readonly step: "received"; readonly at: string; readonly date: string }
  | { readonly step: "starts-from-acknowledgement"; readonly at: string; readonly date: string }
  | { readonly step: "cutoff"; readonly cutoff: string; readonly date: string }
  | { readonly step: "day-zero"; readonly date: string; readonly countsAsDayOne: boolean }
  | { readonly step: "day-one"; readonly date: string }
  | { readonly step: "skipped"; readonly date: string; readonly reason: NonWorkingReason; readonly name?: string }
  | { readonly step: "paused"; readonly from: string; readonly to: string; readonly disregarded: number; readonly unit: "working days" | "days" | "ms" }
  | { readonly step: "out-of-scope"; readonly at: string }
  | { readonly step: "next-opening"; readonly at: string }
  | { readonly step: "no-office-hours"; readonly date: string }
  | {
      readonly step: "due";
      readonly at: string;
      readonly date: string;
      readonly rule: DueRule;
      readonly amount: number;
      readonly unit: LimitUnit;
    };

/** The due instant of one standard for one contact, with the reasoning. */
export interface Deadline {
  readonly standardId: string;
  readonly receivedAt: string;
  /** When the clock starts: receipt, the acknowledgement, or (office time) the next opening. */
  readonly startsAt: string;
  /** The due instant, ISO in the local offset. */
  readonly due: string;
  /** For day-based limits, the due date. */
  readonly dueDate?: string;
  readonly rule: DueRule;
  /** False when a standard scoped to office hours received a contact while the office was closed. */
  readonly inScope: boolean;
  readonly limit: { readonly amount: number; readonly unit: LimitUnit };
  readonly trace: readonly TraceStep[];
}

/** What the core computes, in epoch ms and epoch days. */
export interface DueTimes {
  readonly startMs: number;
  readonly dueMs: number;
  readonly dueDay: number | undefined;
  readonly rule: DueRule;
  readonly inScope: boolean;
}

const NO_RANGES: readonly (readonly [number, number])[] = [];

const UNIT_MS: Partial<Record<LimitUnit, number>> = {
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  workingMinutes: 60_000,
  workingHours: 3_600_000,
};

const limits = new WeakMap<Standard, { readonly amount: number; readonly unit: LimitUnit }>();

/** The amount and unit of a standard's limit (memoised per standard). */
export function limitOf(standard: Standard): { readonly amount: number; readonly unit: LimitUnit } {
  let limit = limits.get(standard);
  if (limit === undefined) {
    for (const unit of LIMIT_UNITS) {
      const amount = standard.limit[unit];
      if (amount !== undefined) limit = Object.freeze({ amount, unit });
    }
    if (limit === undefined) throw new TypeError(`Standard ${standard.id} has no limit`);
    limits.set(standard, limit);
  }
  return limit;
}

const standardsById = new WeakMap<Charter, Map<unknown, Standard>>();

/** The standard of a charter, or a RangeError that lists the valid ids. */
export function standardOf(charter: Charter, standardId: unknown): Standard {
  let byId = standardsById.get(charter);
  if (byId === undefined) {
    byId = new Map(charter.standards.map((s) => [s.id, s]));
    standardsById.set(charter, byId);
  }
  const standard = byId.get(standardId);
  if (standard === undefined) {
    const ids = charter.standards.map((s) => s.id);
    throw new RangeError(
      expected("standardId", ids.length === 0 ? `a standard of "${charter.id}", which has none` : `a standard of "${charter.id}" (${ids.join(", ")})`, standardId),
    );
  }
  return standard;
}

function endOfDay(engine: CalendarEngine, day: number): number {
  return engine.zone.fromWall((day + 1) * MS_PER_DAY) - 1;
}

/** Working (or, for calendar limits, all) days in the pauses' local dates within (anchor, due]. */
function pausedDays(engine: CalendarEngine, ranges: readonly (readonly [number, number])[], anchor: number, due: number, working: boolean): number {
  let total = 0;
  let counted = anchor; // days up to here are already counted (ranges are sorted; avoid double counting)
  for (const [first, last] of ranges) {
    const a = Math.max(first - 1, anchor, counted);
    const b = Math.min(last, due);
    if (b <= a) continue;
    total += working ? engine.countBetween(a, b) : b - a;
    counted = b;
  }
  return total;
}

function addMonths(day: number, months: number): number {
  const [y, m, d] = civilFromDays(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return daysFromCivil(year, month, Math.min(d, daysInMonth(year, month)));
}

/**
 * The due instant of `standard` for a clock that starts at `startMs` (the
 * receipt, or the acknowledgement), with `pauses` as sorted [from, to) pairs.
 * Pushes the reasoning to `trace` when given.
 */
export function computeDue(
  engine: CalendarEngine,
  standard: Standard,
  receivedMs: number,
  startMs: number,
  pauses: readonly (readonly [number, number])[],
  trace?: TraceStep[],
): DueTimes {
  const { amount, unit } = limitOf(standard);
  const zone = engine.zone;
  const perMs = UNIT_MS[unit];

  if (unit === "seconds" || unit === "minutes" || unit === "hours") {
    const inScope = standard.scope !== "office-hours" || engine.isOpenMs(receivedMs);
    if (!inScope) trace?.push({ step: "out-of-scope", at: zone.format(receivedMs) });
    const limitMs = amount * (perMs as number);
    let due = startMs + limitMs;
    for (;;) {
      let paused = 0;
      for (const [from, to] of pauses) {
        const a = Math.max(from, startMs);
        if (a < due && to > a) paused += to - a;
      }
      const next = startMs + limitMs + paused;
      if (next === due) break;
      due = next;
    }
    if (trace) tracePauses(engine, trace, pauses, startMs, due, "ms");
    trace?.push({ step: "due", at: zone.format(due), date: formatDate(zone.localDay(due)), rule: "elapsed", amount, unit });
    return { startMs, dueMs: due, dueDay: undefined, rule: "elapsed", inScope };
  }

  if (unit === "workingMinutes" || unit === "workingHours") {
    const opening = engine.nextOpeningMs(startMs);
    if (opening !== startMs) trace?.push({ step: "next-opening", at: zone.format(opening) });
    const limitMs = amount * (perMs as number);
    let due = engine.addOfficeMs(opening, limitMs);
    for (;;) {
      let paused = 0;
      for (const [from, to] of pauses) {
        const a = Math.max(from, opening);
        if (a < due && to > a) paused += engine.officeMsBetween(a, to);
      }
      const next = engine.addOfficeMs(opening, limitMs + paused);
      if (next === due) break;
      due = next;
    }
    if (trace) tracePauses(engine, trace, pauses, opening, due, "ms");
    trace?.push({ step: "due", at: zone.format(due), date: formatDate(zone.localDay(due)), rule: "office-time", amount, unit });
    return { startMs: opening, dueMs: due, dueDay: undefined, rule: "office-time", inScope: true };
  }

  // Day-based limits: working days, calendar days, calendar months.
  const startWall = zone.toWall(startMs);
  const startDay = Math.floor(startWall / MS_PER_DAY);
  const clock = startWall - startDay * MS_PER_DAY;
  engine.checkDay(startDay, "receivedAt");
  let day0 = startDay;
  const cutoff = engine.receiptCutoffMinutes;
  if (cutoff !== undefined && clock >= cutoff * 60_000) {
    day0 = startDay + 1;
    trace?.push({ step: "cutoff", cutoff: formatClock(cutoff * 60_000).slice(0, 5), date: formatDate(day0) });
  }
  const working = unit === "workingDays";
  const countsAsDayOne = standard.countReceiptDay && (!working || engine.isWorking(day0));
  trace?.push({ step: "day-zero", date: formatDate(day0), countsAsDayOne });
  const anchor = countsAsDayOne ? day0 - 1 : day0;
  const ranges = pauses.length === 0 ? NO_RANGES : pauses.map(([from, to]) => [zone.localDay(from), zone.localDay(to - 1)] as const);

  let dueDay: number;
  if (unit === "calendarMonths") {
    dueDay = addMonths(day0, amount);
    for (let extra = 0, previous = -1; ranges.length > 0 && extra !== previous; ) {
      previous = extra;
      extra = pausedDays(engine, ranges, day0, dueDay, false);
      dueDay = addMonths(day0, amount) + extra;
    }
  } else {
    dueDay = working ? engine.addDays(anchor, amount, "receivedAt") : anchor + amount;
    // Pauses: extend by the days they disregard until the due date stops moving.
    while (ranges.length > 0) {
      const n = amount + pausedDays(engine, ranges, anchor, dueDay, working);
      const next = working ? engine.addDays(anchor, n, "receivedAt") : anchor + n;
      if (next === dueDay) break;
      dueDay = next;
    }
  }
  engine.checkDay(dueDay, "receivedAt");

  if (trace) {
    if (working) {
      trace.push({ step: "day-one", date: formatDate(engine.addDays(anchor, 1)) });
      for (let d = day0 + 1; d < dueDay; d++) {
        const why = engine.reasonFor(d);
        if (why !== undefined) trace.push({ step: "skipped", ...why });
      }
    }
    tracePauses(engine, trace, pauses, startMs, endOfDay(engine, dueDay), working ? "working days" : "days", ranges, anchor, dueDay, working);
  }

  let rule: DueRule = standard.dueAt;
  let due: number;
  if (rule === "close-of-business") {
    const intervals = engine.openIntervals(dueDay);
    const close = intervals[intervals.length - 1];
    if (close === undefined) {
      trace?.push({ step: "no-office-hours", date: formatDate(dueDay) });
      rule = "end-of-day";
      due = endOfDay(engine, dueDay);
    } else due = close;
  } else if (rule === "same-clock-time") {
    due = zone.fromWall(dueDay * MS_PER_DAY + clock);
  } else {
    due = endOfDay(engine, dueDay);
  }
  trace?.push({ step: "due", at: zone.format(due), date: formatDate(dueDay), rule, amount, unit });
  return { startMs, dueMs: due, dueDay, rule, inScope: true };
}

function tracePauses(
  engine: CalendarEngine,
  trace: TraceStep[],
  pauses: readonly (readonly [number, number])[],
  startMs: number,
  dueMs: number,
  unit: "working days" | "days" | "ms",
  ranges?: readonly (readonly [number, number])[],
  anchor = 0,
  dueDay = 0,
  working = false,
): void {
  pauses.forEach(([from, to], i) => {
    if (to <= startMs || from >= dueMs) return;
    let disregarded: number;
    if (unit === "ms") disregarded = Math.min(to, dueMs) - Math.max(from, startMs);
    else {
      const range = ranges?.[i] as readonly [number, number];
      disregarded = pausedDays(engine, [range], anchor, dueDay, working);
    }
    trace.push({ step: "paused", from: engine.zone.format(from), to: engine.zone.format(to), disregarded, unit });
  });
}

/** Options of {@link deadline}. */
export interface DeadlineOptions {
  /** For a standard that counts from the acknowledgement (`startsFrom: "acknowledged"`). */
  readonly acknowledgedAt?: Instant;
  /** Stop-the-clock intervals, `{ from, to }`, half-open, not overlapping. */
  readonly pauses?: readonly Pause[];
}

/**
 * When a standard falls due for a contact received at `receivedAt`, and why.
 *
 * @throws RangeError for an unknown standard (listing the valid ids) or a bad instant.
 * @example
 * deadline(copeland, "email.respond", "2025-12-19T17:42").dueDate; //=> "2025-12-30"
 */
export function deadline(charter: Charter, standardId: string, receivedAt: Instant, options: DeadlineOptions = {}): Deadline {
  const engine = engineOf(charter);
  const standard = standardOf(charter, standardId);
  const received = engine.instant(receivedAt, "receivedAt");
  let start = received;
  if (standard.startsFrom === "acknowledged") {
    if (options.acknowledgedAt === undefined) {
      throw new TypeError(`Standard ${standard.id} counts from the acknowledgement: pass \`options.acknowledgedAt\``);
    }
    start = engine.instant(options.acknowledgedAt, "options.acknowledgedAt");
    if (start < received) throw new RangeError(`\`options.acknowledgedAt\` is before \`receivedAt\``);
  }
  const pauses = options.pauses === undefined ? [] : readPauses(engine, options.pauses, "options.pauses");
  const times = computeDue(engine, standard, received, start, pauses);
  return toDeadline(engine, standard, received, times, () => traceOf(engine, standard, received, start, pauses));
}

/** The reasoning behind a due time, rebuilt on demand (the computation is repeated with a trace). */
export function traceOf(
  engine: CalendarEngine,
  standard: Standard,
  received: number,
  start: number,
  pauses: readonly (readonly [number, number])[],
): TraceStep[] {
  const zone = engine.zone;
  const trace: TraceStep[] = [{ step: "received", at: zone.format(received), date: formatDate(zone.localDay(received)) }];
  if (standard.startsFrom === "acknowledged") {
    trace.push({ step: "starts-from-acknowledgement", at: zone.format(start), date: formatDate(zone.localDay(start)) });
  }
  computeDue(engine, standard, received, start, pauses, trace);
  return trace;
}

/**
 * A Deadline. Its fields are plain data; `trace` is computed on first read (and
 * included by JSON.stringify through toJSON), so a deadline nobody explains costs no
 * trace. Spread or structuredClone copy the fields without the trace.
 */
class DeadlineResult implements Deadline {
  readonly standardId: string;
  readonly receivedAt: string;
  readonly startsAt: string;
  readonly due: string;
  readonly dueDate?: string;
  readonly rule: DueRule;
  readonly inScope: boolean;
  readonly limit: { readonly amount: number; readonly unit: LimitUnit };
  #steps: readonly TraceStep[] | undefined;
  readonly #trace: () => readonly TraceStep[];

  constructor(
    standardId: string,
    receivedAt: string,
    startsAt: string,
    due: string,
    dueDate: string | undefined,
    rule: DueRule,
    inScope: boolean,
    limit: { readonly amount: number; readonly unit: LimitUnit },
    trace: () => readonly TraceStep[],
  ) {
    this.standardId = standardId;
    this.receivedAt = receivedAt;
    this.startsAt = startsAt;
    this.due = due;
    if (dueDate !== undefined) this.dueDate = dueDate;
    this.rule = rule;
    this.inScope = inScope;
    this.limit = limit;
    this.#trace = trace;
  }

  get trace(): readonly TraceStep[] {
    return (this.#steps ??= Object.freeze(this.#trace()));
  }

  toJSON(): Omit<Deadline, "trace"> & { trace: readonly TraceStep[] } {
    return { ...this, trace: this.trace };
  }
}

export function toDeadline(engine: CalendarEngine, standard: Standard, received: number, times: DueTimes, trace: () => readonly TraceStep[]): Deadline {
  const zone = engine.zone;
  const receivedAt = zone.format(received);
  const due = zone.format(times.dueMs);
  // The due instant falls on the due date (its local date): reuse its text when so.
  const dueDate =
    times.dueDay === undefined ? undefined : zone.localDay(times.dueMs) === times.dueDay ? due.slice(0, 10) : formatDate(times.dueDay);
  return new DeadlineResult(
    standard.id,
    receivedAt,
    times.startMs === received ? receivedAt : zone.format(times.startMs),
    due,
    dueDate,
    times.rule,
    times.inScope,
    limitOf(standard),
    trace,
  );
}

