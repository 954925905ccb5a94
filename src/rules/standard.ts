/**
 * A standard compiled for the engine: its one unit and the clock that unit's
 * kind chooses, the events that stop it, the obligations that exempt contacts
 * from it, and every optional field read once by own property. Built once per
 * charter and kept in a WeakMap, so it lives exactly as long as the charter.
 *
 * @module
 */
import type { Charter, Standard } from "../charter/schema.js";
import { LIMIT_UNITS, UNITS, type LimitUnit, type UnitKind } from "../charter/units.js";
import { CONTACT_EVENTS, defaultStops, type Channel, type ContactEvent } from "../charter/vocabulary.js";
import { unknownStandard } from "../messages.js";
import { own } from "../own.js";
import { DayMemo } from "./day-memo.js";

/** A standard as the engine reads it. */
export interface Rule {
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
}

/** How firmly a charter promises a standard. */
export type Firmness = "will" | "aim" | "general-rule";

/** A customer obligation that, unmet, makes a contact not applicable. */
export interface Exemption {
  readonly obligation: string;
  readonly when: "arrived-near-closing" | "late-for-appointment";
  readonly minutes: number;
}

const NO_EXEMPTIONS: readonly Exemption[] = [];

/** The compiled form of a validated standard, with the charter's obligations that exempt contacts from it. */
function compile(standard: Standard, exemptions: readonly Exemption[] = NO_EXEMPTIONS): Rule {
  const unit = LIMIT_UNITS.find((u) => own(standard.limit, u) !== undefined) as LimitUnit;
  const amount = own(standard.limit, unit) as number;
  const spec = UNITS[unit];
  const stopsOn = own(standard, "stopsOn");
  const category = own(standard, "category");
  const schedule = own(standard, "schedule");
  return Object.freeze({
    standard,
    id: standard.id,
    amount,
    unit,
    kind: spec.kind,
    unitMs: "ms" in spec ? spec.ms : 0,
    limit: Object.freeze({ amount, unit }),
    stops: Array.isArray(stopsOn)
      ? (stopsOn as readonly ContactEvent[]).filter((e) => CONTACT_EVENTS.includes(e))
      : defaultStops(standard.stage),
    category: typeof category === "string" ? category : undefined,
    officeHoursOnly: standard.scope === "office-hours",
    fromAcknowledgement: standard.startsFrom === "acknowledged",
    percent: standard.target.percent,
    schedule: typeof schedule === "string" ? schedule : undefined,
    withoutAppointments: standard.appointments === "excluded",
    firmness: own(standard, "firmness") as Firmness | undefined,
    caveat: own(standard, "caveat") as string | undefined,
    exemptions,
    memo: new DayMemo(),
  });
}

interface Index {
  readonly byId: ReadonlyMap<string, Rule>;
  /** Per channel: the standards without a category, and those with one by category. */
  readonly byChannel: ReadonlyMap<
    string,
    { readonly any: readonly Rule[]; readonly byCategory: ReadonlyMap<string, readonly Rule[]> }
  >;
}

const indexes = new WeakMap<Charter, Index>();

function indexOf(charter: Charter): Index {
  let index = indexes.get(charter);
  if (index === undefined) {
    const exempting = new Map<string, Exemption[]>();
    for (const o of charter.customerObligations) {
      const exempts = own(o, "exempts") as
        | { standards: readonly string[]; when: Exemption["when"]; minutes: number }
        | undefined;
      for (const id of exempts?.standards ?? []) {
        const list = exempting.get(id) ?? [];
        list.push({
          obligation: o.id,
          when: (exempts as { when: Exemption["when"] }).when,
          minutes: (exempts as { minutes: number }).minutes,
        });
        exempting.set(id, list);
      }
    }
    const all = charter.standards.map((s) => compile(s, exempting.get(s.id)));
    const byChannel = new Map<string, { any: Rule[]; byCategory: Map<string, Rule[]> }>();
    for (const rule of all) {
      for (const channel of rule.standard.channels) {
        const entry = byChannel.get(channel) ?? { any: [], byCategory: new Map<string, Rule[]>() };
        byChannel.set(channel, entry);
        if (rule.category === undefined) entry.any.push(rule);
      }
    }
    // A category's list keeps the charter's order: the standards of any category, and its own.
    for (const [channel, entry] of byChannel) {
      for (const category of new Set(all.flatMap((r) => (r.category === undefined ? [] : [r.category])))) {
        entry.byCategory.set(
          category,
          all.filter(
            (r) =>
              (r.standard.channels as readonly string[]).includes(channel) &&
              (r.category === undefined || r.category === category),
          ),
        );
      }
    }
    index = { byId: new Map(all.map((r) => [r.id, r])), byChannel };
    indexes.set(charter, index);
  }
  return index;
}

const NONE: readonly Rule[] = [];

/**
 * The standards that cover a contact: its channel, and its category when the
 * standard has one. Keyed only by what the charter declares, so the index does
 * not grow with the contacts' categories.
 */
export function rulesFor(charter: Charter, channel: Channel, category: string | undefined): readonly Rule[] {
  return rulesIn(coverOf(charter), channel, category);
}

/** Which standards cover which contacts, per channel: a charter's index, for {@link rulesIn}. */
export type Cover = Index["byChannel"];

/** The cover of a charter, to look up once where every contact is asked about (a report). */
export function coverOf(charter: Charter): Cover {
  return indexOf(charter).byChannel;
}

/** {@link rulesFor} in a cover already looked up. */
export function rulesIn(cover: Cover, channel: Channel, category: string | undefined): readonly Rule[] {
  const entry = cover.get(channel);
  if (entry === undefined) return NONE;
  return (category === undefined ? undefined : entry.byCategory.get(category)) ?? entry.any;
}

/** The rule of a standard id, or a RangeError that lists the valid ids. */
export function ruleById(charter: Charter, standardId: unknown): Rule {
  const rule = typeof standardId === "string" ? indexOf(charter).byId.get(standardId) : undefined;
  if (rule === undefined)
    throw new RangeError(
      unknownStandard(
        charter.id,
        charter.standards.map((s) => s.id),
        standardId,
      ),
    );
  return rule;
}
