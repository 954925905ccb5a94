/**
 * Reading instants given as `Date`, epoch milliseconds or ISO 8601 strings.
 * A string without an offset is a wall-clock time in the charter's zone.
 *
 * @module
 */
import { rangeError, typeError } from "../problems.js";
import { text } from "../words.js";
import { MS_PER_DAY, readDate, readDateAt } from "./civil.js";
import type { Zone } from "./zone.js";

/** A point in time: a `Date`, epoch milliseconds, or an ISO 8601 string. */
export type Instant = Date | number | string;

/** The instants that can be read at all: 0001-01-01T00:00Z to 9999-12-31T23:59:59.999Z. */
const MIN_MS = -62_135_596_800_000;
const MAX_MS = 253_402_300_799_999;

/** Where an instant must lie, and what to say when it does not. */
export interface InstantRange {
  readonly min: number;
  readonly max: number;
  readonly error: (name: string, value: unknown) => RangeError;
}

const ANY_INSTANT: InstantRange = {
  min: MIN_MS,
  max: MAX_MS,
  error: (name, value) => rangeError("instant_out_of_range", { name, value }),
};

const getTime = Date.prototype.getTime;

/**
 * Epoch milliseconds of an instant; strings without an offset are read as wall
 * time in `zone` (a repeated time is the earlier instant, a skipped one moves
 * forward by the gap). The value is checked against `range` before any zone
 * conversion, so an absurd year costs nothing.
 *
 * @throws TypeError when the value is not a Date, number or string;
 *   RangeError when it is one but not a valid instant, or outside `range`. Both name `name`.
 */
export function toEpochMs(value: unknown, zone: Zone, name: string, range: InstantRange = ANY_INSTANT): number {
  let ms: number;
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw rangeError("invalid", { name, expected: text.epochMs, value });
    ms = value;
  } else if (value instanceof Date) {
    // The internal time value, whatever a subclass's getTime says.
    ms = getTime.call(value);
    if (Number.isNaN(ms)) throw rangeError("invalid", { name, expected: text.instant, value });
  } else if (typeof value !== "string") {
    throw typeError("invalid", { name, expected: text.instant, value });
  } else {
    ms = readIso(value, zone, range, name);
    if (Number.isNaN(ms)) throw rangeError("invalid", { name, expected: text.instant, value });
  }
  if (ms < range.min || ms > range.max) throw range.error(name, value);
  return ms;
}

function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * A wall time (ms as if UTC) read in `zone`, once its local date is known to be in
 * range: a far-off year costs no zone work.
 *
 * @throws RangeError by `range.error`, naming `name` and the value.
 */
function wallIn(zone: Zone, wallMs: number, range: InstantRange, name: string, value: string): number {
  if (wallMs < range.min - MS_PER_DAY || wallMs > range.max + MS_PER_DAY) throw range.error(name, value);
  return zone.fromWall(wallMs);
}

/**
 * Epoch ms of `YYYY-MM-DD[(T|t| )HH:MM[:SS[(.|,)fraction]]][Z|±HH[:MM]|±HHMM]`, a time
 * without an offset read as wall time in `zone`; NaN when the string is not of that form.
 * A number, not a record of the parts, so that reading an instant allocates nothing
 * (bench/RESULTS.md).
 */
function readIso(s: string, zone: Zone, range: InstantRange, name: string): number {
  const day = readDateAt(s);
  if (day === undefined) return Number.NaN;
  const n = s.length;
  if (n === 10) return wallIn(zone, day * MS_PER_DAY, range, name, s);
  const sep = s.charCodeAt(10);
  if (n < 16 || (sep !== 84 && sep !== 116 && sep !== 32) || s.charCodeAt(13) !== 58) return Number.NaN;
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  if (hour < 0 || minute < 0 || hour > 23 || minute > 59) return Number.NaN;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    second = digits(s, i + 1, 2);
    if (second < 0 || second > 59 || i + 3 > n) return Number.NaN;
    i += 3;
    const mark = s.charCodeAt(i);
    if (i < n && (mark === 46 || mark === 44)) {
      let k = i + 1;
      let scale = 100;
      while (k < n && k - i <= 9 && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) {
        millis += (s.charCodeAt(k) - 48) * scale;
        scale /= 10;
        k++;
      }
      if (k === i + 1) return Number.NaN;
      millis = Math.floor(millis);
      i = k;
    }
  }
  const ms = day * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  if (i === n) return wallIn(zone, ms, range, name, s);
  const c = s.charCodeAt(i);
  if ((c === 90 || c === 122) && i === n - 1) return ms;
  if (c !== 43 && c !== 45) return Number.NaN;
  const oh = digits(s, i + 1, 2);
  let om: number;
  if (n === i + 3) om = 0;
  else if (n === i + 6 && s.charCodeAt(i + 3) === 58) om = digits(s, i + 4, 2);
  else if (n === i + 5) om = digits(s, i + 3, 2);
  else return Number.NaN;
  if (oh < 0 || om < 0 || oh > 23 || om > 59) return Number.NaN;
  return ms - (c === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
}

/**
 * The epoch day of a `YYYY-MM-DD` string.
 *
 * @throws TypeError naming `name` and the value when it is not such a string.
 */
export function parseDate(value: unknown, name: string): number {
  const day = typeof value === "string" ? readDate(value) : undefined;
  if (day === undefined) throw typeError("invalid", { name, expected: text.isoDate, value });
  return day;
}
