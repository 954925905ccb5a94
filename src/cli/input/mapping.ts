/**
 * A council's export as contacts or interval counts: its column names mapped to fields, each
 * field read from a column or derived (sources.ts: two columns, a duration after another
 * field, a flag, a constant); its words mapped to ours (`--map-value`, matched whatever their
 * case and surrounding spaces, numeric codes as their text); its dates read with date-fns
 * formats tried in order (`--date-format`, per column or for all). A mapping is built from up
 * to three layers, each overriding the one before field by field: a profile shipped with the
 * package (`--profile`), a map file (`--map-file`), and the command line. Whatever a layer
 * does not understand is refused by name before any row is read: a map file's unknown keys,
 * a field given twice in one layer, two fields from one column, a mapped column the header
 * lacks; and the header itself (required columns, unknown ones with their near misses,
 * duplicates).
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { distance } from "fastest-levenshtein";
import { toEpochMs } from "../../calendar/instant.js";
import { getZone, type Zone } from "../../calendar/zone.js";
import { STAGES } from "../../concepts.js";
import {
  CONTACT_FIELD_NAMES,
  CONTACT_FIELDS,
  type ContactField,
  INTERVAL_FIELD_NAMES,
  INTERVAL_FIELDS,
} from "../../charter/vocabulary.js";
import { isMember, MAPPING_KINDS, type MappingKind, type Skip, VERDICT_WORDS, type VerdictWord } from "../concepts.js";
import { cli, orList, quotedList } from "../words.js";
import { checkDateFormat, type DateFormat, type DateReader, dateReader } from "./date-format.js";
import { CellProblem, type RawRow, type TextBlock, WallTime } from "./rows.js";
import { Failure } from "./source.js";
import {
  baseOf,
  columnsOf,
  durationMs,
  type FieldInfo,
  flagValue,
  type Source,
  SOURCE_KEYS,
  sourceOf,
  splitOption,
  type TimeSource,
  type WrittenSource,
} from "./sources.js";

export type { MappingKind } from "../concepts.js";

/** How the command compares a system's own due dates and verdicts with the charter's (`reconcile`). */
export interface CompareSpec {
  /** The stage of the standard compared (`respond` when absent). */
  readonly stage: string | undefined;
  /** The system's due date or instant. */
  readonly dueDate: Source | undefined;
  /** The column of the system's verdict, and its words: met, breached, or none (no verdict yet). */
  readonly verdict: { readonly column: string; readonly words: ReadonlyMap<string, VerdictWord> } | undefined;
}

/** What a profile says of itself: the system, and the documentation its names come from. */
export interface ProfileMeta {
  readonly name: string;
  readonly system: string;
  readonly source: { readonly title: string; readonly url: string };
  readonly notes: readonly string[];
}

/** How to read an export. */
export interface Mapping {
  readonly kind: MappingKind;
  /** Field → where its value comes from: a column, a derived source, or a constant. */
  readonly sources: ReadonlyMap<string, Source>;
  /** Field → the export's word (trimmed, lower case) → ours (`channel: phone → telephone`). */
  readonly values: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Columns (or keys) to leave out. */
  readonly ignore: ReadonlySet<string>;
  /** Whether columns the mapping does not name are left out (a profile's `"otherColumns": "ignore"`) instead of refused. */
  readonly ignoreOthers: boolean;
  /** The formats of the export's dates, tried in order, where a field has none of its own; ISO 8601 when empty. */
  readonly dateFormats: readonly DateFormat[];
  /** The charter's time zone: wall times plus a duration are counted in real time there. */
  readonly timeZone: string;
}

/** What the command line says about the mapping. */
export interface MappingOptions {
  readonly map?: readonly string[] | undefined;
  /** A map file's path, or the file already read with {@link readMapFile}. */
  readonly mapFile?: string | Layer | undefined;
  readonly mapValue?: readonly string[] | undefined;
  readonly ignore?: readonly string[] | undefined;
  readonly dateFormat?: readonly string[] | string | undefined;
  readonly set?: readonly string[] | undefined;
  /** A profile, read with {@link readMapFile}. */
  readonly profile?: Layer | undefined;
  /** `--input intervals`. */
  readonly kind?: MappingKind | undefined;
  /** The charter's time zone (UTC when absent). */
  readonly timeZone?: string | undefined;
}

/** One layer of a mapping (a profile, a map file or the command line), as written. */
export interface Layer {
  /** How messages name it: `--profile teams-call-queue`, `--map-file map.json`, `the command line`. */
  readonly name: string;
  readonly kind: MappingKind | undefined;
  /** Field → its source as written, or a constant. */
  readonly fields: ReadonlyMap<string, WrittenSource | { readonly set: string }>;
  /** Field, word, value. */
  readonly values: readonly (readonly [string, string, string])[];
  readonly ignore: readonly string[];
  readonly ignoreOthers: boolean | undefined;
  readonly dateFormats: readonly string[] | undefined;
  /** Per field, date formats given apart from its source (`--date-format FIELD=FORMAT`). */
  readonly fieldFormats: ReadonlyMap<string, readonly string[]>;
  readonly delimiter: string | undefined;
  readonly compare: WrittenCompare | undefined;
  readonly meta: ProfileMeta | undefined;
}

