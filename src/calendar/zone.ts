/**
 * Time zones: the one module that converts between instants and wall-clock
 * time. Each zone keeps a table of its offset transitions, built lazily in
 * blocks of 256 days from `Intl.DateTimeFormat` (sampled daily, each change
 * bisected to the second), so a conversion is a table look-up, never an Intl
 * call per instant.
 *
 * @module
 */
import { rangeError, typeError } from "../problems.js";
import { text } from "../words.js";
import { MS_PER_DAY, TextPages, daysFromCivil, formatDate, padded } from "./civil.js";

const BLOCK_DAYS = 256;
/** Date strings are cached for 1900-01-01 to 2199-12-31. */
const FIRST_CACHED_DAY = -25_567;
const CACHED_DAYS = 109_573;
const FORMAT_SLOTS = 4096;
const BLOCK_MS = BLOCK_DAYS * MS_PER_DAY;
const STEADY_SLOTS = 4096;

/** Offsets in force during one block: `offsets[0]` from the block's start, `offsets[i + 1]` from `changes[i]`. */
interface Block {
  readonly offsets: number[];
  readonly changes: number[];
}

/** A time zone with its transition table. Offsets and wall times are in milliseconds. */
export interface Zone {
  readonly name: string;
  /** Offset from UTC in force at the instant, in ms (east positive). */
  offsetAt(epochMs: number): number;
  /** The same, asked of Intl without building the table (for a few scattered samples). */
  sampleOffset(epochMs: number): number;
  /** The wall-clock time at the instant, as milliseconds since 1970-01-01T00:00 local. */
  toWall(epochMs: number): number;
  /**
   * The instant of a wall-clock time. A time repeated when clocks go back is the
   * earlier instant; a time skipped when clocks go forward moves forward by the gap,
   * or with `skipped: "gap-end"` (office hours) is the first instant after the gap.
   */
  fromWall(wallMs: number, skipped?: "forward" | "gap-end"): number;
  /** The local calendar date (epoch day) of an instant. */
  localDay(epochMs: number): number;

  /** ISO 8601 with milliseconds and the local numeric offset, never `Z`. */
  format(epochMs: number): string;
}

function parseOffset(formatted: string): number {
  const at = formatted.lastIndexOf("GMT");
  const rest = formatted.slice(at + 3);
  if (rest === "") return 0;
  const sign = rest.charCodeAt(0) === 45 ? -1 : 1;
  const parts = rest.slice(1).split(":");
  const hours = Number(parts[0] ?? 0);
  const minutes = Number(parts[1] ?? 0);
  const seconds = Number(parts[2] ?? 0);
  return sign * ((hours * 60 + minutes) * 60 + seconds) * 1000;
}

class TableZone implements Zone {
  readonly name: string;
  readonly #intl: (date: Date) => string;
  readonly #blocks = new Map<number, Block>();
  /** `YYYY-MM-DDT` by epoch day, filled as used (days 1900-2199). */
  readonly #datePrefix = new TextPages(CACHED_DAYS);
  readonly #offsetText = new Map<number, string>();
  /** A small direct-mapped cache of formatted instants (due times repeat: every end of day). */
  readonly #formattedAt = new Float64Array(FORMAT_SLOTS).fill(Number.NaN);
  readonly #formatted: string[] = new Array<string>(FORMAT_SLOTS).fill("");
  #lastKey = Number.NaN;
  readonly #steadyDay = new Float64Array(STEADY_SLOTS).fill(Number.NaN);
  readonly #steady = new Float64Array(STEADY_SLOTS);
  #lastBlock: Block | undefined;

  constructor(name: string, format: Intl.DateTimeFormat) {
    this.name = name;
    this.#intl = (date) => format.format(date);
  }

  #rawOffset(epochMs: number): number {
    return parseOffset(this.#intl(new Date(epochMs)));
  }

  sampleOffset(epochMs: number): number {
    return this.#rawOffset(epochMs);
  }

