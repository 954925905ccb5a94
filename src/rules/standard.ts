/**
 * A standard compiled for the engine: its one unit and the clock that unit's
 * kind chooses, the events that stop it, and every optional field read once by
 * own property. Built once per standard object and kept in a WeakMap, so it
 * lives exactly as long as the charter.
 *
 * @module
 */
import type { Charter, Standard } from "../charter/schema.js";
import { LIMIT_UNITS, UNITS, type LimitUnit, type UnitKind } from "../charter/units.js";
import { CONTACT_EVENTS, defaultStops, type Channel, type ContactEvent } from "../charter/vocabulary.js";
import { unknownStandard } from "../messages.js";
import { own } from "../own.js";

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
}

const rules = new WeakMap<Standard, Rule>();

/** The compiled form of a validated standard. */
export function ruleOf(standard: Standard): Rule {
  let rule = rules.get(standard);
  if (rule === undefined) {
    const unit = LIMIT_UNITS.find((u) => own(standard.limit, u) !== undefined) as LimitUnit;
    const amount = own(standard.limit, unit) as number;
    const spec = UNITS[unit];
    const stopsOn = own(standard, "stopsOn");
    const category = own(standard, "category");
    rule = Object.freeze({
      standard,
      id: standard.id,
      amount,
      unit,
      kind: spec.kind,
      unitMs: "ms" in spec ? spec.ms : 0,
      limit: Object.freeze({ amount, unit }),
      stops: Array.isArray(stopsOn) ? (stopsOn as readonly ContactEvent[]).filter((e) => CONTACT_EVENTS.includes(e)) : defaultStops(standard.stage),
      category: typeof category === "string" ? category : undefined,
      officeHoursOnly: standard.scope === "office-hours",
      fromAcknowledgement: standard.startsFrom === "acknowledged",
      percent: standard.target.percent,
    });
    rules.set(standard, rule);
  }
  return rule;
}

interface Index {
  readonly byId: ReadonlyMap<string, Rule>;
  /** Per channel: the standards without a category, and those with one by category. */
  readonly byChannel: ReadonlyMap<string, { readonly any: readonly Rule[]; readonly byCategory: ReadonlyMap<string, readonly Rule[]> }>;
}

const indexes = new WeakMap<Charter, Index>();

function indexOf(charter: Charter): Index {
  let index = indexes.get(charter);
  if (index === undefined) {
    const all = charter.standards.map(ruleOf);
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
        entry.byCategory.set(category, all.filter((r) => (r.standard.channels as readonly string[]).includes(channel) && (r.category === undefined || r.category === category)));
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
  const entry = indexOf(charter).byChannel.get(channel);
  if (entry === undefined) return NONE;
  return (category === undefined ? undefined : entry.byCategory.get(category)) ?? entry.any;
}

/** The rule of a standard id, or a RangeError that lists the valid ids. */
export function ruleById(charter: Charter, standardId: unknown): Rule {
  const rule = typeof standardId === "string" ? indexOf(charter).byId.get(standardId) : undefined;
  if (rule === undefined) throw new RangeError(unknownStandard(charter.id, charter.standards.map((s) => s.id), standardId));
  return rule;
}