/** A `compare` entry as written. */
export interface WrittenCompare {
  readonly stage: string | undefined;
  readonly dueDate: WrittenSource | undefined;
  readonly verdict: string | undefined;
  readonly words: readonly (readonly [string, VerdictWord])[];
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** A word as `--map-value` matches it: whatever its case and surrounding spaces. */
export const wordKey = (word: string): string => word.trim().toLowerCase();

/** The fields of a kind, what each holds and which are required. */
interface Vocabulary {
  readonly names: readonly string[];
  readonly required: readonly string[];
  /** The field's kind in its table (`instant`, `event`, `count`, ...). */
  readonly kindOf: (field: string) => string | undefined;
  readonly info: FieldInfo;
}

const TIME_KINDS = new Set(["instant", "event", "promise"]);

function vocabularyOf(kind: MappingKind): Vocabulary {
  const table: Record<string, { readonly kind: string; readonly required?: true }> =
    kind === "contacts" ? CONTACT_FIELDS : INTERVAL_FIELDS;
  const names = kind === "contacts" ? CONTACT_FIELD_NAMES : INTERVAL_FIELD_NAMES;
  const kindOf = (field: string) => (Object.hasOwn(table, field) ? table[field]?.kind : undefined);
  return {
    names,
    required: names.filter((f) => table[f]?.required === true),
    kindOf,
    info: { isTime: (field) => TIME_KINDS.has(kindOf(field) ?? ""), names },
  };
}

const VOCABULARIES: Record<MappingKind, Vocabulary> = {
  contacts: vocabularyOf("contacts"),
  intervals: vocabularyOf("intervals"),
};

/** How a field's text is converted, as a small code looked up once per field, not per value. */
const TEXT = 0;
const TIME = 1;
const NUMBER = 2;
const PAUSES = 3;
type Code = typeof TEXT | typeof TIME | typeof NUMBER | typeof PAUSES;

function codeOf(kind: MappingKind, field: string): Code {
  const k = VOCABULARIES[kind].kindOf(field);
  return k === "instant" || k === "event" || k === "promise"
    ? TIME
    : k === "count" || k === "minutes" || k === "seconds"
      ? NUMBER
      : k === "pauses"
        ? PAUSES
        : TEXT;
}

const CODES: Record<MappingKind, ReadonlyMap<string, Code>> = {
  contacts: new Map(CONTACT_FIELD_NAMES.map((f) => [f, codeOf("contacts", f)])),
  intervals: new Map(INTERVAL_FIELD_NAMES.map((f) => [f, codeOf("intervals", f)])),
};

/**
 * How many values read so far were dates without a time: the judge compares it before and
 * after reading a row, to look at the row's dates only when it has one.
 */
let datesRead = 0;
export const dateOnlyCount = (): number => datesRead;

/** Whether a field of a mapping's kind holds a time (read with date formats). */
export function isTimeField(kind: MappingKind, field: string): boolean {
  return VOCABULARIES[kind].info.isTime(field);
}

/** The field a column name is probably meant to be, if one is close. */
function nearMiss(column: string, names: readonly string[]): string | undefined {
  const c = squash(column);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const field of names) {
    const d = distance(c, field.toLowerCase());
    if (d < bestDistance) {
      best = field;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(c.length / 4)) ? best : undefined;
}

function fieldNamed(option: string, name: string, vocabulary: Vocabulary): string {
  if (!vocabulary.names.includes(name)) throw new Failure(cli.unknownField(option, name, vocabulary.names));
  return name;
}

// ---------------------------------------------------------------------------
// Map files and profiles
// ---------------------------------------------------------------------------

const MAP_FILE_KEYS = [
  "profile",
  "input",
  "delimiter",
  "columns",
  "set",
  "values",
  "ignore",
  "otherColumns",
  "dateFormat",
  "compare",
] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** A source written as a JSON value: a column name, or an object of the source keys. */
function writtenSource(value: unknown, at: string, bad: (why: string) => Failure): WrittenSource {
  if (typeof value === "string") return { column: value };
  if (!isPlainObject(value)) throw bad(cli.mapFileType(at, "a column name, or an object of source keys", value));
  const out: Record<string, string | readonly string[]> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!(SOURCE_KEYS as readonly string[]).includes(key)) throw bad(cli.unknownSourceKeyIn(at, key, SOURCE_KEYS));
    if (key === "yes" || key === "formats") {
      if (typeof v !== "string" && !isStrings(v))
        throw bad(cli.mapFileType(`${at}.${key}`, "a string or a list of strings", v));
    } else if (typeof v !== "string") throw bad(cli.mapFileType(`${at}.${key}`, "a string", v));
    out[key] = v as string | readonly string[];
  }
  return out as WrittenSource;
}

/**
 * A map file (or a profile, which is a map file that says what it is), checked key by key:
 * anything it does not understand is refused by name with the documented shape.
 *
 * @throws Failure naming the file, the key and what was expected.
 */
