/**
 * Dates without a time (`2026-01-05`, from a date-only column or a date format with no
 * hour): accepted for an event judged only by working days, and a located problem of the
 * row where a standard that covers it needs the time. A date-only receipt is its local
 * midnight (day 0 is its date whatever the time); a date-only event is the end of its day,
 * so that it is on time exactly when its date is at most the due date, and never before a
 * receipt the same day.
 *
 * @module
 */
import { isDayBased } from "../../charter/units.js";
import type { CompiledStandard } from "../../rules/standard.js";
import { cli } from "../words.js";
import { RowError } from "./mapping.js";

/** The contact fields that hold instants a standard's clock reads. */
const TIME_FIELDS = [
  "receivedAt",
  "answeredAt",
  "attendedAt",
  "acknowledgedAt",
  "respondedAt",
  "voicemailAt",
  "abandonedAt",
  "appointmentAt",
] as const;

const isDate = (v: unknown): v is string => typeof v === "string" && v.length === 10 && v.charCodeAt(4) === 45;

/** Whether a contact holds a date without a time in any field a clock reads (cheap: the common case is no). */
export function hasDateOnly(contact: Readonly<Record<string, unknown>>): boolean {
  for (const field of TIME_FIELDS) if (isDate(contact[field])) return true;
  return false;
}

/** Why a standard needs the time of day of a field, or undefined when its date is enough. */
function needsTime(rule: CompiledStandard, field: string, cutoff: boolean): string | undefined {
  const dayBased = isDayBased(rule.unit);
  const dueAt = rule.standard.dueAt;
  const stage = rule.standard.stage;
  const limit = `${rule.id} (${rule.amount} ${rule.unit})`;
  if (field === "receivedAt") {
    if (!dayBased) return cli.needsTimeElapsed(limit);
    if (dueAt === "same-clock-time") return cli.needsTimeClock(limit);
    if (cutoff) return cli.needsTimeCutoff(limit);
    return undefined;
  }
  const stops = (rule.stops as readonly string[]).includes(field);
  if (stops || (field === "abandonedAt" && (stage === "answer" || stage === "attend"))) {
    // A completion on the due date is on time at the end of that day only.
    if (!dayBased) return cli.needsTimeElapsed(limit);
    if (dueAt !== "end-of-day") return cli.needsTimeDue(limit, dueAt);
    return undefined;
  }
  if (field === "acknowledgedAt" && (rule.fromAcknowledgement || rule.standard.allowPromise)) {
    if (!dayBased) return cli.needsTimeElapsed(limit);
    // The clock starts at the acknowledgement (its time counts at the cut-off, or as the clock time)...
    if (rule.fromAcknowledgement && (dueAt === "same-clock-time" || cutoff)) return cli.needsTimeClock(limit);
    // ...and a promise is valid when acknowledged by the due instant.
    if (rule.standard.allowPromise && dueAt !== "end-of-day") return cli.needsTimeDue(limit, dueAt);
    return undefined;
  }
  if (field === "appointmentAt" && (rule.withoutAppointments || rule.exemptions.length > 0))
    return cli.needsTimeElapsed(limit);
  return undefined;
}

/**
 * The contact with its date-only events read as the end of their day, or the RowError
 * naming the field and the standard that needs its time.
 */
export function withDates(
  contact: Readonly<Record<string, unknown>>,
  rules: readonly CompiledStandard[],
  cutoff: boolean,
): Record<string, unknown> | RowError {
  const out: Record<string, unknown> = { ...contact };
  for (const field of TIME_FIELDS) {
    const value = contact[field];
    if (!isDate(value)) continue;
    for (const rule of rules) {
      const why = needsTime(rule, field, cutoff);
      if (why !== undefined)
        return new RowError(cli.dateWithoutTime(field, value, why), { code: "date_without_time", field });
    }
    if (field !== "receivedAt") out[field] = `${value}T23:59:59.999`;
  }
  return out;
}
