/**
 * explain(): the reasoning behind a deadline or an evaluation, in plain English
 * that a council officer could paste into a reply.
 *
 * @module
 */
import { MONTH_NAMES, WEEKDAY_NAMES, readDate, weekdayIndex } from "../calendar/civil.js";
import { amountText } from "../charter/units.js";
import { CONTACT_EVENTS, EVENTS } from "../charter/vocabulary.js";
import { expected, text } from "../messages.js";
import type { Deadline } from "./deadline.js";
import type { Evaluation } from "./evaluate.js";
import type { TraceStep } from "./trace.js";

/** "Friday 19 December 2025" (year left out with `withYear: false`). */
function longDate(iso: string, withYear = true): string {
  const day = readDate(iso.slice(0, 10)) as number;
  const month = MONTH_NAMES[Number(iso.slice(5, 7)) - 1] as string;
  return `${WEEKDAY_NAMES[weekdayIndex(day)]} ${Number(iso.slice(8, 10))} ${month}${withYear ? ` ${iso.slice(0, 4)}` : ""}`;
}

/** "17:42", "17:42:15" or "17:42:15.250" from an ISO instant in local time. */
function clock(iso: string): string {
  const hm = iso.slice(11, 16);
  const s = iso.slice(17, 19);
  const ms = iso.slice(20, 23);
  if (ms !== "000") return `${hm}:${s}.${ms}`;
  return s === "00" ? hm : `${hm}:${s}`;
}

function at(iso: string): string {
  return `${longDate(iso)} at ${clock(iso)}`;
}

/** "by the end of Friday 9 January 2026" for a last-millisecond instant, else "by ... at 17:00". */
function by(iso: string): string {
  return iso.slice(11, 23) === "23:59:59.999" ? `by the end of ${longDate(iso)}` : `by ${at(iso)}`;
}

/** "Boxing Day (substitute day)" reads as "substitute day for Boxing Day" inside brackets. */
function holidayName(name: string): string {
  return name.replace(/^(.*) \((substitute day|observed)\)$/, (_, base: string, kind: string) =>
    kind === "observed" ? `${base}, observed` : `substitute day for ${base}`,
  );
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function duration(ms: number): string {
  const abs = Math.abs(ms);
  const units: [number, string][] = [
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "minute"],
    [1000, "second"],
  ];
  const parts: string[] = [];
  let rest = abs;
  for (const [size, word] of units) {
    const n = Math.floor(rest / size);
    if (n > 0 && parts.length < 2) {
      parts.push(`${n} ${word}${n === 1 ? "" : "s"}`);
      rest -= n * size;
    }
  }
  if (parts.length === 0) return `${abs} millisecond${abs === 1 ? "" : "s"}`;
  return parts.join(" ");
}

