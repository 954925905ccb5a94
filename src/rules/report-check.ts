/**
 * Checking a value that claims to be a compliance report (a partial report read back from
 * a file, or handed to mergeReports): every field of the right kind, every count a
 * non-negative integer, and the counts consistent with one another. A report that passes
 * can be merged and formatted; the shares, targets and intervals are recomputed from its
 * counts, never taken from it.
 *
 * @module
 */
import { typeError } from "../problems.js";
import { ABANDONED_POLICIES, REPORT_PERIODS } from "../concepts.js";
import { PROBLEM_MESSAGES, alternatives, text } from "../words.js";
import type { ComplianceReport } from "./report-types.js";
import { MAX_ERRORS } from "./tally.js";

type Fields = Readonly<Record<string, unknown>>;

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && Object.hasOwn(value, key) ? (value as Fields)[key] : undefined;
}

function isObject(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function count(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw typeError("invalid", { name, expected: "a whole number, 0 or more", value });
  }
  return value;
}

function string(value: unknown, name: string): string {
  if (typeof value !== "string") throw typeError("invalid", { name, expected: "a string", value });
  return value;
}

function list(value: unknown, name: string, most?: number): readonly unknown[] {
  if (!Array.isArray(value)) throw typeError("invalid", { name, expected: "an array", value });
  if (most !== undefined && value.length > most) {
    throw typeError("invalid", { name, expected: `an array of at most ${most}`, value });
  }
  return value;
}

function id(value: unknown, name: string): void {
  const ok = value === null || typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
  if (!ok) throw typeError("invalid", { name, expected: "a contact id (a string, a number or null)", value });
}

/**
 * Checks that `value` is a compliance report whose counts add up, naming the field and
 * the value at fault (`a.rows[2].met`).
 *
 * @throws TypeError naming the first field that is wrong.
 */
