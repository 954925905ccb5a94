/**
 * The charter schema: the one module that builds zod schemas. It states the
 * shape of charters, layers and contacts; types are derived from it with
 * `z.infer`. The checks between fields are in charter/checks.ts, the wording in
 * words.ts (charter/issues.ts carries the codes).
 *
 * @module
 */
import * as z from "zod/mini";
import { WEEKDAYS, readClockTime, readDate } from "../calendar/civil.js";
import { getZone } from "../calendar/zone.js";
import {
  APPOINTMENT_RULES,
  CHANNELS,
  CLOCK_STARTS,
  DUE_AT,
  EXEMPTION_WHENS,
  FIRMNESSES,
  MEASUREMENT_METHODS,
  REVIEW_CADENCES,
  SCOPES,
  STAGES,
  UNUSED_REASONS,
} from "../concepts.js";
import { FIELD_MESSAGES, ISSUE_MESSAGES } from "../words.js";
import {
  CONTACT_EVENTS,
  CONTACT_FIELDS,
  type ContactField,
  INTERVAL_FIELDS,
  type IntervalField,
} from "./vocabulary.js";
import { LIMIT_UNITS, type LimitUnit } from "./units.js";

/**
 * Builds every schema. Called once, on the first parse (or JSON Schema request), so that
 * importing council-sla costs no schema construction.
 */
