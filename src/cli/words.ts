/**
 * The command's English, in one module: one function per message about its input and its
 * use, the words of each reason a row is skipped for, and how its tables, Markdown and page
 * name the library's concepts (channels, stages, report periods, abandoned-call policies,
 * holiday regions). Each table of words is a Record over its concept's union, so a new member
 * does not compile until it has its words here. The words the library shares with the command
 * (a firmness, a status, dates) are in words.ts.
 *
 * @module
 */
import { CONTACT_FIELDS, CONTACT_FIELD_NAMES } from "../charter/vocabulary.js";
import {
  ABANDONED_POLICIES,
  FIRMNESSES,
  REPORT_PERIODS,
  STAGES,
  type AbandonedPolicy,
  type Channel,
  type Firmness,
  type ReportBy,
  type Stage,
} from "../concepts.js";
import { readDate, weekdayIndex } from "../calendar/civil.js";
import type { HolidayRegion } from "../holidays/index.js";
import { FIRMNESS_WORDS, MONTH_NAMES, WEEKDAY_NAMES } from "../words.js";
import {
  AUDIENCES,
  COMMANDS,
  DATABASE_OPTIONS,
  RECONCILE_FORMATS,
  REPORT_FORMATS,
  VERDICT_WORDS,
  isMember,
  type Command,
  type OptionOf,
  type SkipOf,
  type SkipReason,
  type SkipWords,
} from "./concepts.js";

const list = (names: readonly string[]): string => names.map((n) => JSON.stringify(n)).join(", ");

