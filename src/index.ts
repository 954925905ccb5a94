/**
 * council-sla: councils' customer service charters as declarative JSON rules,
 * with working-day, office-hours and time-zone arithmetic that is exact to the
 * day on every holiday and clock change.
 *
 * The public API, name by name.
 *
 * @module
 */

// Charters
export { parseCharter, safeParseCharter, extendCharter } from "./charter/parse.js";
export type { SafeParseCharterResult } from "./charter/parse.js";
export { CharterError, formatIssues, formatPath } from "./charter/errors.js";
export type { CharterIssue, CharterPath } from "./charter/errors.js";
export { charterJsonSchema, CHANNELS, STAGES, CONTACT_EVENTS, LIMIT_UNITS } from "./charter/schema.js";
export type {
  CalendarInput,
  CalendarSpec,
  Channel,
  Charter,
  CharterInput,
  CharterLayerInput,
  Closure,
  Commitment,
  ContactEvent,
  CustomerObligation,
  LimitUnit,
  OfficeHours,
  Stage,
  Standard,
} from "./charter/schema.js";

// Calendar
export { calendarFor } from "./calendar/working-calendar.js";
export type {
  CalendarOptions,
  IsoDate,
  NonWorkingDay,
  NonWorkingReason,
  WorkingCalendar,
} from "./calendar/working-calendar.js";
export type { Instant } from "./calendar/instant.js";

// Holidays
export { HOLIDAY_REGIONS, bundledHolidays } from "./holidays/index.js";
export type { HolidayRegion, HolidayTable } from "./holidays/index.js";

// Deadlines, evaluation, explanations
export { deadline } from "./rules/deadline.js";
export type { Deadline, DeadlineOptions, DueRule, TraceStep } from "./rules/deadline.js";
export { evaluate } from "./rules/evaluate.js";
export type { EvaluateOptions, Evaluation, MetBy, NotApplicableReason, Status } from "./rules/evaluate.js";
export { explain } from "./rules/explain.js";
export type { Contact, Pause } from "./charter/schema.js";

// Reports
export { complianceReport, mergeReports } from "./rules/report.js";
export type { ComplianceReport, ReportOptions, ReportRow, SkippedContact, WorstBreach } from "./rules/report.js";
