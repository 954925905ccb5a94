/**
 * Was each promise kept? judge() decides one standard for one contact at a
 * given `now`; evaluate() returns the decisions as plain data.
 *
 * @module
 */
import { rangeError, typeError } from "../problems.js";
import { MS_PER_DAY } from "../calendar/civil.js";
import type { Instant } from "../calendar/instant.js";
import type { CalendarEngine } from "../calendar/working-calendar.js";
import { engineOf } from "../calendar/calendar-for.js";
import { checkedCharter } from "../charter/parse.js";
import type { Charter, Contact } from "../charter/schema.js";
import type { DueRule, Firmness, IgnoredPromise, NotApplicableReason, PendingReason, Status } from "../concepts.js";
import { EVENTS, type MetBy } from "../charter/vocabulary.js";
import { text } from "../words.js";
import { own } from "../own.js";
import { computeDue, type DueTimes, type Pauses } from "./clocks.js";
import { readContact, type ReadContact } from "./contact.js";
import { standardsFor, type Period, type CompiledStandard } from "./standard.js";
import { startTrace, type Trace, type TraceStep } from "./trace.js";

export type { MetBy } from "../charter/vocabulary.js";

/** One standard judged for one contact at `now`: plain data, every property own, so copies explain as well. */
export interface Evaluation {
  readonly standardId: string;
  readonly contactId: string | number | undefined;
  /**
   * `future`: received after `now`, so not yet arrived at the moment of judgement (its
   * events, all after `now`, have not happened either); reports count such contacts apart.
   */
  readonly status: Status;
  /** The due instant (the promised one when a valid promise extended it); null while a chained clock has not started. */
  readonly due: string | null;
  readonly dueDate: string | undefined;
  readonly rule: DueRule | undefined;
  /** When the clock stopped (the event that met or missed the standard), or null. */
  readonly completedAt: string | null;
  readonly by: MetBy | undefined;
  readonly reason: NotApplicableReason | PendingReason | undefined;
  /** For breaches: completion (or now) minus due. */
  readonly lateMs: number | undefined;
  /** For day-based breaches: working days from the due date to the completion (or now) date. */
  readonly lateWorkingDays: number | undefined;
  /** For pending results: due minus now. */
  readonly remainingMs: number | undefined;
  /** Pending, and `warnAt` of the window has passed. */
  readonly atRisk: boolean;
  /**
   * Set when the contact's `promisedBy` was not a valid promise for this standard, and was
   * ignored: no acknowledgement (by `now`), an acknowledgement after the original due, a
   * promised time before the acknowledgement, or one later than the standard's promise limit
   * allows (`promiseLimit`: at most N further working or calendar days).
   */
  readonly promiseIgnored: IgnoredPromise | undefined;
  /**
   * For a standard that limits how far a promise may move its due date, when a
   * `promisedBy` was weighed against the limit: the limit and the latest instant it allowed.
   */
  readonly promiseLimit:
    | { readonly amount: number; readonly unit: "workingDays" | "calendarDays"; readonly latest: string }
    | undefined;
  /** The period the version of the standard that judged the contact was in force; undefined for a standard without one. */
  readonly inForce: Period | undefined;
  /** For `reason: "customer-obligation"`: the id of the obligation the customer did not meet. */
  readonly obligation: string | undefined;
  /** How firmly the charter promises the standard, and any caveat it attaches. */
  readonly firmness: Firmness | undefined;
  readonly caveat: string | undefined;
  readonly receivedAt: string;
  /** The moment of judgement (`options.now`). */
  readonly judgedAt: string;
  /** The reasoning behind the charter's own due instant; empty while a chained clock has not started. */
  readonly trace: readonly TraceStep[];
}

export interface EvaluateOptions {
  /** The moment of judgement: events after it have not happened yet. */
  readonly now: Instant;
  /** The share of the window after which a pending result is at risk; 0.75 when absent. */
  readonly warnAt?: number;
}

