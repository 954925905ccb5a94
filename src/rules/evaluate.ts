/**
 * Was each promise kept? evaluate() judges one contact against every standard
 * that covers it, at a given `now`.
 *
 * @module
 */
import { formatDate } from "../calendar/civil.js";
import type { Instant } from "../calendar/instant.js";
import { engineOf, type CalendarEngine } from "../calendar/working-calendar.js";
import type { Charter, Contact, ContactEvent, Stage, Standard } from "../charter/schema.js";
import { expected } from "../messages.js";
import { readContact, type ReadContact } from "./contact.js";
import { computeDue, toDeadline, traceOf, type Deadline, type DueRule } from "./deadline.js";

export type Status = "met" | "breached" | "pending" | "not-applicable";

/** What met (or stopped) a standard's clock. */
export type MetBy = "answer" | "attendance" | "acknowledgement" | "response" | "voicemail" | "promise";

/** Why a standard does not apply to a contact. */
export type NotApplicableReason = "outside-office-hours" | "abandoned";

/** One standard judged for one contact at `now`. */
export interface Evaluation {
  readonly standardId: string;
  readonly contactId?: string | number;
  readonly status: Status;
  /** The due instant (the promised one once a valid promise is made); null while a chained clock has not started. */
  readonly due: string | null;
  readonly dueDate?: string;
  readonly rule?: DueRule;
  /** When the clock stopped (the event that met or missed the standard), or null. */
  readonly completedAt: string | null;
  readonly by?: MetBy;
  readonly reason?: NotApplicableReason | "awaiting-acknowledgement";
  /** For breaches: completion (or now) minus due. */
  readonly lateMs?: number;
  /** For day-based breaches: working days from the due date to the completion (or now) date. */
  readonly lateWorkingDays?: number;
  /** For pending results: due minus now. */
  readonly remainingMs?: number;
  /** Pending, and `warnAt` of the window has passed. */
  readonly atRisk: boolean;
}

export interface EvaluateOptions {
  /** The moment of judgement: events after it have not happened yet. */
  readonly now: Instant;
  /** The share of the window after which a pending result is at risk; 0.75 when absent. */
  readonly warnAt?: number;
}

const DEFAULT_STOPS: Record<Stage, readonly ContactEvent[]> = {
  answer: ["answeredAt"],
  attend: ["attendedAt"],
  acknowledge: ["acknowledgedAt", "respondedAt"],
  respond: ["respondedAt"],
};

const BY: Record<ContactEvent, MetBy> = {
  answeredAt: "answer",
  attendedAt: "attendance",
  acknowledgedAt: "acknowledgement",
  respondedAt: "response",
  voicemailAt: "voicemail",
};

/** The numeric outcome, shared with reports. */
export interface Outcome {
  readonly standard: Standard;
  readonly status: Status;
  readonly startMs: number | undefined;
  readonly dueMs: number | undefined;
  readonly dueDay: number | undefined;
  readonly rule: DueRule | undefined;
  readonly completedMs: number | undefined;
  readonly by: MetBy | undefined;
  readonly reason: Evaluation["reason"];
  readonly lateMs: number | undefined;
  readonly lateWorkingDays: number | undefined;
  readonly atRisk: boolean;
  /** The clock's start and pauses as used, for rebuilding the trace. */
  readonly pauses: readonly (readonly [number, number])[];
}

const covering = new WeakMap<Charter, Map<string, readonly Standard[]>>();

/** The standards that cover a contact: its channel, and its category when the standard has one (memoised per charter). */
export function standardsFor(charter: Charter, channel: string, category: string | undefined): readonly Standard[] {
  let byKey = covering.get(charter);
  if (byKey === undefined) {
    byKey = new Map();
    covering.set(charter, byKey);
  }
  const key = category === undefined ? channel : `${channel}\u0000${category}`;
  let standards = byKey.get(key);
  if (standards === undefined) {
    standards = charter.standards.filter(
      (s) => (s.channels as readonly string[]).includes(channel) && (s.category === undefined || s.category === category),
    );
    byKey.set(key, standards);
  }
  return standards;
}

