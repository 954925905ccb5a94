/**
 * Reading instants given as `Date`, epoch milliseconds or ISO 8601 strings.
 * A string without an offset is a wall-clock time in the charter's zone.
 *
 * @module
 */
import { expected, text } from "../messages.js";
import { MS_PER_DAY, daysFromCivil, daysInMonth } from "./civil.js";
import type { Zone } from "./zone.js";

/** A point in time: a `Date`, epoch milliseconds, or an ISO 8601 string. */
export type Instant = Date | number | string;

const MAX_EPOCH_MS = 8.64e15;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/**
 * Epoch milliseconds of an instant; strings without an offset are read as wall
 * time in `zone` (a repeated time is the earlier instant, a skipped one moves
 * forward by the gap).
 *
 * @throws TypeError when the value is not a Date, number or string;
 *   RangeError when it is one but not a valid instant. Both name `name`.
 */
export function toEpochMs(value: unknown, zone: Zone, name: string): number {
  if (typeof value === "number") {
    if (Number.isInteger(value) && Math.abs(value) <= MAX_EPOCH_MS) return value;
    throw new RangeError(expected(name, "an integer number of epoch milliseconds", value));
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new RangeError(expected(name, text.instant, value));
    return ms;
  }
  if (typeof value !== "string") throw new TypeError(expected(name, text.instant, value));
  const ms = readIsoInstant(value, zone);
  if (ms === undefined) throw new RangeError(expected(name, text.instant, value));
  return ms;
}

function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The common forms, read without a regex: `YYYY-MM-DDTHH:MM[:SS[.sss]]` with `Z`,
 * `±HH:MM` or nothing after. `null` means "not one of these forms: use the full reader".
 */
function readCommon(s: string, zone: Zone): number | undefined | null {
  const n = s.length;
  if (n < 16 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return null;
  const y1 = d2(s, 0), y2 = d2(s, 2), month = d2(s, 5), day = d2(s, 8), hour = d2(s, 11), minute = d2(s, 14);
  if ((y1 | y2 | month | day | hour | minute) < 0) return null;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    second = d2(s, i + 1);
    if (second < 0) return null;
    i += 3;
    if (i < n && s.charCodeAt(i) === 46) {
      if (n < i + 4) return null;
      const a = s.charCodeAt(i + 1) - 48, b = s.charCodeAt(i + 2) - 48, c = s.charCodeAt(i + 3) - 48;
      if (a < 0 || a > 9 || b < 0 || b > 9 || c < 0 || c > 9) return null;
      millis = a * 100 + b * 10 + c;
      i += 4;
    }
  }
  const year = y1 * 100 + y2;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  if (i === n) return zone.fromWall(wall);
  if (i === n - 1 && s.charCodeAt(i) === 90) return wall;
  if (i === n - 6 && s.charCodeAt(i + 3) === 58) {
    const sign = s.charCodeAt(i);
    const oh = d2(s, i + 1), om = d2(s, i + 4);
    if ((sign !== 43 && sign !== 45) || oh < 0 || om < 0) return null;
    if (oh > 23 || om > 59) return undefined;
    return wall - (sign === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return null;
}

/** Epoch ms of an ISO 8601 string, or `undefined` when it is not one. */
export function readIsoInstant(value: string, zone: Zone): number | undefined {
  const common = readCommon(value, zone);
  if (common !== null) return common;
  const m = ISO.exec(value);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, "0").slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const wall =
    daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  if (m[8] !== undefined) return wall;
  if (m[9] !== undefined) {
    const offsetHours = Number(m[10]);
    const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    const sign = m[9] === "-" ? -1 : 1;
    return wall - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return zone.fromWall(wall);
}
