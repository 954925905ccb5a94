/**
 * A council's export as contacts: its column names mapped to contact fields
 * (`--map`, `--map-file`, `--ignore`), its words mapped to ours (`--map-value`),
 * its dates read with a date-fns format (`--date-format`) as wall times in the
 * charter's zone. The header is checked before any row is read: required
 * columns, unknown ones (with the near misses), duplicates.
 *
 * @module
 */
import { distance } from "fastest-levenshtein";
import { CONTACT_FIELDS, CONTACT_FIELD_NAMES, type ContactField } from "../../charter/vocabulary.js";
import { cli } from "../messages.js";
import type { RawRow, TextBlock } from "./rows.js";
import { Failure } from "./source.js";
import { wallTimeReader, type WallTimeReader } from "./utc.js";

/** How to read an export. */
export interface Mapping {
  /** Contact field → the export's column (or JSON key). */
  readonly columns: ReadonlyMap<ContactField, string>;
  /** Contact field → the export's word → ours (`channel: Phone → telephone`). */
  readonly values: ReadonlyMap<ContactField, ReadonlyMap<string, string>>;
  /** Columns (or keys) to leave out. */
  readonly ignore: ReadonlySet<string>;
  /** A date-fns format for instants (`dd/MM/yyyy HH:mm`); ISO 8601 when absent. */
  readonly dateFormat: string | undefined;
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
    if (mapping.ignore.has(column)) return undefined;
    if (seen.has(column)) throw new Failure(cli.duplicateColumn(name, column));
    seen.add(column);
    const field =
      byColumn.get(column) ??
      ((CONTACT_FIELD_NAMES as readonly string[]).includes(column) && !mapping.columns.has(column as ContactField)
        ? (column as ContactField)
        : undefined);
    if (field === undefined) unknown.push(column);
    return field;
  });
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
let wallTime: WallTimeReader | undefined;

/** Loads what reading a mapping needs (date-fns, for a date format) before any row is read. */
export async function readyToRead(mapping: Mapping): Promise<void> {
  if (mapping.dateFormat !== undefined) wallTime ??= await wallTimeReader();
}

/** A wall time `YYYY-MM-DDTHH:MM:SS.sss` from a value in the mapping's date format, or an error. */
function instantOf(field: string, value: string, format: string | undefined): string {
  if (format === undefined) return value;
  if (wallTime === undefined)
    throw new Error("readyToRead(mapping) was not awaited before reading rows in a date format");
  const wall = wallTime(value, format);
  if (wall === undefined) throw new RowError(cli.dateFormat(field, value, format), "date does not match --date-format");
  return wall;
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
  if (typeof raw !== "string") return raw;
  if (raw === "") return undefined;
  const text = raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
  if (text === "") return undefined;
  if (mapping.values.size > 0) {
    const words = mapping.values.get(field);
    const word = words?.get(text) ?? words?.get(text.toLowerCase());
    if (word !== undefined) return word;
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
  readonly dateFormat: string | undefined;
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
      if ("header" in row) {
        fields = fieldsOfHeader(row.header, mapping, name);
        continue;
      }
      any = true;
      if ("error" in row) {
        if (row.fatal === true && row.reason === "not a JSON array") throw new Failure(row.error);
        out.push(row);
        if (row.fatal === true) {
          yield out;
          return;
        }
        continue;
      }
      if ("block" in row) out.push({ line: row.line, block: row.block, fields: fields ?? [] });
      else out.push(contactOfRow(row, fields ?? [], mapping));
    }
    if (out.length > 0) yield out;
  }
  if (!any) throw new Failure(fields === undefined ? cli.emptyFile(name) : cli.headerOnly(name));
}
