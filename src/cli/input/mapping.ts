/**
 * A council's export as contacts: its column names mapped to contact fields (`--map`,
 * `--map-file`, `--ignore`), its words mapped to ours (`--map-value`, matched whatever their
 * case and surrounding spaces), its dates read with a date-fns format (`--date-format`).
 * Whatever the mapping does not understand is refused by name before any row is read: a
 * map file's unknown keys, a field mapped twice, two fields from one column, a mapped
 * column the header lacks; and the header itself (required columns, unknown ones with
 * their near misses, duplicates).
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { distance } from "fastest-levenshtein";
import { CONTACT_FIELD_NAMES, CONTACT_FIELDS, type ContactField } from "../../charter/vocabulary.js";
import { cli } from "../messages.js";
import { checkDateFormat, type DateFormat, type DateReader, dateReader } from "./date-format.js";
import { CellProblem, type RawRow, type TextBlock, WallTime } from "./rows.js";
import { Failure } from "./source.js";

/** How to read an export. */
export interface Mapping {
  /** Contact field → the export's column (or JSON key). */
  readonly columns: ReadonlyMap<ContactField, string>;
  /** Contact field → the export's word (trimmed, lower case) → ours (`channel: phone → telephone`). */
  readonly values: ReadonlyMap<ContactField, ReadonlyMap<string, string>>;
  /** Columns (or keys) to leave out. */
  readonly ignore: ReadonlySet<string>;
  /** The format of the export's dates, checked; ISO 8601 when absent. */
  readonly dateFormat: DateFormat | undefined;
}

/** What the command line says about the mapping. */
export interface MappingOptions {
  readonly map?: readonly string[] | undefined;
  readonly mapFile?: string | undefined;
  readonly mapValue?: readonly string[] | undefined;
  readonly ignore?: readonly string[] | undefined;
  readonly dateFormat?: string | undefined;
}

const REQUIRED = CONTACT_FIELD_NAMES.filter((f) => "required" in CONTACT_FIELDS[f]);
/** The fields that hold instants (read with --date-format when one is given). */
const INSTANT_FIELDS: ReadonlySet<ContactField> = new Set(
  CONTACT_FIELD_NAMES.filter((field) => {
    const kind = CONTACT_FIELDS[field].kind;
    return kind === "instant" || kind === "event" || kind === "promise";
  }),
);

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** A word as `--map-value` matches it: whatever its case and surrounding spaces. */
export const wordKey = (word: string): string => word.trim().toLowerCase();

/** The contact field a column name is probably meant to be, if one is close. */
function nearMiss(column: string): ContactField | undefined {
  const c = squash(column);
  let best: ContactField | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const field of CONTACT_FIELD_NAMES) {
    const d = distance(c, field.toLowerCase());
    if (d < bestDistance) {
      best = field;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(c.length / 4)) ? best : undefined;
}

function fieldNamed(option: string, name: string): ContactField {
  if (!(CONTACT_FIELD_NAMES as readonly string[]).includes(name))
    throw new Failure(cli.unknownField(option, name, CONTACT_FIELD_NAMES));
  return name as ContactField;
}

/** A map file's contents, checked key by key: anything it does not understand is refused by name. */
interface MapFile {
  readonly columns: readonly (readonly [ContactField, string])[];
  readonly values: readonly (readonly [ContactField, string, string])[];
  readonly ignore: readonly string[];
  readonly dateFormat: string | undefined;
}

