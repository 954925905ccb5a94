/**
 * A standard compiled for the engine: its one unit and the clock that unit's
 * kind chooses, the events that stop it, the obligations that exempt contacts
 * from it, and every optional field read once by own property. Built once per
 * charter and kept in a WeakMap, so it lives exactly as long as the charter.
 *
 * @module
 */
import { rangeError } from "../problems.js";
import { formatDate } from "../calendar/civil.js";
import type { Zone } from "../calendar/zone.js";
import { inForceOf, periodDays } from "../charter/checks.js";
import type { Charter, Standard } from "../charter/schema.js";
import { UNITS, type LimitUnit, limitOf, type UnitKind } from "../charter/units.js";
import type { Channel, ExemptionWhen, Firmness } from "../concepts.js";
import { defaultStops, type ContactEvent } from "../charter/vocabulary.js";
import { DayMemo } from "./day-memo.js";

/** A standard as the engine reads it. */
export interface CompiledStandard {
  readonly standard: Standard;
  readonly id: string;
  readonly amount: number;
  readonly unit: LimitUnit;
  readonly kind: UnitKind;
  /** Milliseconds per unit, for elapsed and office-time kinds (0 otherwise). */
  readonly unitMs: number;
  readonly limit: { readonly amount: number; readonly unit: LimitUnit };
  readonly stops: readonly ContactEvent[];
  readonly category: string | undefined;
  readonly officeHoursOnly: boolean;
  readonly fromAcknowledgement: boolean;
  readonly percent: number;
  /** The schedule whose hours decide scope, office time and close of business (undefined: the office hours). */
  readonly schedule: string | undefined;
  /** Contacts with an appointment are not applicable. */
  readonly withoutAppointments: boolean;
  readonly firmness: Firmness | undefined;
  readonly caveat: string | undefined;
  /** Customer obligations that make a contact not applicable to this standard. */
  readonly exemptions: readonly Exemption[];
  /** The day-based clock's remembered answers (rules/day-memo.ts). */
  readonly memo: DayMemo;
  /** The period the standard (this version of it) was in force, as results show it; undefined when always. */
  readonly inForce: Period | undefined;
  /** The same period as epoch days, inclusive (infinite when open). */
  readonly fromDay: number;
  readonly toDay: number;
  /** How far a promised date may move the due date; undefined when there is no limit. */
  readonly promiseLimit: { readonly amount: number; readonly unit: "workingDays" | "calendarDays" } | undefined;
}

/** A period in force as results give it: local dates, inclusive, either open. */
export interface Period {
  readonly from: string | undefined;
  readonly to: string | undefined;
}

/** A customer obligation that, unmet, makes a contact not applicable. */
export interface Exemption {
  readonly obligation: string;
  readonly when: ExemptionWhen;
  readonly minutes: number;
}

const NO_EXEMPTIONS: readonly Exemption[] = [];

/** The compiled form of a validated standard, with the charter's obligations that exempt contacts from it. */
function compile(standard: Standard, exemptions: readonly Exemption[] = NO_EXEMPTIONS): CompiledStandard {
  const { unit, amount } = limitOf(standard.limit);
  const spec = UNITS[unit];
  const stopsOn = standard.stopsOn;
  const category = standard.category;
  const schedule = standard.schedule;
  const period = inForceOf(standard);
  const [fromDay, toDay] = periodDays(period);
  const limit = standard.promiseLimit;
  const working = limit?.workingDays;
  const calendar = limit?.calendarDays;
  return Object.freeze({
    standard,
    id: standard.id,
    amount,
    unit,
    kind: spec.kind,
    unitMs: "ms" in spec ? spec.ms : 0,
    limit: Object.freeze({ amount, unit }),
    stops: stopsOn ?? defaultStops(standard.stage),
    category: typeof category === "string" ? category : undefined,
    officeHoursOnly: standard.scope === "office-hours",
    fromAcknowledgement: standard.startsFrom === "acknowledged",
    percent: standard.target.percent,
    schedule: typeof schedule === "string" ? schedule : undefined,
    withoutAppointments: standard.appointments === "excluded",
    firmness: standard.firmness,
    caveat: standard.caveat,
    exemptions,
    memo: new DayMemo(),
    inForce:
      period === undefined
        ? undefined
        : Object.freeze({
            from: period?.from,
            to: period?.to,
          }),
    fromDay,
    toDay,
    promiseLimit:
      typeof working === "number"
        ? Object.freeze({ amount: working, unit: "workingDays" as const })
        : typeof calendar === "number"
          ? Object.freeze({ amount: calendar, unit: "calendarDays" as const })
          : undefined,
  });
}

