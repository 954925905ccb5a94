/**
 * What a published report says, in words, for both audiences: each standard's
 * title, promise, target, verdict and interval sentence; the period covered and
 * the moment of judgement; how the figures are counted; explanations summarised.
 * The HTML page and the Markdown render these; neither invents its own wording.
 *
 * @module
 */
import { FIRMNESS_WORDS, NOT_WORKING, WEEKDAY_NAMES } from "../words.js";
import type { Charter, Standard } from "../charter/schema.js";
import { UNITS, amountText, type LimitUnit, limitOf } from "../charter/units.js";
import { FIRMNESSES } from "../concepts.js";
import { isHolidayRegion } from "../holidays/index.js";
import type { ReportRow } from "../rules/report.js";
import { sumRows } from "../rules/tally.js";
import type { PartialReport } from "./partial.js";
import {
  ABANDONED_WORDS,
  CHANNEL_PLURAL,
  CHANNEL_SINGULAR,
  PERIOD_WORDS,
  REGION_WORDS,
  STAGE_DONE,
  dateInWords,
  firmnessOpening,
  wordsFor,
} from "./words.js";

const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

function joined(words: readonly string[], last: string): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} ${last} ${words[words.length - 1]}`;
}

const unitOf = (s: Standard): LimitUnit => limitOf(s.limit).unit;

/** A plain-English title made from a standard: "65% of calls answered within 20 seconds". */
export function standardTitle(s: Standard): string {
  const { unit, amount } = limitOf(s.limit);
  const limit = amountText(amount, unit);
  const category = s.category;
  const what =
    category === undefined
      ? joined(
          s.channels.map((c) => CHANNEL_PLURAL[c]),
          "and",
        )
      : `${category
          .replace(/-/g, " ")
          .replace(/^complaint stage two$/, "stage two complaints")
          .replace(/^complaint$/, "complaints")
          .replace(/^foi$/, "freedom of information requests")} by ${joined(
          s.channels.map((c) => CHANNEL_SINGULAR[c]),
          "or",
        )}`;
  const share =
    s.target.percent === 100 ? what.charAt(0).toUpperCase() + what.slice(1) : `${s.target.percent}% of ${what}`;
  return `${share} ${STAGE_DONE[s.stage]} within ${limit}`;
}

/** A finite number, or undefined: figures from a report file are used in arithmetic only when they are numbers. */
export function finite(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** `41.7%` of a share from 0 to 1, `–` for none, or the value as it was when it is not a number. */
export function percent(share: unknown): string {
  if (share === null || share === undefined) return "–";
  const n = finite(share);
  return n === undefined ? String(share) : `${(n * 100).toFixed(1)}%`;
}

/** "Sunday 31 January 2027 at 23:59", from an ISO instant in local time. */
export function instantInWords(iso: string): string {
  const date = dateInWords(iso);
  return date === iso || iso.length <= 10 ? date : `${date} at ${iso.slice(11, 16)}`;
}

/** A period in words: "January 2026", "2026/27 Q1: April to June 2026", "week 14: 30 March to 5 April 2026". */
export function periodInWords(row: ReportRow, by: PartialReport["by"]): string {
  const key = String(row.period ?? "");
  const start = row.periodStart;
  const end = row.periodEnd;
  if (by === null || typeof start !== "string" || typeof end !== "string") return key;
  return PERIOD_WORDS[by].title(key, start, end);
}

/** The period's short name for a chart's axis: "Jan", "Q1", "2026/27", "30 Mar". */
export function periodTick(row: ReportRow, by: PartialReport["by"]): string {
  const key = String(row.period ?? "");
  return by === null ? key : PERIOD_WORDS[by].tick(key, String(row.periodStart ?? ""));
}

export const byWords = (by: PartialReport["by"]): string => (by === null ? "" : PERIOD_WORDS[by].name);

/** The verdict on a row in words, with a symbol and a CSS class. */
export function verdictOf(row: ReportRow | undefined): { css: string; symbol: string; words: string } {
  if (row === undefined || row.achieved === null)
    return { css: "none", symbol: "–", words: "No contacts were decided in this period" };
  const target = `${percent(row.metShare)} met against a target of ${String(row.target.percent)}%`;
  return row.achieved === true
    ? { css: "ok", symbol: "✔", words: `Achieved: ${target}` }
    : { css: "miss", symbol: "✘", words: `Not achieved: ${target}` };
}

/** The 95% interval in one sentence, where there is one. */
export function intervalSentence(row: ReportRow | undefined): string | undefined {
  if (row === undefined || row.ci95 === null || typeof row.ci95 !== "object") return undefined;
  const decided = (finite(row.met) ?? 0) + (finite(row.breached) ?? 0);
  return `With this many contacts (${decided.toLocaleString("en-GB")} decided), the true share is very likely between ${percent(row.ci95.low)} and ${percent(row.ci95.high)}.`;
}

/** One standard as a page shows it. */
export interface StandardView {
  readonly index: number;
  readonly standard: Standard;
  readonly title: string;
  /** "We will", "We aim to", "As a general rule", or the charter's silence. */
  readonly firmness: string;
  readonly caveat: string | undefined;
  /** Its overall figures (periods summed, as merging sums them), or undefined when nothing was judged. */
  readonly total: ReportRow | undefined;
  readonly periods: readonly ReportRow[];
}

/** One standard per id: of a standard given in versions, the one in force last (its view names it; a note lists the others). */
export function latestVersions(standards: readonly Standard[]): Standard[] {
  const last = new Map<string, Standard>();
  const end = (s: Standard) => s.inForce?.to ?? "\uffff";
  for (const s of standards) {
    const known = last.get(s.id);
    if (known === undefined || end(s) > end(known)) last.set(s.id, s);
  }
  return [...last.values()];
}

export function standardViews(report: PartialReport, charter: Charter): StandardView[] {
  const flat = new Map<string, ReportRow>();
  const byPeriod = new Map<string, ReportRow[]>();
  for (const r of report.rows) {
    if (report.by === null) flat.set(r.standardId, r);
    else byPeriod.set(r.standardId, [...(byPeriod.get(r.standardId) ?? []), r]);
  }
  return latestVersions(charter.standards).map((s, index) => {
    const periods = byPeriod.get(s.id) ?? [];
    const firmness = s?.firmness;
    return {
      index,
      standard: s,
      title: standardTitle(s),
      firmness: firmness === undefined ? "The charter says" : firmnessOpening(firmness),
      caveat: s?.caveat,
      total: report.by === null ? flat.get(s.id) : sumRows(periods, report.worstLimit),
      periods,
    };
  });
}

/** The period the figures cover, in a sentence. */
export function coveredSentence(report: PartialReport): string {
  const received = report.received;
  const span =
    received !== null && typeof received === "object" && typeof received.first === "string"
      ? `Contacts received from ${dateInWords(received.first)} to ${dateInWords(String(received.last))}`
      : undefined;
  if (span === undefined)
    return received === null
      ? "No contacts were received before the moment of judgement."
      : "Contacts received up to the moment of judgement (the report does not give their dates).";
  if (report.by === null) return `${span}.`;
  const keys = report.rows
    .filter((r) => typeof r.periodStart === "string")
    .sort((a, b) => (String(a.periodStart) < String(b.periodStart) ? -1 : 1))
    .map((r) => String(r.period));
  const from = `${dateInWords(`2001-${String(report.yearStart ?? "04-01")}`, false).replace(/ 2001$/, "")}`;
  const year = report.yearStart === "01-01" ? "the calendar year" : `the year that starts on ${from}`;
  const by =
    report.by === "financial-year"
      ? report.yearStart === "01-01"
        ? "by calendar year"
        : `by financial year (from ${from})`
      : `by ${byWords(report.by)} of ${year}`;
  const first = keys[0];
  const last = keys[keys.length - 1];
  return `${span}, ${by}${first === undefined || last === undefined ? "" : ` (${first === last ? first : `${first} to ${last}`})`}.`;
}

/** When the figures were judged, in a sentence. */
export function judgedSentence(report: PartialReport): string {
  return `Figures as they stood on ${instantInWords(report.now)}, in the council's local time.`;
}

