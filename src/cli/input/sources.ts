/**
 * Where a field's value comes from, as a council's export can express it: a column (with
 * date formats tried in order, and optionally in UTC), a date and a time in two columns, an
 * event as a duration after another field (seconds, minutes, hours or h:mm:ss), a yes/no
 * flag that sets an event at a time given one of those ways, or a constant (`--set`). One
 * table of keys, written the same way in a map file (`"answeredAt": { "after": "receivedAt",
 * "duration": "Wait" }`) and on the command line (`--map answeredAt.after=receivedAt --map
 * answeredAt.duration=Wait`); whatever it does not understand is refused by name.
 *
 * @module
 */
import { cli } from "../words.js";
import { checkDateFormat, type DateFormat } from "./date-format.js";
import { Failure } from "./source.js";

/** The unit of a duration column. */
export const DURATION_UNITS = ["seconds", "minutes", "hours", "hh:mm:ss"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** How a time is given: a column, a date and a time in two columns, or a duration after another field. */
export type TimeSource =
  | {
      readonly kind: "column";
      readonly column: string;
      readonly formats: readonly DateFormat[] | undefined;
      readonly utc: boolean;
    }
  | {
      readonly kind: "date-time";
      readonly date: string;
      readonly time: string;
      readonly formats: readonly DateFormat[] | undefined;
      readonly utc: boolean;
    }
  | { readonly kind: "after"; readonly after: string; readonly duration: string; readonly unit: DurationUnit };

/** Where a field's value comes from. */
export type Source =
  | TimeSource
  | {
      readonly kind: "flag";
      readonly flag: string;
      /** The words that mean yes (trimmed, lower case); absent: yes, y, true, 1 (and no, n, false, 0, empty). */
      readonly yes: readonly string[] | undefined;
      readonly at: TimeSource;
    }
  | { readonly kind: "constant"; readonly value: string };

/** The keys of a source written as an object, in the order messages list them. */
export const SOURCE_KEYS = [
  "column",
  "date",
  "time",
  "after",
  "duration",
  "unit",
  "flag",
  "yes",
  "formats",
  "zone",
] as const;
type SourceKey = (typeof SOURCE_KEYS)[number];

/** A source as written: each key's text (`yes` and `formats` are lists). */
export type WrittenSource = Partial<Record<SourceKey, string | readonly string[]>>;

/** What the vocabulary says of a field, for checking its source. */
export interface FieldInfo {
  /** Whether the field holds a time (only those may be read from dates, durations and flags). */
  readonly isTime: (field: string) => boolean;
  /** Every field name, for messages. */
  readonly names: readonly string[];
}

const one = (value: string | readonly string[] | undefined): string | undefined =>
  typeof value === "string" ? value : value?.[0];
const list = (value: string | readonly string[] | undefined): readonly string[] | undefined =>
  value === undefined ? undefined : typeof value === "string" ? [value] : value;

/**
 * A field's source from the keys it was written with, checked: which combinations mean
 * what, that each names what it needs, and that dates, durations and flags feed only times.
 *
 * @throws Failure naming the field, the key and what was expected (`where` says which option or file).
 */
export function sourceOf(field: string, written: WrittenSource, info: FieldInfo, where: string): Source {
  const given = (Object.keys(written) as SourceKey[]).filter((k) => written[k] !== undefined);
  for (const key of given)
    if (!(SOURCE_KEYS as readonly string[]).includes(key)) throw new Failure(cli.unknownSourceKey(where, field, key));
  const has = (k: SourceKey) => given.includes(k);
  const bad = (why: string) => new Failure(cli.badSource(where, field, why));
  const timed = has("date") || has("time") || has("after") || has("duration") || has("flag") || has("formats");
  if (timed && !info.isTime(field)) throw bad(cli.notATimeField(field));
  if (has("zone")) {
    const zone = one(written.zone) ?? "";
    if (zone.toUpperCase() !== "UTC") throw bad(cli.badZone(zone));
  }
  const formats = list(written.formats)?.map((f) => checkDateFormat(f, `${where}: ${field}.formats`));
  const utc = has("zone");
  let at: TimeSource;
  if (has("after") || has("duration")) {
    if (has("column") || has("date") || has("time")) throw bad(cli.sourceConflict(["after", "column", "date"]));
    const after = one(written.after);
    const duration = one(written.duration);
    if (after === undefined) throw bad(cli.sourceNeeds("duration", "after", "the field the duration is counted from"));
    if (duration === undefined) throw bad(cli.sourceNeeds("after", "duration", "the column holding the duration"));
    if (!info.isTime(after)) throw bad(cli.afterNotATime(after, info.names));
    if (after === field) throw bad(cli.afterItself(field));
    const unit = one(written.unit) ?? "seconds";
    if (!(DURATION_UNITS as readonly string[]).includes(unit)) throw bad(cli.badUnit(unit, DURATION_UNITS));
    if (formats !== undefined || utc) throw bad(cli.formatsOfDuration());
    at = { kind: "after", after, duration, unit: unit as DurationUnit };
  } else if (has("date") || has("time")) {
    if (has("column")) throw bad(cli.sourceConflict(["column", "date"]));
    const date = one(written.date);
    const time = one(written.time);
    if (date === undefined) throw bad(cli.sourceNeeds("time", "date", "the column holding the date"));
    if (time === undefined) throw bad(cli.sourceNeeds("date", "time", "the column holding the time of day"));
    at = { kind: "date-time", date, time, formats, utc };
  } else {
    if (has("unit")) throw bad(cli.unitWithoutDuration());
    const column = one(written.column);
    if (column === undefined) {
      if (has("flag")) throw bad(cli.flagNeedsTime());
      throw bad(cli.sourceEmpty());
    }
    at = { kind: "column", column, formats, utc };
  }
  if (!has("flag")) {
    if (has("yes")) throw bad(cli.yesWithoutFlag());
    return at;
  }
  const flag = one(written.flag) ?? "";
  const yes = list(written.yes)?.map((w) => w.trim().toLowerCase());
  return { kind: "flag", flag, yes, at };
}

/** The columns a source reads, each with the part it plays (for messages and --check-mapping). */
export function columnsOf(source: Source): { column: string; role: string }[] {
  switch (source.kind) {
    case "column":
      return [{ column: source.column, role: "" }];
    case "date-time":
      return [
        { column: source.date, role: "date" },
        { column: source.time, role: "time of day" },
      ];
    case "after":
      return [{ column: source.duration, role: `${source.unit} after ${source.after}` }];
    case "flag":
      return [
        {
          column: source.flag,
          role: source.yes === undefined ? "flag: yes or no" : `flag: yes when ${source.yes.join(" or ")}`,
        },
        ...columnsOf(source.at),
      ];
    case "constant":
      return [];
  }
}

/** The field a source's duration is counted from, if any (the order fields are read in follows it). */
export function baseOf(source: Source): string | undefined {
  if (source.kind === "after") return source.after;
  if (source.kind === "flag" && source.at.kind === "after") return source.at.after;
  return undefined;
}

/** Parses `FIELD=VALUE` and `FIELD.KEY=VALUE` as written on the command line. */
export function splitOption(option: string, value: string, form: string): { field: string; key?: string; to: string } {
  const at = value.indexOf("=");
  if (at <= 0) throw new Failure(cli.badMap(option, value, form));
  const left = value.slice(0, at);
  const dot = left.indexOf(".");
  return dot === -1
    ? { field: left, to: value.slice(at + 1) }
    : { field: left.slice(0, dot), key: left.slice(dot + 1), to: value.slice(at + 1) };
}

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0", ""]);

/** A flag's value as yes (true), no (false), or neither (undefined), by its words or the defaults. */
export function flagValue(raw: unknown, yes: readonly string[] | undefined): boolean | undefined {
  if (typeof raw === "boolean") return yes === undefined ? raw : yes.includes(String(raw));
  const word =
    raw === undefined || raw === null ? "" : typeof raw === "string" ? raw.trim().toLowerCase() : String(raw);
  if (yes !== undefined) return yes.includes(word);
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return undefined;
}

/** A duration in milliseconds, or undefined when the text is not one in its unit. */
export function durationMs(text: string, unit: DurationUnit): number | undefined {
  if (unit === "hh:mm:ss") {
    const m = /^(?:(\d+):)?([0-5]?\d):([0-5]\d(?:\.\d+)?)$/.exec(text);
    if (m === null) return undefined;
    return Math.round((Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000);
  }
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const per = unit === "seconds" ? 1000 : unit === "minutes" ? 60_000 : 3_600_000;
  return Math.round(Number(text) * per);
}