export function checkReport(value: unknown, name: string): ComplianceReport {
  // Not a report at all: say so of the argument, not of its first missing field.
  if (!isObject(value) || typeof field(value, "charterId") !== "string" || !Array.isArray(field(value, "rows"))) {
    throw typeError("invalid", { name, expected: text.report, value });
  }
  string(field(value, "charterId"), `${name}.charterId`);
  string(field(value, "charterFingerprint"), `${name}.charterFingerprint`);
  string(field(value, "now"), `${name}.now`);
  const by = field(value, "by");
  if (by !== null && !(REPORT_PERIODS as readonly unknown[]).includes(by)) {
    throw typeError("invalid", { name: `${name}.by`, expected: `null or ${alternatives(REPORT_PERIODS)}`, value: by });
  }
  const yearStart = field(value, "yearStart");
  if (yearStart !== null && yearStart !== undefined) string(yearStart, `${name}.yearStart`);
  const received = field(value, "received");
  if (received !== null && received !== undefined) {
    string(field(received, "first"), `${name}.received.first`);
    string(field(received, "last"), `${name}.received.last`);
  }
  const abandoned = field(value, "abandoned");
  if (!(ABANDONED_POLICIES as readonly unknown[]).includes(abandoned as string)) {
    throw typeError("invalid", {
      name: `${name}.abandoned`,
      expected: alternatives(ABANDONED_POLICIES),
      value: abandoned,
    });
  }
  const standards = list(field(value, "standards"), `${name}.standards`);
  standards.forEach((s, i) => string(s, `${name}.standards[${i}]`));
  const contacts = count(field(value, "contacts"), `${name}.contacts`);
  const skipped = count(field(value, "skipped"), `${name}.skipped`);
  const future = count(field(value, "future"), `${name}.future`);
  if (skipped + future > contacts) {
    throw typeError("report_counts", {
      name,
      what: `skipped (${skipped}) and future (${future}) exceed contacts (${contacts})`,
    });
  }
  const worstLimit = count(field(value, "worstLimit"), `${name}.worstLimit`);
  if (worstLimit > 1000)
    throw typeError("invalid", {
      name: `${name}.worstLimit`,
      expected: "an integer from 0 to 1000",
      value: worstLimit,
    });
  const errors = list(field(value, "errors"), `${name}.errors`, MAX_ERRORS);
  if (errors.length > skipped) {
    throw typeError("report_counts", {
      name,
      what: `${errors.length} errors listed but only ${skipped} contacts skipped`,
    });
  }
  errors.forEach((e, i) => {
    const at = `${name}.errors[${i}]`;
    if (!isObject(e)) throw typeError("invalid", { name: at, expected: "{ index, contactId, message }", value: e });
    count(field(e, "index"), `${at}.index`);
    id(field(e, "contactId"), `${at}.contactId`);
    string(field(e, "message"), `${at}.message`);
    // Reports written before errors carried their code have none; one that has a code names a known problem.
    const code = field(e, "code");
    if (code !== undefined && !(typeof code === "string" && Object.hasOwn(PROBLEM_MESSAGES, code)))
      throw typeError("not_one_of", { name: `${at}.code`, values: Object.keys(PROBLEM_MESSAGES), value: code });
    const errorField = field(e, "field");
    if (errorField !== undefined) string(errorField, `${at}.field`);
  });
  const judged = contacts - skipped - future;
  // Interval counts are records among the contacts, each holding any number of calls.
  const intervals = field(value, "intervals");
  let intervalRows = 0;
  let intervalCalls = 0;
  if (intervals !== undefined) {
    if (!isObject(intervals))
      throw typeError("invalid", { name: `${name}.intervals`, expected: "{ judged, calls }", value: intervals });
    intervalRows = count(field(intervals, "judged"), `${name}.intervals.judged`);
    intervalCalls = count(field(intervals, "calls"), `${name}.intervals.calls`);
    if (intervalRows > judged)
      throw typeError("report_counts", {
        name,
        what: `${intervalRows} intervals judged, more than the ${judged} records judged`,
      });
  }
  const callsJudged = judged - intervalRows + intervalCalls;
  const perStandard = new Map<string, number>();
  list(field(value, "rows"), `${name}.rows`).forEach((row, i) => {
    const at = `${name}.rows[${i}]`;
    if (!isObject(row)) throw typeError("invalid", { name: at, expected: "a report row", value: row });
    const standardId = string(field(row, "standardId"), `${at}.standardId`);
    if (!standards.includes(standardId)) {
      throw typeError("invalid", {
        name: `${at}.standardId`,
        expected: `one of the report's standards (${standards.join(", ")})`,
        value: standardId,
      });
    }
    const period = field(row, "period");
    if (by === null ? period !== undefined : typeof period !== "string") {
      throw typeError("invalid", {
        name: `${at}.period`,
        expected: by === null ? "absent (the report has no by)" : "a period",
        value: period,
      });
    }
    const [met, breached, pending, notApplicable] = ["met", "breached", "pending", "notApplicable"].map((key) =>
      count(field(row, key), `${at}.${key}`),
    ) as [number, number, number, number];
    count(field(row, "promisesIgnored"), `${at}.promisesIgnored`);
    if (by !== null) {
      for (const key of ["periodStart", "periodEnd"]) {
        const date = field(row, key);
        if (date !== undefined) string(date, `${at}.${key}`);
      }
    }
    // The statutory counts: late (breached but completed), extended (met by a promise), outstanding (not done by the period's end).
    const [late, extended, outstanding] = ["late", "extended", "outstanding"].map((key) =>
      field(row, key) === undefined ? 0 : count(field(row, key), `${at}.${key}`),
    ) as [number, number, number];
    if (late > breached || extended > met || outstanding > met + breached + pending) {
      throw typeError("report_counts", {
        name: at,
        what: `late (${late}), extended (${extended}) or outstanding (${outstanding}) exceed the counts they are part of`,
      });
    }
    const inScope = count(field(row, "inScope"), `${at}.inScope`);
    if (inScope !== met + breached + pending) {
      throw typeError("report_counts", {
        name: at,
        what: `inScope (${inScope}) is not met + breached + pending (${met + breached + pending})`,
      });
    }
    const percent = field(field(row, "target"), "percent");
    if (typeof percent !== "number" || !Number.isInteger(percent) || percent < 1 || percent > 100) {
      throw typeError("invalid", {
        name: `${at}.target.percent`,
        expected: "a whole percentage from 1 to 100",
        value: percent,
      });
    }
    const firmness = field(row, "firmness");
    if (firmness !== null) string(firmness, `${at}.firmness`);
    const worst = list(field(row, "worst"), `${at}.worst`, Math.min(worstLimit, breached));
    worst.forEach((w, j) => {
      const wat = `${at}.worst[${j}]`;
      if (!isObject(w)) throw typeError("invalid", { name: wat, expected: "a breach", value: w });
      id(field(w, "contactId"), `${wat}.contactId`);
      count(field(w, "lateMs"), `${wat}.lateMs`);
      for (const key of ["receivedAt", "due", "explanation"]) string(field(w, key), `${wat}.${key}`);
      const completedAt = field(w, "completedAt");
      if (completedAt !== null) string(completedAt, `${wat}.completedAt`);
    });
    const basis = field(row, "basis");
    if (basis !== undefined && basis !== "intervals" && basis !== "contacts and intervals")
      throw typeError("invalid", {
        name: `${at}.basis`,
        expected: '"intervals" or "contacts and intervals"',
        value: basis,
      });
    if (basis !== undefined && intervals === undefined)
      throw typeError("report_counts", { name: at, what: "its basis is intervals, but the report judged none" });
    const thresholds = field(row, "thresholds");
    if (thresholds !== undefined)
      list(thresholds, `${at}.thresholds`, 100).forEach((t, j) => {
        if (typeof t !== "number" || !(t > 0 && t <= 86_400))
          throw typeError("invalid", { name: `${at}.thresholds[${j}]`, expected: "a number of seconds", value: t });
      });
    const total = (perStandard.get(standardId) ?? 0) + met + breached + pending + notApplicable;
    perStandard.set(standardId, total);
    if (total > callsJudged) {
      throw typeError("report_counts", {
        name: at,
        what:
          intervalRows === 0
            ? `${standardId} counts ${total} contacts, more than the ${judged} judged`
            : `${standardId} counts ${total} contacts and calls, more than the ${callsJudged} judged`,
      });
    }
  });
  return value as unknown as ComplianceReport;
}