/** The working week in words: "Monday to Friday". */
function weekWords(charter: Charter): string {
  const week = charter.calendar?.workingWeek ?? WEEKDAY_KEYS.slice(0, 5);
  const days = WEEKDAY_KEYS.filter((d) => week.includes(d));
  const first = WEEKDAY_KEYS.indexOf(days[0] ?? "mon");
  const consecutive = days.every((d, i) => WEEKDAY_KEYS.indexOf(d) === first + i);
  const names = days.map((d) => WEEKDAY_NAMES[WEEKDAY_KEYS.indexOf(d)] as string);
  return consecutive && names.length > 2 ? `${names[0]} to ${names[names.length - 1]}` : joined(names, "and");
}

/** "How we count": the few rules a resident needs to read the figures. */
export function howWeCount(charter: Charter, report: PartialReport): string[] {
  const calendar = charter.calendar;
  const closures = calendar?.closures ?? [];
  const recurring = calendar?.recurringClosures ?? [];
  const region = isHolidayRegion(calendar.holidays)
    ? REGION_WORDS[calendar.holidays]
    : `the holidays of ${calendar.holidays}`;
  const kinds = new Set(charter.standards.map((s) => UNITS[unitOf(s)].kind));
  const out = [
    `A working day is ${weekWords(charter)}, except ${region}${closures.length + recurring.length > 0 ? " and the days the council is closed" : ""}.`,
  ];
  if (kinds.has("working-days"))
    out.push(
      "A limit in working days counts from the day after we receive your contact: day 1 is the first working day after it arrives.",
    );
  if (kinds.has("elapsed"))
    out.push(
      "A limit in seconds or minutes counts from the moment you call or arrive; calls and visits outside opening hours are not counted when the standard covers opening hours only.",
    );
  if (charter.standards.some((s) => s.stage === "answer" || s.stage === "attend"))
    out.push(wordsFor(ABANDONED_WORDS, report.abandoned));
  out.push(
    "The share met is the contacts dealt with in time out of those decided (met or not met); contacts still within their time limit are pending and not yet counted.",
  );
  return out;
}