function build() {
  const format = <C extends "invalid_date" | "invalid_clock_time" | "unknown_time_zone">(
    code: C,
    valid: (s: string) => boolean,
  ) =>
    z.string().check(z.refine(valid, { error: (iss) => ISSUE_MESSAGES[code]({ input: iss.input }), params: { code } }));

  const isoDate = format("invalid_date", (s) => readDate(s) !== undefined);
  const clockTime = format("invalid_clock_time", (s) => readClockTime(s) !== undefined);

  function isKnownZone(name: string): boolean {
    try {
      getZone(name);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * A minimum length that is checked on strings and arrays only: zod runs length checks on
   * any value with a `length` key, and `{ "length": {} }` then threw while being compared.
   */
  const minLength = (minimum: number, params?: { error?: string }) => {
    const check = z.minLength(minimum, params);
    check._zod.def.when = (payload) => typeof payload.value === "string" || Array.isArray(payload.value);
    return check;
  };

  const nonEmpty = () => z.string().check(minLength(1));

  /** Opening and closing time, e.g. `["09:00", "12:30"]`: open from the first, closed from the second. */
  const interval = z.tuple([clockTime, clockTime]);
  const day = () => z.optional(z.array(interval));

  const week = { mon: day(), tue: day(), wed: day(), thu: day(), fri: day(), sat: day(), sun: day() };
  const officeHours = z.strictObject(week);

  /**
   * The period a rule was in force: local dates, both inclusive, either open. A standard
   * judges the contacts received on those dates; hours and closures apply on them.
   */
  const inForce = z
    .strictObject({
      /** First date in force; in force since ever when absent. */
      from: z.optional(isoDate),
      /** Last date in force, inclusive; still in force when absent. */
      to: z.optional(isoDate),
      /** The id of the source that gives the period, and its sentence. */
      source: z.optional(z.string().check(minLength(1))),
      quote: z.optional(z.string().check(minLength(1))),
      /** How the period was read, or why a date is assumed. */
      assumption: z.optional(nonEmpty()),
    })
    .check(
      z.describe(
        "The period in force: from and to (YYYY-MM-DD, inclusive, either open), with the source and sentence that say so.",
      ),
    );

  /** A schedule's weekly hours, for the period given (always, when absent). */
  const scheduleWeek = z.strictObject({ ...week, inForce: z.optional(inForce) });
  /** A named schedule: its weekly hours, or versions of them in force one after another. */
  const schedule = z.union([scheduleWeek, z.array(scheduleWeek).check(minLength(1))]);

  /** Where a value comes from when the charter text does not give it. */
  const assumption = z.strictObject({
    /** Which fields the assumption covers, e.g. `officeHours`. */
    fields: z.array(nonEmpty()).check(minLength(1)),
    note: nonEmpty(),
  });

  const closure = z.strictObject({
    /** First date closed. */
    from: isoDate,
    /** Last date closed, inclusive; the same as `from` when absent. */
    to: z.optional(isoDate),
    name: nonEmpty(),
    /** The sentence that announces it, and the id of its source. */
    quote: z.optional(z.string().check(minLength(1))),
    source: z.optional(z.string().check(minLength(1))),
    /** Its dates close only within this period. */
    inForce: z.optional(inForce),
  });

  const extraWorkingDate = z.strictObject({
    date: isoDate,
    name: z.optional(nonEmpty()),
  });

  const id = () =>
    z
      .string()
      .check(
        z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: (iss) => FIELD_MESSAGES.invalid_slug({ input: iss.input }) }),
      );

  /** A date with hours of its own (closing early on 24 December, an extra Saturday opening). */
  const datedHours = z.strictObject({
    date: isoDate,
    /** The intervals open that date; `[]` is closed all day (for these schedules only: it is not a closure). */
    hours: z.array(interval),
    name: nonEmpty(),
    /** The schedules the hours replace: `office` (officeHours) and named schedules; all of them when absent. */
    schedules: z.optional(z.array(id()).check(minLength(1))),
    quote: z.optional(z.string().check(minLength(1))),
    /** The id of the source the hours come from. */
    source: z.optional(id()),
    /** The hours apply only within this period. */
    inForce: z.optional(inForce),
  });

  /** A closure that recurs every year by rule: the nth weekday of a month, or a substitute day for a weekend holiday. */
  const recurringClosure = z.strictObject({
    name: nonEmpty(),
    /** The nth (1-5, or -1 for the last) weekday of a month, e.g. the first Monday of August. */
    every: z.optional(
      z.strictObject({
        month: z.int().check(z.gte(1), z.lte(12)),
        weekday: z.enum(WEEKDAYS),
        nth: z.int().check(z.gte(-1), z.lte(5)),
      }),
    ),
    /** `weekend-holidays`: the next working day after a holiday that falls on a day not worked (ESA-style substitute days). */
    substituteFor: z.optional(z.enum(["weekend-holidays"])),
    quote: z.optional(z.string().check(minLength(1))),
    assumption: z.optional(nonEmpty()),
    source: z.optional(id()),
    /** The years it recurs in: only its dates within this period close. */
    inForce: z.optional(inForce),
  });

  /** The calendar of a charter: where, when and on which days the council works. */
  const calendarSchema = z.strictObject({
    /** IANA time zone, e.g. `Europe/London`. All calendar logic happens in it. */
    timeZone: format("unknown_time_zone", isKnownZone).check(
      z.describe("IANA time zone, e.g. Europe/London or America/Toronto. All calendar logic happens in it."),
    ),
    /** Holiday region id: GB-ENG, GB-SCT, GB-NIR, GB-UK, CA-ON, or one supplied to calendarFor. */
    holidays: z.string().check(
      z.regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, {
        error: (iss) => ISSUE_MESSAGES.invalid_region_id({ input: iss.input }),
      }),
      z.describe("Holiday region: GB-ENG, GB-SCT, GB-NIR, GB-UK, CA-ON, or one whose table is passed to calendarFor."),
    ),
    /** The weekdays the council works; Monday to Friday when absent. */
    workingWeek: z._default(z.array(z.enum(WEEKDAYS)).check(minLength(1)), ["mon", "tue", "wed", "thu", "fri"]),
    /** Office hours per weekday, several intervals a day allowed. Every working weekday needs them. */
    officeHours: officeHours.check(
      z.describe(
        'Per weekday, ["HH:MM", "HH:MM"] intervals (open, close), ordered, not overlapping. Every working weekday needs some.',
      ),
    ),
    /** Dates the council is closed besides weekends and holidays. */
    closures: z
      ._default(z.array(closure), [])
      .check(z.describe("Date ranges (from, to inclusive) the council is closed, besides weekends and holidays.")),
    /** Dates worked although the week or the holiday table says otherwise. */
    extraWorkingDates: z
      ._default(z.array(extraWorkingDate), [])
      .check(z.describe("Dates worked although the week or the holiday table says otherwise.")),
    /** A receipt at or after this local time counts as received the next calendar date. */
    receiptCutoff: z
      .optional(clockTime)
      .check(z.describe("HH:MM: a receipt at or after it counts from the next calendar date.")),
    /** Named weekly hours besides the office hours (telephone lines, reception), to which standards may refer. */
    schedules: z
      .optional(z.record(id(), schedule))
      .check(
        z.describe(
          "Named weekly hours besides officeHours, e.g. telephone-lines; a standard's schedule names one. A list gives versions, each with its inForce period: on dates none covers, the schedule is closed.",
        ),
      ),
    /** Dates with hours of their own. */
    datedHours: z
      ._default(z.array(datedHours), [])
      .check(z.describe("Dates with hours of their own: closing early, or an extra opening.")),
    /** Closures that recur every year by rule. */
    recurringClosures: z
      ._default(z.array(recurringClosure), [])
      .check(
        z.describe(
          'Closures every year by rule: { every: { month, weekday, nth } } or { substituteFor: "weekend-holidays" }.',
        ),
      ),
    /** Values not given by the charter text, each with a note saying so. */
    assumptions: z.optional(z.array(assumption)),
    /** Values taken from another published document: the fields, the source's id and its sentence. */
    sourced: z.optional(
      z.array(
        z.strictObject({ fields: z.array(nonEmpty()).check(minLength(1)), source: nonEmpty(), quote: nonEmpty() }),
      ),
    ),
  });

  // ---------------------------------------------------------------------------
  // Standards, commitments, obligations: the charter itself.
  // ---------------------------------------------------------------------------

  function count(unit: LimitUnit) {
    return z.optional(
      z
        .int({ error: (iss) => FIELD_MESSAGES.invalid_count({ unit, input: iss.input }) })
        .check(
          z.gte(1, { error: (iss) => FIELD_MESSAGES.count_too_small({ unit, input: iss.input }) }),
          z.lte(100_000, { error: (iss) => FIELD_MESSAGES.count_too_big({ unit, input: iss.input }) }),
        ),
    );
  }

  /** How long a standard allows: exactly one unit, e.g. `{ "workingDays": 3 }`. One key per row of the unit table. */
  const limit = z.strictObject(
    Object.fromEntries(LIMIT_UNITS.map((unit) => [unit, count(unit)])) as {
      [U in LimitUnit]: ReturnType<typeof count>;
    },
  );

  const quote = z
    .string({ error: (iss) => FIELD_MESSAGES.missing_quote({ input: iss.input }) })
    .check(minLength(1, { error: FIELD_MESSAGES.empty_quote() }));

  const slug = z
    .string()
    .check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: (iss) => FIELD_MESSAGES.invalid_slug({ input: iss.input }) }));

  const percent = z
    .int({ error: (iss) => FIELD_MESSAGES.invalid_percent({ input: iss.input }) })
    .check(
      z.gte(1, { error: (iss) => FIELD_MESSAGES.invalid_percent({ input: iss.input }) }),
      z.lte(100, { error: (iss) => FIELD_MESSAGES.invalid_percent({ input: iss.input }) }),
    );

  /** A measurable promise: a limit on one stage of contacts on some channels. */
  const standardShape = {
    /** `channel[.category].stage`, e.g. `email.acknowledge`, `letter.complaint.respond`. */
    id: z.string().check(
      z.regex(/^[a-z-]+(\.[a-z-]+)?\.[a-z]+$/, {
        error: (iss) => FIELD_MESSAGES.invalid_standard_id({ input: iss.input }),
      }),
    ),
    /** The channels the standard covers: an id's channel first. */
    channels: z
      .array(z.enum(CHANNELS))
      .check(minLength(1), z.describe("The channels the standard covers; the id's channel first.")),
    /** A category such as `complaint`: the standard covers only contacts of that category. */
    category: z
      .optional(slug)
      .check(z.describe("A category such as complaint: the standard covers only contacts of that category.")),
    /** For a standard without a category: categories it does not cover (a more specific procedure judges them). */
    exceptCategories: z
      .optional(z.array(slug).check(minLength(1)))
      .check(
        z.describe(
          "A standard without a category covers every category but these (e.g. complaint, when the complaints procedure judges them).",
        ),
      ),
    stage: z
      .enum(STAGES)
      .check(z.describe("answer (a call picked up), attend (a visitor seen), acknowledge, respond (a full response).")),
    limit: limit.check(z.describe('How long the standard allows, in exactly one unit, e.g. { "workingDays": 3 }.')),
    /** `office-hours`: contacts received while the office is closed are not applicable. */
    scope: z
      ._default(z.enum(SCOPES), "always")
      .check(
        z.describe(
          "office-hours: contacts received while the office is closed are not applicable (elapsed limits only).",
        ),
      ),
    /** The share of contacts the council aims to meet the limit for. */
    target: z._default(z.strictObject({ percent, quote: z.optional(quote) }), { percent: 100 }),
    /** For day-based limits: the end of the due date, its closing time, or the receipt's clock time. */
    dueAt: z
      ._default(z.enum(DUE_AT), "end-of-day")
      .check(
        z.describe(
          "Day-based limits: due at the end of the due date, at its closing time, or at the receipt's clock time.",
        ),
      ),
    /** For working/calendar days: count the receipt date as day 1 when it is a working day. */
    countReceiptDay: z
      ._default(z.boolean(), false)
      .check(z.describe("Working or calendar days: the receipt date, when a working day, is day 1.")),
    /** Met too by an acknowledgement by the due instant that promises a date, kept. */
    allowPromise: z
      ._default(z.boolean(), false)
      .check(
        z.describe(
          "respond stage: also met by an acknowledgement by the due time that promises a date (promisedBy), if the promise is kept.",
        ),
      ),
    /** How far a promised date may move the due date: at most N further working (or calendar) days, or agreed with no limit. */
    promiseLimit: z
      .optional(
        z.strictObject({
          workingDays: z.optional(z.int().check(z.gte(1), z.lte(100_000))),
          calendarDays: z.optional(z.int().check(z.gte(1), z.lte(100_000))),
          /** `true`: the revised date is agreed with the customer, with no limit. */
          agreed: z.optional(z.literal(true)),
          quote: z.optional(quote),
        }),
      )
      .check(
        z.describe(
          'With allowPromise: how far a promised date may move the due date, { "workingDays": 10 } further at most, or { "agreed": true } (no limit), with its quote.',
        ),
      ),
    /** Events that stop the clock, replacing the stage's default events. */
    stopsOn: z
      .optional(z.array(z.enum(CONTACT_EVENTS)).check(minLength(1)))
      .check(z.describe("Events that stop the clock, replacing the stage's own (e.g. answeredAt or voicemailAt).")),
    /** Count from receipt (default) or from the acknowledgement. */
    startsFrom: z
      ._default(z.enum(CLOCK_STARTS), "received")
      .check(z.describe("Count from receipt, or from the acknowledgement (respond stage).")),
    /** The sentence of the charter the standard comes from, verbatim. */
    quote: quote.check(z.describe("The sentence of the charter the standard comes from, copied exactly.")),
    /** What the standard assumes that the sentence does not say. */
    assumption: z.optional(nonEmpty()).check(z.describe("How the sentence was read, where it needs a judgement.")),
    /** How firmly the text promises it: "we will", "we aim to", "as a general rule". */
    firmness: z
      .optional(z.enum(FIRMNESSES))
      .check(
        z.describe(
          'How firmly the text promises it: will ("we will"), aim ("we aim to"), general-rule ("as a general rule").',
        ),
      ),
    /** A caveat the text attaches, verbatim ("in times of high demand you may need to be patient with us"). */
    caveat: z
      .optional(z.string().check(minLength(1)))
      .check(z.describe("A caveat the text attaches to the promise, copied exactly.")),
    /** The id of the source the standard comes from, when not the charter itself (a complaints policy it defers to). */
    source: z
      .optional(id())
      .check(z.describe("The id of the source document, when the standard comes from one other than the charter.")),
    /** The schedule whose hours its office-hours scope, office-time clock and close of business use; officeHours when absent. */
    schedule: z
      .optional(id())
      .check(
        z.describe(
          "A schedule named in calendar.schedules (or office): its hours decide scope, office time and close of business.",
        ),
      ),
    /** Set by extendCharter on a standard a department's layer replaced: which layer, why, and the approved variation. */
    replaced: z.optional(
      z.strictObject({ by: slug, reason: nonEmpty(), variation: z.optional(z.strictObject({ quote })) }),
    ),
    /** `excluded`: contacts with an `appointmentAt` are not applicable (walk-in standards). */
    appointments: z
      ._default(z.enum(APPOINTMENT_RULES), "included")
      .check(z.describe("excluded: contacts that had an appointment (appointmentAt) are not applicable.")),
    /** The period the standard was in force: contacts received (local date) outside it are not judged by it. */
    inForce: z.optional(inForce),
  };
  const standardSchema = z.strictObject(standardShape);

  /** How a qualitative promise is measured, when the charter says. */
  const measure = z.strictObject({
    method: z.enum(MEASUREMENT_METHODS),
    quote: z.optional(quote),
  });

  /** A qualitative promise ("treat you with respect"); `source` when it comes from a document other than the charter. */
  const commitmentSchema = z.strictObject({
    id: slug,
    quote,
    source: z.optional(id()),
    measuredBy: z.optional(measure),
  });

  /** Something the charter asks of customers; it may exempt some standards when the customer did not do it. */
  const obligationSchema = z.strictObject({
    id: slug,
    quote,
    source: z.optional(id()),
    /** Standards not applicable when the customer did not meet this obligation. */
    exempts: z.optional(
      z.strictObject({
        standards: z.array(z.string()).check(minLength(1)),
        /** `arrived-near-closing`: arrived less than `minutes` before the office closed; `late-for-appointment`: more than `minutes` after `appointmentAt`. */
        when: z.enum(EXEMPTION_WHENS),
        minutes: z.int().check(z.gte(1), z.lte(1440)),
      }),
    ),
  });

  const source = z.strictObject({
    /** An id standards and hours can cite (`source`). */
    id: z.optional(slug),
    title: nonEmpty(),
    publisher: nonEmpty(),
    url: z.optional(z.url()),
    /** When the document was published or retrieved, as far as known. */
    date: z.optional(nonEmpty()),
    note: z.optional(nonEmpty()),
    /** Sentences of this document the charter does not use, each with why, so that nothing published is left out silently. */
    unused: z.optional(
      z.array(
        z.strictObject({
          quote,
          reason: z.enum(UNUSED_REASONS),
          note: nonEmpty(),
        }),
      ),
    ),
  });

  const review = z.strictObject({ cadence: z.enum(REVIEW_CADENCES), quote: z.optional(quote) });

  /** A council's (or a department's) customer service charter. */
  const charterSchema = z.strictObject({
    $schema: z.optional(z.string()),
    id: slug,
    name: nonEmpty(),
    /** The id of the charter this one builds on (a department's layer, resolved by extendCharter). */
    extends: z.optional(slug),
    sources: z.array(source).check(minLength(1)),
    review: z._default(review, { cadence: "not-stated" }),
    calendar: calendarSchema,
    standards: z._default(z.array(standardSchema), []),
    commitments: z._default(z.array(commitmentSchema), []),
    customerObligations: z._default(z.array(obligationSchema), []),
  });

  /** A department's layer on top of a charter: see extendCharter. */
  const layerSchema = z.strictObject({
    $schema: z.optional(z.string()),
    id: slug,
    name: nonEmpty(),
    /** The id of the charter it builds on. */
    extends: slug,
    sources: z.optional(z.array(source)),
    review: z.optional(review),
    calendar: z.optional(
      z.strictObject({
        /** May be given, but must equal the base charter's zone. */
        timeZone: z.optional(z.string()),
        officeHours: z.optional(officeHours),
        receiptCutoff: z.optional(clockTime),
        closures: z.optional(z.array(closure)),
        extraWorkingDates: z.optional(z.array(extraWorkingDate)),
        datedHours: z.optional(z.array(datedHours)),
        recurringClosures: z.optional(z.array(recurringClosure)),
        schedules: z.optional(z.record(id(), schedule)),
        assumptions: z.optional(z.array(assumption)),
      }),
    ),
    standards: z.optional(
      z.strictObject({
        /** Standards in addition to the base's: their ids must not exist in the base. */
        add: z.optional(z.array(standardSchema)),
        /** Standards that replace the base's of the same id, each with its reason; a looser one also with the variation's quote. */
        replace: z.optional(
          z.array(
            z.strictObject({
              ...standardShape,
              reason: nonEmpty(),
              /** Declares a looser standard (a longer limit, a lower target, a narrower scope), with the sentence that approves it. */
              variation: z.optional(z.strictObject({ quote })),
            }),
          ),
        ),
      }),
    ),
    commitments: z.optional(z.array(commitmentSchema)),
    customerObligations: z.optional(z.array(obligationSchema)),
  });

  // ---------------------------------------------------------------------------
  // Contacts: what happened to one enquiry, one key per row of CONTACT_FIELDS.
  // The schema gives the types (and the JSON Schema for contact files);
  // evaluate() reads each contact with rules/contact.ts, whose errors name the
  // field and the value.
  // ---------------------------------------------------------------------------

  const instant = z.union([z.date(), z.number(), z.string()]);

  /** A stop-the-clock interval, half-open: [from, to). */
  const pauseSchema = z.strictObject({ from: instant, to: instant });

  const byKind = {
    id: z.union([z.string(), z.number()]),
    channel: z.enum(CHANNELS),
    category: z.string(),
    instant,
    event: instant,
    promise: instant,
    pauses: z.array(pauseSchema),
  };
  type Kinds = typeof byKind;
  type Fields = typeof CONTACT_FIELDS;
  type FieldSchema<F extends ContactField> = Fields[F] extends { required: true }
    ? Kinds[Fields[F]["kind"]]
    : z.ZodMiniOptional<Kinds[Fields[F]["kind"]]>;
  const contactShape = Object.fromEntries(
    (Object.keys(CONTACT_FIELDS) as ContactField[]).map((field) => {
      const spec: { kind: keyof Kinds; required?: true } = CONTACT_FIELDS[field];
      const schema = byKind[spec.kind];
      return [field, spec.required ? schema : z.optional(schema)];
    }),
  ) as { [F in ContactField]: FieldSchema<F> };

  /** One contact a council received and what happened to it. */
  const contactSchema = z.strictObject(contactShape);

  return {
    calendarSchema,
    standardSchema,
    commitmentSchema,
    obligationSchema,
    charterSchema,
    layerSchema,
    pauseSchema,
    contactSchema,
  };
}