/** Control characters (ANSI escapes among them) shown as escapes, so input cannot drive the terminal. */
export function safe(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * Writes a line to the terminal (or a pipe) with its control characters escaped, whatever
 * it holds: a charter's name, a file's text, a dependency's words. Every command writes
 * through this, so untrusted text can never set a terminal's title or clear its screen.
 */
export function print(stream: { write(text: string): unknown }, text: string): void {
  stream.write(safe(text.endsWith("\n") ? text : `${text}\n`));
}

/** Items for a person, the last after "or": `WORD=met, WORD=breached or WORD=none`. */
export function orList(items: readonly string[]): string {
  const last = items[items.length - 1] ?? "";
  return items.length < 2 ? last : `${items.slice(0, -1).join(", ")} or ${last}`;
}

/** The members of a closed list for a person, each quoted: `"met", "breached" or "none"`. */
export const quotedList = (members: readonly string[]): string => orList(members.map((m) => JSON.stringify(m)));

const MAP_FILE_SHAPE =
  '{ "columns": { FIELD: COLUMN or SOURCE }, "set": { FIELD: VALUE }, "values": { FIELD: { WORD: VALUE } }, "ignore": [COLUMN], "dateFormat": FORMAT or [FORMAT], "input": "contacts" or "intervals", "otherColumns": "ignore", "delimiter": D, "compare": {...}, "profile": {...} }';
const SOURCE_KEY_LIST = "column, date, time, after, duration, unit, flag, yes, formats, zone";

export const cli = {
  unknownCommand: (command: string) => `unknown command ${JSON.stringify(command)}: try council-sla --help`,
  cannotRead: (path: string, why: string) => `cannot read ${path}: ${why}`,
  notAFile: (path: string) => `cannot read ${path}: it is a directory, not a file`,
  noSuchFile: (path: string) => `cannot read ${path}: no such file`,
  notJson: (path: string, why: string) => `${path}: not JSON: ${why}`,
  charterRequired: () => "--charter is required: a bundled charter id or a charter file",
  unknownCharter: (value: string, known: readonly string[]) =>
    `unknown charter ${JSON.stringify(value)}: --charter takes a bundled charter id (${known.join(", ")}) or the path of a charter file, and there is no such file`,
  invalidCharter: (path: string, lines: string) => `${path} is not a valid charter:\n${lines}`,
  validateNeedsFile: () => "validate needs at least one FILE",
  standardRequired: (ids: readonly string[]) => `--standard is required (${ids.join(", ")})`,
  receivedRequired: () => "--received is required, e.g. --received 2025-12-19T17:42",
  fromToRequired: () => "--from and --to are required (YYYY-MM-DD)",
  toBeforeFrom: () => "--to is before --from",
  tooManyYears: () => "at most 10 years at a time",
  reportNeedsFile: () => "report needs one CONTACTS file (or - for standard input)",
  mergeNeedsFiles: () => "merge needs at least one partial report (report --format json)",
  nowRequired: () =>
    "--now is required: the moment of judgement, e.g. --now 2026-12-31T17:00, or --now now for the clock (a report must be reproducible)",
  oneOf: (option: string, values: readonly string[], got: string) =>
    `${option} must be ${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}, got ${JSON.stringify(got)}`,
  badNumber: (option: string, what: string, got: string) => `${option} must be ${what}, got ${JSON.stringify(got)}`,
  badMap: (option: string, got: string, form: string) =>
    `${option} must be written ${form}, got ${JSON.stringify(got)}`,
  unknownField: (option: string, field: string, fields: readonly string[]) =>
    `${option}: ${JSON.stringify(field)} is not a contact field (${fields.join(", ")})`,
  badMapFile: (name: string, why: string) => `${name}: ${why}`,
  mapFileShape: () => `a map file is an object ${MAP_FILE_SHAPE}`,
  mapFileUnknownKey: (key: string, isField: boolean) =>
    `unknown key ${JSON.stringify(key)}${isField ? ` (a contact field: put it under "columns", as { "columns": { ${JSON.stringify(key)}: COLUMN } }, or under "set" for a constant)` : ""}; a map file is ${MAP_FILE_SHAPE}`,
  unknownSourceKey: (where: string, field: string, key: string) =>
    `${where}: ${JSON.stringify(`${field}.${key}`)}: ${JSON.stringify(key)} is not a key of a field's source (${SOURCE_KEY_LIST})`,
  unknownSourceKeyIn: (at: string, key: string, keys: readonly string[]) =>
    `${at}: unknown key ${JSON.stringify(key)} (a field's source has ${keys.join(", ")})`,
  badSource: (where: string, field: string, why: string) => `${where}: ${field}: ${why}`,
  notATimeField: (field: string) =>
    `${field} is not a time, so it cannot be read from a date and a time, a duration, a flag or date formats`,
  badZone: (zone: string) =>
    `"zone" may only be UTC (for a column whose times are UTC, such as "Call Start Time UTC"); other times are wall times in the charter's zone, got ${JSON.stringify(zone)}`,
  sourceConflict: (keys: readonly string[]) => `give only one of ${keys.map((k) => JSON.stringify(k)).join(", ")}`,
  sourceNeeds: (have: string, need: string, what: string) =>
    `${JSON.stringify(have)} needs ${JSON.stringify(need)}: ${what}`,
  afterNotATime: (after: string, names: readonly string[]) =>
    `"after" must name a time field (${names.join(", ")}), got ${JSON.stringify(after)}`,
  afterItself: (field: string) => `${field} cannot be a duration after itself`,
  afterCircle: (fields: readonly string[]) =>
    `durations after other fields go round in a circle (${fields.join(" after ")}): one of them must come from a column`,
  badUnit: (unit: string, units: readonly string[]) =>
    `"unit" must be ${units.slice(0, -1).join(", ")} or ${units[units.length - 1]}, got ${JSON.stringify(unit)}`,
  formatsOfDuration: () => "a duration after another field has no date formats or zone: it is counted from that field",
  unitWithoutDuration: () => '"unit" belongs to a duration: give "after" and "duration" with it',
  flagNeedsTime: () =>
    'a flag sets an event at a time: give it as "column", as "date" and "time", or as "after" and "duration"',
  sourceEmpty: () => 'give "column", "date" and "time", or "after" and "duration"',
  yesWithoutFlag: () => '"yes" lists the words of a flag: give "flag" with it',
  setAndMapped: (field: string) =>
    `the field ${field} is both set to a constant and read from a column in one place: keep one`,
  unknownCompareKey: (key: string, shape: string) => `compare: unknown key ${JSON.stringify(key)}; compare is ${shape}`,
  dateWithoutTime: (field: string, value: string, why: string) =>
    `${field} is a date without a time (${value}), and ${why}`,
  needsTimeElapsed: (limit: string) => `${limit} is counted in real time, so it needs the time of day`,
  needsTimeClock: (limit: string) => `${limit} counts from the clock time, so it needs the time of day`,
  needsTimeCutoff: (limit: string) =>
    `the charter has a receipt cut-off, so ${limit} needs the time of receipt to know its day 0`,
  needsTimeDue: (limit: string, dueAt: string) =>
    `${limit} falls due at ${dueAt === "close-of-business" ? "the close of business" : "the receipt's clock time"}, so it needs the time of day`,
  progress: (rows: number, rate: number, share: number | undefined, leftMs: number | undefined) =>
    `${rows.toLocaleString("en-GB")} rows read, ${Math.round(rate).toLocaleString("en-GB")} a second${share === undefined ? "" : `, ${Math.floor(share * 100)}% of the file`}${leftMs === undefined ? "" : `, about ${leftMs < 60_000 ? `${Math.ceil(leftMs / 1000)} s` : `${Math.ceil(leftMs / 60_000)} min`} left`}`,
  ignoredOthers: (name: string, columns: readonly string[]) =>
    `${name}: left out, as the profile says of columns it does not name: ${list(columns)}`,
  checkMappingTitle: (name: string, rows: number, kind: string) =>
    `${name}: the header and the first ${rows.toLocaleString("en-GB")} row${rows === 1 ? "" : "s"}, read as ${kind === "intervals" ? "interval counts" : "contacts"}`,
  reachesNothing: () => "(no standard: listed as unmatched in a report)",
  categoryReachesNothing: () => "(no standard has this category: only the channel's general standards judge it)",
  checkMappingProblems: (count: number, first: readonly string[]) =>
    `${count} of them could not be read:\n${first.map((f) => `  ${f}`).join("\n")}`,
  checkMappingDone: () => "Nothing was judged (--check-mapping): run the same command without it for the report.",
  reconcileNeedsFile: () => "reconcile needs one FILE: the system's export (or - for standard input)",
  reconcileIntervals: () => "reconcile compares contacts' due dates and verdicts: interval counts have none",
  reconcileNeedsCompare: () =>
    "reconcile needs what to compare: --compare dueDate=COLUMN (the system's due date) and/or --compare verdict=COLUMN with --verdict-word WORD=met and WORD=breached, or a --profile that names them",
  compareColumnMissing: (name: string, column: string, header: readonly string[]) =>
    `${name}: the column ${JSON.stringify(column)} to compare is not in the header. Columns found: ${list(header)}.`,
  reconcileTitle: (name: string, rows: number, compared: number, agreed: number, disagreed: number) =>
    `${name}: ${rows.toLocaleString("en-GB")} rows read, ${compared.toLocaleString("en-GB")} compared: the system and the charter agree on ${agreed.toLocaleString("en-GB")} and disagree on ${disagreed.toLocaleString("en-GB")}.`,
  notCompared: (items: readonly string[]) => `Not compared: ${items.join("; ")}.`,
  unknownVerdictWords: (words: readonly string[]) =>
    `The system's verdicts in words no --verdict-word names (not compared): ${words.join(", ")}.`,
  reconcileProblems: (count: number) =>
    `${count.toLocaleString("en-GB")} row${count === 1 ? "" : "s"} could not be read (each on standard error): exit status 1.`,
  reasonPromise: (own: string, due: string) =>
    `a promise: the acknowledgement promised a response by ${due}, which extends the charter's own due (${own}); the system kept the own due`,
  reasonHoliday: (days: string) =>
    `${days} counted as ${days.includes(" and ") ? "working days" : "a working day"} by the system; the charter's calendar does not work ${days.includes(" and ") ? "them" : "it"}`,
  reasonPause: (days: string, direction: string, n: number) =>
    `a pause over a holiday: the case was on hold over ${days}, and the system's due is ${n} working day${n === 1 ? "" : "s"} ${direction} (it counts the holiday in the paused time differently)`,
  reasonUnpaused: (from: string, to: string, holidays: string, counted: string) =>
    `the case was on hold from ${from} to ${to}${holidays === "" ? "" : `, over ${holidays}`}, and the system's clock did not stop for it${counted === "" ? "" : ` (and it counted ${counted} as working days)`}`,
  reasonReceiptDay: (day: string) =>
    `the system counts the day of receipt (${day}) as day 1; the charter counts from the next working day`,
  reasonClockChange: (direction: string, hours: number) =>
    `a clock change between receipt and due: the system counted the limit on the wall clock, so its due is ${hours} hour${hours === 1 ? "" : "s"} ${direction}`,
  reasonUnexplained: (workingDays: number | undefined, seconds: number) =>
    `unexplained: the system's due is ${workingDays === undefined ? `${Math.abs(seconds)} seconds` : `${Math.abs(workingDays)} working day${Math.abs(workingDays) === 1 ? "" : "s"}`} ${(workingDays ?? seconds) >= 0 ? "later" : "earlier"} than the charter's`,
  reasonVerdictOnly: () =>
    "unexplained: the dues agree (or the system gives none), and no other reading of the due gives the system's verdict",
  thresholdSet: (value: string, standardId: string, limit: number) =>
    `thresholdSeconds is set to ${value} seconds, but ${standardId} has a limit of ${limit} seconds: counts within ${value} seconds cannot judge it (--allow-threshold says the difference is deliberate, and the report then lists it)`,
  intervalDateOnly: (value: string) =>
    `intervalStart is a date without a time (${value}): an interval's counts need the time it began`,
  noProfiles: () => "the profiles/ directory of the package is missing: reinstall council-sla",
  unknownProfile: (name: string, names: readonly string[]) =>
    `unknown profile ${JSON.stringify(name)}: the profiles are ${names.join(", ")} (council-sla profiles lists them with their systems)`,
  profileWithoutSource: (name: string) =>
    `the profile ${name} does not say which system and documentation page it comes from ("profile": { "name", "system", "source" })`,
  notANumber: (field: string, value: string) => `${field} ${JSON.stringify(value)} is not a number`,
  halfDateTime: (field: string, date: string, time: string) =>
    `${field} is read from the columns ${JSON.stringify(date)} (its date) and ${JSON.stringify(time)} (its time), and one of them is empty`,
  afterDateOnly: (field: string, after: string, base: string) =>
    `${field} is a duration after ${after}, which is a date without a time (${base})`,
  badDuration: (field: string, column: string, value: string, unit: string) =>
    `${field}: the column ${JSON.stringify(column)} holds ${JSON.stringify(value)}, which is not a duration in ${unit}`,
  notAFlag: (field: string, column: string, value: string) =>
    `${field}: the flag column ${JSON.stringify(column)} holds ${JSON.stringify(value)}, neither yes nor no (yes, y, true, 1 / no, n, false, 0; or list its words with "yes")`,
  flagWithoutTime: (field: string, column: string) =>
    `${field}: the flag ${JSON.stringify(column)} says yes, but the time it sets is empty`,
  mapFileType: (path: string, what: string, got: unknown) =>
    `${path} must be ${what}, got ${got === null ? "null" : Array.isArray(got) ? "an array" : typeof got === "object" ? "an object" : JSON.stringify(got)}`,
  mapTwice: (field: string, a: string, b: string) =>
    `--map names the field ${field} twice (${JSON.stringify(a)} and ${JSON.stringify(b)}): which column gives it is unclear`,
  oneColumnTwoFields: (column: string, a: string, b: string) =>
    `the column ${JSON.stringify(column)} is mapped to both ${a} and ${b}: map each field to a column of its own`,
  mappedAndIgnored: (column: string, field: string) =>
    `the column ${JSON.stringify(column)} is both mapped (to ${field}) and ignored`,
  mappedColumnMissing: (name: string, field: string, column: string, header: readonly string[]) =>
    `${name}: ${field} is mapped to the column ${JSON.stringify(column)}, which the header does not have. Columns found: ${list(header)}.`,
  emptyFile: (name: string) => `${name} is empty: no header and no contacts`,
  notContacts: (name: string, why: string) =>
    `${name} is not a contact file (CSV with a header, a JSON array, NDJSON or .xlsx): ${why}`,
  binary: (name: string) => `${name} looks like a binary file, not CSV, JSON or NDJSON`,
  zipNotCsv: (name: string) =>
    `${name} is a zip file, such as an Excel workbook: name it .xlsx or read it with --input xlsx`,
  utf16WithoutBom: (name: string, encoding: string) =>
    `${name} looks like UTF-16 text without a byte-order mark: read it with --encoding ${encoding}`,
  badEncoding: (name: string, encoding: string, offset: number, line: number, byte: number | undefined) =>
    `${name}:${line}: the byte ${byte === undefined ? "there" : `0x${byte.toString(16).padStart(2, "0").toUpperCase()}`} at offset ${offset} is not valid ${encoding.toUpperCase()}: name the file's encoding with --encoding (for example windows-1252)`,
  unknownEncoding: (encoding: string) =>
    `--encoding ${JSON.stringify(encoding)} is not an encoding this Node.js can decode (for example utf-8, utf-16le, windows-1252, iso-8859-1)`,
  missingColumns: (name: string, missing: readonly string[], found: readonly string[], hints: readonly string[]) =>
    `${name}: missing the required column${missing.length === 1 ? "" : "s"} ${list(missing)}. Columns found: ${list(found)}.${hints.length > 0 ? ` ${hints.join(" ")}` : ""} Map a column with --map FIELD=COLUMN.`,
  unknownColumns: (name: string, unknown: readonly string[], expected: readonly string[], hints: readonly string[]) =>
    `${name}: column${unknown.length === 1 ? "" : "s"} ${list(unknown)} ${unknown.length === 1 ? "is" : "are"} neither a contact field nor mapped nor ignored. Contact fields: ${expected.join(", ")}.${hints.length > 0 ? ` ${hints.join(" ")}` : ""} Map with --map FIELD=COLUMN or leave out with --ignore COLUMN.`,
  didYouMean: (column: string, field: string) => `${JSON.stringify(column)}: did you mean \`${field}\`?`,
  duplicateColumn: (name: string, column: string) =>
    `${name}: the column ${JSON.stringify(column)} appears more than once in the header, so which value counts is unclear`,
  mappedTwice: (field: string, columns: readonly string[]) =>
    `the field ${field} is given by more than one column (${list(columns)})`,
  fieldCount: (got: number, want: number) => `${got} field${got === 1 ? "" : "s"} where the header has ${want}`,
  unclosedQuote: (lines: number) =>
    `a quoted field is not closed within ${lines.toLocaleString("en-GB")} lines, or its record has the wrong number of fields: an unmatched " (the row is this line; reading goes on at the next)`,
  malformedQuote: () => 'a quoted field is followed by text before the next delimiter ("X"Y): the record is malformed',
  badHeader: (why: string) => `the header line cannot be read: ${why}`,
  rowTooLong: (limit: number) =>
    `a row or line longer than ${limit.toLocaleString("en-GB")} characters (an unclosed quote, or not line-delimited?)`,
  notAnObject: (what: string) => `expected a contact object, got ${what}`,
  jsonNotArray: (name: string, got: string) =>
    `${name}: a JSON contact file must be an array of contacts (or NDJSON, one per line), got ${got}`,
  truncatedJson: (name: string) => `${name}: the JSON array is not closed: the file is truncated`,
  badJsonRow: (why: string) => `not JSON: ${why}`,
  weekYearToken: (option: string, format: string) =>
    `${option} ${JSON.stringify(format)}: Y is the week-numbering year, which differs from the calendar year around New Year: write yyyy for the calendar year`,
  dayOfYearToken: (option: string, format: string) =>
    `${option} ${JSON.stringify(format)}: D is the day of the year: write dd for the day of the month`,
  incompleteDateFormat: (option: string, format: string, missing: readonly string[]) =>
    `${option} ${JSON.stringify(format)} has no ${missing.join(", no ")}: a date needs a year, a month and a day (or an epoch, T or t)`,
  dateFormat: (field: string, value: string, formats: readonly string[]) =>
    `${field} ${JSON.stringify(value)} does not match --date-format ${formats.map((f) => JSON.stringify(f)).join(" or ")}`,
  badPause: (index: number, part: string) => `pauses[${index}] must be written from/to, got ${JSON.stringify(part)}`,
  xlsxMissing: () => "reading .xlsx files needs the yauzl and saxes packages: npm install yauzl saxes",
  xlsxTooLarge: (path: string, part: string, size: number, limit: number) =>
    `${path}: its part ${part} is ${size.toLocaleString("en-GB")} bytes uncompressed, more than the ${limit.toLocaleString("en-GB")} read: export the sheet as CSV instead`,
  xlsxTooManyStrings: (path: string, strings: number, chars: number) =>
    `${path}: its table of shared strings holds more than ${strings.toLocaleString("en-GB")} strings or ${chars.toLocaleString("en-GB")} characters: export the sheet as CSV instead`,
  xlsxNoVisibleSheet: (path: string) => `${path}: every sheet is hidden: name the one to read with --sheet`,
  xlsxNoSavedValue: (ref: string) =>
    `cell ${ref} is a formula with no saved value (open the workbook in a spreadsheet and save it, so that its values are stored)`,
  xlsxErrorValue: (ref: string, error: string) => `cell ${ref} holds the error value ${error}`,
  xlsxBadCell: (ref: string, why: string) => `cell ${ref} cannot be read: ${why}`,
  xlsxBadHeader: (path: string, why: string) => `${path}: the header row cannot be read: ${why}`,
  xlsxSheet: (name: string, sheets: readonly string[]) => `no sheet ${JSON.stringify(name)} (sheets: ${list(sheets)})`,
  xlsxUnreadable: (path: string, why: string) => `${path} is not a readable .xlsx workbook: ${why}`,
  notAReport: (path: string) => `${path} is not a partial report: write one with council-sla report --format json`,
  badPartial: (path: string, field: string, got: unknown) =>
    `${path} is not a partial report: ${field} is ${got === undefined ? "missing" : Array.isArray(got) ? "an array" : typeof got === "object" && got !== null ? "not of the right shape" : JSON.stringify(got)}`,
  partialCounts: (path: string, what: string) => `${path} is not a consistent partial report: ${what}`,
  skipWordsDiffer: (at: string, reason: string, code: string, words: string) =>
    `${at}.reason is ${JSON.stringify(reason)}, but the words of its code ${code} are ${JSON.stringify(words)}`,
  sameInputTwice: (a: string, b: string, name: string, sha256: string) =>
    `${a} and ${b} are both reports of the input ${name} (SHA-256 ${sha256.slice(0, 12)}…): merging them would count its rows twice`,
  otherCharter: (id: string, print: string, given: string, other: string) =>
    `the reports were made with the charter ${JSON.stringify(id)} whose fingerprint is ${print}, and ${JSON.stringify(given)} has the fingerprint ${other}: give --charter the charter (or charter file) the reports were made with`,
  tooManySkipped: (skipped: number, allowed: string) =>
    `${skipped} row${skipped === 1 ? "" : "s"} skipped, more than --max-skipped ${allowed} allows`,
  skippedLine: (name: string, line: number, id: string | undefined, message: string) =>
    `${name}:${line}: skipped${id === undefined ? "" : ` (id ${id})`}: ${message}`,
  moreSkipped: (name: string, reason: string) =>
    `${name}: more rows skipped for the same reason (${reason}) are counted, not printed`,
  repeatedId: (id: string) =>
    `the id ${JSON.stringify(id)} is an earlier row's: the first row with an id is the one judged (--keep-duplicates judges every row)`,
  reachesNoStandard: (field: string, value: string) =>
    `the ${field} ${JSON.stringify(value)} reaches no standard of the charter (--strict-values): map it with --map-value ${field}:WORD=VALUE`,
  otherValues: () => "(other values)",
  accountBroken: (read: number, judged: number, skipped: number, future: number) =>
    `internal error: ${read} rows read, but ${judged} judged + ${skipped} skipped + ${future} future is ${judged + skipped + future}`,
  usingClock: (now: string) => `judged at ${now} (--now now: the current time)`,
  audienceFormat: (format: string) =>
    `--audience applies to --format html and md (the page and its Markdown), not to --format ${format}`,
  datasetNeedsOut: () => "--format dataset needs --out DIR: the directory for performance.csv and datapackage.json",
  outNeedsDataset: (format: string) => `--out is the directory of --format dataset, not of --format ${format}`,
  yearStartNeedsBy: () =>
    "--year-start needs --by: it says when the year of quarters, financial years and years to date starts",
  badYearStart: (value: string, by: string) =>
    by === "month"
      ? `--year-start must be the first of a month, MM-01, with --by month (months split into years only then), got ${JSON.stringify(value)}`
      : `--year-start must be a month and a day written MM-DD, with a day from 01 to 28 (04-01 for the UK financial year, 01-01 for the calendar year), got ${JSON.stringify(value)}`,
  wroteDataset: (csv: string, json: string) => `wrote ${csv} and ${json}`,
  // Reading from a database (--db).
  needsDb: (option: string) => `${option} reads from a database: give --db URL or --db-env NAME with it`,
  dbTwice: () => "--db and --db-env both name the database: give one of them",
  dbAndFile: () => "report reads either a CONTACTS file or a database (--db or --db-env), not both",
  fileOption: (option: string) =>
    `${option} is an option of contact files; a query's columns and types say what --db rows hold`,
  dbEnvUnset: (name: string) =>
    `--db-env ${name}: the environment variable ${name} is not set (it should hold the database's URL, postgresql://USER@HOST:PORT/DATABASE)`,
  dbNotPostgres: (from: string, shown: string) =>
    `${from} must be a PostgreSQL URL, postgresql://USER@HOST:PORT/DATABASE, got ${JSON.stringify(shown)} (MySQL, MariaDB and SQL Server are not yet supported)`,
  queryTwice: () => "--query and --query-file both give the query: give one of them",
  queryNeeded: () => "--db needs the query that gives the contacts: --query SQL or --query-file FILE",
  queryEmpty: (option: string) => `${option} holds no statement: give one SELECT (or WITH ... SELECT)`,
  queryStatements: (option: string, n: number) =>
    `${option} holds ${n} statements: give one SELECT or WITH statement (the contacts are one query's rows)`,
  queryNotSelect: (option: string, word: string) =>
    `${option} must be one SELECT or WITH statement, got ${word === "" ? "something else" : word}: the command only reads, and refuses anything else before sending it`,
  queryUnclosed: (what: string) => `the query has ${what} that is not closed`,
  dbMissing: () =>
    "reading from PostgreSQL needs the optional packages pg and pg-query-stream: npm install pg pg-query-stream",
  dbConnect: (shown: string, why: string) => `cannot connect to ${shown}: ${why}`,
  dbNoPassword: (shown: string) =>
    `cannot connect to ${shown}: the server asks for a password and none was given: set PGPASSWORD, add the database to ~/.pgpass (or the file PGPASSFILE names), or put the URL with its password in an environment variable for --db-env`,
  dbZone: (name: string, zone: string, why: string) =>
    `${name}: the server does not know the charter's time zone ${zone}, in which the query's times are read: ${why}`,
  dbQuery: (name: string, why: string, where: string | undefined) =>
    `${name}: the query failed: ${why}${where === undefined ? "" : ` (at ${where} of the query)`}`,
  dbTimeout: (name: string, timeout: string) =>
    `${name}: the server stopped the query after --db-timeout ${timeout} (which bounds the whole read, the last row's fetch included): give a longer --db-timeout, or a query that reads less`,
  dbCancelled: (name: string) =>
    `${name}: cancelled (Ctrl-C): the query was cancelled on the server, and no report was written`,
  dbUnreadableTime: (column: string, text: string) =>
    `the column ${JSON.stringify(column)} holds ${JSON.stringify(text)}, not a time from the year 1 to 9999`,
};

/**
 * The words of each reason a row is skipped for, as the report writes them beside the code: on
 * standard error, in `--format json`'s `input.skipped.reasons[].reason`, in the table's account
 * and on the page. Typed over every code of SKIP_REASONS, so a new reason needs its words here.
 */
export const SKIP_WORDS: SkipWords = {
  row_too_long: () => "row too long",
  malformed_quote: () => "malformed quoted field",
  unclosed_quote: () => "unclosed quote",
  field_count: () => "wrong number of fields",
  not_json: () => "not JSON",
  truncated_json: () => "truncated JSON",
  formula_without_value: () => "formula without a saved value",
  unreadable_cell: () => "unreadable cell",
  error_value: () => "error value in a cell",
  time_out_of_range: () => "time outside the years 1 to 9999",
  not_an_object: () => "not a contact object",
  unknown_key: () => "unknown key",
  date_format: () => "date does not match --date-format",
  not_a_number: ({ field }) => `${field} not a number`,
  bad_pause: () => "pauses not written from/to",
  half_date_time: ({ field }) => `${field} date or time missing`,
  after_date_only: ({ field }) => `${field} after a date without a time`,
  bad_duration: ({ field }) => `${field} duration not read`,
  not_a_flag: ({ field }) => `${field} flag neither yes nor no`,
  flag_without_time: ({ field }) => `${field} flag without a time`,
  date_without_time: ({ field }) => `${field} without a time`,
  interval_date_only: () => "intervalStart without a time",
  invalid_contact: ({ field }) => (field === undefined ? "invalid contact" : `invalid contact.${field}`),
  repeated_id: () => "repeated id",
  unmatched_channel: () => "unmatched channel",
  unmatched_category: () => "unmatched category",
};

/** The words of why a row is skipped: `receivedAt not a number`, `invalid contact.respondedAt`. */
export function skipWords<C extends SkipReason>(skip: SkipOf<C>): string {
  const words: SkipWords[C] = SKIP_WORDS[skip.code];
  return words(skip);
}

// The library's concepts, as the command's outputs name them.

/** A table's words for a value read from a file, which may be one the table does not have: then the value itself. */
export function wordsFor<K extends string>(table: Readonly<Record<K, string>>, value: unknown): string {
  const key = String(value);
  return Object.hasOwn(table, key) ? table[key as K] : key;
}

/** What a standard's contacts are called, in a title: "65% of calls answered within 20 seconds". */
export const CHANNEL_PLURAL: Readonly<Record<Channel, string>> = {
  telephone: "calls",
  voicemail: "voice messages",
  email: "emails",
  letter: "letters",
  fax: "faxes",
  visit: "visitors",
  "web-form": "web forms",
  "social-media": "social media messages",
};

/** A channel before a category's contacts: "complaints by email or letter". */
export const CHANNEL_SINGULAR: Readonly<Record<Channel, string>> = {
  telephone: "telephone",
  voicemail: "voicemail",
  email: "email",
  letter: "letter",
  fax: "fax",
  visit: "visit",
  "web-form": "web form",
  "social-media": "social media",
};

/** What was done to a contact at each stage, in a title: "calls answered within 20 seconds". */
export const STAGE_DONE: Readonly<Record<Stage, string>> = {
  answer: "answered",
  attend: "seen",
  acknowledge: "acknowledged",
  respond: "answered in full",
};

/** "Sunday 31 January 2027" (or "31 January 2027" with `weekday: false`), from `YYYY-MM-DD` or the start of an ISO instant. */
export function dateInWords(iso: string, weekday = true): string {
  const day = readDate(iso.slice(0, 10));
  if (day === undefined) return iso;
  const date = `${Number(iso.slice(8, 10))} ${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
  return weekday ? `${WEEKDAY_NAMES[weekdayIndex(day)]} ${date}` : date;
}

const monthName = (iso: string): string => MONTH_NAMES[Number(iso.slice(5, 7)) - 1] ?? iso;
const monthYear = (iso: string): string => `${monthName(iso)} ${iso.slice(0, 4)}`;

/**
 * Each report period in words, from its key and its first and last days (`YYYY-MM-DD`):
 * its name in a sentence ("by financial year"), its title over a row ("2026/27 Q1: April to
 * June 2026") and its short name on a chart's axis ("Q1").
 */
export const PERIOD_WORDS: Readonly<
  Record<
    ReportBy,
    {
      readonly name: string;
      readonly title: (key: string, start: string, end: string) => string;
      readonly tick: (key: string, start: string) => string;
    }
  >
> = {
  month: {
    name: "month",
    title: (_key, start) => monthYear(start),
    tick: (_key, start) => monthName(start).slice(0, 3),
  },
  week: {
    name: "week",
    title: (key, start, end) =>
      `week ${Number(key.slice(-2))}: ${dateInWords(start, false)} to ${dateInWords(end, false)}`,
    tick: (_key, start) => `${Number(start.slice(8, 10))} ${monthName(start).slice(0, 3)}`,
  },
  quarter: {
    name: "quarter",
    title: (key, start, end) =>
      `${key}: ${monthName(start)}${start.slice(0, 4) === end.slice(0, 4) ? "" : ` ${start.slice(0, 4)}`} to ${monthYear(end)}`,
    tick: (key) => key.slice(key.lastIndexOf(" ") + 1),
  },
  "financial-year": {
    name: "financial year",
    title: (key, start, end) => `${key}: ${monthYear(start)} to ${monthYear(end)}`,
    tick: (key) => key,
  },
};

/** What the page says of abandoned calls under each policy, when the charter has standards that answer or attend. */
export const ABANDONED_WORDS: Readonly<Record<AbandonedPolicy, string>> = {
  "by-limit": "A call ended by the caller before the time limit is not counted; one ended after it counts as not met.",
  missed: "A call ended by the caller before it was answered counts as not met.",
  excluded: "A call ended by the caller before it was answered is not counted.",
};

/** The holidays a working day excludes, by the bundled region. */
export const REGION_WORDS: Readonly<Record<HolidayRegion, string>> = {
  "GB-ENG": "bank holidays in England and Wales",
  "GB-SCT": "bank holidays in Scotland",
  "GB-NIR": "bank holidays in Northern Ireland",
  "GB-UK": "bank holidays in any part of the UK",
  "CA-ON": "Ontario's public holidays",
};

/** "we will": each firmness as the charter's own words, for a table cell. */
export const FIRMNESS_SAYS: Readonly<Record<Firmness, string>> = Object.fromEntries(
  FIRMNESSES.map((f) => [f, FIRMNESS_WORDS[f].says]),
) as Record<Firmness, string>;

/** "We will": a firmness opening the page's sentence. */
export const firmnessOpening = (firmness: Firmness): string => {
  const says = FIRMNESS_WORDS[firmness].says;
  return says.charAt(0).toUpperCase() + says.slice(1);
};

// The help of each command.

/** Each command in the main help's list. */
export const COMMAND_WORDS: Readonly<Record<Command, string>> = {
  charters: "list the bundled charters and their standards",
  standards: "a charter's standards with the channels, categories and events an export must give",
  profiles: "the profiles for council systems' exports (report --profile NAME)",
  validate: "check charter files; each problem with its JSON path and line:column",
  deadline: "when a standard falls due for a contact, and why",
  calendar: "working and non-working days between two dates",
  report: "how contacts fare against a charter's standards",
  merge: "combine partial reports into the report of the whole",
  reconcile: "where a system's own due dates and verdicts disagree with the charter's, and why",
  schema: "print the charter JSON Schema",
};

// The lines that several commands print alike (each command aligns its own descriptions).
const CHARTER_LINE = `  --charter ID|FILE   a bundled charter id or a charter file`;
const NOW_LINE = `  --now INSTANT|now      the moment of judgement (required): a fixed instant, or now for the clock`;
const OUT_LINE = `  --out DIR              the directory for --format dataset`;
const DELIMITER_LINE = `  --delimiter ,|;|tab|'|'   the CSV delimiter (default: the header line's most frequent)`;
const SHEET_LINE = `  --sheet NAME           the sheet of an .xlsx file (default: the first visible one)`;

/**
 * Each option of each command in its help, as the lines it prints, in the order it prints
 * them; `null` for an option the help describes elsewhere (in its usage line, or as another
 * command's). Every option but `--help` has an entry, so a new option does not compile
 * until it has its words.
 */
export const OPTION_HELP: { readonly [C in Command]: Readonly<Record<Exclude<OptionOf<C>, "help">, string | null>> } = {
  charters: {
    json: `  --json   print them as JSON`,
  },
  standards: {
    charter: CHARTER_LINE,
    json: `  --json              print them as JSON`,
  },
  profiles: {
    json: `  --json   print them as JSON`,
  },
  validate: {},
  deadline: {
    charter: CHARTER_LINE,
    standard: `  --standard ID       a standard id, e.g. email.respond`,
    received: `  --received INSTANT  e.g. 2025-12-19T17:42 (local to the charter) or 2025-12-19T17:42:00Z`,
    acknowledged: `  --acknowledged INSTANT  for standards that count from the acknowledgement`,
    explain: `  --explain           print the reasoning in plain English`,
    json: `  --json              print the deadline as JSON (with its trace)`,
  },
  calendar: {
    charter: CHARTER_LINE,
    from: `  --from DATE         the first date, YYYY-MM-DD`,
    to: `  --to DATE           the last date, YYYY-MM-DD (at most 10 years after --from)`,
    json: `  --json              print the days as JSON`,
  },
  report: {
    charter: null,
    now: NOW_LINE,
    by: `  --by ${REPORT_PERIODS.join("|")}   a row per standard and period of receipt (local
                         month, ISO week, quarter or financial year), each with its year to date`,
    "year-start": `  --year-start MM-DD     the first day of the reporting year (default: 04-01, the UK financial
                         year; 01-01 for the calendar year, as Ontario municipalities report)`,
    format: `  --format ${REPORT_FORMATS.join("|")}   output (default: table); json is a partial report
                         for merge; dataset writes performance.csv and datapackage.json to --out`,
    audience: `  --audience ${AUDIENCES.join("|")}   for html and md: public (the default) is the page for the
                         council's website; officer adds the worst breaches with references,
                         the charter's assumptions and the input account`,
    out: OUT_LINE,
    input: `  --input csv|json|ndjson|xlsx|intervals   the format (default: from the name or the content);
                         intervals: rows are interval counts (intervalStart, intervalMinutes,
                         channel, offered, answered, answeredWithin, thresholdSeconds, abandoned,
                         abandonedWithin, abandonThresholdSeconds), judged for telephone standards`,
    delimiter: DELIMITER_LINE,
    encoding: `  --encoding NAME        the file's text encoding when it is not UTF-8 or UTF-16 with a
                         byte-order mark, e.g. windows-1252`,
    sheet: SHEET_LINE,
    profile: `  --profile NAME         a system's export as council-sla profiles lists them (teams-call-queue, ...)`,
    map: `  --map FIELD=COLUMN     the export's column for a field (repeatable); FIELD.KEY=VALUE derives one:
                         receivedAt.date=D --map receivedAt.time=T (two columns);
                         answeredAt.after=receivedAt --map answeredAt.duration=WAIT
                         [--map answeredAt.unit=seconds|minutes|hours|hh:mm:ss] (a duration);
                         abandonedAt.flag=ABANDONED [--map abandonedAt.yes=Y] with a time given
                         one of those ways (a yes/no flag that sets the event); FIELD.zone=UTC`,
    set: `  --set FIELD=VALUE      a constant, e.g. channel=telephone (repeatable)`,
    "map-file": `  --map-file FILE        { "columns": {FIELD: COLUMN or SOURCE}, "set": {FIELD: VALUE},
                           "values": {FIELD: {WORD: VALUE}}, "ignore": [COLUMN],
                           "dateFormat": FORMAT or [FORMAT, ...] } (README: From your system)`,
    "map-value": `  --map-value FIELD:WORD=VALUE   e.g. channel:Phone=telephone, channel:2=email (repeatable)`,
    ignore: `  --ignore COLUMN        a column to leave out (repeatable)`,
    "date-format": `  --date-format [FIELD=]FORMAT   date-fns tokens, e.g. "dd/MM/yyyy HH:mm" (repeatable: tried in
                         order; FIELD= for one field's column); wall times in the charter's zone,
                         unless the format has an offset (X, x, O) or an epoch (T, t);
                         a format with no hour gives dates, for events judged by working days`,
    "check-mapping": `  --check-mapping        show which field each column feeds and the channel and category values
                         of the first 1,000 rows with the standards they reach, then stop`,
    "allow-threshold": `  --allow-threshold      judge interval counts whose threshold is not the standard's limit
                         (the report lists such thresholds)`,
    quiet: `  --quiet                no progress line (shown only on a terminal, when CI is not set)`,
    abandoned: `  --abandoned ${ABANDONED_POLICIES.join("|")}   how abandoned calls count (default: by-limit)`,
    worst: `  --worst N              worst breaches kept per standard (default: 5)`,
    "keep-duplicates": `  --keep-duplicates      judge every row, even one whose id an earlier row had (default: the
                         first is judged, the others skipped and listed)`,
    "strict-values": `  --strict-values        skip rows whose channel or category reaches no standard (default:
                         judged, and the values listed)`,
    "max-skipped": `  --max-skipped N|N%     rows that may be skipped before the exit status is 1 (default: 0)`,
    jobs: `  --jobs N               judge in N threads: this one and N-1 workers (the same report as --jobs 1)`,
    db: `  --db URL               postgresql://USER@HOST:PORT/DATABASE (?host=/socket/dir for a socket); the
                         password from PGPASSWORD or ~/.pgpass, never printed`,
    "db-env": `  --db-env NAME          the URL from the environment variable NAME (so it is not in the arguments)`,
    query: `  --query SQL            one SELECT or WITH statement: its columns are the contact fields, or mapped`,
    "query-file": `  --query-file FILE      the query from a file`,
    "db-timeout": `  --db-timeout DURATION  the longest the query and its rows may take, e.g. 30s, 10min, 2h (default: 10min)`,
  },
  merge: {
    format: `  --format ${REPORT_FORMATS.join("|")}   output (default: table), as report's`,
    audience: `  --audience ${AUDIENCES.join("|")}   for html and md, as report's (default: public)`,
    out: OUT_LINE,
    charter: `  --charter ID|FILE      the charter the reports were made with (default: their bundled one)`,
  },
  reconcile: {
    charter: `  --charter ID|FILE      a bundled charter id or a charter file`,
    now: NOW_LINE,
    input: `  --input csv|json|ndjson|xlsx   the format (default: from the name or the content)`,
    delimiter: DELIMITER_LINE,
    sheet: SHEET_LINE,
    encoding: `  --encoding NAME        the file's text encoding when it is not UTF-8 or UTF-16 with a BOM`,
    profile: null,
    map: null,
    "map-file": null,
    "map-value": null,
    set: null,
    ignore: null,
    "date-format": null,
    compare: `  --compare dueDate=COLUMN|verdict=COLUMN   the system's due date or verdict column (repeatable)`,
    "verdict-word": `  --verdict-word WORD=${VERDICT_WORDS.join("|")}   what a word of the verdict column means (repeatable)`,
    stage: `  --stage ${STAGES.join("|")}   the stage whose standard is compared (default: respond)`,
    format: `  --format ${RECONCILE_FORMATS.join("|")}   output (default: table)`,
  },
  schema: {},
};

const DATABASE_KEYS = Object.keys(DATABASE_OPTIONS);

/** A command's option lines, those `which` keeps. */
function optionLines<C extends Command>(command: C, which: (option: string) => boolean = () => true): string {
  const lines: Readonly<Record<string, string | null>> = OPTION_HELP[command];
  return Object.entries(lines)
    .filter(([option, line]) => line !== null && which(option))
    .map(([, line]) => line)
    .join("\n");
}

/** The help of each command, and the main help (`main`). */
export const HELP: Readonly<Record<Command | "main", string>> = {
  main: `council-sla: councils' customer service charters, deadlines and compliance

Usage: council-sla <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.padEnd(11)} ${COMMAND_WORDS[c]}`).join("\n")}

Run council-sla <command> --help for a command's options.

Exit codes: 0 success; 1 a charter file is not valid (validate), or report rows
were skipped; 2 a usage error, unreadable input, an unknown charter or standard, or a
bad value.`,
  charters: `Usage: council-sla charters [--json]

Lists the bundled charters (copeland, colchester, norwich, dartford, kawartha-lakes,
and dartford-housing, a department's layer on dartford) with each measurable standard.

${optionLines("charters")}`,
  validate: `Usage: council-sla validate FILE...

Checks charter files (and departmental layers whose "extends" names a bundled
charter). Each problem is printed as FILE:LINE:COLUMN: message → at JSON.path.
Exit 1 when any file is not valid.`,
  deadline: `Usage: council-sla deadline --charter ID|FILE --standard ID --received INSTANT [--explain] [--json]

${optionLines("deadline")}`,
  calendar: `Usage: council-sla calendar --charter ID|FILE --from DATE --to DATE [--json]

Lists each date from --from to --to (YYYY-MM-DD, inclusive) as working or not,
with the reason (weekend, holiday, closure) and the holiday's name.

${optionLines("calendar")}`,
  report: `Usage: council-sla report --charter ID|FILE --now INSTANT|now CONTACTS [options]
       council-sla report --charter ID|FILE --now INSTANT|now --db URL --query SQL [options]

CONTACTS is a CSV file with a header (comma, semicolon, tab or |), a JSON array, NDJSON,
an Excel .xlsx workbook, or - for standard input. Its columns (or keys) are the contact fields,
or are mapped to them (council-sla standards --charter ID shows the words each standard needs):
${CONTACT_FIELD_NAMES.map((f) => `  ${f.padEnd(15)} ${CONTACT_FIELDS[f].description}`).join("\n")}

${optionLines("report", (o) => !isMember(DATABASE_KEYS, o))}

Every row is accounted for: read = judged + skipped + future. Skipped rows are on stderr
with their line and reason, and the report counts them by reason; rows received after
--now are counted apart. A file that cannot be used at all (empty, a missing or unknown
column, a mapping it does not understand, not CSV or JSON) stops with one message before
any row is judged; a header and no rows is a report of nothing.

Exit status: 0 no row skipped (or no more than --max-skipped); 1 rows skipped;
2 a usage error or input that cannot be read at all.

From PostgreSQL instead of a file (needs: npm install pg pg-query-stream):
${optionLines("report", (o) => isMember(DATABASE_KEYS, o))}
  The query runs in a read-only transaction in the charter's time zone; a timestamptz column
  is the instant it holds, timestamp and date columns are wall times, other columns are text
  (--date-format reads text only). A row's position in the result stands for its line.
  A connection or query error exits 2, with the server's words; Ctrl-C cancels the query
  on the server and exits 130.`,
  merge: `Usage: council-sla merge PARTIAL.json... [--format ${REPORT_FORMATS.join("|")}]
         [--audience ${AUDIENCES.join("|")}] [--out DIR] [--charter ID|FILE]

Combines partial reports (report --format json on parts of the contacts, run anywhere)
into the report of all of them together, exactly. They must be for the same charter,
moment of judgement and options, and of different inputs; every count is checked. The
charter is the reports' bundled one, or --charter (a file, or to name it): it must be the
charter the reports were made with.

${optionLines("merge")}`,
  standards: `Usage: council-sla standards --charter ID|FILE [--json]

Lists each standard of the charter with the words an export must use to reach it: its
channels, its category (a standard with one covers only contacts of it), its stage, limit,
target and how firmly it is promised, and the contact fields its judgement reads.

${optionLines("standards")}`,
  profiles: `Usage: council-sla profiles [--json]

Lists the profiles shipped with council-sla: map files for the exports council systems write
(Microsoft Teams call queues, NICE CXone, Dynamics 365, Salesforce, ServiceNow, Zendesk,
Avaya CMS intervals), each with the documentation page its column names come from. Use one
with report --profile NAME; --map, --set and --map-value override its entries.

${optionLines("profiles")}`,
  reconcile: `Usage: council-sla reconcile --charter ID|FILE --now INSTANT FILE
         [--profile NAME | mapping options] [--compare dueDate=COLUMN] [--compare verdict=COLUMN]
         [--verdict-word WORD=${VERDICT_WORDS.join("|")} ...] [--stage STAGE] [--format ${RECONCILE_FORMATS.join("|")}]

Compares a system's own due dates and verdicts with the charter's, row by row, for the
standard of --stage (default: respond; a profile may name it) that covers each row, and
lists every disagreement with its reason in words (a bank holiday counted as a working day,
a pause over a holiday, a clock change, a promise, the day of receipt counted), then the
totals by reason. The mapping options are report's (--map, --set, --date-format, ...).
Exit status: 0 when every row was read; 1 when rows could not be read; 2 a usage error.

${optionLines("reconcile")}`,
  schema: `Usage: council-sla schema

Prints the charter JSON Schema (the same as charters/charter.schema.json).`,
};
