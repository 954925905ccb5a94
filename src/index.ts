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
export { parseCharter, safeParseCharter, extendCharter, MAX_ISSUES } from "./charter/parse.js";
export type { SafeParseCharterResult } from "./charter/parse.js";
export { CharterError } from "./charter/errors.js";
export { formatIssues, formatPath } from "./charter/issues.js";
export type { CharterIssue, CharterIssueCode, CharterPath, ShapeParams } from "./charter/issues.js";
export { problemOf } from "./problems.js";
export type { Problem, ProblemCode, ProblemParams } from "./problems.js";
export { charterJsonSchema } from "./charter/schema.js";
export { LIMIT_UNITS } from "./charter/units.js";
export type { LimitUnit } from "./charter/units.js";
export { CONTACT_EVENTS, CONTACT_FIELD_NAMES, INTERVAL_FIELD_NAMES } from "./charter/vocabulary.js";
export type { ContactEvent, ContactField, IntervalField } from "./charter/vocabulary.js";

// The closed vocabularies: each concept's members, from which the schema and the types derive
export {
  ABANDONED_POLICIES,
  CHANNELS,
  DUE_RULES,
  FIRMNESSES,
  IGNORED_PROMISES,
  NON_WORKING_REASONS,
  NOT_APPLICABLE_REASONS,
  REPORT_PERIODS,
  STAGES,
  STATUSES,
} from "./concepts.js";
export type {
  AbandonedPolicy,
  Channel,
  DueRule,
  Firmness,
  IgnoredPromise,
  NonWorkingReason,
  NotApplicableReason,
  ReportBy,
  Stage,
  Status,
} from "./concepts.js";
export type {
  CalendarInput,
  CalendarSpec,
  Charter,
  CharterInput,
  CharterLayerInput,
  Closure,
  Commitment,
  CustomerObligation,
  DeepReadonly,
  InForce,
  OfficeHours,
  PromiseLimit,
  ScheduleWeek,
  Standard,
} from "./charter/schema.js";

// Calendar
export { calendarFor } from "./calendar/calendar-for.js";
export type { CalendarOptions } from "./calendar/calendar-for.js";
export type { IsoDate, NonWorkingDay, WorkingCalendar } from "./calendar/working-calendar.js";
export type { Instant } from "./calendar/instant.js";

// Holidays
export { HOLIDAY_REGIONS, bundledHolidays } from "./holidays/index.js";
export type { HolidayRegion, HolidayTable } from "./holidays/index.js";

// Deadlines, evaluation, explanations
export { deadline } from "./rules/deadline.js";
export type { Deadline, DeadlineOptions } from "./rules/deadline.js";
export type { Period } from "./rules/standard.js";
export type { TraceStep } from "./rules/trace.js";
export { evaluate } from "./rules/evaluate.js";
export type { EvaluateOptions, Evaluation, MetBy } from "./rules/evaluate.js";
export { explain } from "./rules/explain.js";
export type { Contact, IntervalCounts, Pause } from "./charter/schema.js";

// Reports
export { complianceReport, intervalReport } from "./rules/report.js";
export { mergeReports } from "./rules/merge.js";
export type {
  ComplianceReport,
  ReportOptions,
  ReportRow,
  SkippedContact,
  VersionCount,
  WorstBreach,
  YearToDate,
} from "./rules/report.js";