/**
 * The standards that cover one channel and category, for every receipt date: without
 * versions, one list; with them, the list in force from each boundary on, so that a
 * contact's standards are one binary search over the boundaries, never a search
 * over versions per standard.
 */
interface Epochs {
  /** Epoch days on which the list changes, ascending; the first is -Infinity. */
  readonly starts: readonly number[];
  readonly lists: readonly (readonly CompiledStandard[])[];
}
type Choice = readonly CompiledStandard[] | Epochs;

function isList(choice: Choice): choice is readonly CompiledStandard[] {
  return Array.isArray(choice);
}

/** The rules of `list` in force on each receipt date, as epochs (the list itself when none has a period). */
function epochsOf(list: readonly CompiledStandard[]): Choice {
  if (list.every((r) => r.inForce === undefined)) return list;
  const bounds = new Set<number>([Number.NEGATIVE_INFINITY]);
  for (const r of list) {
    if (Number.isFinite(r.fromDay)) bounds.add(r.fromDay);
    if (Number.isFinite(r.toDay)) bounds.add(r.toDay + 1);
  }
  const starts = [...bounds].sort((a, b) => a - b);
  const lists = starts.map((day) => list.filter((r) => r.fromDay <= day && day <= r.toDay));
  return { starts, lists };
}

/** The list of an epoch set in force on `day`. */
function pick(epochs: Epochs, day: number): readonly CompiledStandard[] {
  const { starts } = epochs;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= day) lo = mid;
    else hi = mid - 1;
  }
  return epochs.lists[lo] as readonly CompiledStandard[];
}

interface Index {
  /** Each standard id's versions, in the charter's order (one for a standard without versions). */
  readonly byId: ReadonlyMap<string, readonly CompiledStandard[]>;
  /** Per channel: the standards without a category, and those with one (or excepting one) by category. */
  readonly byChannel: ReadonlyMap<string, { readonly any: Choice; readonly byCategory: ReadonlyMap<string, Choice> }>;
}

const indexes = new WeakMap<Charter, Index>();

function indexOf(charter: Charter): Index {
  let index = indexes.get(charter);
  if (index === undefined) {
    const exempting = new Map<string, Exemption[]>();
    for (const o of charter.customerObligations) {
      const exempts = o.exempts;
      if (exempts === undefined) continue;
      for (const id of exempts.standards) {
        const list = exempting.get(id) ?? [];
        list.push({ obligation: o.id, when: exempts.when, minutes: exempts.minutes });
        exempting.set(id, list);
      }
    }
    const all = charter.standards.map((s) => compile(s, exempting.get(s.id)));
    const except = (r: CompiledStandard) => r.standard.exceptCategories ?? [];
    const byChannel = new Map<string, { any: Choice; byCategory: Map<string, Choice> }>();
    const channels = new Set(all.flatMap((r) => r.standard.channels));
    // Every category a standard names, as its own or as one it excepts, has its own list.
    const categories = new Set(all.flatMap((r) => (r.category === undefined ? except(r) : [r.category])));
    for (const channel of channels) {
      const on = all.filter((r) => r.standard.channels.includes(channel));
      const byCategory = new Map<string, Choice>();
      // A category's list keeps the charter's order: the standards of any category (but those
      // that except it), and its own.
      for (const category of categories)
        byCategory.set(
          category,
          epochsOf(
            on.filter((r) => (r.category === undefined ? !except(r).includes(category) : r.category === category)),
          ),
        );
      byChannel.set(channel, { any: epochsOf(on.filter((r) => r.category === undefined)), byCategory });
    }
    const byId = new Map<string, CompiledStandard[]>();
    for (const r of all) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    index = { byId, byChannel };
    indexes.set(charter, index);
  }
  return index;
}