/** The numeric outcome of judge(), shared with reports. */
export interface Outcome {
  readonly rule: CompiledStandard;
  readonly status: Status;
  readonly startMs: number | undefined;
  readonly dueMs: number | undefined;
  readonly dueDay: number | undefined;
  readonly dueRule: DueRule | undefined;
  readonly completedMs: number | undefined;
  readonly by: MetBy | undefined;
  readonly reason: Evaluation["reason"];
  readonly lateMs: number | undefined;
  readonly lateWorkingDays: number | undefined;
  readonly atRisk: boolean;
  readonly promiseIgnored: IgnoredPromise | undefined;
  /** The latest instant the standard's promise limit allowed, when a promisedBy was weighed against it. */
  readonly latestPromiseMs: number | undefined;
  readonly obligation: string | undefined;
  /** Whether an abandonment decided the outcome (reports may count those differently). */
  readonly abandoned: boolean;
}

const NO_PAUSES: Pauses = [];

function late(engine: CalendarEngine, dueDay: number | undefined, end: number): number | undefined {
  if (dueDay === undefined) return undefined;
  const endDay = engine.zone.localDay(end);
  return engine.days.covers(dueDay) && engine.days.covers(endDay)
    ? engine.days.countBetween(dueDay, endDay)
    : undefined;
}

/** Whether a `promisedBy` is a valid promise for a standard whose own due is `dueMs` (DESIGN section 3). */
function promiseCheck(promisedBy: number, ack: number | undefined, dueMs: number): IgnoredPromise | undefined {
  if (ack === undefined) return "no-acknowledgement";
  if (ack > dueMs) return "acknowledged-after-due";
  if (promisedBy < ack) return "before-acknowledgement";
  return undefined;
}

/**
 * Judges one standard for one contact at `now`. Pushes the reasoning behind the
 * charter's own due instant to `trace` when given.
 */
export function judge(
  engine: CalendarEngine,
  rule: CompiledStandard,
  contact: ReadContact,
  now: number,
  warnAt: number,
  trace?: Trace,
): Outcome {
  const events = contact.events;
  const future = contact.receivedAt > now;
  let completed: number | undefined;
  let by: MetBy | undefined;
  for (const event of rule.stops) {
    const at = events[event];
    if (at !== undefined && at <= now && (completed === undefined || at < completed)) {
      completed = at;
      by = EVENTS[event].by;
    }
  }
  const acknowledged = events.acknowledgedAt;
  const ack = acknowledged !== undefined && acknowledged <= now ? acknowledged : undefined;
  let start = contact.receivedAt;
  if (rule.fromAcknowledgement) {
    const r = events.respondedAt;
    const responded = r !== undefined && r <= now ? r : undefined;
    const began = ack === undefined ? responded : responded === undefined ? ack : Math.min(ack, responded);
    if (began === undefined) {
      if (future) return outcome(rule, "future", undefined);
      const o = outcome(rule, "pending", undefined);
      o.reason = "awaiting-acknowledgement";
      return o;
    }
    start = began;
  }
  // Pause time after completion, or not yet over at `now`, counts only up to then.
  let pauses = NO_PAUSES;
  if (contact.pauses.length > 0) {
    const stop = Math.min(completed ?? now, now);
    const clipped: [number, number][] = [];
    for (const [from, to] of contact.pauses) if (from < stop) clipped.push([from, Math.min(to, stop)]);
    pauses = clipped;
  }
  if (trace !== undefined) startTrace(trace, engine, rule.fromAcknowledgement, contact.receivedAt, start);
  const times = computeDue({ engine, rule, receivedMs: contact.receivedAt, startMs: start, pauses, trace });
  if (future) return outcome(rule, "future", times);
  if (!times.inScope) return notApplicable(rule, times, "outside-office-hours", completed);
  const obligation = unmetObligation(engine, rule, contact);
  if (obligation !== undefined) {
    const o = notApplicable(rule, times, "customer-obligation", completed);
    o.obligation = obligation;
    return o;
  }
  if (rule.withoutAppointments && contact.appointmentAt !== undefined)
    return notApplicable(rule, times, "appointment", completed);

  const stage = rule.standard.stage;
  const abandonedAt = contact.abandonedAt;
  if (
    abandonedAt !== undefined &&
    (stage === "answer" || stage === "attend") &&
    abandonedAt <= now &&
    (completed === undefined || completed > abandonedAt)
  ) {
    if (abandonedAt < times.dueMs) {
      const o = notApplicable(rule, times, "abandoned", undefined);
      o.abandoned = true;
      return o;
    }
    const o = outcome(rule, "breached", times);
    o.lateMs = abandonedAt - times.dueMs;
    o.lateWorkingDays = late(engine, times.dueDay, abandonedAt);
    o.abandoned = true;
    return o;
  }

  let dueMs = times.dueMs;
  let dueDay = times.dueDay;
  let promiseIgnored: IgnoredPromise | undefined;
  let latestPromiseMs: number | undefined;
  const promisedBy = contact.promisedBy;
  if (
    rule.standard.allowPromise &&
    promisedBy !== undefined &&
    !(completed !== undefined && completed <= times.dueMs)
  ) {
    // A response by the charter's own due always meets it; otherwise a valid promise may extend it.
    promiseIgnored = promiseCheck(promisedBy, ack, times.dueMs);
    if (promiseIgnored === undefined && rule.promiseLimit !== undefined) {
      latestPromiseMs = latestPromise(engine, rule.promiseLimit, times);
      if (latestPromiseMs !== undefined && promisedBy > latestPromiseMs) promiseIgnored = "beyond-limit";
    }
    if (promiseIgnored === undefined && promisedBy > dueMs) {
      dueMs = promisedBy;
      dueDay = times.dueDay === undefined ? undefined : engine.zone.localDay(promisedBy);
      by = "promise";
    }
  }
  const end = completed ?? now;
  const status: Status =
    completed !== undefined ? (completed <= dueMs ? "met" : "breached") : now > dueMs ? "breached" : "pending";
  const breached = status === "breached";
  const o = outcome(rule, status, times);
  o.dueMs = dueMs;
  o.dueDay = dueDay;
  o.completedMs = completed;
  o.by = by;
  if (breached) {
    o.lateMs = end - dueMs;
    o.lateWorkingDays = late(engine, dueDay, end);
  }
  o.atRisk = status === "pending" && now >= times.startMs + warnAt * (dueMs - times.startMs);
  o.promiseIgnored = promiseIgnored;
  o.latestPromiseMs = latestPromiseMs;
  return o;
}

