/**
 * Limit units: the one table from which the schema (which keys a limit may
 * have, which stages each suits), the wording ("3 working days") and the
 * clocks (rules/clocks.ts picks one per `kind`) are derived. Adding a unit is
 * one row here; a new `kind` fails to compile until it has a clock.
 *
 * @module
 */
import type { Stage } from "../concepts.js";

/** How a unit's limit is counted: each kind has one clock. */
export type UnitKind = "elapsed" | "office-time" | "working-days" | "calendar-days" | "calendar-months";

interface UnitSpec {
  readonly kind: UnitKind;
  /** Milliseconds per unit, for the elapsed and office-time kinds. */
  readonly ms?: number;
  /** Singular and plural, as a charter author reads them. */
  readonly words: readonly [one: string, many: string];
  /** The stages a limit in this unit suits. */
  readonly stages: readonly Stage[];
}

const TALK: readonly Stage[] = ["acknowledge", "respond"];

/** Every limit unit, in the order messages list them. */
export const UNITS = {
  seconds: { kind: "elapsed", ms: 1000, words: ["second", "seconds"], stages: ["answer", "attend"] },
  minutes: { kind: "elapsed", ms: 60_000, words: ["minute", "minutes"], stages: ["answer", "attend", ...TALK] },
  hours: { kind: "elapsed", ms: 3_600_000, words: ["hour", "hours"], stages: ["attend", ...TALK] },
  workingMinutes: { kind: "office-time", ms: 60_000, words: ["working minute", "working minutes"], stages: TALK },
  workingHours: { kind: "office-time", ms: 3_600_000, words: ["working hour", "working hours"], stages: TALK },
  workingDays: { kind: "working-days", words: ["working day", "working days"], stages: TALK },
  calendarDays: { kind: "calendar-days", words: ["calendar day", "calendar days"], stages: TALK },
  calendarMonths: { kind: "calendar-months", words: ["calendar month", "calendar months"], stages: TALK },
} as const satisfies Record<string, UnitSpec>;

/** Units of a standard's limit. */
export type LimitUnit = keyof typeof UNITS;

/** The unit names, in table order. */
export const LIMIT_UNITS = Object.freeze(Object.keys(UNITS)) as readonly LimitUnit[];

/** Day-based kinds: the due instant follows `dueAt` and the receipt cut-off applies. */
export function isDayBased(unit: LimitUnit): boolean {
  const kind = UNITS[unit].kind;
  return kind === "working-days" || kind === "calendar-days" || kind === "calendar-months";
}

const DAY_MS = 86_400_000;

/** How long a unit roughly lasts, by its kind: office time as a third of the clock, a working day as 7/5 days. */
const NOMINAL: Readonly<Record<UnitKind, (ms: number) => number>> = {
  elapsed: (ms) => ms,
  "office-time": (ms) => ms * 3,
  "working-days": () => (DAY_MS * 7) / 5,
  "calendar-days": () => DAY_MS,
  "calendar-months": () => DAY_MS * 30.4375,
};

/** Roughly how long one of a unit lasts, to compare a standard's limit with its replacement's. */
export function nominalMs(unit: LimitUnit): number {
  const spec: UnitSpec = UNITS[unit];
  return NOMINAL[spec.kind](spec.ms ?? 0);
}

/** "3 working days", "1 working day". */
export function amountText(n: number, unit: LimitUnit): string {
  const [one, many] = UNITS[unit].words;
  return `${n} ${n === 1 ? one : many}`;
}

/** A limit's one unit and its amount (a validated limit has exactly one: the checks refuse any other). */
export function limitOf(limit: { readonly [U in LimitUnit]?: number | undefined }): {
  unit: LimitUnit;
  amount: number;
} {
  for (const unit of LIMIT_UNITS) {
    const amount = limit[unit];
    if (amount !== undefined) return { unit, amount };
  }
  throw new TypeError(
    "a limit with no unit reached the engine: it should have been refused when the charter was parsed",
  );
}

/** The units a limit gives (exactly one, once it is valid). */
export function unitsOf(limit: { readonly [U in LimitUnit]?: number | undefined }): LimitUnit[] {
  return LIMIT_UNITS.filter((u) => limit[u] !== undefined);
}
