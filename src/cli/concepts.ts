/**
 * The command's own closed vocabularies, each defined once: why a row of the input is
 * skipped, the input formats, what the rows are, the verdict words of a system's export,
 * the reasons and formats of `reconcile`, and where a report's `now` came from. The types
 * derive from these tables; the words of each skip reason live in words.ts, in a table
 * typed {@link SkipWords}, so a new reason does not compile until it has its words.
 *
 * Imports nothing: every part of the command may depend on it.
 *
 * @module
 */

/** A skip reason that is about the row, not one field of it: its words are fixed. */
const ROW = "row";
/** A skip reason about one field of the contact, which its words name (`receivedAt not a number`). */
const FIELD = "field";
/** A skip reason that names a field when the problem has one (`invalid contact.respondedAt`, or `invalid contact`). */
const SOME_FIELD = "field?";

/**
 * Every reason a row of the input can be skipped for, by its code, with what the reason
 * names besides: nothing (`row`), a field of the contact (`field`), or a field when there
 * is one (`field?`). A report groups its skipped rows by code and field, and writes each
 * group's code, field and words (words.ts's `SKIP_WORDS`).
 */
export const SKIP_REASONS = Object.freeze({
  // Reading the file: a record, a line or an element that cannot be read at all.
  row_too_long: ROW,
  malformed_quote: ROW,
  unclosed_quote: ROW,
  field_count: ROW,
  not_json: ROW,
  truncated_json: ROW,
  // A cell of a workbook or a database with no usable value.
  formula_without_value: ROW,
  unreadable_cell: ROW,
  error_value: ROW,
  time_out_of_range: ROW,
  // The mapping: a row whose values do not make a contact.
  not_an_object: ROW,
  unknown_key: ROW,
  date_format: ROW,
  not_a_number: FIELD,
  bad_pause: ROW,
  half_date_time: FIELD,
  after_date_only: FIELD,
  bad_duration: FIELD,
  not_a_flag: FIELD,
  flag_without_time: FIELD,
  // Judging: a contact the charter cannot judge, or one the rules leave out.
  date_without_time: FIELD,
  interval_date_only: ROW,
  invalid_contact: SOME_FIELD,
  repeated_id: ROW,
  unmatched_channel: ROW,
  unmatched_category: ROW,
} as const);

/** The code of a reason a row is skipped for: `row_too_long`, `not_a_number`, `invalid_contact`, ... */
export type SkipReason = keyof typeof SKIP_REASONS;

/** What a skip reason carries besides its code, by what it names. */
interface Names {
  readonly [ROW]: { readonly field?: never };
  readonly [FIELD]: { readonly field: string };
  readonly [SOME_FIELD]: { readonly field?: string };
}

/** Why a row is skipped, as data: the reason's code, and the field its words name, when they name one. */
export type SkipOf<C extends SkipReason> = { readonly code: C } & Names[(typeof SKIP_REASONS)[C]];

/** Why a row is skipped, as data: `{ code: "row_too_long" }`, `{ code: "not_a_number", field: "receivedAt" }`. */
export type Skip = { readonly [C in SkipReason]: SkipOf<C> }[SkipReason];

/** The words of every skip reason, from its data: a table missing a reason does not compile. */
export type SkipWords = { readonly [C in SkipReason]: (skip: SkipOf<C>) => string };

/** True for a skip reason's code (a partial report's `code`, read from a file). */
export function isSkipReason(value: unknown): value is SkipReason {
  return typeof value === "string" && Object.hasOwn(SKIP_REASONS, value);
}

/**
 * The skip reason of a code and a field read from a file (a partial report's), or undefined
 * when they are not one: a code that is not a skip reason's, a field missing where the code
 * names one, or given where it names none.
 */
export function skipOf(code: unknown, field: unknown): Skip | undefined {
  if (!isSkipReason(code)) return undefined;
  const names = SKIP_REASONS[code];
  if (field === undefined ? names === FIELD : typeof field !== "string" || names === ROW) return undefined;
  // Checked against the table just above: the one place a Skip is made from parts.
  return (field === undefined ? { code } : { code, field }) as Skip;
}

/** True when `value` is one of the members of a closed list (a value read from an option or a file). */
export function isMember<T extends string>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