export function readMapFile(path: string, name = `--map-file ${path}`): Layer {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new Failure(cli.badMapFile(name, (error as Error).message));
  }
  const bad = (why: string) => new Failure(cli.badMapFile(name, why));
  if (!isPlainObject(json)) throw bad(cli.mapFileShape());
  const allFields = new Set([...CONTACT_FIELD_NAMES, ...INTERVAL_FIELD_NAMES] as string[]);
  for (const key of Object.keys(json)) {
    if (!(MAP_FILE_KEYS as readonly string[]).includes(key)) throw bad(cli.mapFileUnknownKey(key, allFields.has(key)));
  }
  const { columns, set, values, ignore, dateFormat, input, delimiter, otherColumns, compare, profile } = json;
  const fields = new Map<string, WrittenSource | { set: string }>();
  if (columns !== undefined) {
    if (!isPlainObject(columns)) throw bad(cli.mapFileType("columns", "an object { FIELD: COLUMN }", columns));
    for (const [field, value] of Object.entries(columns))
      fields.set(field, writtenSource(value, `columns.${field}`, bad));
  }
  if (set !== undefined) {
    if (!isPlainObject(set)) throw bad(cli.mapFileType("set", "an object { FIELD: VALUE }", set));
    for (const [field, value] of Object.entries(set)) {
      if (typeof value !== "string" && typeof value !== "number")
        throw bad(cli.mapFileType(`set.${field}`, "a value (a string or a number)", value));
      if (fields.has(field)) throw bad(cli.setAndMapped(field));
      fields.set(field, { set: String(value) });
    }
  }
  const words: [string, string, string][] = [];
  if (values !== undefined) {
    if (!isPlainObject(values)) throw bad(cli.mapFileType("values", "an object { FIELD: { WORD: VALUE } }", values));
    for (const [field, table] of Object.entries(values)) {
      if (!isPlainObject(table)) throw bad(cli.mapFileType(`values.${field}`, "an object { WORD: VALUE }", table));
      for (const [word, to] of Object.entries(table)) {
        if (typeof to !== "string") throw bad(cli.mapFileType(`values.${field}.${word}`, "a value (a string)", to));
        words.push([field, word, to]);
      }
    }
  }
  if (ignore !== undefined && !isStrings(ignore))
    throw bad(cli.mapFileType("ignore", "an array of column names", ignore));
  if (dateFormat !== undefined && typeof dateFormat !== "string" && !isStrings(dateFormat))
    throw bad(cli.mapFileType("dateFormat", "a date-fns format, or a list of them tried in order", dateFormat));
  if (input !== undefined && !isMember(MAPPING_KINDS, input))
    throw bad(cli.mapFileType("input", quotedList(MAPPING_KINDS), input));
  if (delimiter !== undefined && typeof delimiter !== "string")
    throw bad(cli.mapFileType("delimiter", "a delimiter (a string)", delimiter));
  if (otherColumns !== undefined && otherColumns !== "ignore" && otherColumns !== "refuse")
    throw bad(cli.mapFileType("otherColumns", '"ignore" or "refuse"', otherColumns));
  return {
    name,
    kind: input,
    fields,
    values: words,
    ignore: (ignore as string[] | undefined) ?? [],
    ignoreOthers: otherColumns === undefined ? undefined : otherColumns === "ignore",
    dateFormats: dateFormat === undefined ? undefined : typeof dateFormat === "string" ? [dateFormat] : dateFormat,
    fieldFormats: new Map(),
    delimiter: delimiter as string | undefined,
    compare: compare === undefined ? undefined : writtenCompare(compare, bad),
    meta: profile === undefined ? undefined : profileMeta(profile, bad),
  };
}

function writtenCompare(value: unknown, bad: (why: string) => Failure): WrittenCompare {
  const verdictWords = VERDICT_WORDS.map((w) => JSON.stringify(w)).join(" | ");
  const shape = `{ "stage": STAGE, "dueDate": COLUMN or SOURCE, "verdict": COLUMN, "words": { WORD: ${verdictWords} } }`;
  if (!isPlainObject(value)) throw bad(cli.mapFileType("compare", shape, value));
  for (const key of Object.keys(value))
    if (!["stage", "dueDate", "verdict", "words"].includes(key)) throw bad(cli.unknownCompareKey(key, shape));
  const { stage, dueDate, verdict, words } = value;
  if (stage !== undefined && !(STAGES as readonly unknown[]).includes(stage))
    throw bad(cli.mapFileType("compare.stage", `one of ${STAGES.join(", ")}`, stage));
  if (verdict !== undefined && typeof verdict !== "string")
    throw bad(cli.mapFileType("compare.verdict", "a column name", verdict));
  const pairs: [string, VerdictWord][] = [];
  if (words !== undefined) {
    if (!isPlainObject(words)) throw bad(cli.mapFileType("compare.words", `{ WORD: ${verdictWords} }`, words));
    for (const [word, to] of Object.entries(words)) {
      if (!isMember(VERDICT_WORDS, to))
        throw bad(cli.mapFileType(`compare.words.${word}`, quotedList(VERDICT_WORDS), to));
      pairs.push([word, to]);
    }
  }
  return {
    stage: stage as string | undefined,
    dueDate: dueDate === undefined ? undefined : writtenSource(dueDate, "compare.dueDate", bad),
    verdict: verdict as string | undefined,
    words: pairs,
  };
}

function profileMeta(value: unknown, bad: (why: string) => Failure): ProfileMeta {
  const shape = '{ "name": NAME, "system": SYSTEM, "source": { "title": TITLE, "url": URL }, "notes": [NOTE] }';
  if (!isPlainObject(value)) throw bad(cli.mapFileType("profile", shape, value));
  const { name, system, source, notes } = value;
  for (const key of Object.keys(value))
    if (!["name", "system", "source", "notes"].includes(key))
      throw bad(cli.mapFileType(`profile.${key}`, `absent: ${shape}`, value[key]));
  if (typeof name !== "string") throw bad(cli.mapFileType("profile.name", "a string", name));
  if (typeof system !== "string") throw bad(cli.mapFileType("profile.system", "a string", system));
  if (!isPlainObject(source) || typeof source.title !== "string" || typeof source.url !== "string")
    throw bad(cli.mapFileType("profile.source", '{ "title": TITLE, "url": URL }', source));
  if (notes !== undefined && !isStrings(notes)) throw bad(cli.mapFileType("profile.notes", "a list of strings", notes));
  return {
    name,
    system,
    source: { title: source.title, url: source.url },
    notes: (notes as string[] | undefined) ?? [],
  };
}

// ---------------------------------------------------------------------------
// The command line's layer, and the layers merged
// ---------------------------------------------------------------------------

