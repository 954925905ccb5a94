/**
 * Reading instants given as `Date`, epoch milliseconds or ISO 8601 strings.
 * A string without an offset is a wall-clock time in the charter's zone.
 *
 * @module
 */
import { expected, instantOutOfRange, text } from "../messages.js";
import { MS_PER_DAY, readDateAt } from "./civil.js";
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
  readonly message: (name: string, value: unknown) => string;
}

const ANY_INSTANT: InstantRange = { min: MIN_MS, max: MAX_MS, message: instantOutOfRange };

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
    if (!Number.isInteger(value)) throw new RangeError(expected(name, text.epochMs, value));
    ms = value;
  } else if (value instanceof Date) {
    // The internal time value, whatever a subclass's getTime says.
    ms = getTime.call(value);
    if (Number.isNaN(ms)) throw new RangeError(expected(name, text.instant, value));
  } else if (typeof value !== "string") {
    throw new TypeError(expected(name, text.instant, value));
  } else {
    const read = readIso(value);
    if (read === undefined) throw new RangeError(expected(name, text.instant, value));
    if (read.offset === undefined) {
      // A wall time: its local date must be in range before the zone is asked.
      if (read.ms < range.min - MS_PER_DAY || read.ms > range.max + MS_PER_DAY) throw new RangeError(range.message(name, value));
      ms = zone.fromWall(read.ms);
    } else ms = read.ms - read.offset;
  }
  if (ms < range.min || ms > range.max) throw new RangeError(range.message(name, value));
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
 * Reads `YYYY-MM-DD[(T|t| )HH:MM[:SS[(.|,)fraction]]][Z|±HH[:MM]|±HHMM]`: the wall
 * milliseconds (as if UTC) and the offset in ms when one is given.
 */
function readIso(s: string): { ms: number; offset: number | undefined } | undefined {
  const day = readDateAt(s);
  if (day === undefined) return undefined;
  const n = s.length;
  if (n === 10) return { ms: day * MS_PER_DAY, offset: undefined };
  const sep = s.charCodeAt(10);
  if (n < 16 || (sep !== 84 && sep !== 116 && sep !== 32) || s.charCodeAt(13) !== 58) return undefined;
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  if (hour < 0 || minute < 0 || hour > 23 || minute > 59) return undefined;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    second = digits(s, i + 1, 2);
    if (second < 0 || second > 59 || i + 3 > n) return undefined;
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
      if (k === i + 1) return undefined;
      millis = Math.floor(millis);
      i = k;
    }
  }
  const ms = day * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  if (i === n) return { ms, offset: undefined };
  const c = s.charCodeAt(i);
  if ((c === 90 || c === 122) && i === n - 1) return { ms, offset: 0 };
  if (c !== 43 && c !== 45) return undefined;
  const oh = digits(s, i + 1, 2);
  let om: number;
  if (n === i + 3) om = 0;
  else if (n === i + 6 && s.charCodeAt(i + 3) === 58) om = digits(s, i + 4, 2);
  else if (n === i + 5) om = digits(s, i + 3, 2);
  else return undefined;
  if (oh < 0 || om < 0 || oh > 23 || om > 59) return undefined;
  return { ms, offset: (c === 45 ? -1 : 1) * (oh * 60 + om) * 60_000 };
}
