/**
 * Charter problems as data: every issue code, and the one message function
 * for each. Nothing else in council-sla words a charter problem.
 *
 * @module
 */
import { show } from "../messages.js";
import { LIMIT_UNITS, UNITS, type LimitUnit } from "./units.js";

/** Where in the charter a problem is: object keys and array indexes from the root. */
export type CharterPath = readonly (string | number)[];

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

/** A stable machine-readable code for each kind of problem. */
export type CharterIssueCode = keyof typeof ISSUE_MESSAGES;

/** The parameters of an issue code's message. */
export type IssueParams<C extends CharterIssueCode> = Parameters<(typeof ISSUE_MESSAGES)[C]>[0];

/** One problem found in a charter. */
export interface CharterIssue {
  readonly code: CharterIssueCode;
  readonly path: CharterPath;
  readonly message: string;
}

/** An issue with its message from {@link ISSUE_MESSAGES}. */
export function charterIssue<C extends CharterIssueCode>(
  code: C,
  path: CharterPath,
  params: IssueParams<C>,
): CharterIssue {
  const message = (ISSUE_MESSAGES[code] as (p: IssueParams<C>) => string)(params);
  return { code, path, message };
}

/** `standards[2].limit.workingDays` */
export function formatPath(path: CharterPath): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === "" ? "(root)" : out;
}

/** One line per issue: `✖ message → at path`. */
export function formatIssues(issues: readonly CharterIssue[]): string {
  return issues.map((issue) => `✖ ${issue.message} → at ${formatPath(issue.path)}`).join("\n");
}

/** The heading of a CharterError's message. */
export function invalidCharter(count: number): string {
  return `Invalid charter (${count === 1 ? "1 problem" : `${count} problems`})`;
}
