/**
 * The charter schema: the one module that builds zod schemas. Types are
 * derived from it with `z.infer`; cross-field rules live in `superRefine` so
 * that every problem is reported with its JSON path.
 *
 * @module
 */
import * as z from "zod/mini";
import { WEEKDAYS, readClockTime, readDate } from "../calendar/civil.js";
import { getZone } from "../calendar/zone.js";
import { UNIT_WORDS, show } from "../messages.js";

/** Ways a customer contacts a council. */
export const CHANNELS = ["telephone", "voicemail", "email", "letter", "fax", "visit", "web-form", "social-media"] as const;
/** The stage of a contact a standard measures. */
export const STAGES = ["answer", "attend", "acknowledge", "respond"] as const;
/** Contact events that can stop a standard's clock. */
export const CONTACT_EVENTS = ["answeredAt", "attendedAt", "acknowledgedAt", "respondedAt", "voicemailAt"] as const;
/** Units of a standard's limit. */
export const LIMIT_UNITS = [
  "seconds",
  "minutes",
  "hours",
  "workingMinutes",
  "workingHours",
  "workingDays",
  "calendarDays",
  "calendarMonths",
] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];


/** Which units make sense for each stage. */
export const UNITS_FOR_STAGE: Record<(typeof STAGES)[number], readonly LimitUnit[]> = {
  answer: ["seconds", "minutes"],
  attend: ["seconds", "minutes", "hours"],
  acknowledge: ["minutes", "hours", "workingMinutes", "workingHours", "workingDays", "calendarDays", "calendarMonths"],
  respond: ["minutes", "hours", "workingMinutes", "workingHours", "workingDays", "calendarDays", "calendarMonths"],
};

const DAY_UNITS: readonly LimitUnit[] = ["workingDays", "calendarDays", "calendarMonths"];
const ELAPSED_UNITS: readonly LimitUnit[] = ["seconds", "minutes", "hours"];

/**
 * Builds every schema. Called once, on the first parse (or JSON Schema request), so that
 * importing council-sla costs no schema construction.
 */