type Schemas = ReturnType<typeof build>;

/**
 * The shape of interval counts, for their type (`IntervalCounts`). Never built on the way to
 * a deadline: readInterval() (rules/intervals.ts) reads and checks each field by hand, with
 * messages that name the field and the value, so the charter's schemas are built without it.
 */
function intervalSchemaOf() {
  const instant = z.union([z.date(), z.number(), z.string()]);
  const intervalKinds = {
    instant,
    minutes: z.number(),
    channel: z.enum(CHANNELS),
    category: z.string(),
    count: z.number(),
    seconds: z.number(),
  };
  type IntervalKinds = typeof intervalKinds;
  type IntervalSpecs = typeof INTERVAL_FIELDS;
  type IntervalFieldSchema<F extends IntervalField> = IntervalSpecs[F] extends { required: true }
    ? IntervalKinds[IntervalSpecs[F]["kind"]]
    : z.ZodMiniOptional<IntervalKinds[IntervalSpecs[F]["kind"]]>;
  const intervalShape = Object.fromEntries(
    (Object.keys(INTERVAL_FIELDS) as IntervalField[]).map((field) => {
      const spec: { kind: keyof IntervalKinds; required?: true } = INTERVAL_FIELDS[field];
      const schema = intervalKinds[spec.kind];
      return [field, spec.required ? schema : z.optional(schema)];
    }),
  ) as { [F in IntervalField]: IntervalFieldSchema<F> };

  /** The counts of one interval: calls offered, answered, answered within a threshold, abandoned. */
  return z.strictObject(intervalShape);
}