/** The layer the command line gives: `--map`, `--set`, `--map-value`, `--ignore`, `--date-format`. */
function commandLineLayer(options: MappingOptions): Layer {
  const fields = new Map<string, Record<string, string | string[]> | { set: string }>();
  const from = new Map<string, string>();
  for (const m of options.map ?? []) {
    const { field, key, to } = splitOption("--map", m, "FIELD=COLUMN or FIELD.KEY=VALUE");
    const entry = fields.get(field);
    if (entry !== undefined && "set" in entry) throw new Failure(cli.setAndMapped(field));
    const source = (entry ?? {}) as Record<string, string | string[]>;
    fields.set(field, source);
    const k = key ?? "column";
    if (!(SOURCE_KEYS as readonly string[]).includes(k)) throw new Failure(cli.unknownSourceKey("--map", field, k));
    if (k === "yes") source.yes = [...((source.yes as string[] | undefined) ?? []), to];
    else {
      if (source[k] !== undefined)
        throw new Failure(cli.mapTwice(k === "column" ? field : `${field}.${k}`, String(source[k]), to));
      source[k] = to;
    }
    from.set(field, m);
  }
  for (const s of options.set ?? []) {
    const { field, key, to } = splitOption("--set", s, "FIELD=VALUE");
    if (key !== undefined) throw new Failure(cli.badMap("--set", s, "FIELD=VALUE"));
    if (fields.has(field)) throw new Failure(cli.setAndMapped(field));
    fields.set(field, { set: to });
  }
  const values: [string, string, string][] = [];
  for (const m of options.mapValue ?? []) {
    const colon = m.indexOf(":");
    const at = m.indexOf("=", colon);
    if (colon <= 0 || at <= colon + 1) throw new Failure(cli.badMap("--map-value", m, "FIELD:WORD=VALUE"));
    values.push([m.slice(0, colon), m.slice(colon + 1, at), m.slice(at + 1)]);
  }
  const formats = typeof options.dateFormat === "string" ? [options.dateFormat] : (options.dateFormat ?? []);
  const global: string[] = [];
  const fieldFormats = new Map<string, string[]>();
  const allFields = new Set([...CONTACT_FIELD_NAMES, ...INTERVAL_FIELD_NAMES] as string[]);
  for (const f of formats) {
    // FIELD=FORMAT for one field's column, FORMAT alone for every date column.
    const at = f.indexOf("=");
    const field = at > 0 ? f.slice(0, at) : "";
    if (allFields.has(field)) fieldFormats.set(field, [...(fieldFormats.get(field) ?? []), f.slice(at + 1)]);
    else global.push(f);
  }
  return {
    name: "the command line",
    kind: options.kind,
    fields: fields as Map<string, WrittenSource | { set: string }>,
    values,
    ignore: options.ignore ?? [],
    ignoreOthers: undefined,
    dateFormats: global.length === 0 ? undefined : global,
    fieldFormats,
    delimiter: undefined,
    compare: undefined,
    meta: undefined,
  };
}

/**
 * The mapping the options describe: a profile, then a map file, then the command line, each
 * layer's entry for a field replacing the one before (`--map` and `--set` override a
 * profile's). Refused: an unknown field, a field given twice in one layer, two fields from
 * one column, a source that does not say what it needs, a column both mapped and ignored in
 * one layer, a field whose duration counts from itself or round in a circle.
 *
 * @throws Failure naming the option and the value.
 */
export function mappingOf(options: MappingOptions): Mapping {
  const layers = [
    ...(options.profile === undefined ? [] : [options.profile]),
    ...(options.mapFile === undefined
      ? []
      : [typeof options.mapFile === "string" ? readMapFile(options.mapFile) : options.mapFile]),
    commandLineLayer(options),
  ];
  let kind: MappingKind = "contacts";
  for (const layer of layers) kind = layer.kind ?? kind;
  const vocabulary = VOCABULARIES[kind];
  const sources = new Map<string, Source>();
  const layerOf = new Map<string, number>();
  const values = new Map<string, Map<string, string>>();
  let dateFormats: readonly DateFormat[] = [];
  let ignoreOthers = false;
  layers.forEach((layer, depth) => {
    for (const [field, written] of layer.fields) {
      fieldNamed(`${layer.name}: ${"set" in written ? "set" : "columns"}`, field, vocabulary);
      const formats = layer.fieldFormats.get(field);
      const source: Source =
        "set" in written
          ? { kind: "constant", value: written.set }
          : sourceOf(
              field,
              formats === undefined ? written : { ...written, formats: [...(list(written.formats) ?? []), ...formats] },
              vocabulary.info,
              layer.name,
            );
      sources.set(field, source);
      layerOf.set(field, depth);
    }
    for (const [field, formats] of layer.fieldFormats) {
      if (layer.fields.has(field)) continue;
      fieldNamed("--date-format", field, vocabulary);
      if (!vocabulary.info.isTime(field)) throw new Failure(cli.badSource(layer.name, field, cli.notATimeField(field)));
      // A format for a field read from its own column (or the lower layer's source).
      const below = sources.get(field);
      const checked = formats.map((f) => checkDateFormat(f, `--date-format ${field}=`));
      if (below === undefined) sources.set(field, { kind: "column", column: field, formats: checked, utc: false });
      else if (below.kind === "column" || below.kind === "date-time")
        sources.set(field, { ...below, formats: [...(below.formats ?? []), ...checked] });
      else throw new Failure(cli.badSource(layer.name, field, cli.formatsOfDuration()));
      layerOf.set(field, depth);
    }
    for (const [field, from, to] of layer.values) {
      fieldNamed(`${layer.name}: values`, field, vocabulary);
      const words = values.get(field) ?? new Map<string, string>();
      values.set(field, words);
      words.set(wordKey(from), to.trim());
    }
    if (layer.dateFormats !== undefined) dateFormats = layer.dateFormats.map((f) => checkDateFormat(f));
    if (layer.ignoreOthers !== undefined) ignoreOthers = layer.ignoreOthers;
  });
  // Two fields from one column (plain columns only: a flag or a duration column may feed several).
  const byColumn = new Map<string, string>();
  for (const [field, source] of sources) {
    if (source.kind !== "column") continue;
    const other = byColumn.get(source.column);
    if (other !== undefined) throw new Failure(cli.oneColumnTwoFields(source.column, other, field));
    byColumn.set(source.column, field);
  }
  // A duration counts from a time field that is read first: no circles.
  for (const field of sources.keys()) {
    const seen = [field];
    for (
      let base = baseOf(sources.get(field) as Source);
      base !== undefined;
      base = baseOf(sources.get(base) as Source)
    ) {
      if (seen.includes(base)) throw new Failure(cli.afterCircle([...seen, base]));
      seen.push(base);
      if (!sources.has(base)) break;
    }
  }
  const used = new Map<string, number>();
  for (const [field, source] of sources)
    for (const { column } of columnsOf(source))
      used.set(column, Math.max(used.get(column) ?? 0, layerOf.get(field) ?? 0));
  const ignore = new Set<string>();
  layers.forEach((layer, depth) => {
    // The system's own due and verdict columns are reconcile's to read: a report leaves them out.
    const c = layer.compare;
    const compared =
      c === undefined ? [] : [c.verdict, c.dueDate?.column, c.dueDate?.date, c.dueDate?.time, c.dueDate?.duration];
    for (const column of compared) if (typeof column === "string" && !used.has(column)) ignore.add(column);
    for (const column of layer.ignore) {
      const mappedAt = used.get(column);
      // A higher layer's mapping of a column a lower one ignores wins; in one layer, both is refused.
      if (mappedAt === undefined) ignore.add(column);
      else if (mappedAt <= depth) {
        const field = [...sources].find(([, s]) => columnsOf(s).some((c) => c.column === column))?.[0] ?? "";
        throw new Failure(cli.mappedAndIgnored(column, field));
      }
    }
  });
  return { kind, sources, values, ignore, ignoreOthers, dateFormats, timeZone: options.timeZone ?? "UTC" };
}