const MAP_FILE_KEYS = ["columns", "values", "ignore", "dateFormat"] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readMapFile(path: string): MapFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new Failure(cli.badMapFile(path, (error as Error).message));
  }
  const bad = (why: string) => new Failure(cli.badMapFile(path, why));
  if (!isPlainObject(json)) throw bad(cli.mapFileShape(undefined));
  for (const key of Object.keys(json)) {
    if (!(MAP_FILE_KEYS as readonly string[]).includes(key))
      throw bad(cli.mapFileUnknownKey(key, (CONTACT_FIELD_NAMES as readonly string[]).includes(key)));
  }
  const columns: [ContactField, string][] = [];
  const values: [ContactField, string, string][] = [];
  const ignore: string[] = [];
  const { columns: c, values: v, ignore: i, dateFormat } = json;
  if (c !== undefined) {
    if (!isPlainObject(c)) throw bad(cli.mapFileType("columns", "an object { FIELD: COLUMN }", c));
    for (const [field, column] of Object.entries(c)) {
      if (typeof column !== "string")
        throw bad(cli.mapFileType(`columns.${field}`, "a column name (a string)", column));
      columns.push([fieldNamed(`--map-file ${path}: columns`, field), column]);
    }
  }
  if (v !== undefined) {
    if (!isPlainObject(v)) throw bad(cli.mapFileType("values", "an object { FIELD: { WORD: VALUE } }", v));
    for (const [field, words] of Object.entries(v)) {
      const f = fieldNamed(`--map-file ${path}: values`, field);
      if (!isPlainObject(words)) throw bad(cli.mapFileType(`values.${field}`, "an object { WORD: VALUE }", words));
      for (const [word, to] of Object.entries(words)) {
        if (typeof to !== "string") throw bad(cli.mapFileType(`values.${field}.${word}`, "a value (a string)", to));
        values.push([f, word, to]);
      }
    }
  }
  if (i !== undefined) {
    if (!Array.isArray(i) || i.some((x) => typeof x !== "string"))
      throw bad(cli.mapFileType("ignore", "an array of column names", i));
    ignore.push(...(i as string[]));
  }
  if (dateFormat !== undefined && typeof dateFormat !== "string")
    throw bad(cli.mapFileType("dateFormat", "a date-fns format (a string)", dateFormat));
  return { columns, values, ignore, dateFormat };
}

/**
 * The mapping the options describe: a map file first, then the command line (whose `--map`
 * for a field replaces the file's). A field mapped twice on the command line, or two fields
 * from one column, is refused.
 *
 * @throws Failure naming the option and the value.
 */
export function mappingOf(options: MappingOptions): Mapping {
  const file = options.mapFile === undefined ? undefined : readMapFile(options.mapFile);
  const columns = new Map<ContactField, string>(file?.columns ?? []);
  const given = new Set<ContactField>();
  for (const m of options.map ?? []) {
    const at = m.indexOf("=");
    if (at <= 0) throw new Failure(cli.badMap("--map", m, "FIELD=COLUMN"));
    const field = fieldNamed("--map", m.slice(0, at));
    if (given.has(field)) throw new Failure(cli.mapTwice(field, columns.get(field) ?? "", m.slice(at + 1)));
    given.add(field);
    columns.set(field, m.slice(at + 1));
  }
  const byColumn = new Map<string, ContactField>();
  for (const [field, column] of columns) {
    const other = byColumn.get(column);
    if (other !== undefined) throw new Failure(cli.oneColumnTwoFields(column, other, field));
    byColumn.set(column, field);
  }
  const values = new Map<ContactField, Map<string, string>>();
  const word = (field: ContactField, from: string, to: string) => {
    const words = values.get(field) ?? new Map<string, string>();
    values.set(field, words);
    words.set(wordKey(from), to.trim());
  };
  for (const [field, from, to] of file?.values ?? []) word(field, from, to);
  for (const m of options.mapValue ?? []) {
    const colon = m.indexOf(":");
    const at = m.indexOf("=", colon);
    if (colon <= 0 || at <= colon + 1) throw new Failure(cli.badMap("--map-value", m, "FIELD:WORD=VALUE"));
    word(fieldNamed("--map-value", m.slice(0, colon)), m.slice(colon + 1, at), m.slice(at + 1));
  }
  const ignore = new Set<string>([...(file?.ignore ?? []), ...(options.ignore ?? [])]);
  for (const column of ignore) {
    const field = byColumn.get(column);
    if (field !== undefined) throw new Failure(cli.mappedAndIgnored(column, field));
  }
  const format = options.dateFormat ?? file?.dateFormat;
  return { columns, values, ignore, dateFormat: format === undefined ? undefined : checkDateFormat(format) };
}

