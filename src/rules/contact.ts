/**
 * Reading a contact: every field read once, by own property, as the contact
 * field table (charter/vocabulary.ts) says; every instant converted to epoch
 * ms and checked to be in order, with errors that name the field and the value.
 *
 * @module
 */
import { rangeError, typeError } from "../problems.js";
import { MS_PER_DAY, readDate } from "../calendar/civil.js";
import type { CalendarEngine } from "../calendar/working-calendar.js";
import type { Contact } from "../charter/schema.js";
import { CHANNELS, type Channel } from "../concepts.js";
import { CONTACT_EVENTS, type ContactEvent } from "../charter/vocabulary.js";
import { text } from "../words.js";
import { own } from "../own.js";
import type { Pauses } from "./clocks.js";

/** A contact with its instants as epoch ms. */
export interface ReadContact {
  readonly id: string | number | undefined;
  readonly channel: Channel;
  readonly category: string | undefined;
  readonly receivedAt: number;
  readonly events: Readonly<Record<ContactEvent, number | undefined>>;
  readonly abandonedAt: number | undefined;
  /** A pre-booked appointment's time (it may be before or after the arrival). */
  readonly appointmentAt: number | undefined;
  /** The promised instant (a date means the end of that local day), valid or not: judge() decides per standard. */
  readonly promisedBy: number | undefined;
  /** Sorted, non-overlapping [from, to) pairs. */
  readonly pauses: Pauses;
}

const NO_PAUSES: Pauses = [];
/**
 * Every event, undefined: a contact's events are a copy of it, so each write below
 * stores to a property the object already has, instead of adding one under a name
 * that changes from write to write (one object shape for every contact; bench/RESULTS.md).
 */
const NO_EVENTS: Readonly<Record<ContactEvent, undefined>> = Object.fromEntries(
  CONTACT_EVENTS.map((event) => [event, undefined]),
) as Record<ContactEvent, undefined>;
/** The channels on which a contact can be abandoned: a caller hangs up, a visitor leaves. */
const ABANDONABLE: readonly Channel[] = ["telephone", "visit"];

/** `value`, read as `contact[key]`, when it is the contact's own: never one a polluted prototype supplies. */
function mine(contact: object, key: string, value: unknown): unknown {
  return value === undefined || Object.hasOwn(contact, key) ? value : undefined;
}

function blank(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/** `contact.respondedAt`: each field's name in messages, written once. */
const NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  [...CONTACT_EVENTS, "abandonedAt"].map((f) => [f, `contact.${f}`]),
);

/** An event's instant, which may not come before the receipt; undefined for an empty value. */
function after(
  engine: CalendarEngine,
  field: string,
  value: unknown,
  receivedAt: number,
  received: unknown,
): number | undefined {
  const name = NAMES[field] as string;
  const at = optionalInstant(engine, value, name);
  if (at !== undefined && at < receivedAt)
    throw rangeError("before", { name, value, other: "contact.receivedAt", otherValue: received });
  return at;
}

function optionalInstant(engine: CalendarEngine, value: unknown, name: string): number | undefined {
  return blank(value) ? undefined : engine.instant(value, name);
}

/**
 * @throws TypeError or RangeError naming the field (`contact.respondedAt`) and the value.
 */
export function readContact(engine: CalendarEngine, contact: Contact): ReadContact {
  if (typeof contact !== "object" || contact === null)
    throw typeError("invalid", { name: "contact", expected: text.contact, value: contact });
  const c = contact as Record<string, unknown>;
  // Named reads (fast), each kept only when it is the contact's own property.
  const id = mine(c, "id", c.id);
  if (id !== undefined && !(typeof id === "string" || (typeof id === "number" && Number.isFinite(id)))) {
    throw typeError("invalid", { name: "contact.id", expected: text.contactId, value: id });
  }
  const channel = mine(c, "channel", c.channel);
  if (!(CHANNELS as readonly unknown[]).includes(channel))
    throw typeError("not_one_of", { name: "contact.channel", values: CHANNELS, value: channel });
  const received = mine(c, "receivedAt", c.receivedAt);
  if (blank(received))
    throw typeError("invalid", {
      name: "contact.receivedAt",
      expected: "the instant the contact was received",
      value: received,
    });
  const category = mine(c, "category", c.category);
  if (category !== undefined && typeof category !== "string")
    throw typeError("invalid", { name: "contact.category", expected: text.category, value: category });
  const receivedAt = engine.coveredInstant(received, "contact.receivedAt");
  const events: Record<ContactEvent, number | undefined> = { ...NO_EVENTS };
  for (let i = 0; i < CONTACT_EVENTS.length; i++) {
    const event = CONTACT_EVENTS[i] as ContactEvent;
    const value = mine(c, event, c[event]);
    if (value !== undefined) events[event] = after(engine, event, value, receivedAt, received);
  }
  const abandoned = mine(c, "abandonedAt", c.abandonedAt);
  const abandonedAt =
    abandoned === undefined ? undefined : after(engine, "abandonedAt", abandoned, receivedAt, received);
  if (abandonedAt !== undefined && !ABANDONABLE.includes(channel as Channel))
    throw rangeError("not_a_call", { name: "contact.abandonedAt", channel: channel as string });
  const appointment = mine(c, "appointmentAt", c.appointmentAt);
  const appointmentAt = optionalInstant(engine, appointment, "contact.appointmentAt");
  const promised = mine(c, "promisedBy", c.promisedBy);
  let promisedBy: number | undefined;
  if (!blank(promised)) {
    const day = typeof promised === "string" ? readDate(promised) : undefined;
    promisedBy =
      day === undefined
        ? engine.instant(promised, "contact.promisedBy")
        : engine.zone.fromWall((day + 1) * MS_PER_DAY) - 1;
  }
  const pauseList = mine(c, "pauses", c.pauses);
  const pauses = blank(pauseList) ? NO_PAUSES : readPauses(engine, pauseList, "contact.pauses");
  return {
    id: id as string | number | undefined,
    channel: channel as Channel,
    category: category as string | undefined,
    receivedAt,
    events,
    abandonedAt,
    appointmentAt,
    promisedBy,
    pauses,
  };
}

/** Pauses as sorted [from, to) pairs; overlapping or empty ones are a RangeError. */
export function readPauses(engine: CalendarEngine, value: unknown, name: string): [number, number][] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw typeError("invalid", { name, expected: text.pauses, value });
  const pauses = value.map((p: unknown, i): [number, number] => {
    if (typeof p !== "object" || p === null)
      throw typeError("invalid", { name: `${name}[${i}]`, expected: text.pause, value: p });
    const from = own(p, "from");
    const to = own(p, "to");
    const a = engine.instant(from, `${name}[${i}].from`);
    const b = engine.instant(to, `${name}[${i}].to`);
    if (b <= a) throw rangeError("empty_pause", { name: `${name}[${i}]`, from, to });
    return [a, b];
  });
  pauses.sort((x, y) => x[0] - y[0]);
  for (let i = 1; i < pauses.length; i++) {
    const start = (pauses[i] as [number, number])[0];
    if (start < (pauses[i - 1] as [number, number])[1])
      throw rangeError("overlapping_pauses", { name, at: engine.zone.format(start) });
  }
  return pauses;
}
