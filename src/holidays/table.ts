/**
 * Holiday tables: the data format of the generated tables and its decoding
 * into a look-up by epoch day.
 *
 * @module
 */
import { typeError } from "../problems.js";
import { daysFromCivil } from "../calendar/civil.js";

/**
 * A Map that cannot be changed: `set`, `delete` and `clear` throw. The holiday tables the
 * library hands out are shared by every calendar built from them, so a change to one would
 * change every later answer.
 */
export class FrozenMap<K, V> extends Map<K, V> {
  constructor(entries: Iterable<readonly [K, V]>) {
    super();
    for (const [key, value] of entries) Map.prototype.set.call(this, key, value);
    Object.freeze(this);
  }

  override set(): this {
    throw typeError("read_only_table", {});
  }

  override delete(): boolean {
    throw typeError("read_only_table", {});
  }

  override clear(): void {
    throw typeError("read_only_table", {});
  }
}

/** A holiday table that cannot be changed: the object frozen, its days a {@link FrozenMap}. */
export function frozenTable(table: HolidayTable): HolidayTable {
  return Object.freeze({
    region: table.region,
    title: table.title,
    firstYear: table.firstYear,
    lastYear: table.lastYear,
    source: table.source,
    days: table.days instanceof FrozenMap ? table.days : new FrozenMap(table.days),
  });
}

/** A region's holidays as the generator writes them. */
export interface HolidayTableSource {
  readonly region: string;
  readonly title: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly source: string;
  readonly names: readonly string[];
  /** Per year, comma-separated `MM-DD nameIndex` entries. */
  readonly years: Readonly<Record<number, string>>;
}

/**
 * A region's holidays, ready for look-ups. Supply your own (for example from
 * `council-sla/date-holidays`) as `calendarFor(charter, { holidays })`.
 */
export interface HolidayTable {
  /** Region id, e.g. `GB-ENG`. */
  readonly region: string;
  /** Human name of the region, e.g. `England and Wales`. */
  readonly title: string;
  /** First and last years covered: dates outside them are a RangeError. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Where the data come from. */
  readonly source: string;
  /** Holiday name by epoch day. */
  readonly days: ReadonlyMap<number, string>;
}

export function decodeTable(source: HolidayTableSource): HolidayTable {
  const days = new Map<number, string>();
  for (let year = source.firstYear; year <= source.lastYear; year++) {
    const entries = source.years[year];
    if (entries === undefined || entries === "") continue;
    for (const entry of entries.split(",")) {
      const month = Number(entry.slice(0, 2));
      const day = Number(entry.slice(3, 5));
      const name = source.names[Number(entry.slice(6))];
      if (name === undefined) throw new Error(`Corrupt holiday table ${source.region}: ${year}-${entry}`);
      days.set(daysFromCivil(year, month, day), name);
    }
  }
  return frozenTable({
    region: source.region,
    title: source.title,
    firstYear: source.firstYear,
    lastYear: source.lastYear,
    source: source.source,
    days,
  });
}
