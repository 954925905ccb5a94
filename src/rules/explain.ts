/**
 * explain(): the reasoning behind a deadline or an evaluation, in plain English
 * that a council officer could paste into a reply. This module walks the result;
 * every sentence is in words.ts.
 *
 * @module
 */
import { typeError } from "../problems.js";
import { readDate } from "../calendar/civil.js";
import { amountText } from "../charter/units.js";
import { CONTACT_EVENTS, EVENTS } from "../charter/vocabulary.js";
import { FIRMNESSES, IGNORED_PROMISES, NOT_APPLICABLE_REASONS, STATUSES } from "../concepts.js";
import { DUE_WORDS, EXPLAIN, FIRMNESS_WORDS, text } from "../words.js";
import type { Deadline } from "./deadline.js";
import type { Evaluation } from "./evaluate.js";
import type { TraceStep } from "./trace.js";

function explainTrace(d: {
  readonly trace: readonly TraceStep[];
  readonly startsAt?: string;
  readonly receivedAt: string;
}): string[] {
  const out: string[] = [];
  const skipped: Extract<TraceStep, { step: "skipped" }>[] = [];
  /** The days skipped since the last sentence, said before the next pause or the due time. */
  const flush = (): void => {
    if (skipped.length > 0) out.push(EXPLAIN.skipped(skipped.splice(0)));
  };
  let dayZero: string | undefined;
  for (const step of d.trace) {
    switch (step.step) {
      case "received":
        out.push(EXPLAIN.received(step.at));
        break;
      case "starts-from-acknowledgement":
        out.push(EXPLAIN.fromAcknowledgement(step.at));
        break;
      case "cutoff":
        out.push(EXPLAIN.cutoff(step.cutoff, step.date));
        break;
      case "day-zero":
        dayZero = step.date;
        if (step.countsAsDayOne) out.push(EXPLAIN.receiptIsDayOne(step.date));
        break;
      case "day-one":
        if (step.date !== dayZero) out.push(EXPLAIN.dayOne(step.date));
        break;
      case "skipped":
        skipped.push(step);
        break;
      case "paused":
        flush();
        out.push(EXPLAIN.paused(step.from, step.to, step.disregarded, step.unit));
        break;
      case "out-of-scope":
        out.push(EXPLAIN.outOfScope());
        break;
      case "next-opening":
        out.push(EXPLAIN.nextOpening(step.at));
        break;
      case "no-office-hours":
        out.push(EXPLAIN.noOfficeHours(step.date));
        break;
      case "due":
        flush();
        out.push(
          DUE_WORDS[step.rule]({
            at: step.at,
            date: step.date,
            limit: amountText(step.amount, step.unit),
            fromReceipt: d.startsAt === undefined || d.startsAt === d.receivedAt,
          }),
        );
        break;
      default:
        step satisfies never;
    }
  }
  return out;
}

/** "responded", "passed to voicemail": the past tense of what met a standard, from the event table. */
const DONE_WORDS: ReadonlyMap<string, string> = new Map(CONTACT_EVENTS.map((e) => [EVENTS[e].by, EVENTS[e].done]));

const isDate = (value: unknown): value is string => typeof value === "string" && readDate(value) !== undefined;

/** "(at most 10 further working days: by the end of Friday 18 December 2026)", from an evaluation's promiseLimit. */
function limitWords(limit: unknown): string {
  const l = limit as { amount?: unknown; unit?: unknown; latest?: unknown } | null | undefined;
  if (typeof l !== "object" || l === null || typeof l.amount !== "number" || typeof l.latest !== "string") return "";
  const unit = l.unit === "calendarDays" ? "calendarDays" : "workingDays";
  return EXPLAIN.promiseLimit(amountText(l.amount, unit), l.latest);
}

/** "The version of this standard in force from Tuesday 1 April 2025 applied.", from a result's inForce. */
function versionSentence(period: unknown): string[] {
  const p = period as { from?: unknown; to?: unknown } | null | undefined;
  if (typeof p !== "object" || p === null) return [];
  const from = isDate(p.from) ? p.from : undefined;
  const to = isDate(p.to) ? p.to : undefined;
  return from === undefined && to === undefined ? [] : [EXPLAIN.version(from, to)];
}

const known = <T extends string>(members: readonly T[], value: unknown): value is T =>
  (members as readonly unknown[]).includes(value);

