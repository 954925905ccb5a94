/**
 * Reading a contact: every instant converted once to epoch ms, checked to be
 * in order, with errors that name the field and the value.
 *
 * @module
 */
import { readDate } from "../calendar/civil.js";
import type { CalendarEngine } from "../calendar/working-calendar.js";
import { CHANNELS, type Channel, type Contact, type ContactEvent } from "../charter/schema.js";
import { expected, show } from "../messages.js";

/** A contact with its instants as epoch ms. */
export interface ReadContact {
  readonly id: string | number | undefined;
  readonly channel: Channel;
  readonly category: string | undefined;
  readonly receivedAt: number;
  readonly events: Readonly<Record<ContactEvent, number | undefined>>;
  readonly abandonedAt: number | undefined;
  readonly promisedBy: number | undefined;
  /** Sorted, non-overlapping [from, to) pairs. */
  readonly pauses: readonly (readonly [number, number])[];
}

const NO_PAUSES: readonly (readonly [number, number])[] = [];

function optionalInstant(engine: CalendarEngine, value: unknown, name: string): number | undefined {
  return value === undefined || value === null || value === "" ? undefined : engine.instant(value, name);
}

/**
 * @throws TypeError or RangeError naming the field (`contact.respondedAt`) and the value.
 */
export function readContact(engine: CalendarEngine, contact: Contact): ReadContact {
  if (typeof contact !== "object" || contact === null) throw new TypeError(expected("contact", "an object", contact));
  const c = contact as Record<string, unknown>;
  if (!(CHANNELS as readonly unknown[]).includes(c.channel)) {
    throw new TypeError(expected("contact.channel", `one of ${CHANNELS.join(", ")}`, c.channel));
  }
  if (c.receivedAt === undefined || c.receivedAt === null || c.receivedAt === "") {
    throw new TypeError(expected("contact.receivedAt", "the instant the contact was received", c.receivedAt));
  }
  if (c.category !== undefined && typeof c.category !== "string") {
    throw new TypeError(expected("contact.category", "a string", c.category));
  }
  const receivedAt = engine.instant(c.receivedAt, "contact.receivedAt");
  const event = (field: ContactEvent): number | undefined => {
    const value = c[field];
    const at = optionalInstant(engine, value, `contact.${field}`);
    if (at !== undefined && at < receivedAt) {
      throw new RangeError(`\`contact.${field}\` (${show(value)}) is before \`contact.receivedAt\` (${show(c.receivedAt)})`);
    }
    return at;
  };
  // One object literal, one shape, for every contact.
  const events: Record<ContactEvent, number | undefined> = {
    answeredAt: event("answeredAt"),
    attendedAt: event("attendedAt"),
    acknowledgedAt: event("acknowledgedAt"),
    respondedAt: event("respondedAt"),
    voicemailAt: event("voicemailAt"),
  };
  const abandonedAt = optionalInstant(engine, c.abandonedAt, "contact.abandonedAt");
  if (abandonedAt !== undefined && abandonedAt < receivedAt) {
    throw new RangeError(`\`contact.abandonedAt\` (${show(c.abandonedAt)}) is before \`contact.receivedAt\` (${show(c.receivedAt)})`);
  }
  let promisedBy: number | undefined;
  if (c.promisedBy !== undefined && c.promisedBy !== null && c.promisedBy !== "") {
    const day = typeof c.promisedBy === "string" ? readDate(c.promisedBy) : undefined;
    promisedBy =
      day === undefined ? engine.instant(c.promisedBy, "contact.promisedBy") : engine.zone.fromWall((day + 1) * 86_400_000) - 1;
    const ack = events.acknowledgedAt;
    if (ack === undefined) {
      throw new RangeError(`\`contact.promisedBy\` (${show(c.promisedBy)}) needs \`contact.acknowledgedAt\`: a promise is made in an acknowledgement`);
    }
    if (promisedBy < ack) {
      throw new RangeError(`\`contact.promisedBy\` (${show(c.promisedBy)}) is before \`contact.acknowledgedAt\` (${show(c.acknowledgedAt)})`);
    }
  }
  const pauses = c.pauses === undefined || c.pauses === null ? NO_PAUSES : readPauses(engine, c.pauses, "contact.pauses");
  return { id: c.id as string | number | undefined, channel: c.channel as Channel, category: c.category as string | undefined, receivedAt, events, abandonedAt, promisedBy, pauses };
}

/** Pauses as sorted [from, to) pairs; overlapping or empty ones are a RangeError. */
export function readPauses(engine: CalendarEngine, value: unknown, name: string): [number, number][] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new TypeError(expected(name, "an array of { from, to }", value));
  const pauses = value.map((p: unknown, i): [number, number] => {
    if (typeof p !== "object" || p === null) throw new TypeError(expected(`${name}[${i}]`, "{ from, to }", p));
    const { from, to } = p as { from?: unknown; to?: unknown };
    const a = engine.instant(from, `${name}[${i}].from`);
    const b = engine.instant(to, `${name}[${i}].to`);
    if (b <= a) throw new RangeError(`\`${name}[${i}]\` ends (${show(to)}) at or before it starts (${show(from)})`);
    return [a, b];
  });
  pauses.sort((x, y) => x[0] - y[0]);
  for (let i = 1; i < pauses.length; i++) {
    if ((pauses[i]?.[0] as number) < (pauses[i - 1]?.[1] as number)) {
      throw new RangeError(`\`${name}\` overlap: a pause starts at ${new Date(pauses[i]?.[0] as number).toISOString()} before the one before it ends`);
    }
  }
  return pauses;
}