function skippedSentence(skipped: Extract<TraceStep, { step: "skipped" }>[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const phrases = skipped.map((s) => {
    const label = s.reason === "weekend" ? "weekend" : s.name === undefined ? s.reason : holidayName(s.name);
    return `${longDate(s.date, false)} (${label})`;
  });
  return `${list(phrases)} ${skipped.length === 1 ? "is not a working day" : "are not working days"}.`;
}

function explainTrace(d: {
  readonly trace: readonly TraceStep[];
  readonly startsAt?: string;
  readonly receivedAt: string;
}): string[] {
  const out: string[] = [];
  const skipped: Extract<TraceStep, { step: "skipped" }>[] = [];
  let dayZero: string | undefined;
  for (const step of d.trace) {
    switch (step.step) {
      case "received":
        out.push(`Received ${at(step.at)}.`);
        break;
      case "starts-from-acknowledgement":
        out.push(`Counted from the acknowledgement, ${at(step.at)}.`);
        break;
      case "cutoff":
        out.push(`That is at or after the ${step.cutoff} cut-off, so it counts as received on ${longDate(step.date)}.`);
        break;
      case "day-zero":
        dayZero = step.date;
        if (step.countsAsDayOne) out.push(`The day of receipt, ${longDate(step.date, false)}, counts as day 1.`);
        break;
      case "day-one":
        if (step.date !== dayZero) out.push(`Day 1 is ${longDate(step.date, false)}.`);
        break;
      case "skipped":
        skipped.push(step);
        break;
      case "paused": {
        const sentence = skippedSentence(skipped.splice(0));
        if (sentence) out.push(sentence);
        const gone =
          step.unit === "ms"
            ? duration(step.disregarded)
            : `${step.disregarded} ${step.disregarded === 1 ? step.unit.replace(/s$/, "") : step.unit}`;
        out.push(`The clock stopped from ${at(step.from)} to ${at(step.to)}: ${gone} disregarded.`);
        break;
      }
      case "out-of-scope":
        out.push(`The office was closed then, and this standard covers office hours only, so it does not apply.`);
        break;
      case "next-opening":
        out.push(`The office was closed, so the clock started when it opened, ${at(step.at)}.`);
        break;
      case "no-office-hours":
        out.push(`${longDate(step.date)} has no office hours, so the end of that day is used.`);
        break;
      case "due": {
        const sentence = skippedSentence(skipped.splice(0));
        if (sentence) out.push(sentence);
        const limit = amountText(step.amount, step.unit);
        if (step.rule === "end-of-day") out.push(`Due by the end of ${longDate(step.date)}: ${limit}.`);
        else if (step.rule === "close-of-business")
          out.push(`Due by close of business (${clock(step.at)}) on ${longDate(step.date)}: ${limit}.`);
        else if (step.rule === "same-clock-time")
          out.push(`Due by ${clock(step.at)} on ${longDate(step.date)}, the time of day it was received: ${limit}.`);
        else if (step.rule === "office-time") out.push(`Due by ${at(step.at)}: ${limit} of open office time.`);
        else
          out.push(
            `Due ${by(step.at)}: ${limit} after ${d.startsAt === undefined || d.startsAt === d.receivedAt ? "receipt" : "the clock started"}.`,
          );
        break;
      }
    }
  }
  return out;
}

/** "responded", "passed to voicemail": the past tense of what met a standard, from the event table. */
const DONE_WORDS: ReadonlyMap<string, string> = new Map(CONTACT_EVENTS.map((e) => [EVENTS[e].by, EVENTS[e].done]));

const IGNORED_PROMISE: Readonly<Record<NonNullable<Evaluation["promiseIgnored"]>, string>> = {
  "no-acknowledgement": "no acknowledgement had been sent",
  "acknowledged-after-due": "the acknowledgement came after the time allowed",
  "before-acknowledgement": "the promised time is before the acknowledgement",
  "beyond-limit": "it is later than the charter lets a promise move the deadline",
};

/** "(at most 10 further working days: by the end of Friday 18 December 2026)", from an evaluation's promiseLimit. */
function limitWords(limit: unknown): string {
  const l = limit as { amount?: unknown; unit?: unknown; latest?: unknown } | null | undefined;
  if (typeof l !== "object" || l === null || typeof l.amount !== "number" || typeof l.latest !== "string") return "";
  const unit = l.unit === "calendarDays" ? "calendarDays" : "workingDays";
  return ` (at most ${amountText(l.amount, unit)} further: ${by(l.latest)})`;
}

/** "The version of this standard in force from Tuesday 1 April 2025 applied.", from a result's inForce. */
function versionSentence(period: unknown): string[] {
  const p = period as { from?: unknown; to?: unknown } | null | undefined;
  if (typeof p !== "object" || p === null) return [];
  const from = typeof p.from === "string" && readDate(p.from) !== undefined ? longDate(p.from) : undefined;
  const to = typeof p.to === "string" && readDate(p.to) !== undefined ? longDate(p.to) : undefined;
  if (from === undefined && to === undefined) return [];
  const when =
    from !== undefined && to !== undefined
      ? `from ${from} to ${to}`
      : from !== undefined
        ? `from ${from}`
        : `until ${to}`;
  return [`The version of this standard in force ${when} applied.`];
}

function explainOutcome(e: Evaluation, now: string | undefined): string[] {
  const out: string[] = [];
  if (e.by === "promise" && e.due !== null) {
    out.push(`An acknowledgement in time promised a full response ${by(e.due)}, so that became the due time.`);
  }
  if (e.promiseIgnored !== undefined) {
    const limit = e.promiseIgnored === "beyond-limit" ? limitWords(e.promiseLimit) : "";
    out.push(
      `The promised date was ignored: ${IGNORED_PROMISE[e.promiseIgnored] ?? "it is not a valid promise"}${limit}.`,
    );
  }
  const done =
    e.completedAt === null
      ? undefined
      : `${DONE_WORDS.get(e.by === "promise" ? "response" : (e.by ?? "response")) ?? "completed"} on ${at(e.completedAt)}`;
  const lateDays =
    e.lateWorkingDays === undefined
      ? ""
      : `, ${e.lateWorkingDays} working day${e.lateWorkingDays === 1 ? "" : "s"} after the due date`;
  switch (e.status) {
    case "met":
      out.push(`Met: ${done ?? "completed"}, in time.`);
      break;
    case "breached":
      if (done !== undefined) out.push(`Breached: ${done}, ${duration(e.lateMs ?? 0)} late${lateDays}.`);
      else
        out.push(
          `Breached: not done in time${now === undefined ? "" : ` (judged ${at(now)})`}, ${duration(e.lateMs ?? 0)} past due${lateDays}.`,
        );
      break;
    case "pending":
      if (e.reason === "awaiting-acknowledgement")
        out.push("Pending: the clock starts when the contact is acknowledged.");
      else
        out.push(
          `Pending${now === undefined ? "" : ` at ${at(now)}`}: ${duration(e.remainingMs ?? 0)} left.${e.atRisk ? " At risk: most of the time allowed has gone." : ""}`,
        );
      break;
    case "future":
      out.push(`Not yet received${now === undefined ? "" : ` at ${at(now)}`}: it is judged once it has arrived.`);
      break;
    case "not-applicable":
      out.push(NOT_APPLICABLE[e.reason ?? "outside-office-hours"] ?? "Not applicable.");
      if (e.reason === "customer-obligation" && e.obligation !== undefined)
        out[out.length - 1] = `${out[out.length - 1]} (${e.obligation}).`;
      break;
  }
  return out;
}

const NOT_APPLICABLE: Readonly<Record<string, string>> = {
  abandoned: "Not applicable: the caller hung up before the time allowed had run out.",
  "outside-office-hours":
    "Not applicable: received while the office was closed, and this standard covers office hours only.",
  appointment: "Not applicable: this standard covers visits without an appointment.",
  "customer-obligation": "Not applicable: the charter asks something of the customer that was not done",
};

const FIRMNESS: Readonly<Record<string, string>> = {
  will: "The charter says it will meet this standard.",
  aim: "The charter says it aims to meet this standard: a target, not a firm promise.",
  "general-rule": "The charter gives this standard as a general rule.",
};

/** How firmly the standard is promised, and its caveat, in a sentence or two. */
function firmness(r: { readonly firmness?: string | undefined; readonly caveat?: string | undefined }): string[] {
  const out: string[] = [];
  if (typeof r.firmness === "string" && FIRMNESS[r.firmness] !== undefined) out.push(FIRMNESS[r.firmness] as string);
  if (typeof r.caveat === "string") out.push(`It adds: “${r.caveat}”.`);
  return out;
}

const STATUSES: ReadonlySet<unknown> = new Set(["met", "breached", "pending", "not-applicable", "future"]);

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
    (r.status === undefined ? typeof r.due === "string" : STATUSES.has(r.status) && typeof r.judgedAt === "string");
  if (!valid) throw new TypeError(expected("result", text.result, result));
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