/** Which field each column of a header gives, or a Failure that names the problem. */
export function fieldsOfHeader(
  header: readonly string[],
  mapping: Mapping,
  name: string,
): (ContactField | undefined)[] {
  const byColumn = new Map<string, ContactField>();
  for (const [field, column] of mapping.columns) byColumn.set(column, field);
  const seen = new Set<string>();
  const unknown: string[] = [];
  const fields = header.map((column) => {
    if (seen.has(column)) throw new Failure(cli.duplicateColumn(name, column));
    seen.add(column);
    if (mapping.ignore.has(column)) return undefined;
    const field =
      byColumn.get(column) ??
      ((CONTACT_FIELD_NAMES as readonly string[]).includes(column) && !mapping.columns.has(column as ContactField)
        ? (column as ContactField)
        : undefined);
    if (field === undefined) unknown.push(column);
    return field;
  });
  for (const [field, column] of mapping.columns) {
    if (!seen.has(column)) throw new Failure(cli.mappedColumnMissing(name, field, column, header));
  }
  const hints = unknown.flatMap((column) => {
    const field = nearMiss(column);
    return field === undefined ? [] : [cli.didYouMean(column, field)];
  });
  const given = fields.filter((f): f is ContactField => f !== undefined);
  const missing = REQUIRED.filter((f) => !given.includes(f));
  if (missing.length > 0) throw new Failure(cli.missingColumns(name, missing, header, hints));
  if (unknown.length > 0) throw new Failure(cli.unknownColumns(name, unknown, CONTACT_FIELD_NAMES, hints));
  for (const field of new Set(given)) {
    const columns = header.filter((_, i) => fields[i] === field);
    if (columns.length > 1) throw new Failure(cli.mappedTwice(field, columns));
  }
  return fields;
}

/** The reader of `--date-format` values, once {@link readyToRead} has loaded it. */
let readDate: DateReader | undefined;

/** Loads what reading a mapping needs (date-fns, for a date format) before any row is read. */
export async function readyToRead(mapping: Mapping): Promise<void> {
  if (mapping.dateFormat !== undefined) readDate ??= await dateReader();
}

/** An instant or wall time from a value in the mapping's date format, or an error. */
function instantOf(field: string, value: string, format: DateFormat | undefined): string {
  if (format === undefined) return value;
  if (readDate === undefined)
    throw new Error("readyToRead(mapping) was not awaited before reading rows in a date format");
  const read = readDate(value, format);
  if (read === undefined)
    throw new RowError(cli.dateFormat(field, value, format.format), "date does not match --date-format");
  return read;
}

/** A problem with one row, and its reason for the summary. */
export class RowError extends Error {
  readonly reason: string;
  constructor(message: string, reason: string) {
    super(message);
    this.reason = reason;
  }
}

/** One field's value as the contact carries it; undefined for an empty cell. */
function fieldValue(field: ContactField, raw: unknown, mapping: Mapping): unknown {
  if (typeof raw !== "string") {
    // A spreadsheet's date cell is a wall time as saved; a cell with no usable value fails its row.
    if (raw instanceof WallTime) return raw.wall;
    if (raw instanceof CellProblem) throw new RowError(raw.message, raw.reason);
    return raw;
  }
  if (raw === "") return undefined;
  const text = raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
  if (text === "") return undefined;
  if (mapping.values.size > 0) {
    const word = mapping.values.get(field)?.get(wordKey(text));
    if (word !== undefined) return word === "" ? undefined : word;
  }
  if (field === "pauses") {
    return text.split(";").map((part, i) => {
      const [from, to, extra] = part.split("/").map((s) => s.trim());
      if (from === undefined || to === undefined || extra !== undefined || from === "" || to === "")
        throw new RowError(cli.badPause(i, part), "pauses not written from/to");
      return {
        from: instantOf(`pauses[${i}].from`, from, mapping.dateFormat),
        to: instantOf(`pauses[${i}].to`, to, mapping.dateFormat),
      };
    });
  }
  if (mapping.dateFormat !== undefined && INSTANT_FIELDS.has(field)) return instantOf(field, text, mapping.dateFormat);
  return text;
}

/** The contact of a CSV or Excel row. */
export function contactOfCells(
  cells: readonly unknown[],
  fields: readonly (ContactField | undefined)[],
  mapping: Mapping,
): Record<string, unknown> {
  const contact: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (field === undefined) continue;
    const value = fieldValue(field, cells[i], mapping);
    if (value !== undefined) contact[field] = value;
  }
  return contact;
}

/** The field of each JSON key a mapping reads: mapped keys, then the fields' own names. Built once per mapping. */
const KEYS = new WeakMap<Mapping, ReadonlyMap<string, ContactField>>();
function keysOf(mapping: Mapping): ReadonlyMap<string, ContactField> {
  let byKey = KEYS.get(mapping);
  if (byKey === undefined) {
    const map = new Map<string, ContactField>();
    for (const [field, key] of mapping.columns) map.set(key, field);
    for (const field of CONTACT_FIELD_NAMES) if (!map.has(field)) map.set(field, field);
    byKey = map;
    KEYS.set(mapping, byKey);
  }
  return byKey;
}

