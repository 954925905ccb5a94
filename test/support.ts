// Shared test calendars and a slow, obviously correct reference implementation.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { bundledHolidays, type HolidayRegion } from "../src/holidays/index.js";
import { parseCharter, type Charter } from "../src/index.js";

export type Hours = [string, string][];
export const NINE_TO_FIVE: Hours = [["09:00", "17:00"]];

export function weekdays(hours: Hours) {
  return { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours };
}

/** A council in England and Wales, Monday to Friday 09:00-17:00. */
export const england = {
  calendar: { timeZone: "Europe/London", holidays: "GB-ENG", officeHours: weekdays(NINE_TO_FIVE) },
} as const;

/** A council in Ontario, Monday to Friday 08:30-16:30. */
export const ontario = {
  calendar: { timeZone: "America/Toronto", holidays: "CA-ON", officeHours: weekdays([["08:30", "16:30"]]) },
} as const;

const DAY = 86_400_000;
export const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;
export const fromDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** Day-by-day reference: Monday to Friday, minus the region's holidays. */
export function referenceCalendar(region: HolidayRegion) {
  const holidays = new Set([...bundledHolidays(region).days.keys()]);
  const isWorking = (day: number): boolean => {
    const dow = new Date(day * DAY).getUTCDay();
    return dow !== 0 && dow !== 6 && !holidays.has(day);
  };
  return {
    isWorking,
    add(day: number, n: number): number {
      let d = day;
      let left = Math.abs(n);
      while (left > 0) {
        d += Math.sign(n);
        if (isWorking(d)) left--;
      }
      return d;
    },
    between(a: number, b: number): number {
      let count = 0;
      for (let d = Math.min(a, b) + 1; d <= Math.max(a, b); d++) if (isWorking(d)) count++;
      return b >= a || count === 0 ? count : -count;
    },
  };
}

/** A fresh directory under the system's temporary one, removed when the file's tests end. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The guide's example of a standard that changed: Riverside answered emails within 5
 * working days until Monday 31 March 2025 (to `target` percent, 100 unless given), and
 * within 3 from Tuesday 1 April. No bundled charter has a change its stored sources date.
 */
export function riversideChange(target?: number): Charter {
  return parseCharter({
    id: "riverside",
    name: "Riverside District Council",
    sources: [{ title: "Our customer promise", publisher: "Riverside District Council" }],
    calendar: england.calendar,
    standards: [
      {
        id: "email.respond",
        channels: ["email"],
        stage: "respond",
        limit: { workingDays: 5 },
        ...(target === undefined ? {} : { target: { percent: target } }),
        quote: "We will reply to emails within 5 working days.",
        inForce: { to: "2025-03-31" },
      },
      {
        id: "email.respond",
        channels: ["email"],
        stage: "respond",
        limit: { workingDays: 3 },
        quote: "From 1 April 2025 we will reply to emails within 3 working days.",
        inForce: { from: "2025-04-01" },
      },
    ],
  });
}