/** The formats a contact file is read in (`--input`, or the file's name and first bytes). */
export const INPUT_FORMATS = Object.freeze(["csv", "json", "ndjson", "xlsx"] as const);
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** What the rows of an export are: contacts, or interval counts (`--input intervals`, a map file's `"input"`). */
export const MAPPING_KINDS = Object.freeze(["contacts", "intervals"] as const);
export type MappingKind = (typeof MAPPING_KINDS)[number];

/** The values of `--input`: a file format, or `intervals` (rows are interval counts, their format from the file). */
export const INPUT_OPTIONS = Object.freeze([...INPUT_FORMATS, "intervals"] as const);

/** The words a system's verdict column is mapped to (`--verdict-word WORD=...`, a map file's `compare.words`). */
export const VERDICT_WORDS = Object.freeze(["met", "breached", "none"] as const);
/** A system's verdict: met, breached, or none (no verdict yet). */
export type VerdictWord = (typeof VERDICT_WORDS)[number];

/** The reasons a system's due can differ from the charter's, in the order `reconcile` tries them. */
export const RECONCILE_REASONS = Object.freeze([
  "promise",
  "holiday counted as a working day",
  "pause over a holiday",
  "pause not counted",
  "clock change",
  "receipt day counted",
  "unexplained",
] as const);
export type ReconcileReason = (typeof RECONCILE_REASONS)[number];

/** The output formats of `reconcile`. */
export const RECONCILE_FORMATS = Object.freeze(["table", "json", "csv"] as const);
export type ReconcileFormat = (typeof RECONCILE_FORMATS)[number];

/** Where a report's moment of judgement came from: the `--now` option, or the clock (`--now now`). */
export const NOW_SOURCES = Object.freeze(["option", "clock"] as const);
export type NowSource = (typeof NOW_SOURCES)[number];

/** The contact fields whose values can reach no standard of a charter (listed as unmatched). */
export const UNMATCHED_FIELDS = Object.freeze(["channel", "category"] as const);
export type UnmatchedField = (typeof UNMATCHED_FIELDS)[number];

/** The skip reason of a row whose value of a field reaches no standard (with `--strict-values`). */
export const UNMATCHED_SKIPS = Object.freeze({
  channel: "unmatched_channel",
  category: "unmatched_category",
} as const satisfies Record<UnmatchedField, SkipReason>);

/** The output formats of `report` and `merge` (`dataset` writes files to `--out`). */
export const REPORT_FORMATS = Object.freeze(["table", "json", "csv", "html", "md", "dataset"] as const);
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Who a page is for: the council's website, or its officers. */
export const AUDIENCES = Object.freeze(["public", "officer"] as const);
export type Audience = (typeof AUDIENCES)[number];

// The options of each command, as node:util's parseArgs reads them. Their help is words.ts's
// OPTION_HELP, a table over these, so a new option does not compile until it has its words.

const STRING = { type: "string" } as const;
const STRINGS = { type: "string", multiple: true } as const;
const BOOLEAN = { type: "boolean" } as const;

/** The output options of `report` and `merge`. */
export const OUTPUT_OPTIONS = Object.freeze({
  format: { type: "string", default: "table" },
  audience: STRING,
  out: STRING,
} as const);

/** How a contact file is read (`report`, `reconcile`); a database input takes none of them. */
export const FILE_OPTIONS = Object.freeze({
  input: STRING,
  delimiter: STRING,
  encoding: STRING,
  sheet: STRING,
} as const);

/** The council's mapping of an export's columns and values to contact fields (`report`, `reconcile`). */
export const MAPPING_OPTIONS = Object.freeze({
  profile: STRING,
  map: STRINGS,
  "map-file": STRING,
  "map-value": STRINGS,
  set: STRINGS,
  ignore: STRINGS,
  "date-format": STRINGS,
} as const);

/** Where `report` reads contacts from a PostgreSQL query instead of a file. */
export const DATABASE_OPTIONS = Object.freeze({
  db: STRING,
  "db-env": STRING,
  query: STRING,
  "query-file": STRING,
  "db-timeout": STRING,
} as const);

/** Every command, with its options. */
export const COMMAND_OPTIONS = Object.freeze({
  charters: { json: BOOLEAN, help: BOOLEAN },
  standards: { charter: STRING, json: BOOLEAN, help: BOOLEAN },
  profiles: { json: BOOLEAN, help: BOOLEAN },
  validate: { help: BOOLEAN },
  deadline: {
    charter: STRING,
    standard: STRING,
    received: STRING,
    acknowledged: STRING,
    explain: BOOLEAN,
    json: BOOLEAN,
    help: BOOLEAN,
  },
  calendar: { charter: STRING, from: STRING, to: STRING, json: BOOLEAN, help: BOOLEAN },
  report: {
    charter: STRING,
    now: STRING,
    by: STRING,
    "year-start": STRING,
    ...OUTPUT_OPTIONS,
    ...FILE_OPTIONS,
    ...MAPPING_OPTIONS,
    "allow-threshold": BOOLEAN,
    "check-mapping": BOOLEAN,
    quiet: BOOLEAN,
    abandoned: STRING,
    worst: STRING,
    "max-skipped": STRING,
    "keep-duplicates": BOOLEAN,
    "strict-values": BOOLEAN,
    jobs: STRING,
    ...DATABASE_OPTIONS,
    help: BOOLEAN,
  },
  merge: { ...OUTPUT_OPTIONS, charter: STRING, help: BOOLEAN },
  reconcile: {
    charter: STRING,
    now: STRING,
    ...FILE_OPTIONS,
    ...MAPPING_OPTIONS,
    compare: STRINGS,
    "verdict-word": STRINGS,
    stage: STRING,
    format: STRING,
    help: BOOLEAN,
  },
  schema: { help: BOOLEAN },
} as const);
/** A command of `council-sla`. */
export type Command = keyof typeof COMMAND_OPTIONS;
/** The options of a command, by their names without `--`. */
export type OptionOf<C extends Command> = keyof (typeof COMMAND_OPTIONS)[C] & string;
/** The commands, in the order the help lists them. */
export const COMMANDS = Object.freeze(Object.keys(COMMAND_OPTIONS) as Command[]);
