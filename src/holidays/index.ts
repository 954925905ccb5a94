/**
 * The bundled holiday regions. GB-UK, the union of the three GB divisions (the
 * "bank holiday in any part of the United Kingdom" of the FOI Act, s.10(6)), is
 * derived from them.
 *
 * @module
 */
import { decodeTable, frozenTable, type HolidayTable } from "./table.js";
import { CA_ON, GB_ENG, GB_NIR, GB_SCT } from "./tables.generated.js";

export type { HolidayTable, HolidayTableSource } from "./table.js";

/** Ids of the bundled holiday regions. */
export const HOLIDAY_REGIONS = Object.freeze(["GB-ENG", "GB-SCT", "GB-NIR", "GB-UK", "CA-ON"] as const);
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

const sources = { "GB-ENG": GB_ENG, "GB-SCT": GB_SCT, "GB-NIR": GB_NIR, "CA-ON": CA_ON } as const;
const GB_DIVISIONS = [
  ["GB-ENG", "England and Wales"],
  ["GB-SCT", "Scotland"],
  ["GB-NIR", "Northern Ireland"],
] as const;

const decoded = new Map<string, HolidayTable>();

function unionOfGb(): HolidayTable {
  const byDay = new Map<number, Map<string, string[]>>();
  for (const [region, title] of GB_DIVISIONS) {
    for (const [day, name] of bundledHolidays(region).days) {
      const names = byDay.get(day) ?? new Map<string, string[]>();
      names.set(name, [...(names.get(name) ?? []), title]);
      byDay.set(day, names);
    }
  }
  const days = new Map<number, string>();
  for (const [day, names] of [...byDay].sort((a, b) => a[0] - b[0])) {
    const parts = [...names].map(([name, where]) =>
      where.length === GB_DIVISIONS.length ? name : `${name} (${where.join(", ")})`,
    );
    days.set(day, parts.join("; "));
  }
  return frozenTable({
    region: "GB-UK",
    title: "United Kingdom (a bank holiday in any part)",
    firstYear: GB_ENG.firstYear,
    lastYear: GB_ENG.lastYear,
    source: "The union of GB-ENG, GB-SCT and GB-NIR",
    days,
  });
}

export function isHolidayRegion(region: string): region is HolidayRegion {
  return (HOLIDAY_REGIONS as readonly string[]).includes(region);
}

/** The bundled table of a region, decoded on first use; frozen (shared by every calendar of the region). */
export function bundledHolidays(region: HolidayRegion): HolidayTable {
  let table = decoded.get(region);
  if (table === undefined) {
    table = region === "GB-UK" ? unionOfGb() : decodeTable(sources[region]);
    decoded.set(region, table);
  }
  return table;
}
