/**
 * The words of contacts: channels, the events that can stop a clock, and the
 * contact fields. Each is one table from which the schema, the contact reader,
 * the command's columns and help, and explain()'s wording are derived: a new
 * event or field is one row here.
 *
 * @module
 */
import { CHANNELS, type Stage } from "../concepts.js";

interface EventSpec {
  /** What an evaluation says met the standard (`by`). */
  readonly by: string;
  /** The past tense explain() uses: "responded on Monday ...". */
  readonly done: string;
  /** The stages this event stops by default (a standard's `stopsOn` replaces them). */
  readonly stops: readonly Stage[];
  /** For the command's help and the contact JSON Schema. */
  readonly description: string;
}

/** Contact events that can stop a standard's clock. */
export const EVENTS = {
  answeredAt: { by: "answer", done: "answered", stops: ["answer"], description: "a call picked up" },
  attendedAt: { by: "attendance", done: "seen", stops: ["attend"], description: "a visitor seen" },
  acknowledgedAt: {
    by: "acknowledgement",
    done: "acknowledged",
    stops: ["acknowledge"],
    description: "an acknowledgement sent",
  },
  respondedAt: {
    by: "response",
    done: "responded",
    stops: ["acknowledge", "respond"],
    description: "a full response sent (it also acknowledges)",
  },
  voicemailAt: { by: "voicemail", done: "passed to voicemail", stops: [], description: "a call passed to voicemail" },
} as const satisfies Record<string, EventSpec>;

export type ContactEvent = keyof typeof EVENTS;
export const CONTACT_EVENTS = Object.freeze(Object.keys(EVENTS)) as readonly ContactEvent[];

/** What met (or stopped) a standard's clock: an event's `by`, or a kept promise. */
export type MetBy = (typeof EVENTS)[ContactEvent]["by"] | "promise";

/** The events that stop a stage's clock by default. */
export function defaultStops(stage: Stage): readonly ContactEvent[] {
  return CONTACT_EVENTS.filter((event) => (EVENTS[event].stops as readonly Stage[]).includes(stage));
}

/** How each kind of contact field is written and read. */
type FieldKind = "id" | "channel" | "category" | "instant" | "event" | "promise" | "pauses";

interface FieldSpec {
  readonly kind: FieldKind;
  readonly required?: true;
  readonly description: string;
}

/**
 * Every field of a contact, in the order files list them. `event` fields come
 * from {@link EVENTS}.
 */
export const CONTACT_FIELDS = {
  id: { kind: "id", description: "the contact's reference: a string or a number" },
  channel: { kind: "channel", required: true, description: `how it came: ${CHANNELS.join(", ")}` },
  category: { kind: "category", description: "e.g. complaint: standards with a category cover only contacts of it" },
  receivedAt: { kind: "instant", required: true, description: "when it was received" },
  answeredAt: { kind: "event", description: EVENTS.answeredAt.description },
  attendedAt: { kind: "event", description: EVENTS.attendedAt.description },
  acknowledgedAt: { kind: "event", description: EVENTS.acknowledgedAt.description },
  respondedAt: { kind: "event", description: EVENTS.respondedAt.description },
  voicemailAt: { kind: "event", description: EVENTS.voicemailAt.description },
  abandonedAt: { kind: "instant", description: "a call the caller hung up on, or a visitor who left" },
  appointmentAt: { kind: "instant", description: "the time of a pre-booked appointment (visits)" },
  promisedBy: { kind: "promise", description: "the date or instant an acknowledgement promised a full response by" },
  pauses: { kind: "pauses", description: "stop-the-clock intervals; in CSV from/to;from/to" },
} as const satisfies Record<string, FieldSpec>;

export type ContactField = keyof typeof CONTACT_FIELDS;
export const CONTACT_FIELD_NAMES = Object.freeze(Object.keys(CONTACT_FIELDS)) as readonly ContactField[];

/** How each interval field is written and read. */
type IntervalFieldKind = "instant" | "minutes" | "channel" | "category" | "count" | "seconds";

interface IntervalFieldSpec {
  readonly kind: IntervalFieldKind;
  readonly required?: true;
  readonly description: string;
}

/**
 * Every field of an interval's counts (a telephone system's report per 15, 30 or 60
 * minutes), in the order files list them: what a standard with an elapsed limit on answering
 * can be judged from when there is no call-by-call data.
 */
export const INTERVAL_FIELDS = {
  intervalStart: { kind: "instant", required: true, description: "when the interval began" },
  intervalMinutes: { kind: "minutes", required: true, description: "how long it lasted, in minutes (15, 30, 60)" },
  channel: { kind: "channel", required: true, description: `the calls' channel: ${CHANNELS.join(", ")}` },
  category: { kind: "category", description: "the calls' category, if the standards have one" },
  offered: { kind: "count", required: true, description: "calls offered in the interval" },
  answered: { kind: "count", required: true, description: "calls answered" },
  answeredWithin: { kind: "count", required: true, description: "calls answered within thresholdSeconds" },
  thresholdSeconds: {
    kind: "seconds",
    required: true,
    description: "the threshold of answeredWithin: it must be the standard's limit",
  },
  abandoned: { kind: "count", required: true, description: "calls the caller hung up on before an answer" },
  abandonedWithin: {
    kind: "count",
    description: "short abandons: calls abandoned before abandonThresholdSeconds (needed for --abandoned by-limit)",
  },
  abandonThresholdSeconds: {
    kind: "seconds",
    description: "the threshold of abandonedWithin (default: thresholdSeconds)",
  },
} as const satisfies Record<string, IntervalFieldSpec>;

export type IntervalField = keyof typeof INTERVAL_FIELDS;
export const INTERVAL_FIELD_NAMES = Object.freeze(Object.keys(INTERVAL_FIELDS)) as readonly IntervalField[];
