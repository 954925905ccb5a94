/**
 * The periods a report can be split by: local months, ISO weeks, quarters and
 * financial years, each inside a reporting year that starts on a given day
 * (the UK financial year on 1 April by default; Ontario municipalities use 1
 * January). Pure integer arithmetic on epoch days.
 *
 * @module
 */
import { rangeError } from "../problems.js";
import { civilFromDays, daysFromCivil, formatDate, padded, weekdayIndex } from "../calendar/civil.js";
import { REPORT_PERIODS, type ReportBy } from "../concepts.js";
import { text } from "../words.js";

/** The first day of the reporting year: a month and a day from 1 to 28. */
export interface YearStart {
  readonly month: number;
  readonly day: number;
}

/** The UK financial year's: 1 April. */
export const DEFAULT_YEAR_START = "04-01";

/** One period: its key (`2026-04`, `2026-W14`, `2026/27 Q1`, `2026/27`), first and last local date, and the first date of its year to date. */
export interface Period {
  readonly key: string;
  /** Epoch days, inclusive. */
  readonly start: number;
  readonly end: number;
  /** The first day its year-to-date figure counts from. */
  readonly yearFrom: number;
}

export function readBy(value: unknown): ReportBy | undefined {
  if (value === undefined) return undefined;
  if (!(REPORT_PERIODS as readonly unknown[]).includes(value))
    throw rangeError("invalid", { name: "options.by", expected: text.by, value });
  return value as ReportBy;
}

/**
 * `MM-DD`, the day the reporting year starts. Months split into years only when the
 * year starts on the 1st, so `by: "month"` refuses any other day.
 */
export function readYearStart(value: unknown, by: ReportBy | undefined): YearStart {
  const written = value ?? DEFAULT_YEAR_START;
  const m = typeof written === "string" ? /^(\d\d)-(\d\d)$/.exec(written) : null;
  const month = m === null ? 0 : Number(m[1]);
  const day = m === null ? 0 : Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > 28 || (by === "month" && day !== 1))
    throw rangeError("invalid", {
      name: "options.yearStart",
      expected: by === "month" ? text.yearStartMonth : text.yearStart,
      value,
    });
  return { month, day };
}

export function yearStartText(start: YearStart): string {
  return `${padded(start.month, 2)}-${padded(start.day, 2)}`;
}

/** The first day of the reporting year that contains `day`, and that year's number (the year it starts in). */
function yearOf(day: number, start: YearStart): { year: number; first: number } {
  const [y, m, d] = civilFromDays(day);
  const year = m < start.month || (m === start.month && d < start.day) ? y - 1 : y;
  return { year, first: daysFromCivil(year, start.month, start.day) };
}

/** `2026/27`, or `2026` when the year is the calendar year. */
function yearLabel(year: number, start: YearStart): string {
  return start.month === 1 && start.day === 1 ? String(year) : `${year}/${padded((year + 1) % 100, 2)}`;
}

/** The day `months` months after the year's first day (its day of the month stays: it is at most 28). */
function monthsAfter(year: number, start: YearStart, months: number): number {
  const index = start.month - 1 + months;
  return daysFromCivil(year + Math.floor(index / 12), (index % 12) + 1, start.day);
}

/**
 * The period of `by` that holds the local date `day`. A week's year is the one that
 * holds its Thursday (as ISO 8601 gives a week its calendar year), so every period
 * lies in one reporting year, and a year to date is a sum of whole periods.
 */
export function periodOf(day: number, by: ReportBy, start: YearStart): Period {
  switch (by) {
    case "month": {
      const [y, m] = civilFromDays(day);
      const first = daysFromCivil(y, m, 1);
      const next = m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
      return { key: `${y}-${padded(m, 2)}`, start: first, end: next - 1, yearFrom: yearOf(first, start).first };
    }
    case "week": {
      const monday = day - weekdayIndex(day);
      const thursday = monday + 3;
      const isoYear = civilFromDays(thursday)[0];
      const week = Math.floor((thursday - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
      const yearFirst = yearOf(thursday, start).first;
      // The year's first week is the one whose Thursday is on or after its first day.
      const firstThursday = yearFirst + ((3 - weekdayIndex(yearFirst) + 7) % 7);
      return { key: `${isoYear}-W${padded(week, 2)}`, start: monday, end: monday + 6, yearFrom: firstThursday - 3 };
    }
    case "quarter": {
      const { year, first } = yearOf(day, start);
      const [y, m, d] = civilFromDays(day);
      const months = (y - year) * 12 + (m - start.month) - (d < start.day ? 1 : 0);
      const q = Math.floor(months / 3);
      return {
        key: `${yearLabel(year, start)} Q${q + 1}`,
        start: monthsAfter(year, start, 3 * q),
        end: monthsAfter(year, start, 3 * q + 3) - 1,
        yearFrom: first,
      };
    }
    case "financial-year": {
      const { year, first } = yearOf(day, start);
      return { key: yearLabel(year, start), start: first, end: monthsAfter(year, start, 12) - 1, yearFrom: first };
    }
    default:
      return by satisfies never;
  }
}

/** `YYYY-MM-DD` of a period's bounds, for report rows. */
export function periodDates(p: Period): { periodStart: string; periodEnd: string; yearFrom: string } {
  return { periodStart: formatDate(p.start), periodEnd: formatDate(p.end), yearFrom: formatDate(p.yearFrom) };
}
