/**
 * The charter schema: the one module that builds zod schemas. Types are
 * derived from it with `z.infer`; cross-field rules live in `superRefine` so
 * that every problem is reported with its JSON path.
 *
 * @module
 */
import * as z from "zod";
import { WEEKDAYS, readClockTime, readDate } from "../calendar/civil.js";
import { getZone } from "../calendar/zone.js";
import { show } from "../messages.js";

const isoDate = z.string().refine((s) => readDate(s) !== undefined, {
  error: (iss) => `Expected a calendar date written YYYY-MM-DD, got ${show(iss.input)}`,
});

const clockTime = z.string().refine((s) => readClockTime(s) !== undefined, {
  error: (iss) => `Expected a time of day written HH:MM (00:00 to 24:00), got ${show(iss.input)}`,
});

function isKnownZone(name: string): boolean {
  try {
    getZone(name);
    return true;
  } catch {
    return false;
  }
}

const weekday = z.enum(WEEKDAYS);

/** Opening and closing time, e.g. `["09:00", "12:30"]`: open from the first, closed from the second. */
const interval = z.tuple([clockTime, clockTime]);

const officeHours = z.strictObject({
  mon: z.array(interval).optional(),
  tue: z.array(interval).optional(),
  wed: z.array(interval).optional(),
  thu: z.array(interval).optional(),
  fri: z.array(interval).optional(),
  sat: z.array(interval).optional(),
  sun: z.array(interval).optional(),
});

/** Where a value comes from when the charter text does not give it. */
const assumption = z.strictObject({
  /** Which fields the assumption covers, e.g. `officeHours`. */
  fields: z.array(z.string().min(1)).min(1),
  note: z.string().min(1),
});

const closure = z.strictObject({
  /** First date closed. */
  from: isoDate,
  /** Last date closed, inclusive; the same as `from` when absent. */
  to: isoDate.optional(),
  name: z.string().min(1),
});

const extraWorkingDate = z.strictObject({
  date: isoDate,
  name: z.string().min(1).optional(),
});

/** The calendar of a charter: where, when and on which days the council works. */
export const calendarSchema = z
  .strictObject({
    /** IANA time zone, e.g. `Europe/London`. All calendar logic happens in it. */
    timeZone: z.string().refine(isKnownZone, {
      error: (iss) => `Expected an IANA time zone such as Europe/London, got ${show(iss.input)}`,
    }),
    /** Holiday region id: GB-ENG, GB-SCT, GB-NIR, GB-UK, CA-ON, or one supplied to calendarFor. */
    holidays: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, {
      error: (iss) => `Expected a holiday region id such as GB-ENG or CA-ON, got ${show(iss.input)}`,
    }),
    /** The weekdays the council works; Monday to Friday when absent. */
    workingWeek: z.array(weekday).min(1).default(["mon", "tue", "wed", "thu", "fri"]),
    /** Office hours per weekday, several intervals a day allowed. Every working weekday needs them. */
    officeHours,
    /** Dates the council is closed besides weekends and holidays. */
    closures: z.array(closure).default([]),
    /** Dates worked although the week or the holiday table says otherwise. */
    extraWorkingDates: z.array(extraWorkingDate).default([]),
    /** A receipt at or after this local time counts as received the next calendar date. */
    receiptCutoff: clockTime.optional(),
    /** Values not given by the charter text, each with a note saying so. */
    assumptions: z.array(assumption).optional(),
  })
  .superRefine((calendar, ctx) => {
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
  });

/** The calendar part of a charter, as written (defaults not yet applied). */
export type CalendarInput = z.input<typeof calendarSchema>;
/** The calendar part of a charter, validated, with defaults applied. */
export type CalendarSpec = z.infer<typeof calendarSchema>;
/** Office hours per weekday. */
export type OfficeHours = CalendarSpec["officeHours"];
/** A closure: `from` to `to` inclusive. */
export type Closure = CalendarSpec["closures"][number];