/**
 * The latest instant a promise may name: the end of the local day that is the limit's
 * N further working (or calendar) days after the charter's own due date; undefined past
 * the end of the holiday table, where no limit can be counted (none is applied).
 */
function latestPromise(
  engine: CalendarEngine,
  limit: NonNullable<CompiledStandard["promiseLimit"]>,
  times: DueTimes,
): number | undefined {
  const dueDay = times.dueDay ?? engine.zone.localDay(times.dueMs);
  const last = limit.unit === "workingDays" ? engine.days.addDays(dueDay, limit.amount) : dueDay + limit.amount;
  return last === undefined ? undefined : engine.zone.fromWall((last + 1) * MS_PER_DAY) - 1;
}

/** The customer obligation a contact did not meet that exempts it from the standard, if any. */
function unmetObligation(engine: CalendarEngine, rule: CompiledStandard, contact: ReadContact): string | undefined {
  for (const e of rule.exemptions) {
    const margin = e.minutes * 60_000;
    if (e.when === "late-for-appointment") {
      if (contact.appointmentAt !== undefined && contact.receivedAt > contact.appointmentAt + margin)
        return e.obligation;
      continue;
    }
    const intervals = engine.hours(rule.schedule).openIntervals(engine.zone.localDay(contact.receivedAt));
    for (let i = 0; i < intervals.length; i += 2) {
      const close = intervals[i + 1] as number;
      if (
        contact.receivedAt >= (intervals[i] as number) &&
        contact.receivedAt < close &&
        contact.receivedAt > close - margin
      )
        return e.obligation;
    }
  }
  return undefined;
}

/** An outcome being built: the new object `outcome()` returns, before its branch sets what it decided. */
type Building = { -readonly [K in keyof Outcome]: Outcome[K] };

/**
 * The one builder of an Outcome: every field, in one order (so every outcome has one
 * shape), from the standard's own due times, with nothing decided yet. The branch that
 * decides sets its fields on this new object, so judging a contact allocates nothing
 * besides its outcome.
 */
function outcome(rule: CompiledStandard, status: Status, times: DueTimes | undefined): Building {
  return {
    rule,
    status,
    startMs: times?.startMs,
    dueMs: times?.dueMs,
    dueDay: times?.dueDay,
    dueRule: times?.rule,
    completedMs: undefined,
    by: undefined,
    reason: undefined,
    lateMs: undefined,
    lateWorkingDays: undefined,
    atRisk: false,
    promiseIgnored: undefined,
    latestPromiseMs: undefined,
    obligation: undefined,
    abandoned: false,
  };
}

