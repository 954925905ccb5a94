/**
 * A bounded memo of the part of a day-based clock that depends only on day 0:
 * with no pauses, the due date, the reasoning from day 0 on and (unless the due
 * instant keeps the clock time of receipt) the due instant are the same for every
 * contact whose day 0 is the same. One memo per rule, for the last calendar it
 * ran on; direct-mapped, so its size is fixed whatever the input.
 *
 * @module
 */
import type { CalendarEngine } from "../calendar/working-calendar.js";
import type { DueRule } from "../concepts.js";
import type { TraceStep } from "./trace.js";

/** What a day-based clock gives for one day 0: steps are frozen, since every result that shares them holds the same objects. */
export interface DayPart {
  readonly dueDay: number;
  /** The steps from the cutoff (if any) to the last skipped day, then the due step when `dueMs` is known. */
  readonly steps: readonly TraceStep[];
  /** The due instant, or NaN when it depends on the clock time of receipt. */
  readonly dueMs: number;
  readonly rule: DueRule;
}

/** Two slots a day (before and after the receipt cutoff): about five and a half years of days 0. */
const SLOTS = 4096;

export class DayMemo {
  #engine: CalendarEngine | undefined;
  // Allocated on first use: most rules are not day-based.
  #keys: Float64Array | undefined;
  #parts: (DayPart | undefined)[] = [];

  /** The part for `key` (day 0, doubled, plus one after the receipt cutoff) on `engine`, if remembered. */
  get(engine: CalendarEngine, key: number): DayPart | undefined {
    if (engine !== this.#engine) return undefined;
    const slot = key & (SLOTS - 1);
    return (this.#keys as Float64Array)[slot] === key ? this.#parts[slot] : undefined;
  }

  set(engine: CalendarEngine, key: number, part: DayPart): void {
    if (engine !== this.#engine || this.#keys === undefined) {
      this.#engine = engine;
      this.#keys = new Float64Array(SLOTS).fill(Number.NaN);
      this.#parts = new Array<DayPart | undefined>(SLOTS).fill(undefined);
    }
    const slot = key & (SLOTS - 1);
    this.#keys[slot] = key;
    this.#parts[slot] = part;
  }
}