const list = (v: string | readonly string[] | undefined): readonly string[] | undefined =>
  v === undefined ? undefined : typeof v === "string" ? [v] : v;

/** The comparison a layer gives (the command line's `--compare` on top), for `reconcile`; undefined when none. */
export function compareOf(layers: readonly (Layer | undefined)[], kind: MappingKind): CompareSpec | undefined {
  let written: WrittenCompare | undefined;
  for (const layer of layers) {
    const c = layer?.compare;
    if (c === undefined) continue;
    written = {
      stage: c.stage ?? written?.stage,
      dueDate: c.dueDate ?? written?.dueDate,
      verdict: c.verdict ?? written?.verdict,
      words: [...(written?.words ?? []), ...c.words],
    };
  }
  if (written === undefined) return undefined;
  const info = VOCABULARIES[kind].info;
  const timeInfo: FieldInfo = { isTime: () => true, names: info.names };
  return {
    stage: written.stage,
    dueDate: written.dueDate === undefined ? undefined : sourceOf("dueDate", written.dueDate, timeInfo, "compare"),
    verdict:
      written.verdict === undefined
        ? undefined
        : {
            column: written.verdict,
            words: new Map(written.words.map(([w, to]) => [wordKey(w), to])),
          },
  };
}

/** A layer for `compare` alone, from the command line's `--compare` and `--verdict-word`. */
export function compareLayer(
  compare: readonly string[] | undefined,
  verdictWords: readonly string[] | undefined,
  stage: string | undefined,
): Layer | undefined {
  if (compare === undefined && verdictWords === undefined && stage === undefined) return undefined;
  let dueDate: WrittenSource | undefined;
  let verdict: string | undefined;
  for (const c of compare ?? []) {
    const { field, key, to } = splitOption("--compare", c, "dueDate=COLUMN or verdict=COLUMN");
    if (key !== undefined || (field !== "dueDate" && field !== "verdict"))
      throw new Failure(cli.badMap("--compare", c, "dueDate=COLUMN or verdict=COLUMN"));
    if (field === "dueDate") dueDate = { column: to };
    else verdict = to;
  }
  const words: [string, VerdictWord][] = [];
  for (const w of verdictWords ?? []) {
    const at = w.lastIndexOf("=");
    const to = w.slice(at + 1);
    if (at <= 0 || !isMember(VERDICT_WORDS, to))
      throw new Failure(cli.badMap("--verdict-word", w, orList(VERDICT_WORDS.map((v) => `WORD=${v}`))));
    words.push([w.slice(0, at), to]);
  }
  if (stage !== undefined && !(STAGES as readonly string[]).includes(stage))
    throw new Failure(cli.oneOf("--stage", STAGES, stage));
  return {
    name: "the command line",
    kind: undefined,
    fields: new Map(),
    values: [],
    ignore: [],
    ignoreOthers: undefined,
    dateFormats: undefined,
    fieldFormats: new Map(),
    delimiter: undefined,
    compare: { stage, dueDate, verdict, words },
    meta: undefined,
  };
}

// ---------------------------------------------------------------------------
// The header: which column feeds which field
// ---------------------------------------------------------------------------

/** A field to fill from a row, and how (columns by name, and by index in a CSV or sheet row). */
export interface Step {
  readonly field: string;
  /** How the field's text is converted (looked up once). */
  readonly code: Code;
  readonly source: Source;
  /** For each column the source reads (columnsOf order), its index in the header; -1 for JSON keys. */
  readonly indexes: readonly number[];
}

/** How a header's rows are read: the steps, in an order where each duration's base comes first. */
export interface RowPlan {
  readonly steps: readonly Step[];
  /** Columns left out because the mapping does not name them (`otherColumns: ignore`), for the account. */
  readonly others: readonly string[];
}

/** The steps of a mapping, given how each column is found (`index(column)`), with each duration's base first. */
function stepsOf(sources: ReadonlyMap<string, Source>, index: (column: string) => number, kind: MappingKind): Step[] {
  const steps: Step[] = [];
  const done = new Set<string>();
  const add = (field: string) => {
    if (done.has(field)) return;
    done.add(field);
    const source = sources.get(field);
    if (source === undefined) return;
    const base = baseOf(source);
    if (base !== undefined) add(base);
    steps.push({ field, code: codeOf(kind, field), source, indexes: columnsOf(source).map((c) => index(c.column)) });
  };
  for (const field of sources.keys()) add(field);
  return steps;
}