function build() {
  const isoDate = z.string().check(
    z.refine((s) => readDate(s) !== undefined, {
      error: (iss) => `Expected a calendar date written YYYY-MM-DD, got ${show(iss.input)}`,
    }),
  );

  const clockTime = z.string().check(
    z.refine((s) => readClockTime(s) !== undefined, {
      error: (iss) => `Expected a time of day written HH:MM (00:00 to 24:00), got ${show(iss.input)}`,
    }),
  );

  function isKnownZone(name: string): boolean {
    try {
      getZone(name);
      return true;
    } catch {
      return false;
    }
  }

  const weekday = z.enum(WEEKDAYS);

  const nonEmpty = () => z.string().check(z.minLength(1));

  /** Opening and closing time, e.g. `["09:00", "12:30"]`: open from the first, closed from the second. */
  const interval = z.tuple([clockTime, clockTime]);

  const officeHours = z.strictObject({
    mon: z.optional(z.array(interval)),
    tue: z.optional(z.array(interval)),
    wed: z.optional(z.array(interval)),
    thu: z.optional(z.array(interval)),
    fri: z.optional(z.array(interval)),
    sat: z.optional(z.array(interval)),
    sun: z.optional(z.array(interval)),
  });

  /** Where a value comes from when the charter text does not give it. */
  const assumption = z.strictObject({
    /** Which fields the assumption covers, e.g. `officeHours`. */
    fields: z.array(nonEmpty()).check(z.minLength(1)),
    note: nonEmpty(),
  });

  const closure = z.strictObject({
    /** First date closed. */
    from: isoDate,
    /** Last date closed, inclusive; the same as `from` when absent. */
    to: z.optional(isoDate),
    name: nonEmpty(),
  });

  const extraWorkingDate = z.strictObject({
    date: isoDate,
    name: z.optional(nonEmpty()),
  });

  /** The calendar of a charter: where, when and on which days the council works. */
  const calendarSchema = z
    .strictObject({
      /** IANA time zone, e.g. `Europe/London`. All calendar logic happens in it. */
      timeZone: z.string().check(
        z.refine(isKnownZone, {
          error: (iss) => `Expected an IANA time zone such as Europe/London, got ${show(iss.input)}`,
        }),
        z.describe("IANA time zone, e.g. Europe/London or America/Toronto. All calendar logic happens in it."),
      ),
      /** Holiday region id: GB-ENG, GB-SCT, GB-NIR, GB-UK, CA-ON, or one supplied to calendarFor. */
      holidays: z.string().check(
        z.regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, {
          error: (iss) => `Expected a holiday region id such as GB-ENG or CA-ON, got ${show(iss.input)}`,
        }),
        z.describe("Holiday region: GB-ENG, GB-SCT, GB-NIR, GB-UK, CA-ON, or one whose table is passed to calendarFor."),
      ),
      /** The weekdays the council works; Monday to Friday when absent. */
      workingWeek: z._default(z.array(weekday).check(z.minLength(1)), ["mon", "tue", "wed", "thu", "fri"]),
      /** Office hours per weekday, several intervals a day allowed. Every working weekday needs them. */
      officeHours: officeHours.check(z.describe('Per weekday, ["HH:MM", "HH:MM"] intervals (open, close), ordered, not overlapping. Every working weekday needs some.')),
      /** Dates the council is closed besides weekends and holidays. */
      closures: z._default(z.array(closure), []).check(z.describe("Date ranges (from, to inclusive) the council is closed, besides weekends and holidays.")),
      /** Dates worked although the week or the holiday table says otherwise. */
      extraWorkingDates: z._default(z.array(extraWorkingDate), []).check(z.describe("Dates worked although the week or the holiday table says otherwise.")),
      /** A receipt at or after this local time counts as received the next calendar date. */
      receiptCutoff: z.optional(clockTime).check(z.describe("HH:MM: a receipt at or after it counts from the next calendar date.")),
      /** Values not given by the charter text, each with a note saying so. */
      assumptions: z.optional(z.array(assumption)),
    })
    .check(z.superRefine((calendar, ctx) => {
      const seen = new Set<string>();
      calendar.workingWeek.forEach((day, i) => {
        if (seen.has(day)) {
          ctx.addIssue({ code: "custom", path: ["workingWeek", i], message: `"${day}" is listed twice`, params: { code: "duplicate" } });
        }
        seen.add(day);
      });
      for (const day of WEEKDAYS) {
        const intervals = calendar.officeHours[day];
        if (seen.has(day) && (intervals === undefined || intervals.length === 0)) {
          ctx.addIssue({
            code: "custom",
            path: ["officeHours", day],
            message: `"${day}" is a working weekday but has no office hours`,
            params: { code: "missing_office_hours" },
          });
        }
        let previousEnd = -1;
        intervals?.forEach(([open, close], i) => {
          const from = readClockTime(open) ?? 0;
          const to = readClockTime(close) ?? 0;
          if (to <= from) {
            ctx.addIssue({
              code: "custom",
              path: ["officeHours", day, i],
              message: `Office hours must close after they open, got ${open} to ${close}`,
              params: { code: "empty_interval" },
            });
          } else if (from < previousEnd) {
            ctx.addIssue({
              code: "custom",
              path: ["officeHours", day, i],
              message: `Office hours ${open} to ${close} overlap or come before the interval before them`,
              params: { code: "overlap" },
            });
          }
          previousEnd = Math.max(previousEnd, to);
        });
      }
      const closed = new Map<number, number>();
      calendar.closures.forEach((c, i) => {
        const from = readDate(c.from);
        const to = c.to === undefined ? from : readDate(c.to);
        if (from === undefined || to === undefined) return;
        if (to < from) {
          ctx.addIssue({
            code: "custom",
            path: ["closures", i, "to"],
            message: `A closure must end on or after its first date, got ${c.from} to ${c.to}`,
            params: { code: "empty_range" },
          });
          return;
        }
        if (to - from > 366) {
          ctx.addIssue({
            code: "custom",
            path: ["closures", i, "to"],
            message: `A closure may last at most 366 days, got ${c.from} to ${c.to}`,
            params: { code: "too_long" },
          });
          return;
        }
        for (let d = from; d <= to; d++) closed.set(d, i);
      });
      calendar.extraWorkingDates.forEach((extra, i) => {
        const day = readDate(extra.date);
        if (day === undefined) return;
        const closure = closed.get(day);
        if (closure !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["extraWorkingDates", i, "date"],
            message: `${extra.date} is both a closure (closures[${closure}]) and an extra working date`,
            params: { code: "conflict" },
          });
        }
        const dow = WEEKDAYS[(((day + 3) % 7) + 7) % 7] as (typeof WEEKDAYS)[number];
        const hours = calendar.officeHours[dow];
        if (hours === undefined || hours.length === 0) {
          ctx.addIssue({
            code: "custom",
            path: ["extraWorkingDates", i, "date"],
            message: `${extra.date} is a ${dow}, which has no office hours: give officeHours.${dow} for extra working dates on that weekday`,
            params: { code: "missing_office_hours" },
          });
        }
      });
    }));



  // ---------------------------------------------------------------------------
  // Standards, commitments, obligations: the charter itself.
  // ---------------------------------------------------------------------------



  function count(unit: LimitUnit) {
    const words = UNIT_WORDS[unit][1];
    return z.optional(
      z
        .int({
          error: (iss) =>
            typeof iss.input === "number" ? `Expected a whole number of ${words}, got ${show(iss.input)}` : `Expected a number of ${words}, got ${show(iss.input)}`,
        })
        .check(
          z.gte(1, { error: (iss) => `Expected at least 1 of ${words}, got ${show(iss.input)}` }),
          z.lte(100_000, { error: (iss) => `Expected at most 100000 ${words}, got ${show(iss.input)}` }),
        ),
    );
  }

  /** How long a standard allows: exactly one unit, e.g. `{ "workingDays": 3 }`. */
  const limit = z.strictObject({
    seconds: count("seconds"),
    minutes: count("minutes"),
    hours: count("hours"),
    workingMinutes: count("workingMinutes"),
    workingHours: count("workingHours"),
    workingDays: count("workingDays"),
    calendarDays: count("calendarDays"),
    calendarMonths: count("calendarMonths"),
  });

  const quote = z
    .string({ error: (iss) => (iss.input === undefined ? "Missing the sentence this comes from (quote)" : `Expected the quoted sentence as a string, got ${show(iss.input)}`) })
    .check(z.minLength(1, { error: "The quote must not be empty" }));

  const slug = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: (iss) => `Expected a lower-case id such as kawartha-lakes, got ${show(iss.input)}` }));

  /** A measurable promise: a limit on one stage of contacts on some channels. */
  const standardSchema = z
    .strictObject({
      /** `channel[.category].stage`, e.g. `email.acknowledge`, `letter.complaint.respond`. */
      id: z.string().check(
        z.regex(/^[a-z-]+(\.[a-z-]+)?\.[a-z]+$/, {
          error: (iss) => `Expected an id written channel[.category].stage such as email.acknowledge, got ${show(iss.input)}`,
        }),
      ),
      /** The channels the standard covers: an id's channel first. */
      channels: z.array(z.enum(CHANNELS)).check(z.minLength(1), z.describe("The channels the standard covers; the id's channel first.")),
      /** A category such as `complaint`: the standard covers only contacts of that category. */
      category: z.optional(slug).check(z.describe("A category such as complaint: the standard covers only contacts of that category.")),
      stage: z.enum(STAGES).check(z.describe("answer (a call picked up), attend (a visitor seen), acknowledge, respond (a full response).")),
      limit: limit.check(z.describe('How long the standard allows, in exactly one unit, e.g. { "workingDays": 3 }.')),
      /** `office-hours`: contacts received while the office is closed are not applicable. */
      scope: z._default(z.enum(["always", "office-hours"]), "always").check(z.describe("office-hours: contacts received while the office is closed are not applicable (elapsed limits only).")),
      /** The share of contacts the council aims to meet the limit for. */
      target: z._default(
        z.strictObject({
          percent: z
            .int({
              error: (iss) =>
                typeof iss.input === "number" ? `Expected a whole percentage from 1 to 100, got ${show(iss.input)}` : `Expected a percentage from 1 to 100, got ${show(iss.input)}`,
            })
            .check(
              z.gte(1, { error: (iss) => `Expected a percentage from 1 to 100, got ${show(iss.input)}` }),
              z.lte(100, { error: (iss) => `Expected a percentage from 1 to 100, got ${show(iss.input)}` }),
            ),
          quote: z.optional(quote),
        }),
        { percent: 100 },
      ),
      /** For day-based limits: the end of the due date, its closing time, or the receipt's clock time. */
      dueAt: z._default(z.enum(["end-of-day", "close-of-business", "same-clock-time"]), "end-of-day").check(z.describe("Day-based limits: due at the end of the due date, at its closing time, or at the receipt's clock time.")),
      /** For working/calendar days: count the receipt date as day 1 when it is a working day. */
      countReceiptDay: z._default(z.boolean(), false).check(z.describe("Working or calendar days: the receipt date, when a working day, is day 1.")),
      /** Met too by an acknowledgement by the due instant that promises a date, kept. */
      allowPromise: z._default(z.boolean(), false).check(z.describe("respond stage: also met by an acknowledgement by the due time that promises a date (promisedBy), if the promise is kept.")),
      /** Events that stop the clock, replacing the stage's default events. */
      stopsOn: z.optional(z.array(z.enum(CONTACT_EVENTS)).check(z.minLength(1))).check(z.describe("Events that stop the clock, replacing the stage's own (e.g. answeredAt or voicemailAt).")),
      /** Count from receipt (default) or from the acknowledgement. */
      startsFrom: z._default(z.enum(["received", "acknowledged"]), "received").check(z.describe("Count from receipt, or from the acknowledgement (respond stage).")),
      /** The sentence of the charter the standard comes from, verbatim. */
      quote: quote.check(z.describe("The sentence of the charter the standard comes from, copied exactly.")),
      /** What the standard assumes that the sentence does not say. */
      assumption: z.optional(nonEmpty()).check(z.describe("How the sentence was read, where it needs a judgement.")),
    })
    .check(z.superRefine((standard, ctx) => {
      const units = LIMIT_UNITS.filter((u) => standard.limit[u] !== undefined);
      if (units.length !== 1) {
        ctx.addIssue({
          code: "custom",
          path: ["limit"],
          message:
            units.length === 0
              ? `Expected a limit with one unit (${LIMIT_UNITS.join(", ")}), e.g. { "workingDays": 3 }`
              : `Expected a limit with one unit, got ${units.join(" and ")}`,
          params: { code: "limit_units" },
        });
        return;
      }
      const unit = units[0] as LimitUnit;
      if (!UNITS_FOR_STAGE[standard.stage].includes(unit)) {
        ctx.addIssue({
          code: "custom",
          path: ["limit", unit],
          message: `A limit in ${UNIT_WORDS[unit][1]} does not suit the "${standard.stage}" stage (use ${UNITS_FOR_STAGE[standard.stage].join(", ")})`,
          params: { code: "unit_for_stage" },
        });
      }
      const [channel, ...rest] = standard.id.split(".");
      const stage = rest.pop();
      const category = rest[0];
      if (stage !== standard.stage) {
        ctx.addIssue({ code: "custom", path: ["id"], message: `The id ends in "${stage}" but the stage is "${standard.stage}"`, params: { code: "id_convention" } });
      }
      if (category !== standard.category) {
        ctx.addIssue({
          code: "custom",
          path: ["id"],
          message: `The id's category (${category ?? "none"}) differs from the standard's category (${standard.category ?? "none"})`,
          params: { code: "id_convention" },
        });
      }
      if (!(standard.channels as readonly string[]).includes(channel ?? "")) {
        ctx.addIssue({ code: "custom", path: ["id"], message: `The id's channel "${channel}" is not among the standard's channels`, params: { code: "id_convention" } });
      }
      if (standard.scope === "office-hours" && !ELAPSED_UNITS.includes(unit)) {
        ctx.addIssue({ code: "custom", path: ["scope"], message: `scope "office-hours" applies to elapsed limits (seconds, minutes, hours), not ${UNIT_WORDS[unit][1]}`, params: { code: "scope_for_unit" } });
      }
      if (standard.dueAt !== "end-of-day" && !DAY_UNITS.includes(unit)) {
        ctx.addIssue({ code: "custom", path: ["dueAt"], message: `dueAt applies to day-based limits (working days, calendar days, months), not ${UNIT_WORDS[unit][1]}`, params: { code: "due_at_for_unit" } });
      }
      if (standard.countReceiptDay && unit !== "workingDays" && unit !== "calendarDays") {
        ctx.addIssue({ code: "custom", path: ["countReceiptDay"], message: `countReceiptDay applies to working or calendar days, not ${UNIT_WORDS[unit][1]}`, params: { code: "count_receipt_day_for_unit" } });
      }
      if (standard.allowPromise && standard.stage !== "respond") {
        ctx.addIssue({ code: "custom", path: ["allowPromise"], message: `allowPromise applies to the "respond" stage, not "${standard.stage}"`, params: { code: "promise_for_stage" } });
      }
      if (standard.startsFrom === "acknowledged" && standard.stage !== "respond") {
        ctx.addIssue({ code: "custom", path: ["startsFrom"], message: `startsFrom "acknowledged" applies to the "respond" stage, not "${standard.stage}"`, params: { code: "starts_from_for_stage" } });
      }
      const seen = new Set<string>();
      standard.channels.forEach((c, i) => {
        if (seen.has(c)) ctx.addIssue({ code: "custom", path: ["channels", i], message: `"${c}" is listed twice`, params: { code: "duplicate" } });
        seen.add(c);
      });
    }));

  /** How a qualitative promise is measured, when the charter says. */
  const measure = z.strictObject({
    method: z.enum(["survey", "call-monitoring", "feedback", "complaints-policy", "appraisal", "none"]),
    quote: z.optional(quote),
  });

  /** A qualitative promise ("treat you with respect"). */
  const commitmentSchema = z.strictObject({
    id: slug,
    quote,
    measuredBy: z.optional(measure),
  });

  /** Something the charter asks of customers. */
  const obligationSchema = z.strictObject({
    id: slug,
    quote,
  });

  const source = z.strictObject({
    title: nonEmpty(),
    publisher: nonEmpty(),
    url: z.optional(z.url()),
    /** When the document was published or retrieved, as far as known. */
    date: z.optional(nonEmpty()),
    note: z.optional(nonEmpty()),
  });

  const review = z.strictObject({
    cadence: z.enum(["annual", "not-stated"]),
    quote: z.optional(quote),
  });

  function uniqueIds<T>(items: readonly { id: string }[], key: string, ctx: z.core.$RefinementCtx<T>): void {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        ctx.addIssue({ code: "custom", path: [key, i, "id"], message: `Duplicate id "${item.id}" (also ${key}[${first}])`, params: { code: "duplicate_id" } });
      } else seen.set(item.id, i);
    });
  }

  /** A council's (or a department's) customer service charter. */
  const charterSchema = z
    .strictObject({
      $schema: z.optional(z.string()),
      id: slug,
      name: nonEmpty(),
      /** The id of the charter this one builds on (a department's layer, resolved by extendCharter). */
      extends: z.optional(slug),
      sources: z.array(source).check(z.minLength(1)),
      review: z._default(review, { cadence: "not-stated" }),
      calendar: calendarSchema,
      standards: z._default(z.array(standardSchema), []),
      commitments: z._default(z.array(commitmentSchema), []),
      customerObligations: z._default(z.array(obligationSchema), []),
    })
    .check(
      z.superRefine((charter, ctx) => {
        uniqueIds(charter.standards, "standards", ctx);
        uniqueIds(charter.commitments, "commitments", ctx);
        uniqueIds(charter.customerObligations, "customerObligations", ctx);
      }),
    );

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
        assumptions: z.optional(z.array(assumption)),
      }),
    ),
    standards: z.optional(
      z.strictObject({
        /** New standards: their ids must not exist in the base. */
        add: z.optional(z.array(standardSchema)),
        /** Standards that replace the base's standards of the same id. */
        replace: z.optional(z.array(standardSchema)),
      }),
    ),
    commitments: z.optional(z.array(commitmentSchema)),
    customerObligations: z.optional(z.array(obligationSchema)),
  });




  // ---------------------------------------------------------------------------
  // Contacts: what happened to one enquiry. The schema gives the types (and the
  // JSON Schema for contact files); evaluate() checks each contact with a fast
  // hand-written validator whose errors name the field and the value.
  // ---------------------------------------------------------------------------

  const instant = z.union([z.date(), z.number(), z.string()]);

  /** A stop-the-clock interval, half-open: [from, to). */
  const pauseSchema = z.strictObject({ from: instant, to: instant });

  /** One contact a council received and what happened to it. */
  const contactSchema = z.strictObject({
    id: z.optional(z.union([z.string(), z.number()])),
    channel: z.enum(CHANNELS),
    category: z.optional(z.string()),
    receivedAt: instant,
    answeredAt: z.optional(instant),
    attendedAt: z.optional(instant),
    acknowledgedAt: z.optional(instant),
    respondedAt: z.optional(instant),
    voicemailAt: z.optional(instant),
    abandonedAt: z.optional(instant),
    /** The date or instant promised in an acknowledgement (a `YYYY-MM-DD` date means by the end of that day). */
    promisedBy: z.optional(instant),
    pauses: z.optional(z.array(pauseSchema)),
  });

  return { calendarSchema, standardSchema, commitmentSchema, obligationSchema, charterSchema, layerSchema, pauseSchema, contactSchema };
}

