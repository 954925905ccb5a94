/**
 * The wording of everything the command says about its input and its use:
 * one function per message.
 *
 * @module
 */

const list = (names: readonly string[]): string => names.map((n) => JSON.stringify(n)).join(", ");

/** Control characters (ANSI escapes among them) shown as escapes, so input cannot drive the terminal. */
export function safe(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

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
  badMapFile: (path: string, why: string) => `--map-file ${path}: ${why}`,
  emptyFile: (name: string) => `${name} is empty: no header and no contacts`,
  headerOnly: (name: string) => `${name} has a header but no contacts`,
  notContacts: (name: string, why: string) =>
    `${name} is not a contact file (CSV with a header, a JSON array, NDJSON or .xlsx): ${why}`,
  binary: (name: string) =>
    `${name} looks like a binary file, not CSV, JSON or NDJSON (use --input xlsx for an Excel file)`,
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
  unclosedQuote: () => 'a quoted field is never closed (an unmatched ")',
  rowTooLong: (limit: number) =>
    `a row or line longer than ${limit.toLocaleString("en-GB")} characters (an unclosed quote, or not line-delimited?)`,
  notAnObject: (what: string) => `expected a contact object, got ${what}`,
  jsonNotArray: (name: string, got: string) =>
    `${name}: a JSON contact file must be an array of contacts (or NDJSON, one per line), got ${got}`,
  truncatedJson: (name: string) => `${name}: the JSON array is not closed: the file is truncated`,
  badJsonRow: (why: string) => `not JSON: ${why}`,
  dateFormat: (field: string, value: string, format: string) =>
    `${field} ${JSON.stringify(value)} does not match --date-format ${JSON.stringify(format)}`,
  badPause: (index: number, part: string) => `pauses[${index}] must be written from/to, got ${JSON.stringify(part)}`,
  xlsxMissing: () => "reading .xlsx files needs the exceljs package: npm install exceljs",
  xlsxSheet: (name: string, sheets: readonly string[]) => `no sheet ${JSON.stringify(name)} (sheets: ${list(sheets)})`,
  xlsxUnreadable: (path: string, why: string) => `${path} is not a readable .xlsx workbook: ${why}`,
  notAReport: (path: string) => `${path} is not a partial report: write one with council-sla report --format json`,
  tooManySkipped: (skipped: number, allowed: string) =>
    `${skipped} row${skipped === 1 ? "" : "s"} skipped, more than --max-skipped ${allowed} allows`,
  skippedLine: (name: string, line: number, id: string | undefined, message: string) =>
    `${name}:${line}: skipped${id === undefined ? "" : ` (id ${id})`}: ${message}`,
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
};
