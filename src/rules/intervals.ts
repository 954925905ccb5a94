/**
 * Interval counts (DESIGN section 3): a telephone standard with an elapsed limit ("65% of
 * calls answered within 20 seconds") judged from a system's counts per interval instead
 * of call by call. Each interval's calls are counted as the calls themselves would be:
 *
 * - answered within the threshold (at or before it, as a call answered at its due instant
 *   is on time): met;
 * - abandoned before the threshold of the short abandons: not applicable under the policy
 *   `by-limit`, when that threshold is the limit; every abandoned call is missed under
 *   `missed` and not applicable under `excluded`, as for calls;
 * - every other call (answered late, abandoned later, never answered: overflowed, timed
 *   out): breached.
 *
 * A standard scoped to office hours covers an interval wholly inside its hours, and none
 * wholly outside them (all its calls are not applicable); an interval partly inside is an
 * error, since its counts cannot be split. A threshold that is not the standard's limit is
 * an error unless `allowThreshold` says it is deliberate; the row then lists it.
 *
 * @module
 */
import { rangeError, typeError } from "../problems.js";
import type { CalendarEngine } from "../calendar/working-calendar.js";
import type { IntervalCounts } from "../charter/schema.js";
import { CHANNELS, type Channel } from "../concepts.js";
import { text } from "../words.js";
import { own } from "../own.js";
import type { ComplianceReport } from "./report-types.js";
import type { CompiledStandard } from "./standard.js";

/** An interval's counts, read and checked. */
export interface ReadInterval {
  readonly startMs: number;
  readonly endMs: number;
  readonly minutes: number;
  readonly channel: Channel;
  readonly category: string | undefined;
  readonly offered: number;
  readonly answered: number;
  readonly answeredWithin: number;
  readonly thresholdSeconds: number;
  readonly abandoned: number;
  readonly abandonedWithin: number | undefined;
  readonly abandonThresholdSeconds: number;
}

/** What an interval's calls count for one standard. */
export interface IntervalOutcome {
  readonly rule: CompiledStandard;
  readonly met: number;
  readonly breached: number;
  readonly notApplicable: number;
  /** Breached but answered (late). */
  readonly late: number;
  /** Breached and never answered: not completed. */
  readonly outstanding: number;
  /** Thresholds that are not the standard's limit, judged because `allowThreshold` said so. */
  readonly thresholds: readonly number[];
}

const MAX_MINUTES = 24 * 60;
const NONE: readonly number[] = Object.freeze([]);

function count(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    throw typeError("invalid", { name: `interval.${field}`, expected: "a whole number of calls, 0 or more", value });
  return value;
}

function seconds(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > 86_400)
    throw typeError("invalid", {
      name: `interval.${field}`,
      expected: "a number of seconds, more than 0 and at most 86400",
      value,
    });
  return value;
}

/**
 * An interval's counts, each field read by own property and checked: counts are whole
 * numbers, and they add up (answered within the threshold is part of answered, answered
 * and abandoned are part of offered, short abandons are part of abandoned).
 *
 * @throws TypeError or RangeError naming the field (`interval.offered`) and the value.
 */
export function readInterval(engine: CalendarEngine, interval: IntervalCounts): ReadInterval {
  if (typeof interval !== "object" || interval === null)
    throw typeError("invalid", { name: "interval", expected: text.contact, value: interval });
  const start = own(interval, "intervalStart");
  if (start === undefined || start === null || start === "")
    throw typeError("invalid", {
      name: "interval.intervalStart",
      expected: "the instant the interval began",
      value: start,
    });
  const startMs = engine.coveredInstant(start, "interval.intervalStart");
  const minutes = own(interval, "intervalMinutes");
  if (typeof minutes !== "number" || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES)
    throw typeError("invalid", {
      name: "interval.intervalMinutes",
      expected: `a whole number of minutes from 1 to ${MAX_MINUTES}`,
      value: minutes,
    });
  const channel = own(interval, "channel");
  if (!(CHANNELS as readonly unknown[]).includes(channel))
    throw typeError("not_one_of", { name: "interval.channel", values: CHANNELS, value: channel });
  const category = own(interval, "category");
  if (category !== undefined && typeof category !== "string")
    throw typeError("invalid", { name: "interval.category", expected: text.category, value: category });
  const offered = count(own(interval, "offered"), "offered");
  const answered = count(own(interval, "answered"), "answered");
  const answeredWithin = count(own(interval, "answeredWithin"), "answeredWithin");
  const abandoned = count(own(interval, "abandoned"), "abandoned");
  const shortAbandons = own(interval, "abandonedWithin");
  const abandonedWithin = shortAbandons === undefined ? undefined : count(shortAbandons, "abandonedWithin");
  const thresholdSeconds = seconds(own(interval, "thresholdSeconds"), "thresholdSeconds");
  const abandonThreshold = own(interval, "abandonThresholdSeconds");
  const abandonThresholdSeconds =
    abandonThreshold === undefined ? thresholdSeconds : seconds(abandonThreshold, "abandonThresholdSeconds");
  if (answeredWithin > answered)
    throw rangeError("interval_counts", {
      what: `answeredWithin (${answeredWithin}) is more than answered (${answered})`,
    });
  if (answered + abandoned > offered)
    throw rangeError("interval_counts", {
      what: `answered (${answered}) and abandoned (${abandoned}) are more than offered (${offered})`,
    });
  if (abandonedWithin !== undefined && abandonedWithin > abandoned)
    throw rangeError("interval_counts", {
      what: `abandonedWithin (${abandonedWithin}) is more than abandoned (${abandoned})`,
    });
  return {
    startMs,
    endMs: startMs + minutes * 60_000,
    minutes,
    channel: channel as Channel,
    category: category as string | undefined,
    offered,
    answered,
    answeredWithin,
    thresholdSeconds,
    abandoned,
    abandonedWithin,
    abandonThresholdSeconds,
  };
}