let built: Schemas | undefined;

/**
 * zod builds its schemas with `for...in`, which a polluted `Object.prototype` (an
 * enumerable key left by a prototype-pollution bug elsewhere) breaks. While the schemas
 * are built, such keys are made non-enumerable, and put back as they were at once after.
 */
function withPrototypeHidden<T>(f: () => T): T {
  const hidden: string[] = [];
  for (const key in Object.prototype) {
    const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, key);
    if (descriptor?.configurable) {
      Object.defineProperty(Object.prototype, key, { ...descriptor, enumerable: false });
      hidden.push(key);
    }
  }
  try {
    return f();
  } finally {
    for (const key of hidden) Object.defineProperty(Object.prototype, key, { enumerable: true });
  }
}

/** The zod schemas, built on first use. */
export function schemas(): Schemas {
  return (built ??= withPrototypeHidden(build));
}

/** The calendar part of a charter, as written (defaults not yet applied). */
export type CalendarInput = DeepReadonly<z.input<Schemas["calendarSchema"]>>;
/** The calendar part of a charter, validated, with defaults applied. */
export type CalendarSpec = DeepReadonly<z.infer<Schemas["calendarSchema"]>>;
/** Office hours per weekday. */
export type OfficeHours = CalendarSpec["officeHours"];
/** A closure: `from` to `to` inclusive. */
export type Closure = CalendarSpec["closures"][number];
/** A value and everything inside it, read-only (validated charters are deeply frozen). */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A validated charter, defaults applied, deeply frozen. */
export type Charter = DeepReadonly<z.infer<Schemas["charterSchema"]>>;
/** A charter as written in JSON. */
export type CharterInput = z.input<Schemas["charterSchema"]>;
/** A measurable standard. */
export type Standard = Charter["standards"][number];
export type Commitment = Charter["commitments"][number];
export type CustomerObligation = Charter["customerObligations"][number];
/** The period a rule was in force: `from` and `to`, local dates, inclusive, either open. */
export type InForce = NonNullable<Standard["inForce"]>;
/** How far a promised date may move a standard's due date. */
export type PromiseLimit = NonNullable<Standard["promiseLimit"]>;
/** One version of a named schedule's weekly hours. */
export type ScheduleWeek = Extract<NonNullable<CalendarSpec["schedules"]>[string], { readonly mon?: unknown }>;
/** A department's layer, as written. */
export type CharterLayerInput = z.input<Schemas["layerSchema"]>;
/** A contact: the Contact field names are also the columns of contact files. */
export type Contact = z.input<Schemas["contactSchema"]>;
/**
 * The counts of one interval of a telephone system's report: what a standard with an elapsed
 * limit on answering is judged from when there is no call-by-call data (intervalReport()).
 */
export type IntervalCounts = z.input<ReturnType<typeof intervalSchemaOf>>;
/** A pause: `{ from, to }`, half-open. */
export type Pause = z.input<Schemas["pauseSchema"]>;

/** The JSON Schema of a charter file, for editors (refinements are not expressed in it). */
export function charterJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(schemas().charterSchema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://unpkg.com/council-sla/charters/charter.schema.json",
    title: "council-sla charter",
    description:
      "A council's customer service charter for council-sla. This schema checks shape; parseCharter also checks the rules between fields (unique ids, office hours that do not overlap, a limit unit that suits the stage, ...).",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}