/** Not applicable, for a reason, with the completion seen (if any). */
function notApplicable(
  rule: CompiledStandard,
  times: DueTimes,
  reason: NotApplicableReason,
  completedMs: number | undefined,
): Building {
  const o = outcome(rule, "not-applicable", times);
  o.reason = reason;
  o.completedMs = completedMs;
  return o;
}

export function readWarnAt(value: unknown): number {
  if (value === undefined) return 0.75;
  if (typeof value !== "number" || !(value >= 0 && value <= 1))
    throw rangeError("invalid", { name: "options.warnAt", expected: text.warnAt, value });
  return value;
}

/** The moment of judgement from an options object, read by own property. */
export function readNow(engine: CalendarEngine, options: unknown): number {
  const now = own(options, "now");
  if (now === undefined) throw typeError("invalid", { name: "options.now", expected: text.now, value: now });
  return engine.instant(now, "options.now");
}

/** The one builder of an Evaluation: a full object literal. */
function toEvaluation(
  engine: CalendarEngine,
  o: Outcome,
  contact: ReadContact,
  now: number,
  trace: readonly TraceStep[],
): Evaluation {
  const zone = engine.zone;
  return {
    standardId: o.rule.id,
    contactId: contact.id,
    status: o.status,
    due: o.dueMs === undefined ? null : zone.format(o.dueMs),
    dueDate: o.dueDay === undefined ? undefined : engine.days.covers(o.dueDay) ? engine.days.text(o.dueDay) : undefined,
    rule: o.dueRule,
    completedAt: o.completedMs === undefined ? null : zone.format(o.completedMs),
    by: o.by,
    reason: o.reason,
    lateMs: o.lateMs,
    lateWorkingDays: o.lateWorkingDays,
    remainingMs: o.status === "pending" && o.dueMs !== undefined ? o.dueMs - now : undefined,
    atRisk: o.atRisk,
    promiseIgnored: o.promiseIgnored,
    promiseLimit:
      o.latestPromiseMs === undefined || o.rule.promiseLimit === undefined
        ? undefined
        : {
            amount: o.rule.promiseLimit.amount,
            unit: o.rule.promiseLimit.unit,
            latest: zone.format(o.latestPromiseMs),
          },
    inForce: o.rule.inForce,
    obligation: o.obligation,
    firmness: o.rule.firmness,
    caveat: o.rule.caveat,
    receivedAt: zone.format(contact.receivedAt),
    judgedAt: zone.format(now),
    trace,
  };
}

/** One standard judged for a read contact, with its trace: what explain() needs. */
export function evaluationOf(
  engine: CalendarEngine,
  rule: CompiledStandard,
  read: ReadContact,
  now: number,
  warnAt: number,
): Evaluation {
  const trace: TraceStep[] = [];
  return toEvaluation(engine, judge(engine, rule, read, now, warnAt, trace), read, now, trace);
}

/**
 * Judges a contact against every standard that covers it (its channel, its category
 * when the standard has one or excepts it, and, for a standard with versions, the
 * version in force on the local date of receipt), as things stood at `options.now`.
 * A standard not in force on that date is omitted, as one of another channel is.
 *
 * @throws TypeError or RangeError naming the contact field and the value.
 * @example
 * import { evaluate } from "council-sla";
 * import { copeland } from "council-sla/charters";
 *
 * // The response on 30 December acknowledges too, but a day after the acknowledgement was due (29 December,
 * // 1 working day after Christmas Eve); the full response was due by 31 December.
 * const contact = { channel: "email", receivedAt: "2026-12-24T10:00", respondedAt: "2026-12-30T12:00" };
 * evaluate(copeland, contact, { now: "2027-01-10" }).map((e) => `${e.standardId} ${e.status}`);
 * //=> ["email.acknowledge breached", "email.respond met"]
 */
export function evaluate(charter: Charter, contact: Contact, options: EvaluateOptions): Evaluation[] {
  const checked = checkedCharter(charter);
  const engine = engineOf(checked);
  const now = readNow(engine, options);
  const warnAt = readWarnAt(own(options, "warnAt"));
  const read = readContact(engine, contact);
  return standardsFor(checked, read.channel, read.category, read.receivedAt, engine.zone).map((rule) =>
    evaluationOf(engine, rule, read, now, warnAt),
  );
}