/**
 * Whether a standard can be judged from interval counts: an `answer` standard with an
 * elapsed limit that exempts no contacts by obligation or appointment (counts cannot tell
 * which calls those would be).
 */
export function judgedByIntervals(rule: CompiledStandard): boolean {
  return (
    rule.standard.stage === "answer" &&
    rule.kind === "elapsed" &&
    rule.exemptions.length === 0 &&
    !rule.withoutAppointments &&
    !rule.fromAcknowledgement
  );
}

/** A standard's limit in seconds. */
export function limitSeconds(rule: CompiledStandard): number {
  return (rule.amount * rule.unitMs) / 1000;
}

/** Under `by-limit`, the calls abandoned before the limit, which are excluded: the short abandons, at the limit's threshold. */
function byLimitExcluded(
  interval: ReadInterval,
  rule: CompiledStandard,
  limit: number,
  allowThreshold: boolean,
  thresholds: number[],
): number {
  if (interval.abandonedWithin === undefined)
    throw rangeError("interval_needs_short_abandons", {
      name: "interval.abandonedWithin",
      standardId: rule.id,
      limitSeconds: limit,
    });
  if (interval.abandonThresholdSeconds !== limit) {
    if (!allowThreshold)
      throw rangeError("interval_threshold", {
        name: "interval.abandonThresholdSeconds",
        seconds: interval.abandonThresholdSeconds,
        standardId: rule.id,
        limitSeconds: limit,
      });
    if (!thresholds.includes(interval.abandonThresholdSeconds)) thresholds.push(interval.abandonThresholdSeconds);
  }
  return interval.abandonedWithin;
}

/**
 * What an interval's calls count for one standard, under an abandoned-call policy.
 *
 * @throws RangeError for an interval partly inside a scoped standard's hours, a threshold
 *   that is not the limit (unless `allowThreshold`), or missing short abandons under `by-limit`.
 */
export function judgeInterval(
  engine: CalendarEngine,
  rule: CompiledStandard,
  interval: ReadInterval,
  policy: ComplianceReport["abandoned"],
  allowThreshold: boolean,
): IntervalOutcome {
  const { offered, answered, answeredWithin, abandoned } = interval;
  if (rule.officeHoursOnly) {
    const open = engine.hours(rule.schedule).officeTimeBetween(interval.startMs, interval.endMs);
    if (open === 0)
      return { rule, met: 0, breached: 0, notApplicable: offered, late: 0, outstanding: 0, thresholds: NONE };
    if (open !== interval.endMs - interval.startMs)
      throw rangeError("interval_straddles_hours", {
        standardId: rule.id,
        start: engine.zone.format(interval.startMs),
        minutes: interval.minutes,
      });
  }
  const limit = limitSeconds(rule);
  const thresholds: number[] = [];
  if (interval.thresholdSeconds !== limit) {
    if (!allowThreshold)
      throw rangeError("interval_threshold", {
        name: "interval.thresholdSeconds",
        seconds: interval.thresholdSeconds,
        standardId: rule.id,
        limitSeconds: limit,
      });
    thresholds.push(interval.thresholdSeconds);
  }
  let excluded: number;
  switch (policy) {
    case "missed":
      excluded = 0;
      break;
    case "excluded":
      excluded = abandoned;
      break;
    case "by-limit":
      excluded = byLimitExcluded(interval, rule, limit, allowThreshold, thresholds);
      break;
    default:
      return policy satisfies never;
  }
  const breached = offered - answeredWithin - excluded;
  const late = answered - answeredWithin;
  return {
    rule,
    met: answeredWithin,
    breached,
    notApplicable: excluded,
    late,
    outstanding: breached - late,
    thresholds: thresholds.length === 0 ? NONE : thresholds,
  };
}