/** The contact of a JSON value: keys mapped, ignored ones dropped, unknown ones an error. */
export function contactOfValue(value: unknown, mapping: Mapping): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new RowError(
      cli.notAnObject(Array.isArray(value) ? "an array" : value === null ? "null" : typeof value),
      "not a contact object",
    );
  }
  const byKey = keysOf(mapping);
  const contact: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (mapping.ignore.has(key)) continue;
    const field = byKey.get(key);
    if (field === undefined) {
      const hint = nearMiss(key);
      throw new RowError(
        `unknown key ${JSON.stringify(key)}${hint === undefined ? "" : ` (did you mean \`${hint}\`?)`}`,
        "unknown key",
      );
    }
    const raw = (value as Record<string, unknown>)[key];
    const mapped = fieldValue(field, raw, mapping);
    if (mapped !== undefined) contact[field] = mapped;
  }
  return contact;
}

/** Rows as contacts with their lines; problems with their reasons; text blocks left for a worker. */
export type ContactRow =
  | { readonly line: number; readonly contact: Record<string, unknown> }
  | { readonly line: number; readonly error: string; readonly reason: string }
  | { readonly line: number; readonly block: TextBlock; readonly fields: readonly (ContactField | undefined)[] };

/**
 * The contact of a row of cells (or else of a JSON value), or the RowError that says why
 * the row has none; any other error is a bug, and thrown.
 */
export function contactOrError(
  cells: readonly unknown[] | undefined,
  value: unknown,
  fields: readonly (ContactField | undefined)[],
  mapping: Mapping,
): Record<string, unknown> | RowError {
  try {
    return cells === undefined ? contactOfValue(value, mapping) : contactOfCells(cells, fields, mapping);
  } catch (error) {
    if (error instanceof RowError) return error;
    throw error;
  }
}

/** The contact of one row of cells or one JSON value, or its located problem. */
export function contactOfRow(
  row:
    | { readonly line: number; readonly cells: readonly unknown[] }
    | { readonly line: number; readonly value: unknown },
  fields: readonly (ContactField | undefined)[],
  mapping: Mapping,
): ContactRow {
  const contact =
    "cells" in row
      ? contactOrError(row.cells, undefined, fields, mapping)
      : contactOrError(undefined, row.value, fields, mapping);
  return contact instanceof RowError
    ? { line: row.line, error: contact.message, reason: contact.reason }
    : { line: row.line, contact };
}

/** A mapping as structured-clonable data, for a worker. */
export type MappingData = {
  readonly columns: [ContactField, string][];
  readonly values: [ContactField, [string, string][]][];
  readonly ignore: string[];
  readonly dateFormat: DateFormat | undefined;
};

export function mappingData(m: Mapping): MappingData {
  return {
    columns: [...m.columns],
    values: [...m.values].map(([f, words]) => [f, [...words]]),
    ignore: [...m.ignore],
    dateFormat: m.dateFormat,
  };
}

export function mappingOfData(d: MappingData): Mapping {
  return {
    columns: new Map(d.columns),
    values: new Map(d.values.map(([f, words]) => [f, new Map(words)])),
    ignore: new Set(d.ignore),
    dateFormat: d.dateFormat,
  };
}

/** Turns the readers' batches of rows into contacts: the header is checked first (a Failure stops the file). */
export async function* contactsOf(
  batches: AsyncIterable<RawRow[]>,
  mapping: Mapping,
  name: string,
): AsyncGenerator<ContactRow[]> {
  let fields: (ContactField | undefined)[] | undefined;
  let any = false;
  for await (const rows of batches) {
    const out: ContactRow[] = [];
    for (const row of rows) {
      any = true;
      if ("header" in row) {
        fields = fieldsOfHeader(row.header, mapping, name);
        continue;
      }
      if ("error" in row) {
        if (row.fatal === true) throw new Failure(row.error);
        out.push(row);
        continue;
      }
      if ("block" in row) out.push({ line: row.line, block: row.block, fields: fields ?? [] });
      else out.push(contactOfRow(row, fields ?? [], mapping));
    }
    if (out.length > 0) yield out;
  }
  // A header and no rows (a quiet month), or an empty JSON array, is a report of nothing.
  if (!any) throw new Failure(cli.emptyFile(name));
}
