/**
 * deadline(): when a standard falls due for a contact received at an instant,
 * and why, as plain data.
 *
 * @module
 */
import { rangeError, typeError } from "../problems.js";
import type { Instant } from "../calendar/instant.js";
import { engineOf } from "../calendar/calendar-for.js";
import { checkedCharter } from "../charter/parse.js";
import type { Charter, Pause } from "../charter/schema.js";
import type { LimitUnit } from "../charter/units.js";
import { own } from "../own.js";
import { computeDue, type DueTimes, type Pauses } from "./clocks.js";
import { readPauses } from "./contact.js";
import type { DueRule, Firmness } from "../concepts.js";
import { standardInForce, versionsById, type Period, type CompiledStandard } from "./standard.js";
import { startTrace, type TraceStep } from "./trace.js";
import type { CalendarEngine } from "../calendar/working-calendar.js";

/** The due instant of one standard for one contact, with the reasoning: plain data, every property own. */
export interface Deadline {
  readonly standardId: string;
  readonly receivedAt: string;
  /** When the clock starts: receipt, the acknowledgement, or (office time) the next opening. */
  readonly startsAt: string;
  /** The due instant, ISO in the local offset. */
  readonly due: string;
  /** For day-based limits, the due date; undefined otherwise. */
  readonly dueDate: string | undefined;
  readonly rule: DueRule;
  /** False when a standard scoped to office hours received a contact while the office was closed. */
  readonly inScope: boolean;
  readonly limit: { readonly amount: number; readonly unit: LimitUnit };
  /** How firmly the charter promises the standard, and any caveat it attaches. */
  readonly firmness: Firmness | undefined;
  readonly caveat: string | undefined;
  /** The period the version of the standard that applied was in force (its receipt date falls in it); undefined for a standard without one. */
  readonly inForce: Period | undefined;
  /** Every step of the reasoning, for explain(). */
  readonly trace: readonly TraceStep[];
}

/** Options of {@link deadline}. */
export interface DeadlineOptions {
  /** For a standard that counts from the acknowledgement (`startsFrom: "acknowledged"`). */
  readonly acknowledgedAt?: Instant;
  /** Stop-the-clock intervals, `{ from, to }`, half-open, not overlapping. */
  readonly pauses?: readonly Pause[];
}

/** The one builder of a Deadline: a full object literal. */
function toDeadline(
  engine: CalendarEngine,
  rule: CompiledStandard,
  receivedMs: number,
  times: DueTimes,
  trace: readonly TraceStep[],
): Deadline {
  const zone = engine.zone;
  const receivedAt = zone.format(receivedMs);
  const due = zone.format(times.dueMs);
  return {
    standardId: rule.id,
    receivedAt,
    startsAt: times.startMs === receivedMs ? receivedAt : zone.format(times.startMs),
    due,
    // The due instant falls on the due date (its local date): reuse its text when so.
    dueDate:
      times.dueDay === undefined
        ? undefined
        : engine.days.covers(times.dueDay) && zone.localDay(times.dueMs) === times.dueDay
          ? due.slice(0, 10)
          : engine.days.text(times.dueDay),
    rule: times.rule,
    inScope: times.inScope,
    limit: rule.limit,
    firmness: rule.firmness,
    caveat: rule.caveat,
    inForce: rule.inForce,
    trace,
  };
}

/** Computes a due time with its trace, in one pass. */
function dueWithTrace(
  engine: CalendarEngine,
  rule: CompiledStandard,
  receivedMs: number,
  startMs: number,
  pauses: Pauses,
): { times: DueTimes; trace: TraceStep[] } {
  const trace: TraceStep[] = [];
  startTrace(trace, engine, rule.fromAcknowledgement, receivedMs, startMs);
  const times = computeDue({ engine, rule, receivedMs, startMs, pauses, trace });
  return { times, trace };
}

/**
 * When a standard falls due for a contact received at `receivedAt`, and why. A standard
 * with versions is counted by the version in force on the local date of receipt.
 *
 * @throws RangeError for an unknown standard (listing the valid ids), a bad instant, or
 *   a receipt date on which no version of the standard was in force (naming the periods).
 * @example
 * import { deadline } from "council-sla";
 * import { copeland } from "council-sla/charters";
 *
 * // Received on a Friday evening: day 1 is Monday 22 December, day 3 Wednesday 24.
 * deadline(copeland, "email.respond", "2025-12-19T17:42").dueDate; //=> "2025-12-24"
 */
export function deadline(
  charter: Charter,
  standardId: string,
  receivedAt: Instant,
  options: DeadlineOptions = {},
): Deadline {
  const checked = checkedCharter(charter);
  const engine = engineOf(checked);
  const versions = versionsById(checked, standardId);
  const received = engine.coveredInstant(receivedAt, "receivedAt");
  const only = versions[0] as CompiledStandard;
  const rule =
    versions.length === 1 && only.inForce === undefined
      ? only
      : standardInForce(checked, standardId, engine.zone.localDay(received), "receivedAt");
  let start = received;
  const acknowledgedAt = own(options, "acknowledgedAt");
  if (rule.fromAcknowledgement) {
    if (acknowledgedAt === undefined)
      throw typeError("needs_acknowledgement", { name: "options.acknowledgedAt", standardId: rule.id });
    start = engine.coveredInstant(acknowledgedAt, "options.acknowledgedAt");
    if (start < received)
      throw rangeError("before", {
        name: "options.acknowledgedAt",
        value: acknowledgedAt,
        other: "receivedAt",
        otherValue: receivedAt,
      });
  }
  const pauseList = own(options, "pauses");
  const pauses = pauseList === undefined ? [] : readPauses(engine, pauseList, "options.pauses");
  const { times, trace } = dueWithTrace(engine, rule, received, start, pauses);
  return toDeadline(engine, rule, received, times, trace);
}