/** Which field each column of a header gives, as a plan to read its rows, or a Failure that names the problem. */
export function planOfHeader(header: readonly string[], mapping: Mapping, name: string): RowPlan {
  const vocabulary = VOCABULARIES[mapping.kind];
  const seen = new Map<string, number>();
  header.forEach((column, i) => {
    if (seen.has(column)) throw new Failure(cli.duplicateColumn(name, column));
    seen.set(column, i);
  });
  // Columns named like a field that has no source of its own feed it.
  const sources = new Map(mapping.sources);
  const used = new Set<string>();
  for (const source of mapping.sources.values()) for (const { column } of columnsOf(source)) used.add(column);
  for (const column of header) {
    if (mapping.ignore.has(column) || used.has(column)) continue;
    if (vocabulary.names.includes(column) && !sources.has(column))
      sources.set(column, { kind: "column", column, formats: undefined, utc: false });
  }
  for (const [field, source] of mapping.sources) {
    for (const { column } of columnsOf(source))
      if (!seen.has(column)) throw new Failure(cli.mappedColumnMissing(name, field, column, header));
  }
  const known = new Set<string>();
  for (const source of sources.values()) for (const { column } of columnsOf(source)) known.add(column);
  const unknown = header.filter((c) => !known.has(c) && !mapping.ignore.has(c));
  const hints = unknown.flatMap((column) => {
    const field = nearMiss(column, vocabulary.names);
    return field === undefined ? [] : [cli.didYouMean(column, field)];
  });
  const missing = vocabulary.required.filter((f) => !sources.has(f));
  if (missing.length > 0) throw new Failure(cli.missingColumns(name, missing, header, hints));
  if (unknown.length > 0 && !mapping.ignoreOthers)
    throw new Failure(cli.unknownColumns(name, unknown, vocabulary.names, hints));
  return {
    steps: stepsOf(sources, (column) => seen.get(column) ?? -1, mapping.kind),
    others: mapping.ignoreOthers ? unknown : [],
  };
}

// ---------------------------------------------------------------------------
// Reading rows
// ---------------------------------------------------------------------------

/** The reader of `--date-format` values, once {@link readyToRead} has loaded it. */
let readDate: DateReader | undefined;

/** Loads what reading a mapping needs (date-fns, for a date format) before any row is read. */
export async function readyToRead(mapping: Mapping): Promise<void> {
  const formats =
    mapping.dateFormats.length > 0 || [...mapping.sources.values()].some((s) => formatsOf(s) !== undefined);
  if (formats) readDate ??= await dateReader();
}

function formatsOf(source: Source): readonly DateFormat[] | undefined {
  if (source.kind === "column" || source.kind === "date-time") return source.formats;
  if (source.kind === "flag") return formatsOf(source.at);
  return undefined;
}

/** A problem with one row: its message, and why it is skipped as data (the account groups rows by it). */
export class RowError extends Error {
  readonly skip: Skip;
  constructor(message: string, skip: Skip) {
    super(message);
    this.skip = skip;
  }
}

/** An instant, wall time or date from a value in the formats, tried in order; ISO 8601 text as it is when there are none. */
function instantOf(field: string, value: string, formats: readonly DateFormat[], utc: boolean): string {
  if (formats.length === 0) {
    if (value.length === 10) datesRead++;
    return utc && isWall(value) ? `${value}Z` : value;
  }
  if (readDate === undefined)
    throw new Error("readyToRead(mapping) was not awaited before reading rows in a date format");
  for (const format of formats) {
    const read = readDate(value, format);
    if (read !== undefined) {
      if (format.dateOnly) datesRead++;
      return utc && !format.instant && !format.dateOnly ? `${read}Z` : read;
    }
  }
  throw new RowError(
    cli.dateFormat(
      field,
      value,
      formats.map((f) => f.format),
    ),
    { code: "date_format" },
  );
}

/** A wall time written ISO 8601 without an offset (`2026-11-23T09:00` or `2026-11-23 09:00:00`). */
const isWall = (value: string) => /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value);

/** A cell or key's value as text, or as what the cell holds (a number, a saved date); undefined when empty. */
function cellValue(field: string, raw: unknown, mapping: Mapping): unknown {
  if (typeof raw !== "string") {
    // A spreadsheet's date cell is a wall time as saved (kept as such: formats read text only); a cell
    // with no usable value fails its row.
    if (raw instanceof WallTime) return raw;
    if (raw instanceof CellProblem) throw new RowError(raw.message, raw.skip);
    // Codes written as numbers (a CRM's option set values) map like words.
    if ((typeof raw === "number" || typeof raw === "boolean") && mapping.values.size > 0) {
      const word = mapping.values.get(field)?.get(String(raw));
      if (word !== undefined) return word === "" ? undefined : word;
    }
    return raw === null ? undefined : raw;
  }
  if (raw === "") return undefined;
  const text = raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
  if (text === "") return undefined;
  if (mapping.values.size > 0) {
    const word = mapping.values.get(field)?.get(wordKey(text));
    if (word !== undefined) return word === "" ? undefined : word;
  }
  return text;
}

