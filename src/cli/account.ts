/**
 * The input account of a report as the outputs render it: one function reads
 * `report.input`, whatever shape the command wrote it in, and whatever a
 * partial-report file given to `merge` holds. Counts that are not counts stay
 * as text, so they are shown (escaped) and never computed with.
 *
 * @module
 */
import { type NowSource, type SkipReason, skipOf } from "./concepts.js";

/** A count as read from a report: a number when it is one, otherwise the value as text. */
export type Count = number | string;

/** How the rows of the input were accounted for. */
export interface AccountView {
  /** Physical records read, header excluded. */
  readonly read: Count;
  readonly judged: Count;
  readonly skipped: {
    readonly total: Count;
    /** Each reason's words, its code and field when the report has them (and they are one), count and first lines. */
    readonly reasons: readonly {
      readonly reason: string;
      readonly code?: SkipReason;
      readonly field?: string;
      readonly count: Count;
      readonly first: readonly string[];
    }[];
  };
  /** Received after the moment of judgement: counted apart, not judged. */
  readonly future: Count;
  /** Rows whose id repeats an earlier row's. */
  readonly duplicates: { readonly count: Count; readonly first: readonly string[] };
  /** Values that reach no standard of the charter. */
  readonly unmatched: readonly {
    readonly field: string;
    readonly value: string;
    readonly count: Count;
    readonly first: readonly string[];
  }[];
  /** The sheet read, for .xlsx input. */
  readonly sheet?: string;
  readonly now: NowSource;
}

/** Text for any value: a string as it is, anything else as JSON. */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A count when the value is a whole number 0 or more, otherwise the value as text. */
export function asCount(value: unknown): Count {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : asText(value);
}

/** A count written for people: `3,000`, or the text it was. */
export function countText(count: unknown): string {
  const c = asCount(count);
  return typeof c === "number" ? c.toLocaleString("en-GB") : c;
}

const field = (o: unknown, key: string): unknown =>
  typeof o === "object" && o !== null && Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const lines = (value: unknown): string[] => list(value).map(asText);

/**
 * The account of a report's input, from `report.input`: the shape with `read`,
 * `skipped: { total, reasons }`, `duplicates` and `unmatched`, or the earlier one with
 * `rows` and `skipped` as a list of reasons.
 */
export function accountOf(input: unknown): AccountView {
  const skipped = field(input, "skipped");
  const reasonList = Array.isArray(skipped) ? skipped : list(field(skipped, "reasons"));
  const reasons = reasonList.map((r) => {
    const skip = skipOf(field(r, "code"), field(r, "field"));
    return {
      reason: asText(field(r, "reason")),
      ...(skip === undefined ? {} : { code: skip.code }),
      ...(skip?.field === undefined ? {} : { field: skip.field }),
      count: asCount(field(r, "count")),
      first: lines(field(r, "first")),
    };
  });
  const summed = reasons.reduce<number | undefined>(
    (n, r) => (n === undefined || typeof r.count !== "number" ? undefined : n + r.count),
    0,
  );
  const total = Array.isArray(skipped) ? (summed ?? "?") : asCount(field(skipped, "total"));
  const duplicates = field(input, "duplicates");
  // The sheet read: each input (source) names its own.
  const sheets = list(field(input, "sources")).flatMap((s) =>
    field(s, "sheet") === undefined ? [] : [asText(field(s, "sheet"))],
  );
  const sheet = field(input, "sheet") ?? (sheets.length === 0 ? undefined : sheets.join(", "));
  return {
    read: asCount(field(input, "read") ?? field(input, "rows")),
    judged: asCount(field(input, "judged")),
    skipped: { total, reasons },
    future: asCount(field(input, "future")),
    duplicates: {
      count: duplicates === undefined ? 0 : asCount(field(duplicates, "count")),
      first: lines(field(duplicates, "first")),
    },
    unmatched: list(field(input, "unmatched")).map((u) => ({
      field: asText(field(u, "field")),
      value: asText(field(u, "value")),
      count: asCount(field(u, "count")),
      first: lines(field(u, "first")),
    })),
    ...(sheet === undefined ? {} : { sheet: asText(sheet) }),
    now: field(input, "now") === "clock" ? "clock" : "option",
  };
}

/** A count as plain digits (`3000`), as the terminal table writes its numbers, or the text it was. */
const plain = (count: Count): string => String(count);

/** The account in one sentence, for the terminal table and Markdown (the caller escapes it). */
export function accountSentence(a: AccountView): string {
  const countText = plain;
  const reasons = a.skipped.reasons
    .map((s) => `${countText(s.count)} ${s.reason} (first at ${s.first.join(", ")})`)
    .join("; ");
  const duplicates =
    a.duplicates.count === 0
      ? ""
      : `, ${countText(a.duplicates.count)} repeating an earlier row's id (first at ${a.duplicates.first.join(", ")})`;
  const unmatched = a.unmatched
    .map((u) => `, ${countText(u.count)} with ${u.field} ${JSON.stringify(u.value)} that no standard covers`)
    .join("");
  return `${countText(a.read)} rows read${a.sheet === undefined ? "" : ` from the sheet ${JSON.stringify(a.sheet)}`}, ${countText(a.judged)} judged, ${countText(a.skipped.total)} skipped${reasons === "" ? "" : `: ${reasons}`}, ${countText(a.future)} received after the moment of judgement (not judged)${duplicates}${unmatched}.`;
}