const NONE: readonly CompiledStandard[] = [];

/**
 * The standards that cover a contact: its channel, its category when the standard
 * has one (and does not except it), and, for a standard with versions, the version
 * in force on the local date of receipt. Keyed only by what the charter declares, so
 * the index does not grow with the contacts' categories.
 */
export function standardsFor(
  charter: Charter,
  channel: Channel,
  category: string | undefined,
  receivedMs: number,
  zone: Zone,
): readonly CompiledStandard[] {
  return standardsIn(coverOf(charter), channel, category, receivedMs, zone);
}

/** Which standards cover which contacts, per channel: a charter's index, for {@link standardsIn}. */
export type Cover = Index["byChannel"];

/** The cover of a charter, to look up once where every contact is asked about (a report). */
export function coverOf(charter: Charter): Cover {
  return indexOf(charter).byChannel;
}

/** {@link standardsFor} in a cover already looked up. The receipt's local date is worked out only where versions need it. */
export function standardsIn(
  cover: Cover,
  channel: Channel,
  category: string | undefined,
  receivedMs: number,
  zone: Zone,
): readonly CompiledStandard[] {
  const entry = cover.get(channel);
  if (entry === undefined) return NONE;
  const choice = (category === undefined ? undefined : entry.byCategory.get(category)) ?? entry.any;
  return isList(choice) ? choice : pick(choice, zone.localDay(receivedMs));
}

/**
 * Every standard that covers a contact of this channel and category on some date, all of
 * a standard's versions included: for what does not depend on the date of receipt (which
 * values reach a standard, which fields a covering standard reads).
 */
export function standardsInAnyVersion(
  cover: Cover,
  channel: Channel,
  category: string | undefined,
): readonly CompiledStandard[] {
  const entry = cover.get(channel);
  if (entry === undefined) return NONE;
  const choice = (category === undefined ? undefined : entry.byCategory.get(category)) ?? entry.any;
  return isList(choice) ? choice : [...new Set(choice.lists.flat())];
}

/** The versions of a standard id (one for a standard without versions), or a RangeError that lists the valid ids. */
export function versionsById(charter: Charter, standardId: unknown): readonly CompiledStandard[] {
  const rules = typeof standardId === "string" ? indexOf(charter).byId.get(standardId) : undefined;
  if (rules === undefined)
    throw rangeError("unknown_standard", {
      name: "standardId",
      charterId: charter.id,
      ids: [...new Set(charter.standards.map((s) => s.id))],
      value: standardId,
    });
  return rules;
}

/** The rule of a standard id (its first version), or a RangeError that lists the valid ids. */
export function standardById(charter: Charter, standardId: unknown): CompiledStandard {
  return versionsById(charter, standardId)[0] as CompiledStandard;
}

/**
 * The version of a standard in force on a local date (`day`), or a RangeError that
 * names the date and the periods its versions were in force.
 */
export function standardInForce(charter: Charter, standardId: unknown, day: number, name: string): CompiledStandard {
  const versions = versionsById(charter, standardId);
  const rule = versions.find((r) => r.fromDay <= day && day <= r.toDay);
  if (rule === undefined)
    throw rangeError("not_in_force", {
      standardId: String(standardId),
      date: formatDate(day),
      name,
      periods: versions.map((r) => r.inForce ?? { from: undefined, to: undefined }),
    });
  return rule;
}
