/**
 * council-sla: councils' customer service charters as declarative JSON rules,
 * with working-day, office-hours and time-zone arithmetic that is exact to the
 * day on every holiday and clock change.
 *
 * The public API, name by name.
 *
 * @module
 */
export { calendarFor } from "./calendar/working-calendar.js";
export type {
  CalendarOptions,
  IsoDate,
  NonWorkingDay,
  NonWorkingReason,
  WorkingCalendar,
} from "./calendar/working-calendar.js";
export type { Instant } from "./calendar/instant.js";
export type { CalendarInput, CalendarSpec, Closure, OfficeHours } from "./charter/schema.js";
export { CharterError, formatIssues, formatPath } from "./charter/errors.js";
export type { CharterIssue, CharterPath } from "./charter/errors.js";
export { HOLIDAY_REGIONS, bundledHolidays } from "./holidays/index.js";
export type { HolidayRegion, HolidayTable } from "./holidays/index.js";
