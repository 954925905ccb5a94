/**
 * `council-sla/date-holidays`: a holiday table for any country or region that
 * date-holidays knows, for councils whose region has no bundled table or who
 * need years beyond it. date-holidays is an optional peer dependency: install
 * it yourself (`npm install date-holidays`) to use this subpath.
 *
 * @example
 * import { calendarFor } from "council-sla";
 * import { holidayTable } from "council-sla/date-holidays";
 *
 * const hours = [["08:00", "16:00"]];
 * const officeHours = { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours };
 * const bavaria = holidayTable("DE-BY", { firstYear: 2026, lastYear: 2030 });
 * const cal = calendarFor({ calendar: { timeZone: "Europe/Berlin", holidays: "DE-BY", officeHours } },
 *                         { holidays: bavaria });
 * // 6 January, Epiphany, is a holiday in Bavaria.
 * cal.addWorkingDays("2026-01-05", 1); //=> "2026-01-07"
 *
 * @module
 */
import { rangeError, typeError } from "../problems.js";
import Holidays from "date-holidays";
import { daysFromCivil } from "../calendar/civil.js";
import { frozenTable, type HolidayTable } from "../holidays/table.js";

/** The date-holidays types of holiday that close a council office by default. */
export const DEFAULT_TYPES = Object.freeze(["public", "bank"] as const);

export type DateHolidaysType = "public" | "bank" | "school" | "optional" | "observance";

export interface HolidayTableOptions {
  /** First year covered; 2000 when absent. */
  readonly firstYear?: number;
  /** Last year covered; 2099 when absent. */
  readonly lastYear?: number;
  /** Which date-holidays types count as holidays; `["public", "bank"]` when absent. */
  readonly types?: readonly DateHolidaysType[];
}

/**
 * A {@link HolidayTable} for a region id written `CC` or `CC-SUB` (ISO 3166 country,
 * date-holidays' state code), e.g. `DE-BY`, `IE`, `CA-BC`.
 *
 * @throws RangeError when date-holidays does not know the region, or the years are not whole years in order.
 */
export function holidayTable(region: string, options: HolidayTableOptions = {}): HolidayTable {
  const match = typeof region === "string" ? /^([A-Z]{2})(?:-([A-Z0-9]{1,3}))?$/.exec(region) : null;
  if (match === null)
    throw typeError("invalid", { name: "region", expected: "a region id such as DE-BY or IE", value: region });
  const country = match[1] as string;
  const state = match[2];
  const probe = new Holidays();
  const countries = probe.getCountries() as Record<string, string> | undefined;
  const countryName = countries?.[country];
  if (countryName === undefined)
    throw rangeError("invalid", { name: "region", expected: "a country date-holidays knows", value: region });
  const states = (probe.getStates(country) ?? {}) as Record<string, string>;
  const stateName = state === undefined ? undefined : states[state];
  if (state !== undefined && stateName === undefined) {
    throw rangeError("invalid", {
      name: "region",
      expected: `a region of ${countryName} (${Object.keys(states).join(", ")})`,
      value: region,
    });
  }
  const firstYear = options.firstYear ?? 2000;
  const lastYear = options.lastYear ?? 2099;
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear > lastYear) {
    throw rangeError("invalid", {
      name: "options.firstYear/lastYear",
      expected: "whole years, first <= last",
      value: `${firstYear}..${lastYear}`,
    });
  }
  const types = new Set<string>(options.types ?? DEFAULT_TYPES);
  const hd = state === undefined ? new Holidays(country) : new Holidays(country, state);
  const days = new Map<number, string>();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const h of hd.getHolidays(year) as { date: string; name: string; type: string }[]) {
      if (!types.has(h.type)) continue;
      const day = daysFromCivil(Number(h.date.slice(0, 4)), Number(h.date.slice(5, 7)), Number(h.date.slice(8, 10)));
      const known = days.get(day);
      days.set(day, known === undefined ? h.name : `${known}; ${h.name}`);
    }
  }
  return frozenTable({
    region,
    title: stateName === undefined ? countryName : `${stateName}, ${countryName}`,
    firstYear,
    lastYear,
    source: `date-holidays (${[...types].join(", ")} holidays), generated at run time`,
    days,
  });
}