/** A value converted as its field's kind says: times in their formats, counts as numbers, pauses split. */
function converted(
  field: string,
  value: unknown,
  mapping: Mapping,
  formats: readonly DateFormat[] | undefined,
  utc: boolean,
  code: Code,
): unknown {
  if (value === undefined) return undefined;
  if (value instanceof WallTime) return utc ? `${value.wall}Z` : value.wall;
  if (typeof value !== "string" || code === TEXT) return value;
  if (code === TIME) return instantOf(field, value, formats ?? mapping.dateFormats, utc);
  if (code === NUMBER) {
    if (!/^\d+(\.\d+)?$/.test(value)) throw new RowError(cli.notANumber(field, value), { code: "not_a_number", field });
    return Number(value);
  }
  return value.split(";").map((part, i) => {
    const [from, to, extra] = part.split("/").map((s) => s.trim());
    if (from === undefined || to === undefined || extra !== undefined || from === "" || to === "")
      throw new RowError(cli.badPause(i, part), { code: "bad_pause" });
    return {
      from: instantOf(`pauses[${i}].from`, from, formats ?? mapping.dateFormats, utc),
      to: instantOf(`pauses[${i}].to`, to, formats ?? mapping.dateFormats, utc),
    };
  });
}

let zones: { name: string; zone: Zone } | undefined;
function zoneOf(timeZone: string): Zone {
  if (zones?.name !== timeZone) zones = { name: timeZone, zone: getZone(timeZone) };
  return zones.zone;
}

/** A time source's value for a row: a column, a date and a time joined, or a duration after a field already read. */
function timeValue(
  field: string,
  source: TimeSource,
  get: (k: number) => unknown,
  offset: number,
  out: Readonly<Record<string, unknown>>,
  mapping: Mapping,
  code: Code,
): unknown {
  if (source.kind === "column")
    return converted(field, cellValue(field, get(offset), mapping), mapping, source.formats, source.utc, code);
  if (source.kind === "date-time") {
    const date = cellValue(field, get(offset), mapping);
    const time = cellValue(field, get(offset + 1), mapping);
    if (date === undefined && time === undefined) return undefined;
    if (date === undefined || time === undefined)
      throw new RowError(cli.halfDateTime(field, source.date, source.time), { code: "half_date_time", field });
    // A date cell of a sheet is a wall time at midnight: its date is what counts.
    const d = date instanceof WallTime ? date.wall.slice(0, 10) : String(date);
    const t =
      time instanceof WallTime ? time.wall.slice(11, 19) : typeof time === "number" ? dayFraction(time) : String(time);
    return converted(field, `${d} ${t}`, mapping, source.formats, source.utc, code);
  }
  const base = out[source.after];
  const duration = cellValue(field, get(offset), mapping);
  if (base === undefined || duration === undefined) return undefined;
  if (typeof base === "string" && base.length === 10)
    throw new RowError(cli.afterDateOnly(field, source.after, base), { code: "after_date_only", field });
  const ms = duration instanceof WallTime ? undefined : durationMs(String(duration), source.unit);
  if (ms === undefined)
    throw new RowError(cli.badDuration(field, source.duration, String(duration), source.unit), {
      code: "bad_duration",
      field,
    });
  let start: number;
  try {
    start = toEpochMs(base, zoneOf(mapping.timeZone), `contact.${source.after}`);
  } catch (error) {
    throw new RowError((error as Error).message, { code: "invalid_contact", field: source.after });
  }
  return new Date(start + ms).toISOString();
}

/** A time of day saved as a fraction of a day (a spreadsheet's time cell), as HH:mm:ss. */
function dayFraction(f: number): string {
  const s = Math.round(f * 86_400) % 86_400;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/**
 * A time read from a row the way a field's would be (its formats, UTC, two columns, a
 * duration after a field already read), for a column outside the mapping: `reconcile`'s
 * system due date. `get(k)` gives the source's k-th column (columnsOf order).
 */
export function timeOfRow(
  name: string,
  source: Source,
  get: (k: number) => unknown,
  record: Readonly<Record<string, unknown>>,
  mapping: Mapping,
): unknown {
  if (source.kind === "constant" || source.kind === "flag") return undefined;
  return timeValue(name, source, get, 0, record, mapping, TIME);
}

/** One step's value for a row. */
function stepValue(
  step: Step,
  get: (k: number) => unknown,
  out: Readonly<Record<string, unknown>>,
  mapping: Mapping,
): unknown {
  const { field, source } = step;
  switch (source.kind) {
    case "constant":
      return converted(field, source.value, mapping, undefined, false, step.code);
    case "flag": {
      const raw = get(0);
      const yes = flagValue(raw instanceof WallTime || raw instanceof CellProblem ? "" : raw, source.yes);
      if (yes === undefined)
        throw new RowError(cli.notAFlag(field, source.flag, String(raw)), { code: "not_a_flag", field });
      if (!yes) return undefined;
      const at = timeValue(field, source.at, get, 1, out, mapping, TIME);
      if (at === undefined)
        throw new RowError(cli.flagWithoutTime(field, source.flag), { code: "flag_without_time", field });
      return at;
    }
    default:
      return timeValue(field, source, get, 0, out, mapping, step.code);
  }
}

/** The record (a contact, or an interval's counts) of a CSV or Excel row. */
export function contactOfCells(cells: readonly unknown[], plan: RowPlan, mapping: Mapping): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const steps = plan.steps;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Step;
    const source = step.source;
    const indexes = step.indexes;
    if (source.kind !== "column") {
      const value = stepValue(step, (k) => cells[indexes[k] as number], record, mapping);
      if (value !== undefined) record[step.field] = value;
      continue;
    }
    // A plain column, the common case: its text as it is, or converted as its field's kind says.
    const raw = cells[indexes[0] as number];
    const value = cellValue(step.field, raw, mapping);
    if (value === undefined) continue;
    record[step.field] =
      step.code === TEXT && typeof value === "string"
        ? value
        : converted(step.field, value, mapping, source.formats, source.utc, step.code);
  }
  return record;
}