function explainOutcome(e: Evaluation, now: string | undefined): string[] {
  const out: string[] = [];
  if (e.by === "promise" && e.due !== null) out.push(EXPLAIN.promised(e.due));
  if (known(IGNORED_PROMISES, e.promiseIgnored))
    out.push(
      EXPLAIN.promiseIgnored(e.promiseIgnored, e.promiseIgnored === "beyond-limit" ? limitWords(e.promiseLimit) : ""),
    );
  const done =
    e.completedAt === null
      ? undefined
      : EXPLAIN.done(
          DONE_WORDS.get(e.by === "promise" ? "response" : (e.by ?? "response")) ?? "completed",
          e.completedAt,
        );
  const lateDays = e.lateWorkingDays === undefined ? "" : EXPLAIN.lateDays(e.lateWorkingDays);
  switch (e.status) {
    case "met":
      out.push(EXPLAIN.met(done));
      break;
    case "breached":
      out.push(
        done !== undefined
          ? EXPLAIN.breachedDone(done, e.lateMs ?? 0, lateDays)
          : EXPLAIN.breachedOpen(now, e.lateMs ?? 0, lateDays),
      );
      break;
    case "pending":
      out.push(
        e.reason === "awaiting-acknowledgement"
          ? EXPLAIN.awaitingAcknowledgement()
          : EXPLAIN.pending(now, e.remainingMs ?? 0, e.atRisk),
      );
      break;
    case "future":
      out.push(EXPLAIN.future(now));
      break;
    case "not-applicable":
      out.push(
        EXPLAIN.notApplicable(
          known(NOT_APPLICABLE_REASONS, e.reason) ? e.reason : "outside-office-hours",
          e.reason === "customer-obligation" ? e.obligation : undefined,
        ),
      );
      break;
    default:
      return e.status satisfies never;
  }
  return out;
}

/** How firmly the standard is promised, and its caveat, in a sentence or two. */
function firmness(r: { readonly firmness?: string | undefined; readonly caveat?: string | undefined }): string[] {
  const out: string[] = [];
  if (known(FIRMNESSES, r.firmness)) out.push(FIRMNESS_WORDS[r.firmness].sentence);
  if (typeof r.caveat === "string") out.push(EXPLAIN.caveat(r.caveat));
  return out;
}

function isSteps(value: unknown): value is readonly TraceStep[] {
  return (
    Array.isArray(value) &&
    value.every(
      (s: unknown) => typeof s === "object" && s !== null && typeof (s as { step?: unknown }).step === "string",
    )
  );
}

/**
 * The reasoning behind a deadline or an evaluation, in plain English: the
 * receipt, day 1, every day skipped and why, every pause, the rule for the due
 * time, and (for an evaluation) the outcome. Works as well on a copy of a
 * result (a spread, a `structuredClone`, a JSON round trip): results are plain data.
 *
 * @throws TypeError naming `result` for anything that is not a Deadline or an Evaluation.
 * @example
 * import { deadline, explain } from "council-sla";
 * import { copeland } from "council-sla/charters";
 *
 * explain(deadline(copeland, "email.respond", "2025-12-19T17:42"));
 * //=> "Received Friday 19 December 2025 at 17:42. Day 1 is Monday 22 December. Saturday 20 December (weekend) and Sunday 21 December (weekend) are not working days. Due by the end of Wednesday 24 December 2025: 3 working days. The charter says it will meet this standard."
 */
export function explain(result: Deadline | Evaluation): string {
  const r = result as unknown as Partial<Record<string, unknown>> | null;
  const valid =
    typeof r === "object" &&
    r !== null &&
    typeof r.standardId === "string" &&
    typeof r.receivedAt === "string" &&
    isSteps(r.trace) &&
    (r.status === undefined ? typeof r.due === "string" : known(STATUSES, r.status) && typeof r.judgedAt === "string");
  if (!valid) throw typeError("invalid", { name: "result", expected: text.result, value: result });
  if (!("status" in result))
    return [...explainTrace(result), ...versionSentence(result.inForce), ...firmness(result)].join(" ");
  const evaluation = result;
  const lines: string[] = [];
  if (evaluation.trace.length > 0) {
    const reasoning = explainTrace(evaluation);
    // Out of scope: the receipt and why is all there is to say.
    lines.push(
      ...(evaluation.status === "not-applicable" && evaluation.reason === "outside-office-hours"
        ? reasoning.slice(0, 1)
        : reasoning),
    );
  }
  lines.push(
    ...versionSentence(evaluation.inForce),
    ...explainOutcome(evaluation, evaluation.judgedAt),
    ...firmness(evaluation),
  );
  return `${evaluation.standardId}: ${lines.join(" ")}`;
}