type Schemas = ReturnType<typeof build>;
let built: Schemas | undefined;

/** The zod schemas, built on first use. */
export function schemas(): Schemas {
  return (built ??= build());
}

/** The calendar part of a charter, as written (defaults not yet applied). */
export type CalendarInput = z.input<Schemas["calendarSchema"]>;
/** The calendar part of a charter, validated, with defaults applied. */
export type CalendarSpec = z.infer<Schemas["calendarSchema"]>;
/** Office hours per weekday. */
export type OfficeHours = CalendarSpec["officeHours"];
/** A closure: `from` to `to` inclusive. */
export type Closure = CalendarSpec["closures"][number];
/** A validated charter, defaults applied. */
export type Charter = z.infer<Schemas["charterSchema"]>;
/** A charter as written in JSON. */
export type CharterInput = z.input<Schemas["charterSchema"]>;
/** A measurable standard. */
export type Standard = z.infer<Schemas["standardSchema"]>;
export type Commitment = z.infer<Schemas["commitmentSchema"]>;
export type CustomerObligation = z.infer<Schemas["obligationSchema"]>;
export type Channel = (typeof CHANNELS)[number];
export type Stage = (typeof STAGES)[number];
export type ContactEvent = (typeof CONTACT_EVENTS)[number];
/** A department's layer, as written. */
export type CharterLayerInput = z.input<Schemas["layerSchema"]>;
/** A contact: the Contact field names are also the columns of contact files. */
export type Contact = z.input<Schemas["contactSchema"]>;
/** A pause: `{ from, to }`, half-open. */
export type Pause = z.input<Schemas["pauseSchema"]>;

/** The JSON Schema of a charter file, for editors (refinements are not expressed in it). */
export function charterJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(schemas().charterSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://unpkg.com/council-sla/charters/charter.schema.json",
    title: "council-sla charter",
    description:
      "A council's customer service charter for council-sla. This schema checks shape; parseCharter also checks the rules between fields (unique ids, office hours that do not overlap, a limit unit that suits the stage, ...).",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

