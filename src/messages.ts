/**
 * Every error and warning text the library produces is built here, so that the
 * wording is consistent and lives in one place.
 *
 * @module
 */
import type { LimitUnit } from "./charter/schema.js";

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
    return Number.isNaN(value.getTime()) ? "an Invalid Date" : `a Date (${value.toISOString()})`;
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

export const text = {
  isoDate: "a calendar date written YYYY-MM-DD",
  instant:
    "a Date, epoch milliseconds, or an ISO 8601 string such as 2026-12-03T17:42 or 2026-12-03T17:42:00Z",
  timeZone: "an IANA time zone such as Europe/London",
  clockTime: "a time of day written HH:MM, from 00:00 to 24:00",
} as const;

/** Which years a holiday table covers, and how to supply more. */
export function coverage(region: string, first: number, last: number): string {
  return (
    `the years the ${region} holiday table covers (${first} to ${last}). Working days outside that range cannot be counted reliably: ` +
    `supply holidays for those years with the council-sla/date-holidays adapter ` +
    `or a custom holiday table (calendarFor(charter, { holidays })).`
  );
}

export function yearOutOfRange(name: string, date: string, region: string, first: number, last: number): string {
  return `\`${name}\` is ${JSON.stringify(date)}, outside ${coverage(region, first, last)}`;
}

/** Counting `n` working days from `date` runs off the end of the table. */
export function countOutOfRange(n: number, date: string, name: string, edge: string, region: string, first: number, last: number): string {
  return `${n} working days from ${date} (\`${name}\`) goes past ${edge}. That is outside ${coverage(region, first, last)}`;
}

export function unknownRegion(value: unknown, known: readonly string[]): string {
  return `${expected("calendar.holidays", `a holiday region id (one of ${known.join(", ")})`, value)}`;
}

/** A limit unit in words: singular and plural. */
export const UNIT_WORDS: Readonly<Record<LimitUnit, readonly [one: string, many: string]>> = {
  seconds: ["second", "seconds"],
  minutes: ["minute", "minutes"],
  hours: ["hour", "hours"],
  workingMinutes: ["working minute", "working minutes"],
  workingHours: ["working hour", "working hours"],
  workingDays: ["working day", "working days"],
  calendarDays: ["calendar day", "calendar days"],
  calendarMonths: ["calendar month", "calendar months"],
};

/** "3 working days", "1 working day". */
export function amountText(n: number, unit: LimitUnit): string {
  const [one, many] = UNIT_WORDS[unit];
  return `${n} ${n === 1 ? one : many}`;
}
