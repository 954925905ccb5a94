/**
 * The wording of every error the library throws (charter issues have their
 * own module, charter/issues.ts): arguments, instants, dates, contacts, ranges
 * and reports. One function per message, so that a text is written once.
 *
 * @module
 */

import { readDate, weekdayIndex } from "./calendar/civil.js";
import { LIMIT_UNITS, UNITS, type LimitUnit } from "./charter/units.js";
import {
  ABANDONED_POLICIES,
  REPORT_PERIODS,
  type DueRule,
  type Firmness,
  type IgnoredPromise,
  type NonWorkingReason,
  type NotApplicableReason,
  type Status,
} from "./concepts.js";

const MAX_SHOWN = 80;

/** Renders a received value for an error message: short, unambiguous, never throws. */
export function show(value: unknown): string {
  if (typeof value === "string") {
    const text = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return JSON.stringify(text);
  }
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === null || value === undefined || typeof value === "boolean") return String(value);
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15
      ? `a Date (${new Date(ms).toISOString()})`
      : "an Invalid Date";
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return String(value);
  return "an object";
}

/** '"a", "b" or "c"': the members of a concept, as a message offers them. */
export function alternatives(values: readonly string[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/** `Expected \`name\` to be what, got value` */
export function expected(name: string, what: string, value: unknown): string {
  return `Expected \`${name}\` to be ${what}, got ${show(value)}`;
}

/** What an argument should be, in the words of {@link expected}. */
export const text = {
  isoDate: "a calendar date written YYYY-MM-DD",
  instant: "a Date, epoch milliseconds, or an ISO 8601 string such as 2026-12-03T17:42 or 2026-12-03T17:42:00Z",
  epochMs: "an integer number of epoch milliseconds",
  timeZone: "an IANA time zone such as Europe/London",
  clockTime: "a time of day written HH:MM, from 00:00 to 24:00",
  calendarSource: "a charter or the calendar part of one",
  wholeMs: "a whole number of milliseconds, 0 or more",
  warnAt: "a number from 0 to 1",
  now: "the instant of judgement (now is a parameter, never the clock)",
  contacts: "an Iterable or AsyncIterable of contacts",
  contact: "an object",
  contactId: "a string or a finite number",
  category: "a string",
  pauses: "an array of { from, to }",
  pause: "{ from, to }",
  by: alternatives(REPORT_PERIODS),
  yearStart:
    "the first day of the reporting year written MM-DD, with a day from 01 to 28 (04-01 for the UK financial year)",
  yearStartMonth: "the first day of a month written MM-01 when rows are by month (months split into years only then)",
  worst: "an integer from 0 to 1000",
  abandoned: alternatives(ABANDONED_POLICIES),
  report: "a ComplianceReport from complianceReport() or mergeReports()",
  result: "a Deadline or an Evaluation from council-sla",
} as const;

/** Which years a holiday table covers, and how to supply more. */
function coverage(region: string, first: number, last: number): string {
  return (
    `the years the ${region} holiday table covers (${first} to ${last}). Working days outside that range cannot be counted reliably: ` +
    `supply holidays for those years with the council-sla/date-holidays adapter ` +
    `or a custom holiday table (calendarFor(charter, { holidays })).`
  );
}

/** The years a calendar covers, as the messages about them name them. */
interface Coverage {
  readonly region: string;
  readonly first: number;
  readonly last: number;
}

/**
 * Problems with an argument, a contact or an interval's counts: one message function per
 * code, from the parameters the error carries (problems.ts). `name` is always the
 * argument or field, as the message names it (`contact.respondedAt`, `options.now`).
 */
export const PROBLEM_MESSAGES = {
  /** A value of the wrong kind or form. */
  invalid: (p: { name: string; expected: string; value: unknown }) => expected(p.name, p.expected, p.value),
  /** A value that is none of a concept's members. */
  not_one_of: (p: { name: string; values: readonly string[]; value: unknown }) =>
    expected(p.name, `one of ${p.values.join(", ")}`, p.value),
  /** An integer argument outside its range. */
  integer_range: (p: { name: string; min: number; max: number; value: unknown }) =>
    expected(p.name, `an integer from ${p.min} to ${p.max}`, p.value),
  /** The instants any calendar can convert: the years 0001 to 9999. */
  instant_out_of_range: (p: { name: string; value: unknown }) =>
    expected(p.name, "an instant in the years 0001 to 9999", p.value),
  /** A date or instant outside the years the calendar's holiday table covers. */
  year_out_of_range: (p: Coverage & { name: string; shown: string }) =>
    `\`${p.name}\` is ${p.shown}, outside ${coverage(p.region, p.first, p.last)}`,
  /** Counting `n` working days from `date` runs off the end of the holiday table. */
  count_out_of_range: (p: Coverage & { name: string; n: number; date: string; edge: string }) =>
    `${p.n} working days from ${p.date} (\`${p.name}\`) goes past ${p.edge}. That is outside ${coverage(p.region, p.first, p.last)}`,
  /** One instant given before another it may not precede. */
  before: (p: { name: string; value: unknown; other: string; otherValue: unknown }) =>
    `\`${p.name}\` (${show(p.value)}) is before \`${p.other}\` (${show(p.otherValue)})`,
  empty_pause: (p: { name: string; from: unknown; to: unknown }) =>
    `\`${p.name}\` ends (${show(p.to)}) at or before it starts (${show(p.from)})`,
  overlapping_pauses: (p: { name: string; at: string }) =>
    `\`${p.name}\` overlap: a pause starts at ${p.at} before the one before it ends`,
  /** An abandonment on a channel that cannot be abandoned. */
  not_a_call: (p: { name: string; channel: string }) =>
    `\`${p.name}\` applies to calls (telephone), not to a ${p.channel} contact`,
  /** A contact whose fields could not be read at all (a getter that throws, a revoked Proxy). */
  unreadable: (p: { reason: string }) => `the contact's fields cannot be read: ${p.reason}`,
  unknown_standard: (p: { name: string; charterId: string; ids: readonly string[]; value: unknown }) =>
    expected(
      p.name,
      p.ids.length === 0
        ? `a standard of "${p.charterId}", which has none`
        : `a standard of "${p.charterId}" (${p.ids.join(", ")})`,
      p.value,
    ),
  /** A standard asked about for a date none of its versions was in force on. */
  not_in_force: (p: {
    name: string;
    standardId: string;
    date: string;
    periods: readonly { readonly from: string | undefined; readonly to: string | undefined }[];
  }) =>
    `Standard ${p.standardId} was not in force on ${p.date} (\`${p.name}\`): it was in force ${p.periods.map(periodText).join(", and ")}`,
  needs_acknowledgement: (p: { name: string; standardId: string }) =>
    `Standard ${p.standardId} counts from the acknowledgement: pass \`${p.name}\``,
  /** A custom holiday table too wide (or malformed) to build a calendar from. */
  bad_holiday_table: (p: { name: string; region: unknown; first: unknown; last: unknown; maxYears: number }) =>
    `Expected \`${p.name}\` to be a holiday table spanning 1 to ${p.maxYears} years within 0001 to 9999, got ${show(p.region)} from ${show(p.first)} to ${show(p.last)}`,
  wrong_holiday_region: (p: { name: string; wanted: string; value: unknown }) =>
    expected(p.name, `a holiday table for ${JSON.stringify(p.wanted)}`, p.value),
  read_only_table: (_p: object) =>
    "A holiday table is read-only (every calendar of its region shares it): copy its days into a new Map to change them",
  /** Counts of a report that do not add up. */
  report_counts: (p: { name: string; what: string }) => `\`${p.name}\` is not a consistent report: ${p.what}`,
  cannot_merge: (p: { key: string; a: unknown; b: unknown }) =>
    `Cannot merge reports with different \`${p.key}\`: ${JSON.stringify(p.a)} and ${JSON.stringify(p.b)}`,
  /** The counts of an interval that do not add up. */
  interval_counts: (p: { what: string }) => `The interval's counts do not add up: ${p.what}`,
  /** An interval that had not ended at the moment of judgement: its calls may still be waiting. */
  interval_not_over: (p: { start: string; minutes: number; now: string }) =>
    `The interval from ${p.start} (${p.minutes} minutes) had not ended at ${p.now}: its calls cannot all be judged yet`,
  /** An interval that is partly inside and partly outside the hours of a standard scoped to them. */
  interval_straddles_hours: (p: { standardId: string; start: string; minutes: number }) =>
    `The interval from ${p.start} (${p.minutes} minutes) is partly inside and partly outside the hours of ${p.standardId}, which covers only calls received while they are open: its counts cannot be split (use shorter intervals)`,
  /** A threshold of the interval's counts that is not the standard's limit. */
  interval_threshold: (p: { name: string; seconds: number; standardId: string; limitSeconds: number }) =>
    `\`${p.name}\` is ${p.seconds} seconds, but ${p.standardId} has a limit of ${p.limitSeconds} seconds: counts within ${p.seconds} seconds cannot judge it (\`options.allowThreshold\`, or --allow-threshold, says the difference is deliberate)`,
  /** The abandoned-call policy by-limit needs the short abandons. */
  interval_needs_short_abandons: (p: { name: string; standardId: string; limitSeconds: number }) =>
    `\`${p.name}\` is needed to judge ${p.standardId} with the abandoned-call policy by-limit (calls abandoned before its limit of ${p.limitSeconds} seconds are excluded): give the short abandons, or use the policy "missed" or "excluded"`,
} as const;

// Charter issues: one message function per code (charter/issues.ts carries them as data).

const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: "an object",
  array: "an array",
  tuple: "an array",
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
};

export function bound(issue: { origin?: string; inclusive?: boolean }, size: unknown, small: boolean): string {
  const n = String(size);
  if (issue.origin === "array") return `${small ? "at least" : "at most"} ${n} item(s)`;
  if (issue.origin === "string") return small ? "a non-empty string" : `at most ${n} characters`;
  const strict = issue.inclusive === false;
  return `a number ${small ? (strict ? "greater than" : "of at least") : strict ? "less than" : "of at most"} ${n}`;
}

/** "an object", "a string": how a zod type name reads in a message. */
export function typeWords(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

const words = (unit: LimitUnit): string => UNITS[unit].words[1];

/** A period in force in words: "from 2024-04-01 to 2025-03-31", "until 2025-03-31", "from 2025-04-01", "at all times". */
export function periodText(p: { readonly from?: string | undefined; readonly to?: string | undefined }): string {
  if (p.from !== undefined && p.to !== undefined) return `from ${p.from} to ${p.to}`;
  if (p.from !== undefined) return `from ${p.from}`;
  if (p.to !== undefined) return `until ${p.to}`;
  return "at all times";
}
const quoted = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(", ");

/**
 * One message function per issue code. The shape problems zod finds come
 * first (their codes are zod's, kept because tools know them), then the field
 * formats, then the rules between fields (charter/checks.ts), then layering.
 */
export const ISSUE_MESSAGES = {
  // Shape (zod's codes).
  invalid_type: (p: { expected: string; input: unknown }) =>
    p.input === undefined ? `Missing ${p.expected}` : `Expected ${p.expected}, got ${show(p.input)}`,
  invalid_value: (p: { values: readonly unknown[]; input: unknown }) =>
    `Expected one of ${quoted(p.values)}, got ${show(p.input)}`,
  too_small: (p: { what: string; input: unknown }) =>
    `Expected ${p.what}${p.input === undefined || typeof p.input === "object" ? "" : `, got ${show(p.input)}`}`,
  too_big: (p: { what: string; input: unknown }) =>
    `Expected ${p.what}${p.input === undefined || typeof p.input === "object" ? "" : `, got ${show(p.input)}`}`,
  invalid_format: (p: { format: string; input: unknown }) =>
    `Expected ${p.format === "regex" ? "a value in the documented form" : `a valid ${p.format}`}, got ${show(p.input)}`,
  invalid_union: (p: { input: unknown }) => `Expected one of the allowed forms, got ${show(p.input)}`,
  unrecognized_key: (p: { key: string }) => `Unknown key ${JSON.stringify(p.key)}`,
  invalid_input: (p: { input: unknown }) => `Invalid value ${show(p.input)}`,
  too_large: (p: { what: string; limit: number }) => `Too large to check: ${p.what} (at most ${p.limit})`,
  too_many_issues: (p: { more: number }) =>
    `…and ${p.more} more problem${p.more === 1 ? "" : "s"} (only the first ones are listed)`,

  // Field formats.
  invalid_date: (p: { input: unknown }) => `Expected a calendar date written YYYY-MM-DD, got ${show(p.input)}`,
  invalid_clock_time: (p: { input: unknown }) =>
    `Expected a time of day written HH:MM (00:00 to 24:00), got ${show(p.input)}`,
  unknown_time_zone: (p: { input: unknown }) =>
    `Expected an IANA time zone such as Europe/London, got ${show(p.input)}`,
  invalid_region_id: (p: { input: unknown }) =>
    `Expected a holiday region id such as GB-ENG or CA-ON, got ${show(p.input)}`,
  // Rules between fields.
  duplicate: (p: { value: string }) => `"${p.value}" is listed twice`,
  duplicate_id: (p: { id: string; first: string }) => `Duplicate id "${p.id}" (also ${p.first})`,
  missing_office_hours: (p: { day: string }) => `"${p.day}" is a working weekday but has no office hours`,
  extra_date_without_hours: (p: { date: string; day: string }) =>
    `${p.date} is a ${p.day}, which has no office hours: give officeHours.${p.day} for extra working dates on that weekday`,
  empty_interval: (p: { open: string; close: string }) =>
    `Office hours must close after they open, got ${p.open} to ${p.close}`,
  overlap: (p: { open: string; close: string }) =>
    `Office hours ${p.open} to ${p.close} overlap or come before the interval before them`,
  empty_range: (p: { from: string; to: string }) =>
    `A closure must end on or after its first date, got ${p.from} to ${p.to}`,
  too_long: (p: { from: string; to: string }) => `A closure may last at most 366 days, got ${p.from} to ${p.to}`,
  conflict: (p: { date: string; closure: number }) =>
    `${p.date} is both a closure (closures[${p.closure}]) and an extra working date`,
  limit_units: (p: { units: readonly LimitUnit[] }) =>
    p.units.length === 0
      ? `Expected a limit with one unit (${LIMIT_UNITS.join(", ")}), e.g. { "workingDays": 3 }`
      : `Expected a limit with one unit, got ${p.units.join(" and ")}`,
  unit_for_stage: (p: { unit: LimitUnit; stage: string; allowed: readonly LimitUnit[] }) =>
    `A limit in ${words(p.unit)} does not suit the "${p.stage}" stage (use ${p.allowed.join(", ")})`,
  id_stage: (p: { idStage: string | undefined; stage: string }) =>
    `The id ends in "${p.idStage}" but the stage is "${p.stage}"`,
  id_category: (p: { idCategory: string | undefined; category: string | undefined }) =>
    `The id's category (${p.idCategory ?? "none"}) differs from the standard's category (${p.category ?? "none"})`,
  id_channel: (p: { channel: string | undefined }) =>
    `The id's channel "${p.channel}" is not among the standard's channels`,
  scope_for_unit: (p: { unit: LimitUnit }) =>
    `scope "office-hours" applies to elapsed limits (seconds, minutes, hours), not ${words(p.unit)}`,
  due_at_for_unit: (p: { unit: LimitUnit }) =>
    `dueAt applies to day-based limits (working days, calendar days, months), not ${words(p.unit)}`,
  count_receipt_day_for_unit: (p: { unit: LimitUnit }) =>
    `countReceiptDay applies to working or calendar days, not ${words(p.unit)}`,
  promise_for_stage: (p: { stage: string }) => `allowPromise applies to the "respond" stage, not "${p.stage}"`,
  starts_from_for_stage: (p: { stage: string }) =>
    `startsFrom "acknowledged" applies to the "respond" stage, not "${p.stage}"`,
  unknown_schedule: (p: { name: string; known: readonly string[] }) =>
    `"${p.name}" is not a schedule of this calendar (${p.known.join(", ")})`,
  unknown_source: (p: { id: string; known: readonly string[] }) =>
    `"${p.id}" is not the id of one of the charter's sources (${p.known.join(", ") || "none has an id"})`,
  unknown_exempted_standard: (p: { id: string; known: readonly string[] }) =>
    `"${p.id}" is not a standard of this charter (${p.known.join(", ") || "none"})`,
  closure_rule: (_p: object) =>
    `A recurring closure needs exactly one rule: "every" ({ month, weekday, nth }) or "substituteFor"`,
  zero_nth: (_p: object) => `"nth" counts from 1 (the first), or -1 for the last`,
  empty_period: (p: { from: string; to: string }) =>
    `A period in force must end on or after its first date, got ${p.from} to ${p.to}`,
  overlapping_versions: (p: { what: string; first: string; period: string; other: string }) =>
    `${p.what} is in force ${p.period}, which overlaps the version at ${p.first} (in force ${p.other}): give its versions periods in force that do not overlap`,
  never_in_force: (p: { what: string; period: string }) =>
    `${p.what} falls outside its own period in force (${p.period}), so it never applies`,
  promise_limit_form: (p: { forms: readonly string[] }) =>
    p.forms.length === 0
      ? 'Expected a promise limit with one of workingDays, calendarDays or agreed, e.g. { "workingDays": 10 }'
      : `Expected a promise limit with one of workingDays, calendarDays or agreed, got ${p.forms.join(" and ")}`,
  promise_limit_without_promise: (_p: object) =>
    "promiseLimit says how far a promised date may move the due date: it needs allowPromise: true",
  except_with_category: (p: { category: string }) =>
    `exceptCategories applies to standards without a category; this one covers only "${p.category}"`,
  loosened: (p: { id: string; what: string }) =>
    `Replacing "${p.id}" loosens it (${p.what}): declare the variation with the sentence that approves it ("variation": { "quote": ... })`,
  unknown_region: (p: { input: unknown; known: readonly string[] }) =>
    `Expected \`calendar.holidays\` to be a holiday region id (one of ${p.known.join(", ")}), got ${show(p.input)}`,

  // Layers (extendCharter) and files.
  wrong_base: (p: { layerBase: string; base: string }) =>
    `The layer extends "${p.layerBase}" but is applied to "${p.base}"`,
  same_id_as_base: (p: { id: string }) =>
    `A layer needs an id of its own: "${p.id}" is the id of the charter it extends`,
  time_zone_changed: (p: { base: string; layer: string }) =>
    `A layer may not change the time zone: the base uses ${p.base}, the layer says ${p.layer}`,
  unknown_standard: (p: { id: string; base: string; known: readonly string[] }) =>
    `"${p.id}" is not a standard of "${p.base}", so it cannot be replaced (its standards: ${p.known.join(", ") || "none"}); to add it, put it under standards.add`,
  already_a_standard: (p: { id: string; base: string }) =>
    `"${p.id}" is already a standard of "${p.base}": to change it, put it under standards.replace`,
  unknown_base: (p: { base: string; known: readonly string[] }) =>
    `"${p.base}" is not a bundled charter (${p.known.join(", ")})`,
} as const;

/**
 * The wording zod attaches to a field whose value is of the wrong form; the
 * issue's code stays zod's (`invalid_type`, `too_small`, `invalid_format`, ...).
 */
export const FIELD_MESSAGES = {
  invalid_count: (p: { unit: LimitUnit; input: unknown }) =>
    typeof p.input === "number"
      ? `Expected a whole number of ${words(p.unit)}, got ${show(p.input)}`
      : `Expected a number of ${words(p.unit)}, got ${show(p.input)}`,
  count_too_small: (p: { unit: LimitUnit; input: unknown }) =>
    `Expected at least 1 of ${words(p.unit)}, got ${show(p.input)}`,
  count_too_big: (p: { unit: LimitUnit; input: unknown }) =>
    `Expected at most 100000 ${words(p.unit)}, got ${show(p.input)}`,
  invalid_percent: (p: { input: unknown }) =>
    typeof p.input === "number" && !Number.isInteger(p.input)
      ? `Expected a whole percentage from 1 to 100, got ${show(p.input)}`
      : `Expected a percentage from 1 to 100, got ${show(p.input)}`,
  missing_quote: (p: { input: unknown }) =>
    p.input === undefined
      ? "Missing the sentence this comes from (quote)"
      : `Expected the quoted sentence as a string, got ${show(p.input)}`,
  empty_quote: () => "The quote must not be empty",
  invalid_slug: (p: { input: unknown }) => `Expected a lower-case id such as kawartha-lakes, got ${show(p.input)}`,
  invalid_standard_id: (p: { input: unknown }) =>
    `Expected an id written channel[.category].stage such as email.acknowledge, got ${show(p.input)}`,
} as const;

/** One issue of a CharterError's message: `✖ message → at path`. */
export function issueLine(message: string, path: string): string {
  return `✖ ${message} → at ${path}`;
}

/** The heading of a CharterError's message. */
export function invalidCharter(count: number): string {
  return `Invalid charter (${count === 1 ? "1 problem" : `${count} problems`})`;
}

// Dates and durations in words (explain() and the command's page).

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "Friday 19 December 2025" (year left out with `withYear: false`), from a date or an ISO local instant. */
export function longDate(iso: string, withYear = true): string {
  const day = readDate(iso.slice(0, 10)) as number;
  const month = MONTH_NAMES[Number(iso.slice(5, 7)) - 1] as string;
  return `${WEEKDAY_NAMES[weekdayIndex(day)]} ${Number(iso.slice(8, 10))} ${month}${withYear ? ` ${iso.slice(0, 4)}` : ""}`;
}

/** "17:42", "17:42:15" or "17:42:15.250" from an ISO instant in local time. */
export function clockWords(iso: string): string {
  const hm = iso.slice(11, 16);
  const s = iso.slice(17, 19);
  const ms = iso.slice(20, 23);
  if (ms !== "000") return `${hm}:${s}.${ms}`;
  return s === "00" ? hm : `${hm}:${s}`;
}

/** "Friday 19 December 2025 at 17:42". */
export function atWords(iso: string): string {
  return `${longDate(iso)} at ${clockWords(iso)}`;
}

/** "by the end of Friday 9 January 2026" for a last-millisecond instant, else "by ... at 17:00". */
export function byWords(iso: string): string {
  return iso.slice(11, 23) === "23:59:59.999" ? `by the end of ${longDate(iso)}` : `by ${atWords(iso)}`;
}

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "2 days 3 hours": the two largest units of a duration, or its milliseconds when under a second. */
export function durationWords(ms: number): string {
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

/** "Boxing Day (substitute day)" reads as "substitute day for Boxing Day" inside brackets. */
function holidayName(name: string): string {
  return name.replace(/^(.*) \((substitute day|observed)\)$/, (_, base: string, kind: string) =>
    kind === "observed" ? `${base}, observed` : `substitute day for ${base}`,
  );
}

// The concepts' words: each table is a Record over its concept (concepts.ts), so a new member does not
// compile until it has its words here.

/** How firmly a charter promises a standard: explain()'s sentence, and the words a charter opens it with. */
export const FIRMNESS_WORDS: Readonly<Record<Firmness, { readonly sentence: string; readonly says: string }>> = {
  will: { sentence: "The charter says it will meet this standard.", says: "we will" },
  aim: { sentence: "The charter says it aims to meet this standard: a target, not a firm promise.", says: "we aim to" },
  "general-rule": { sentence: "The charter gives this standard as a general rule.", says: "as a general rule" },
};

/** A verdict's name, as explain() opens its sentence and a dataset titles its count. */
export const STATUS_WORDS: Readonly<Record<Status, string>> = {
  met: "Met",
  breached: "Breached",
  pending: "Pending",
  "not-applicable": "Not applicable",
  future: "Not yet received",
};

/** Why a standard does not apply to a contact, after "Not applicable: ". */
export const NOT_APPLICABLE_WORDS: Readonly<Record<NotApplicableReason, string>> = {
  abandoned: "the caller hung up before the time allowed had run out",
  "outside-office-hours": "received while the office was closed, and this standard covers office hours only",
  appointment: "this standard covers visits without an appointment",
  "customer-obligation": "the charter asks something of the customer that was not done",
};

/** Why a promised date was ignored, after "The promised date was ignored: ". */
export const IGNORED_PROMISE_WORDS: Readonly<Record<IgnoredPromise, string>> = {
  "no-acknowledgement": "no acknowledgement had been sent",
  "acknowledged-after-due": "the acknowledgement came after the time allowed",
  "before-acknowledgement": "the promised time is before the acknowledgement",
  "beyond-limit": "it is later than the charter lets a promise move the deadline",
};

/** Why a date is not a working day, in brackets after it (a holiday or closure is named instead when it has a name). */
export const NON_WORKING_WORDS: Readonly<Record<NonWorkingReason, string>> = {
  weekend: "weekend",
  holiday: "holiday",
  closure: "closure",
};

/** What explain() says of the due step, by the rule that set it. */
export const DUE_WORDS: Readonly<
  Record<
    DueRule,
    (step: {
      readonly at: string;
      readonly date: string;
      readonly limit: string;
      readonly fromReceipt: boolean;
    }) => string
  >
> = {
  "end-of-day": (s) => `Due by the end of ${longDate(s.date)}: ${s.limit}.`,
  "close-of-business": (s) => `Due by close of business (${clockWords(s.at)}) on ${longDate(s.date)}: ${s.limit}.`,
  "same-clock-time": (s) =>
    `Due by ${clockWords(s.at)} on ${longDate(s.date)}, the time of day it was received: ${s.limit}.`,
  "office-time": (s) => `Due by ${atWords(s.at)}: ${s.limit} of open office time.`,
  elapsed: (s) => `Due ${byWords(s.at)}: ${s.limit} after ${s.fromReceipt ? "receipt" : "the clock started"}.`,
};

// explain(): the sentences of a trace and of an outcome.

/** How explain() ends its sentence of the days skipped (the page's summary finds the sentence by them). */
export const NOT_WORKING = { one: "is not a working day", many: "are not working days" } as const;

export const EXPLAIN = {
  received: (at: string) => `Received ${atWords(at)}.`,
  fromAcknowledgement: (at: string) => `Counted from the acknowledgement, ${atWords(at)}.`,
  cutoff: (cutoff: string, date: string) =>
    `That is at or after the ${cutoff} cut-off, so it counts as received on ${longDate(date)}.`,
  receiptIsDayOne: (date: string) => `The day of receipt, ${longDate(date, false)}, counts as day 1.`,
  dayOne: (date: string) => `Day 1 is ${longDate(date, false)}.`,
  skipped: (days: readonly { readonly date: string; readonly reason: NonWorkingReason; readonly name?: string }[]) => {
    const phrases = days.map((s) => {
      const label = s.reason === "weekend" || s.name === undefined ? NON_WORKING_WORDS[s.reason] : holidayName(s.name);
      return `${longDate(s.date, false)} (${label})`;
    });
    return `${listWords(phrases)} ${days.length === 1 ? NOT_WORKING.one : NOT_WORKING.many}.`;
  },
  paused: (from: string, to: string, disregarded: number, unit: "working days" | "days" | "ms") => {
    const gone =
      unit === "ms"
        ? durationWords(disregarded)
        : `${disregarded} ${disregarded === 1 ? unit.replace(/s$/, "") : unit}`;
    return `The clock stopped from ${atWords(from)} to ${atWords(to)}: ${gone} disregarded.`;
  },
  outOfScope: () => "The office was closed then, and this standard covers office hours only, so it does not apply.",
  nextOpening: (at: string) => `The office was closed, so the clock started when it opened, ${atWords(at)}.`,
  noOfficeHours: (date: string) => `${longDate(date)} has no office hours, so the end of that day is used.`,
  version: (from: string | undefined, to: string | undefined) =>
    `The version of this standard in force ${periodText({
      from: from === undefined ? undefined : longDate(from),
      to: to === undefined ? undefined : longDate(to),
    })} applied.`,
  promised: (due: string) =>
    `An acknowledgement in time promised a full response ${byWords(due)}, so that became the due time.`,
  promiseIgnored: (reason: IgnoredPromise, limit: string) =>
    `The promised date was ignored: ${IGNORED_PROMISE_WORDS[reason]}${limit}.`,
  promiseLimit: (amount: string, latest: string) => ` (at most ${amount} further: ${byWords(latest)})`,
  done: (done: string, at: string) => `${done} on ${atWords(at)}`,
  lateDays: (days: number) => `, ${days} working day${days === 1 ? "" : "s"} after the due date`,
  met: (done: string | undefined) => `${STATUS_WORDS.met}: ${done ?? "completed"}, in time.`,
  breachedDone: (done: string, lateMs: number, lateDays: string) =>
    `${STATUS_WORDS.breached}: ${done}, ${durationWords(lateMs)} late${lateDays}.`,
  breachedOpen: (now: string | undefined, lateMs: number, lateDays: string) =>
    `${STATUS_WORDS.breached}: not done in time${now === undefined ? "" : ` (judged ${atWords(now)})`}, ${durationWords(lateMs)} past due${lateDays}.`,
  awaitingAcknowledgement: () => `${STATUS_WORDS.pending}: the clock starts when the contact is acknowledged.`,
  pending: (now: string | undefined, remainingMs: number, atRisk: boolean) =>
    `${STATUS_WORDS.pending}${now === undefined ? "" : ` at ${atWords(now)}`}: ${durationWords(remainingMs)} left.${atRisk ? " At risk: most of the time allowed has gone." : ""}`,
  future: (now: string | undefined) =>
    `${STATUS_WORDS.future}${now === undefined ? "" : ` at ${atWords(now)}`}: it is judged once it has arrived.`,
  notApplicable: (reason: NotApplicableReason, obligation: string | undefined) =>
    `${STATUS_WORDS["not-applicable"]}: ${NOT_APPLICABLE_WORDS[reason]}${obligation === undefined ? "." : ` (${obligation}).`}`,
  caveat: (caveat: string) => `It adds: “${caveat}”.`,
} as const;