/** The rows that could not be read, in a sentence for the public page (no file names, no lines). */
export function unreadSentence(total: unknown): string {
  if (total === 0) return "Every row of the council's records was read.";
  const n = finite(total);
  return `${n === undefined ? String(total) : n.toLocaleString("en-GB")} ${n === 1 ? "row" : "rows"} of the council's records could not be read, and ${n === 1 ? "is" : "are"} not counted.`;
}

/** The explanation of a breach, shortened for a table: no standard id, no firmness sentence, and days not worked counted. */
export function summarised(explanation: string): string {
  const item = String.raw`[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+(?: \d{4})? \(((?:[^()]|\([^()]*\))*)\)`;
  const days = new RegExp(
    String.raw`((?:${item})(?:(?:, | and )(?:${item}))*) (?:${NOT_WORKING.one}|${NOT_WORKING.many})\.`,
  );
  return FIRMNESSES.map((f) => ` ${FIRMNESS_WORDS[f].sentence}`)
    .reduce((text, sentence) => (text.endsWith(sentence) ? text.slice(0, -sentence.length) : text), explanation)
    .replace(/^[a-z][\w.-]*: /, "")
    .replace(days, (sentence) => {
      const labels = [...sentence.matchAll(new RegExp(item, "g"))].map((m) => m[1] ?? "");
      const weekend = labels.filter((l) => l === "weekend").length;
      const named = labels.filter((l) => l !== "weekend");
      const parts = [...(weekend === 0 ? [] : [`${weekend} weekend ${weekend === 1 ? "day" : "days"}`]), ...named];
      return `Not working days: ${joined(parts, "and")}.`;
    });
}