  #build(key: number): Block {
    const start = key * BLOCK_MS;
    const end = start + BLOCK_MS;
    const offsets = [this.#rawOffset(start)];
    const changes: number[] = [];
    let lo = start;
    let current = offsets[0] as number;
    for (let day = 1; day <= BLOCK_DAYS; day++) {
      const hi = day === BLOCK_DAYS ? end - 1000 : start + day * MS_PER_DAY;
      const next = this.#rawOffset(hi);
      if (next !== current) {
        // Bisect (lo, hi] to the second: transitions fall on whole seconds.
        let a = lo;
        let b = hi;
        while (b - a > 1000) {
          const mid = a + Math.floor((b - a) / 2000) * 1000;
          if (this.#rawOffset(mid) === current) a = mid;
          else b = mid;
        }
        changes.push(b);
        offsets.push(next);
        current = next;
      }
      lo = hi;
    }
    return { offsets, changes };
  }

  offsetAt(epochMs: number): number {
    const key = Math.floor(epochMs / BLOCK_MS);
    let block = key === this.#lastKey ? this.#lastBlock : this.#blocks.get(key);
    if (block === undefined) {
      block = this.#build(key);
      this.#blocks.set(key, block);
    }
    this.#lastKey = key;
    this.#lastBlock = block;
    const { changes, offsets } = block;
    let i = 0;
    while (i < changes.length && epochMs >= (changes[i] as number)) i++;
    return offsets[i] as number;
  }

  toWall(epochMs: number): number {
    return epochMs + this.offsetAt(epochMs);
  }

  /**
   * The offset of a wall date D when no transition falls from D-1 to D+2 (then every
   * wall time of D has exactly that offset), else NaN; cached per date.
   */
  #steadyOffset(day: number): number {
    const slot = day & (STEADY_SLOTS - 1);
    if (this.#steadyDay[slot] === day) return this.#steady[slot] as number;
    const from = (day - 1) * MS_PER_DAY;
    const to = (day + 2) * MS_PER_DAY;
    const offset = this.offsetAt(from);
    let steady = offset;
    for (let key = Math.floor(from / BLOCK_MS); key <= Math.floor(to / BLOCK_MS); key++) {
      this.offsetAt(key * BLOCK_MS);
      for (const change of (this.#blocks.get(key) as Block).changes)
        if (change > from - MS_PER_DAY && change <= to + MS_PER_DAY) steady = Number.NaN;
    }
    this.#steadyDay[slot] = day;
    this.#steady[slot] = steady;
    return steady;
  }

  fromWall(wallMs: number, skipped: "forward" | "gap-end" = "forward"): number {
    const steady = this.#steadyOffset(Math.floor(wallMs / MS_PER_DAY));
    if (!Number.isNaN(steady)) return wallMs - steady;
    const before = this.offsetAt(wallMs - MS_PER_DAY);
    const after = this.offsetAt(wallMs + MS_PER_DAY);
    const early = wallMs - before;
    if (before === after) return early;
    const late = wallMs - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (lateValid) return late;
    if (earlyValid || skipped === "forward") return early;
    // Skipped, and wanted at the end of the gap: the change itself, in (late, early].
    for (let key = Math.floor(late / BLOCK_MS); key <= Math.floor(early / BLOCK_MS); key++) {
      this.offsetAt(key * BLOCK_MS);
      for (const change of (this.#blocks.get(key) as Block).changes)
        if (change > late && change <= early) return change;
    }
    return early;
  }

  localDay(epochMs: number): number {
    return Math.floor(this.toWall(epochMs) / MS_PER_DAY);
  }

  format(epochMs: number): string {
    // ToUint32 keeps the low 32 bits: a cheap hash of the instant (a float modulo is not).
    const slot = (epochMs >>> 0) & (FORMAT_SLOTS - 1);
    if (this.#formattedAt[slot] === epochMs) return this.#formatted[slot] as string;
    const text = this.#format(epochMs);
    this.#formattedAt[slot] = epochMs;
    this.#formatted[slot] = text;
    return text;
  }

  #format(epochMs: number): string {
    const offset = this.offsetAt(epochMs);
    const wall = epochMs + offset;
    const day = Math.floor(wall / MS_PER_DAY);
    const ms = wall - day * MS_PER_DAY;
    const index = day - FIRST_CACHED_DAY;
    let prefix = index >= 0 && index < CACHED_DAYS ? this.#datePrefix.get(index) : undefined;
    if (prefix === undefined) {
      prefix = `${formatDate(day)}T`;
      if (index >= 0 && index < CACHED_DAYS) this.#datePrefix.set(index, prefix);
    }
    let suffix = this.#offsetText.get(offset);
    if (suffix === undefined) {
      suffix = formatOffset(offset);
      this.#offsetText.set(offset, suffix);
    }
    return prefix + formatClock(ms) + suffix;
  }
}

/** `HH:MM:SS.sss` of milliseconds after midnight. */
export function formatClock(msOfDay: number): string {
  if (msOfDay % 60_000 === 0 && msOfDay >= 0 && msOfDay < MS_PER_DAY)
    return (WHOLE_MINUTES[msOfDay / 60_000] ??= clockText(msOfDay));
  return clockText(msOfDay);
}

/** `HH:MM:00.000` by minute of the day, filled as used (most instants are whole minutes). */
const WHOLE_MINUTES: (string | undefined)[] = new Array<string | undefined>(1440).fill(undefined);

function clockText(msOfDay: number): string {
  const h = Math.floor(msOfDay / 3_600_000);
  const m = Math.floor(msOfDay / 60_000) % 60;
  const s = Math.floor(msOfDay / 1000) % 60;
  return `${padded(h, 2)}:${padded(m, 2)}:${padded(s, 2)}.${padded(msOfDay % 1000, 3)}`;
}

/** `+HH:MM` (or `+HH:MM:SS` for the historical offsets with seconds). */
function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? "-" : "+";
  const total = Math.abs(offsetMs) / 1000;
  const s = total % 60;
  return `${sign}${padded(Math.floor(total / 3600), 2)}:${padded(Math.floor(total / 60) % 60, 2)}${s === 0 ? "" : `:${padded(s, 2)}`}`;
}

/**
 * Local dates (epoch days) from `firstYear` to `lastYear` that the zone skips
 * whole, as Pacific/Apia skipped 30 December 2011 when it moved across the date
 * line. Found by comparing offsets a year apart, then walking only a year with
 * a jump of half a day or more.
 */
export function missingDays(zone: Zone, firstYear: number, lastYear: number): number[] {
  const out: number[] = [];
  let previous = zone.sampleOffset(daysFromCivil(firstYear, 1, 1) * MS_PER_DAY);
  for (let year = firstYear; year <= lastYear; year++) {
    const start = daysFromCivil(year + 1, 1, 1) * MS_PER_DAY;
    const next = zone.sampleOffset(start);
    if (next - previous >= MS_PER_DAY / 2) {
      for (let t = daysFromCivil(year, 1, 1) * MS_PER_DAY, day = zone.localDay(t); t < start; t += 3_600_000) {
        const now = zone.localDay(t);
        for (let d = day + 1; d < now; d++) out.push(d);
        day = now;
      }
    }
    previous = next;
  }
  return out;
}

const zones = new Map<string, Zone>();

/**
 * The zone for an IANA name, built once and memoised.
 *
 * @throws RangeError naming `name` when the runtime does not know the zone.
 */
export function getZone(timeZone: unknown, name = "timeZone"): Zone {
  if (typeof timeZone !== "string" || timeZone === "") {
    throw typeError("invalid", { name, expected: text.timeZone, value: timeZone });
  }
  const known = zones.get(timeZone);
  if (known !== undefined) return known;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
  } catch {
    throw rangeError("invalid", { name, expected: text.timeZone, value: timeZone });
  }
  // Reject bare offsets such as "+05:00": a council's zone has rules, not one offset.
  if (!/^[A-Za-z]/.test(timeZone)) throw rangeError("invalid", { name, expected: text.timeZone, value: timeZone });
  const zone = new TableZone(timeZone, format);
  zones.set(timeZone, zone);
  return zone;
}
