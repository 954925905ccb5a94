/**
 * The day table of a working calendar: for every local date it covers, whether
 * it is a working day (and if not, why), how many working days come before it
 * (prefix counts) and the working days in order. Every working-day question is
 * O(1) on it.
 *
 * @module
 */
import type { NonWorkingReason } from "../concepts.js";
import { daysFromCivil, formatDate, weekdayIndex } from "./civil.js";

export type { NonWorkingReason } from "../concepts.js";

/** A date that is not a working day, with the reason and, for holidays and closures, the name. */
export interface NonWorkingDay {
  readonly date: string;
  readonly reason: NonWorkingReason;
  readonly name?: string;
}

/** What a day table is built from: epoch days throughout. */
export interface DayTableConfig {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Working weekdays by ISO index (0 is Monday). */
  readonly week: readonly boolean[];
  /** Holiday name by epoch day. */
  readonly holidays: ReadonlyMap<number, string>;
  /** Closed ranges, inclusive. */
  readonly closures: readonly { readonly from: number; readonly to: number; readonly name: string }[];
  /** Worked although the week or the holidays say otherwise. */
  readonly extraWorkingDays: readonly number[];
  /** Epoch days that do not exist in the zone (a date line moved over them): never working days. */
  readonly missingDays?: readonly number[];
}

const WORKING = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const CLOSURE = 3;
const REASONS: readonly NonWorkingReason[] = ["weekend", "weekend", "holiday", "closure"];

/** The years a day table may span: beyond it, building one would take unbounded memory. */
export const MAX_TABLE_YEARS = 400;

export class DayTable {
  readonly firstYear: number;
  readonly lastYear: number;
  /** First and last epoch days covered. */
  readonly origin: number;
  readonly end: number;
  readonly #kind: Uint8Array;
  readonly #before: Int32Array;
  readonly #working: Int32Array;
  readonly #names: Map<number, string>;
  /** Text of working days, by their index among them: filled with undefined first, so packed (a sparse array is a dictionary to V8). */
  readonly #dateText: (string | undefined)[];

  constructor(config: DayTableConfig) {
    this.firstYear = config.firstYear;
    this.lastYear = config.lastYear;
    this.origin = daysFromCivil(config.firstYear, 1, 1);
    this.end = daysFromCivil(config.lastYear, 12, 31);
    const size = this.end - this.origin + 1;
    const kind = new Uint8Array(size);
    const names = new Map<number, string>();
    for (let i = 0, dow = weekdayIndex(this.origin); i < size; i++, dow = dow === 6 ? 0 : dow + 1) {
      if (!config.week[dow]) kind[i] = WEEKEND;
    }
    for (const [day, name] of config.holidays) {
      const i = day - this.origin;
      if (i < 0 || i >= size) continue;
      names.set(day, name);
      if (kind[i] === WORKING) kind[i] = HOLIDAY;
    }
    for (const closure of config.closures) {
      for (let day = Math.max(closure.from, this.origin); day <= Math.min(closure.to, this.end); day++) {
        const i = day - this.origin;
        if (kind[i] === WORKING) {
          kind[i] = CLOSURE;
          names.set(day, closure.name);
        }
      }
    }
    for (const day of config.extraWorkingDays)
      if (day >= this.origin && day <= this.end) kind[day - this.origin] = WORKING;
    for (const day of config.missingDays ?? []) {
      if (day < this.origin || day > this.end) continue;
      kind[day - this.origin] = CLOSURE;
      names.set(day, "a date that does not exist in this time zone");
    }

    const before = new Int32Array(size + 1);
    let count = 0;
    for (let i = 0; i < size; i++) {
      before[i] = count;
      if (kind[i] === WORKING) count++;
    }
    before[size] = count;
    const working = new Int32Array(count);
    for (let i = 0, w = 0; i < size; i++) if (kind[i] === WORKING) working[w++] = this.origin + i;

    this.#kind = kind;
    this.#before = before;
    this.#working = working;
    this.#names = names;
    this.#dateText = new Array<string | undefined>(count).fill(undefined);
  }

  /** True for an epoch day inside the table. */
  covers(day: number): boolean {
    return day >= this.origin && day <= this.end;
  }

  isWorking(day: number): boolean {
    return this.#kind[day - this.origin] === WORKING;
  }

  /** Working days `d` with `a < d <= b` (both inside the table). */
  countBetween(a: number, b: number): number {
    return (this.#before[b - this.origin + 1] as number) - (this.#before[a - this.origin + 1] as number);
  }

  /** The `n`th working day after (n > 0) or before (n < 0) `day`; undefined past the table's ends. */
  addDays(day: number, n: number): number | undefined {
    if (n === 0) return day;
    const index =
      n > 0 ? (this.#before[day - this.origin + 1] as number) + n - 1 : (this.#before[day - this.origin] as number) + n;
    return this.#working[index];
  }

  /** Why a covered day is not a working day, or `undefined` when it is one. */
  reasonFor(day: number): NonWorkingDay | undefined {
    const kind = this.#kind[day - this.origin] as number;
    if (kind === WORKING) return undefined;
    const reason = REASONS[kind] as NonWorkingReason;
    const name = kind === WEEKEND ? undefined : this.#names.get(day);
    return name === undefined ? { date: formatDate(day), reason } : { date: formatDate(day), reason, name };
  }

  /** `YYYY-MM-DD` of a covered day, cached for working days (the common answer). */
  text(day: number): string {
    const i = day - this.origin;
    if (this.#kind[i] !== WORKING) return formatDate(day);
    const index = this.#before[i] as number;
    let text = this.#dateText[index];
    if (text === undefined) {
      text = formatDate(day);
      this.#dateText[index] = text;
    }
    return text;
  }
}