/** Builds an outcome with one fixed shape (fast to create, monomorphic to read). */
function outcome(
  standard: Standard,
  status: Status,
  startMs: number | undefined,
  dueMs: number | undefined,
  dueDay: number | undefined,
  rule: DueRule | undefined,
  completedMs: number | undefined,
  by: MetBy | undefined,
  reason: Evaluation["reason"],
  lateMs: number | undefined,
  lateWorkingDays: number | undefined,
  atRisk: boolean,
  pauses: readonly (readonly [number, number])[],
): Outcome {
  return { standard, status, startMs, dueMs, dueDay, rule, completedMs, by, reason, lateMs, lateWorkingDays, atRisk, pauses };
}

const NO_PAUSES: readonly (readonly [number, number])[] = [];

export function judge(engine: CalendarEngine, standard: Standard, contact: ReadContact, now: number, warnAt: number): Outcome {
  const events = contact.events;
  let completed: number | undefined;
  let by: MetBy | undefined;
  for (const event of standard.stopsOn ?? DEFAULT_STOPS[standard.stage]) {
    const at = events[event];
    if (at !== undefined && at <= now && (completed === undefined || at < completed)) {
      completed = at;
      by = BY[event];
    }
  }
  const acknowledged = events.acknowledgedAt;
  const ack = acknowledged !== undefined && acknowledged <= now ? acknowledged : undefined;
  let start = contact.receivedAt;
  if (standard.startsFrom === "acknowledged") {
    const r = events.respondedAt;
    const responded = r !== undefined && r <= now ? r : undefined;
    const began = ack === undefined ? responded : responded === undefined ? ack : Math.min(ack, responded);
    if (began === undefined) {
      return outcome(standard, "pending", undefined, undefined, undefined, undefined, undefined, undefined, "awaiting-acknowledgement", undefined, undefined, false, NO_PAUSES);
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
  const times = computeDue(engine, standard, contact.receivedAt, start, pauses);
  if (!times.inScope) {
    return outcome(standard, "not-applicable", times.startMs, times.dueMs, times.dueDay, times.rule, completed, undefined, "outside-office-hours", undefined, undefined, false, pauses);
  }
  let dueMs = times.dueMs;
  let dueDay = times.dueDay;
  const abandonedAt = contact.abandonedAt;
  if (abandonedAt !== undefined && abandonedAt <= now && (completed === undefined || completed > abandonedAt)) {
    if (abandonedAt < dueMs) {
      return outcome(standard, "not-applicable", times.startMs, dueMs, dueDay, times.rule, undefined, undefined, "abandoned", undefined, undefined, false, pauses);
    }
    return outcome(standard, "breached", times.startMs, dueMs, dueDay, times.rule, undefined, undefined, undefined, abandonedAt - dueMs, late(engine, dueDay, abandonedAt), false, pauses);
  }
  if (
    standard.allowPromise &&
    contact.promisedBy !== undefined &&
    ack !== undefined &&
    ack <= dueMs &&
    (completed === undefined || completed > ack)
  ) {
    dueMs = contact.promisedBy;
    dueDay = times.dueDay === undefined ? undefined : engine.zone.localDay(dueMs);
    by = "promise";
  }
  const end = completed ?? now;
  const status: Status = completed !== undefined ? (completed <= dueMs ? "met" : "breached") : now > dueMs ? "breached" : "pending";
  const atRisk = status === "pending" && now >= times.startMs + warnAt * (dueMs - times.startMs);
  const breached = status === "breached";
  return outcome(standard, status, times.startMs, dueMs, dueDay, times.rule, completed, by, undefined, breached ? end - dueMs : undefined, breached ? late(engine, dueDay, end) : undefined, atRisk, pauses);
}

function late(engine: CalendarEngine, dueDay: number | undefined, end: number): number | undefined {
  if (dueDay === undefined) return undefined;
  const endDay = engine.zone.localDay(end);
  return endDay > engine.end ? undefined : engine.countBetween(dueDay, endDay);
}

/** What explain() needs to rebuild an evaluation's reasoning (for results made by evaluate()). */
export function explanationOf(evaluation: Evaluation) {
  return EvaluationResult.explanation(evaluation);
}

export function readWarnAt(value: unknown): number {
  if (value === undefined) return 0.75;
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) throw new RangeError(expected("options.warnAt", "a number from 0 to 1", value));
  return value;
}

/**
 * Judges a contact against every standard that covers it (its channel, and its
 * category when the standard has one), as things stood at `options.now`.
 *
 * @throws TypeError or RangeError naming the contact field and the value.
 * @example
 * evaluate(copeland, { channel: "email", receivedAt: "2026-12-24T10:00", respondedAt: "2026-12-30T12:00" },
 *          { now: "2027-01-10" }).map((e) => `${e.standardId} ${e.status}`);
 * //=> ["email.acknowledge met", "email.respond met"]
 */
export function evaluate(charter: Charter, contact: Contact, options: EvaluateOptions): Evaluation[] {
  const engine = engineOf(charter);
  if (typeof options !== "object" || options === null || options.now === undefined) {
    throw new TypeError(expected("options.now", "the instant of judgement (now is a parameter, never the clock)", options?.now));
  }
  const now = engine.instant(options.now, "options.now");
  const warnAt = readWarnAt(options.warnAt);
  const read = readContact(engine, contact);
  return standardsFor(charter, read.channel, read.category).map((standard) => {
    const outcome = judge(engine, standard, read, now, warnAt);
    return toEvaluation(engine, outcome, read.id, now, () => {
      let deadline: Deadline | undefined;
      if (outcome.startMs !== undefined) {
        const start = standard.startsFrom === "acknowledged" ? outcome.startMs : read.receivedAt;
        const times = computeDue(engine, standard, read.receivedAt, start, outcome.pauses);
        deadline = toDeadline(engine, standard, read.receivedAt, times, () => traceOf(engine, standard, read.receivedAt, start, outcome.pauses));
      }
      return { deadline, outcome, now: engine.zone.format(now) };
    });
  });
}

type Explanation = () => { deadline: Deadline | undefined; outcome: Outcome; now: string };

/** An Evaluation: plain fields, plus (privately) how to rebuild its reasoning for explain(). */
class EvaluationResult implements Evaluation {
  readonly standardId: string;
  readonly contactId?: string | number;
  readonly status: Status;
  readonly due: string | null;
  readonly dueDate?: string;
  readonly rule?: DueRule;
  readonly completedAt: string | null;
  readonly by?: MetBy;
  readonly reason?: NotApplicableReason | "awaiting-acknowledgement";
  readonly lateMs?: number;
  readonly lateWorkingDays?: number;
  readonly remainingMs?: number;
  readonly atRisk: boolean;
  readonly #explain: Explanation | undefined;

  constructor(engine: CalendarEngine, o: Outcome, contactId: string | number | undefined, now: number, explain: Explanation | undefined) {
    const zone = engine.zone;
    this.standardId = o.standard.id;
    if (contactId !== undefined) this.contactId = contactId;
    this.status = o.status;
    this.due = o.dueMs === undefined ? null : zone.format(o.dueMs);
    if (o.dueDay !== undefined) this.dueDate = formatDate(o.dueDay);
    if (o.rule !== undefined) this.rule = o.rule;
    this.completedAt = o.completedMs === undefined ? null : zone.format(o.completedMs);
    if (o.by !== undefined) this.by = o.by;
    if (o.reason !== undefined) this.reason = o.reason;
    if (o.lateMs !== undefined) this.lateMs = o.lateMs;
    if (o.lateWorkingDays !== undefined) this.lateWorkingDays = o.lateWorkingDays;
    if (o.status === "pending" && o.dueMs !== undefined) this.remainingMs = o.dueMs - now;
    this.atRisk = o.atRisk;
    this.#explain = explain;
  }

  static explanation(e: Evaluation): ReturnType<Explanation> | undefined {
    return e instanceof EvaluationResult ? e.#explain?.() : undefined;
  }
}

export function toEvaluation(engine: CalendarEngine, o: Outcome, contactId: string | number | undefined, now: number, explain?: Explanation): Evaluation {
  return new EvaluationResult(engine, o, contactId, now, explain);
}