/** The JSON keys a mapping reads from, and the steps reading them (built once per mapping). */
const KEYS = new WeakMap<Mapping, { used: ReadonlySet<string>; steps: readonly Step[] }>();
function keysOf(mapping: Mapping): { used: ReadonlySet<string>; steps: readonly Step[] } {
  let keys = KEYS.get(mapping);
  if (keys === undefined) {
    const used = new Set<string>();
    for (const source of mapping.sources.values()) for (const { column } of columnsOf(source)) used.add(column);
    keys = { used, steps: stepsOf(mapping.sources, () => -1, mapping.kind) };
    KEYS.set(mapping, keys);
  }
  return keys;
}

/** The record of a JSON value: keys mapped, ignored ones dropped, fields by their own names, unknown keys an error. */
export function contactOfValue(value: unknown, mapping: Mapping): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new RowError(cli.notAnObject(Array.isArray(value) ? "an array" : value === null ? "null" : typeof value), {
      code: "not_an_object",
    });
  }
  const { used, steps } = keysOf(mapping);
  const vocabulary = VOCABULARIES[mapping.kind];
  const object = value as Record<string, unknown>;
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    if (mapping.ignore.has(key) || used.has(key)) continue;
    if (vocabulary.names.includes(key) && !mapping.sources.has(key)) {
      const v = converted(
        key,
        cellValue(key, object[key], mapping),
        mapping,
        undefined,
        false,
        CODES[mapping.kind].get(key) ?? TEXT,
      );
      if (v !== undefined) record[key] = v;
      continue;
    }
    if (mapping.ignoreOthers) continue;
    const hint = nearMiss(key, vocabulary.names);
    throw new RowError(
      `unknown key ${JSON.stringify(key)}${hint === undefined ? "" : ` (did you mean \`${hint}\`?)`}`,
      { code: "unknown_key" },
    );
  }
  for (const step of steps) {
    const columns = columnsOf(step.source);
    const v = stepValue(step, (k) => object[columns[k]?.column ?? ""], record, mapping);
    if (v !== undefined) record[step.field] = v;
  }
  return record;
}

/** Rows as records with their lines; problems with why they are skipped; text blocks left for a worker. */
export type ContactRow =
  | { readonly line: number; readonly contact: Record<string, unknown> }
  | { readonly line: number; readonly error: string; readonly skip: Skip }
  | { readonly line: number; readonly block: TextBlock; readonly plan: RowPlan };

/**
 * The record of a row of cells (or else of a JSON value), or the RowError that says why
 * the row has none; any other error is a bug, and thrown.
 */
export function contactOrError(
  cells: readonly unknown[] | undefined,
  value: unknown,
  plan: RowPlan,
  mapping: Mapping,
): Record<string, unknown> | RowError {
  try {
    return cells === undefined ? contactOfValue(value, mapping) : contactOfCells(cells, plan, mapping);
  } catch (error) {
    if (error instanceof RowError) return error;
    throw error;
  }
}

/** The record of one row of cells or one JSON value, or its located problem. */
export function contactOfRow(
  row:
    | { readonly line: number; readonly cells: readonly unknown[] }
    | { readonly line: number; readonly value: unknown },
  plan: RowPlan,
  mapping: Mapping,
): ContactRow {
  const contact =
    "cells" in row
      ? contactOrError(row.cells, undefined, plan, mapping)
      : contactOrError(undefined, row.value, plan, mapping);
  return contact instanceof RowError
    ? { line: row.line, error: contact.message, skip: contact.skip }
    : { line: row.line, contact };
}

/** A mapping as structured-clonable data, for a worker. */
export type MappingData = {
  readonly kind: MappingKind;
  readonly sources: [string, Source][];
  readonly values: [string, [string, string][]][];
  readonly ignore: string[];
  readonly ignoreOthers: boolean;
  readonly dateFormats: readonly DateFormat[];
  readonly timeZone: string;
};

export function mappingData(m: Mapping): MappingData {
  return {
    kind: m.kind,
    sources: [...m.sources],
    values: [...m.values].map(([f, words]) => [f, [...words]]),
    ignore: [...m.ignore],
    ignoreOthers: m.ignoreOthers,
    dateFormats: m.dateFormats,
    timeZone: m.timeZone,
  };
}

export function mappingOfData(d: MappingData): Mapping {
  return {
    kind: d.kind,
    sources: new Map(d.sources),
    values: new Map(d.values.map(([f, words]) => [f, new Map(words)])),
    ignore: new Set(d.ignore),
    ignoreOthers: d.ignoreOthers,
    dateFormats: d.dateFormats,
    timeZone: d.timeZone,
  };
}

/** An empty plan, for rows that come before any header (JSON). */
export const NO_PLAN: RowPlan = Object.freeze({ steps: [], others: [] });

/**
 * Turns the readers' batches of rows into records: the header is checked first (a Failure
 * stops the file); `onHeader` sees the plan (and the columns a profile leaves out).
 */
export async function* contactsOf(
  batches: AsyncIterable<RawRow[]>,
  mapping: Mapping,
  name: string,
  onHeader?: (plan: RowPlan, header: readonly string[]) => void,
): AsyncGenerator<ContactRow[]> {
  let plan: RowPlan = NO_PLAN;
  let any = false;
  for await (const rows of batches) {
    const out: ContactRow[] = [];
    for (const row of rows) {
      any = true;
      if ("header" in row) {
        plan = planOfHeader(row.header, mapping, name);
        onHeader?.(plan, row.header);
        continue;
      }
      if ("error" in row) {
        if ("fatal" in row) throw new Failure(row.error);
        out.push(row);
        continue;
      }
      if ("block" in row) out.push({ line: row.line, block: row.block, plan });
      else out.push(contactOfRow(row, plan, mapping));
    }
    if (out.length > 0) yield out;
  }
  // A header and no rows (a quiet month), or an empty JSON array, is a report of nothing.
  if (!any) throw new Failure(cli.emptyFile(name));
}

/** The contact fields (for code that needs the type). */
export type { ContactField };
