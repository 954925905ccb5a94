/**
 * The library's closed vocabularies, each defined once: the members of every
 * concept a charter, a contact or a result can name. The charter schema's
 * enums, the TypeScript types and the tables of words (words.ts for the
 * library's English, cli/words.ts for the command's) are all derived from
 * these lists; each table of words is a `Record` over its concept's union, so
 * a new member does not compile until every output has its words.
 *
 * Two concepts with more to them than their names live in tables of their own:
 * limit units (charter/units.ts: kind, milliseconds, the stages they suit, their
 * words) and contact events and fields (charter/vocabulary.ts: what each stops,
 * its words). Weekdays are the calendar's (calendar/civil.ts).
 *
 * @module
 */

/** How firmly a charter promises a standard: "we will", "we aim to", "as a general rule". */
export const FIRMNESSES = Object.freeze(["will", "aim", "general-rule"] as const);
export type Firmness = (typeof FIRMNESSES)[number];

/** The stage of a contact a standard measures. */
export const STAGES = Object.freeze(["answer", "attend", "acknowledge", "respond"] as const);
export type Stage = (typeof STAGES)[number];

/** Ways a customer contacts a council. */
export const CHANNELS = Object.freeze([
  "telephone",
  "voicemail",
  "email",
  "letter",
  "fax",
  "visit",
  "web-form",
  "social-media",
] as const);
export type Channel = (typeof CHANNELS)[number];

/** Which contacts a standard covers by time of receipt: all of them, or those received while its office is open. */
export const SCOPES = Object.freeze(["always", "office-hours"] as const);
export type Scope = (typeof SCOPES)[number];

/** When on its last day a day-based limit falls due. */
export const DUE_AT = Object.freeze(["end-of-day", "close-of-business", "same-clock-time"] as const);
export type DueAt = (typeof DUE_AT)[number];

/** How a due instant was set: a day-based limit's `dueAt`, or the clock of an elapsed or office-time limit. */
export const DUE_RULES = Object.freeze([...DUE_AT, "elapsed", "office-time"] as const);
export type DueRule = (typeof DUE_RULES)[number];

/** Where a standard's clock starts: the receipt, or the acknowledgement (a full response counted from it). */
export const CLOCK_STARTS = Object.freeze(["received", "acknowledged"] as const);
export type ClockStart = (typeof CLOCK_STARTS)[number];

/** Whether contacts that had a pre-booked appointment are judged by a standard. */
export const APPOINTMENT_RULES = Object.freeze(["included", "excluded"] as const);
export type AppointmentRule = (typeof APPOINTMENT_RULES)[number];

/** What a customer did not do that exempts a contact from a standard. */
export const EXEMPTION_WHENS = Object.freeze(["arrived-near-closing", "late-for-appointment"] as const);
export type ExemptionWhen = (typeof EXEMPTION_WHENS)[number];

/** How a qualitative promise is measured. */
export const MEASUREMENT_METHODS = Object.freeze([
  "survey",
  "call-monitoring",
  "feedback",
  "complaints-policy",
  "appraisal",
  "none",
] as const);
export type MeasurementMethod = (typeof MEASUREMENT_METHODS)[number];

/** Why a sentence of a source document is not used by the charter. */
export const UNUSED_REASONS = Object.freeze([
  "superseded",
  "contradicted",
  "weak-source",
  "no-bearing",
  "already-covered",
] as const);
export type UnusedReason = (typeof UNUSED_REASONS)[number];

/** How often a charter says it is reviewed. */
export const REVIEW_CADENCES = Object.freeze(["annual", "not-stated"] as const);
export type ReviewCadence = (typeof REVIEW_CADENCES)[number];

/** Why a date is not a working day. */
export const NON_WORKING_REASONS = Object.freeze(["weekend", "holiday", "closure"] as const);
export type NonWorkingReason = (typeof NON_WORKING_REASONS)[number];

/** An evaluation's verdict. */
export const STATUSES = Object.freeze(["met", "breached", "pending", "not-applicable", "future"] as const);
export type Status = (typeof STATUSES)[number];

/** Why a standard does not apply to a contact (`status: "not-applicable"`). */
export const NOT_APPLICABLE_REASONS = Object.freeze([
  "outside-office-hours",
  "abandoned",
  "appointment",
  "customer-obligation",
] as const);
export type NotApplicableReason = (typeof NOT_APPLICABLE_REASONS)[number];

/** Why a pending standard's clock has not started (`status: "pending"`). */
export const PENDING_REASONS = Object.freeze(["awaiting-acknowledgement"] as const);
export type PendingReason = (typeof PENDING_REASONS)[number];

/** Why a contact's promised date did not move the due time. */
export const IGNORED_PROMISES = Object.freeze([
  "no-acknowledgement",
  "acknowledged-after-due",
  "before-acknowledgement",
  "beyond-limit",
] as const);
export type IgnoredPromise = (typeof IGNORED_PROMISES)[number];

/** How a report counts abandoned calls: excluded before the limit and missed after it, all missed, or all excluded. */
export const ABANDONED_POLICIES = Object.freeze(["by-limit", "missed", "excluded"] as const);
export type AbandonedPolicy = (typeof ABANDONED_POLICIES)[number];

/** What a report's rows can be split by. */
export const REPORT_PERIODS = Object.freeze(["month", "week", "quarter", "financial-year"] as const);
export type ReportBy = (typeof REPORT_PERIODS)[number];
