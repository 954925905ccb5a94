/**
 * The wording of every error the library throws (charter issues have their
 * own module, charter/issues.ts): arguments, instants, dates, contacts, ranges
 * and reports. One function per message, so that a text is written once.
 *
 * @module
 */

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
  by: '"month", "week", "quarter" or "financial-year"',
  yearStart:
    "the first day of the reporting year written MM-DD, with a day from 01 to 28 (04-01 for the UK financial year)",
  yearStartMonth: "the first day of a month written MM-01 when rows are by month (months split into years only then)",
  worst: "an integer from 0 to 1000",
  abandoned: '"by-limit", "missed" or "excluded"',
  report: "a ComplianceReport from complianceReport() or mergeReports()",
  result: "a Deadline or an Evaluation from council-sla",
} as const;

/** The instants any calendar can convert: the years 0001 to 9999. */
export function instantOutOfRange(name: string, value: unknown): string {
  return `${expected(name, "an instant in the years 0001 to 9999", value)}`;
}

/** Which years a holiday table covers, and how to supply more. */
function coverage(region: string, first: number, last: number): string {
  return (
    `the years the ${region} holiday table covers (${first} to ${last}). Working days outside that range cannot be counted reliably: ` +
    `supply holidays for those years with the council-sla/date-holidays adapter ` +
    `or a custom holiday table (calendarFor(charter, { holidays })).`
  );
}

/** A date or instant argument outside the calendar's years. */
export function yearOutOfRange(name: string, shown: string, region: string, first: number, last: number): string {
  return `\`${name}\` is ${shown}, outside ${coverage(region, first, last)}`;
}

/** Counting `n` working days from `date` runs off the end of the table. */
export function countOutOfRange(
  n: number,
  date: string,
  name: string,
  edge: string,
  region: string,
  first: number,
  last: number,
): string {
  return `${n} working days from ${date} (\`${name}\`) goes past ${edge}. That is outside ${coverage(region, first, last)}`;
}

/** A custom holiday table too wide (or malformed) to build a calendar from. */
export function badHolidayTable(region: unknown, first: unknown, last: unknown, maxYears: number): string {
  return `Expected \`options.holidays\` to be a holiday table spanning 1 to ${maxYears} years within 0001 to 9999, got ${show(region)} from ${show(first)} to ${show(last)}`;
}

export function wrongHolidayRegion(wanted: string, got: unknown): string {
  return expected("options.holidays", `a holiday table for ${JSON.stringify(wanted)}`, got);
}

/** An integer argument outside its range. */
export function integerRange(name: string, min: number, max: number, value: unknown): string {
  return expected(name, `an integer from ${min} to ${max}`, value);
}

export function unknownStandard(charterId: string, ids: readonly string[], value: unknown): string {
  return expected(
    "standardId",
    ids.length === 0
      ? `a standard of "${charterId}", which has none`
      : `a standard of "${charterId}" (${ids.join(", ")})`,
    value,
  );
}

/** A standard asked about for a date none of its versions was in force on. */
export function notInForce(
  standardId: string,
  date: string,
  name: string,
  periods: readonly { readonly from: string | undefined; readonly to: string | undefined }[],
): string {
  const words = periods.map((p) =>
    p.from !== undefined && p.to !== undefined
      ? `from ${p.from} to ${p.to}`
      : p.from !== undefined
        ? `from ${p.from}`
        : p.to !== undefined
          ? `until ${p.to}`
          : "at all times",
  );
  return `Standard ${standardId} was not in force on ${date} (\`${name}\`): it was in force ${words.join(", and ")}`;
}

export function needsAcknowledgement(standardId: string): string {
  return `Standard ${standardId} counts from the acknowledgement: pass \`options.acknowledgedAt\``;
}

/** One instant given before another it may not precede. */
export function before(name: string, value: unknown, other: string, otherValue: unknown): string {
  return `\`${name}\` (${show(value)}) is before \`${other}\` (${show(otherValue)})`;
}

export function oneOf(name: string, values: readonly string[], value: unknown): string {
  return expected(name, `one of ${values.join(", ")}`, value);
}

export function required(name: string, what: string, value: unknown): string {
  return expected(name, what, value);
}

export function emptyPause(name: string, from: unknown, to: unknown): string {
  return `\`${name}\` ends (${show(to)}) at or before it starts (${show(from)})`;
}

export function overlappingPauses(name: string, at: string): string {
  return `\`${name}\` overlap: a pause starts at ${at} before the one before it ends`;
}

/** A contact whose fields could not be read at all (a getter that throws, a revoked Proxy). */
export function unreadableContact(reason: string): string {
  return `the contact's fields cannot be read: ${reason}`;
}

export function abandonedNotACall(channel: string): string {
  return `\`contact.abandonedAt\` applies to calls (telephone), not to a ${channel} contact`;
}

/** Counts of a report that do not add up. */
export function reportCounts(name: string, what: string): string {
  return `\`${name}\` is not a consistent report: ${what}`;
}

export function readOnlyTable(): string {
  return "A holiday table is read-only (every calendar of its region shares it): copy its days into a new Map to change them";
}

export function cannotMerge(key: string, a: unknown, b: unknown): string {
  return `Cannot merge reports with different \`${key}\`: ${JSON.stringify(a)} and ${JSON.stringify(b)}`;
}

/** The counts of an interval that do not add up, or a field that is not a count. */
export function intervalCounts(what: string): string {
  return `The interval's counts do not add up: ${what}`;
}

/** An interval that had not ended at the moment of judgement: its calls may still be waiting. */
export function intervalNotOver(start: string, minutes: number, now: string): string {
  return `The interval from ${start} (${minutes} minutes) had not ended at ${now}: its calls cannot all be judged yet`;
}

/** An interval that is partly inside and partly outside the hours of a standard scoped to them. */
export function intervalStraddlesHours(standardId: string, start: string, minutes: number): string {
  return `The interval from ${start} (${minutes} minutes) is partly inside and partly outside the hours of ${standardId}, which covers only calls received while they are open: its counts cannot be split (use shorter intervals)`;
}

/** A threshold of the interval's counts that is not the standard's limit. */
export function intervalThreshold(field: string, seconds: number, standardId: string, limitSeconds: number): string {
  return `\`interval.${field}\` is ${seconds} seconds, but ${standardId} has a limit of ${limitSeconds} seconds: counts within ${seconds} seconds cannot judge it (\`options.allowThreshold\`, or --allow-threshold, says the difference is deliberate)`;
}

/** The abandoned-call policy by-limit needs the short abandons. */
export function intervalNeedsShortAbandons(standardId: string, limitSeconds: number): string {
  return `\`interval.abandonedWithin\` is needed to judge ${standardId} with the abandoned-call policy by-limit (calls abandoned before its limit of ${limitSeconds} seconds are excluded): give the short abandons, or use the policy "missed" or "excluded"`;
}
