/**
 * `council-sla report` and `council-sla merge`: a council's export in, every
 * row accounted for (read, judged, skipped by reason with their first lines,
 * received after `now`), a report out; partial reports merged into the whole.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { engineOf } from "../charter/calendar.js";
import type { Charter, Contact } from "../charter/schema.js";
import { CONTACT_FIELD_NAMES, type ContactField } from "../charter/vocabulary.js";
import { mergeReports } from "../rules/merge.js";
import type { ComplianceReport } from "../rules/report.js";
import { csvRows } from "./input/csv.js";
import { jsonArrayRows, ndjsonRows } from "./input/json.js";
import { contactsOf, readyToRead, type ContactRow, type Mapping } from "./input/mapping.js";
import type { RawRow, TextBlock } from "./input/rows.js";
import {
  Failure,
  INPUT_FORMATS,
  checkFile,
  formatFromName,
  open,
  sniff,
  textOf,
  type InputFormat,
} from "./input/source.js";
import { xlsxRows } from "./input/xlsx.js";
import { cli, safe } from "./messages.js";
import { OUTPUT_OPTIONS, emit, outputOf, periodsOf } from "./output.js";
import { judgeAll, type Work } from "./workers.js";

export interface Io {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly stdin: Readable;
}

/** How the rows of the input were accounted for: summable across partitions. */
export interface InputAccount {
  /** Rows read (contacts and rows that could not be read), header excluded. */
  readonly rows: number;
  /** Contacts judged against the charter. */
  readonly judged: number;
  /** Rows skipped, by reason, with the first few lines (file:line) of each. */
  readonly skipped: readonly { readonly reason: string; readonly count: number; readonly first: readonly string[] }[];
  /** Contacts received after `now`: counted apart, never judged. */
  readonly future: number;
  /** Where `now` came from: the `--now` option, or the clock (`--now now`). */
  readonly now: "option" | "clock";
}

/** A report as the command writes it with `--format json`: the library's report and the input's account. */
export type PartialReport = ComplianceReport & { readonly input: InputAccount };

const FIRST_LINES = 5;
const PRINTED_PER_REASON = 20;

function print(stream: Writable, text: string): void {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** The reason for a contact the engine could not judge: the field its error names. */
function reasonOf(message: string): string {
  const field = /`(contact\.\w+)/.exec(message);
  return field === null ? "invalid contact" : `invalid ${field[1]}`;
}

class Account {
  rows = 0;
  readonly #byReason = new Map<string, { count: number; first: string[] }>();
  readonly #io: Io;

  constructor(io: Io) {
    this.#io = io;
  }

  skip(name: string, line: number, reason: string, message: string, id?: string | number | null): void {
    const entry = this.#byReason.get(reason) ?? { count: 0, first: [] };
    this.#byReason.set(reason, entry);
    entry.count++;
    if (entry.first.length < FIRST_LINES) entry.first.push(`${name}:${line}`);
    if (entry.count <= PRINTED_PER_REASON)
      print(
        this.#io.stderr,
        safe(cli.skippedLine(name, line, id === null || id === undefined ? undefined : String(id), message)),
      );
    else if (entry.count === PRINTED_PER_REASON + 1)
      print(
        this.#io.stderr,
        safe(`${name}: more rows skipped for the same reason (${reason}) are counted, not printed`),
      );
  }

  get skipped(): number {
    let total = 0;
    for (const { count } of this.#byReason.values()) total += count;
    return total;
  }

  summary(): InputAccount["skipped"] {
    return [...this.#byReason]
      .map(([reason, { count, first }]) => ({ reason, count, first }))
      .sort((a, b) => (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  }
}

/** The rows of the input, whatever its format. */
async function rowsOf(
  path: string,
  format: InputFormat | undefined,
  io: Io,
  options: { delimiter?: string; sheet?: string },
  name: string,
): Promise<AsyncIterable<RawRow[]>> {
  const kind = format ?? (path === "-" ? undefined : formatFromName(path));
  if (kind === "xlsx") {
    if (path === "-") throw new Failure(cli.badNumber("--input xlsx", "a file path, not standard input", "-"));
    checkFile(path);
    return xlsxRows(path, options.sheet);
  }
  const { format: sniffed, chunks } = await sniff(textOf(open(path, io.stdin), name));
  if (sniffed === undefined) throw new Failure(cli.emptyFile(name));
  const chosen = kind ?? sniffed;
  if (chosen === "json") return jsonArrayRows(chunks, name);
  if (chosen === "ndjson") return ndjsonRows(chunks);
  if (kind === "csv" && sniffed !== "csv")
    throw new Failure(
      cli.notContacts(
        name,
        sniffed === "json"
          ? "it holds a JSON array: use --input json"
          : "it holds NDJSON (one JSON object a line): use --input ndjson",
      ),
    );
  return csvRows(chunks, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
}

/** `FIELD=COLUMN`, `FIELD:WORD=VALUE`, a map file: the council's names as a Mapping. */
function mappingOf(values: {
  map?: string[];
  "map-file"?: string;
  "map-value"?: string[];
  ignore?: string[];
  "date-format"?: string;
}): Mapping {
  const columns = new Map<ContactField, string>();
  const words = new Map<ContactField, Map<string, string>>();
  const ignore = new Set<string>(values.ignore ?? []);
  let dateFormat = values["date-format"];
  const field = (option: string, name: string): ContactField => {
    if (!(CONTACT_FIELD_NAMES as readonly string[]).includes(name))
      throw new Failure(cli.unknownField(option, name, CONTACT_FIELD_NAMES));
    return name as ContactField;
  };
  const word = (f: ContactField, from: string, to: string) => {
    const m = words.get(f) ?? new Map<string, string>();
    words.set(f, m);
    m.set(from, to);
    m.set(from.toLowerCase(), to);
  };
  if (values["map-file"] !== undefined) {
    const path = values["map-file"];
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new Failure(cli.badMapFile(path, (error as Error).message));
    }
    const file = json as {
      columns?: Record<string, string>;
      values?: Record<string, Record<string, string>>;
      ignore?: string[];
      dateFormat?: string;
    };
    if (typeof file !== "object" || file === null)
      throw new Failure(cli.badMapFile(path, "expected an object { columns, values, ignore, dateFormat }"));
    for (const [f, column] of Object.entries(file.columns ?? {})) columns.set(field("--map-file", f), String(column));
    for (const [f, map] of Object.entries(file.values ?? {}))
      for (const [from, to] of Object.entries(map)) word(field("--map-file", f), from, String(to));
    for (const column of file.ignore ?? []) ignore.add(String(column));
    if (typeof file.dateFormat === "string" && dateFormat === undefined) dateFormat = file.dateFormat;
  }
  for (const m of values.map ?? []) {
    const at = m.indexOf("=");
    if (at <= 0) throw new Failure(cli.badMap("--map", m, "FIELD=COLUMN"));
    columns.set(field("--map", m.slice(0, at)), m.slice(at + 1));
  }
  for (const m of values["map-value"] ?? []) {
    const colon = m.indexOf(":");
    const at = m.indexOf("=", colon);
    if (colon <= 0 || at <= colon + 1) throw new Failure(cli.badMap("--map-value", m, "FIELD:WORD=VALUE"));
    word(field("--map-value", m.slice(0, colon)), m.slice(colon + 1, at), m.slice(at + 1));
  }
  return { columns, values: words, ignore, dateFormat };
}

/** `N` or `N%`: how many skipped rows are allowed. */
function allowed(value: string | undefined, rows: number): number {
  if (value === undefined) return 0;
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(value);
  if (m === null)
    throw new Failure(cli.badNumber("--max-skipped", "a number of rows or a percentage, e.g. 10 or 0.5%", value));
  const n = Number(m[1]);
  return m[2] === "%" ? (n / 100) * rows : n;
}

export const REPORT_OPTIONS = {
  charter: { type: "string" },
  now: { type: "string" },
  by: { type: "string" },
  "year-start": { type: "string" },
  ...OUTPUT_OPTIONS,
  input: { type: "string" },
  delimiter: { type: "string" },
  sheet: { type: "string" },
  map: { type: "string", multiple: true },
  "map-file": { type: "string" },
  "map-value": { type: "string", multiple: true },
  ignore: { type: "string", multiple: true },
  "date-format": { type: "string" },
  abandoned: { type: "string" },
  worst: { type: "string" },
  "max-skipped": { type: "string" },
  jobs: { type: "string" },
  help: { type: "boolean" },
} as const;

function choice<T extends string>(option: string, values: readonly T[], value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) throw new Failure(cli.oneOf(option, values, value));
  return value as T;
}

/** Runs `report`; resolves to the exit status. */
export async function cmdReport(
  args: string[],
  io: Io,
  resolveCharter: (value: string | undefined) => Charter,
  help: () => number,
): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: REPORT_OPTIONS });
  if (values.help) return help();
  const charter = resolveCharter(values.charter);
  const path = positionals[0];
  if (path === undefined || positionals.length > 1) throw new Failure(cli.reportNeedsFile());
  const output = outputOf(values);
  const periods = periodsOf(values);
  const input = choice<InputFormat>("--input", INPUT_FORMATS, values.input);
  const abandoned = choice("--abandoned", ["by-limit", "missed", "excluded"] as const, values.abandoned);
  const delimiter =
    values.delimiter === undefined
      ? undefined
      : values.delimiter === "\\t" || values.delimiter === "tab"
        ? "\t"
        : values.delimiter;
  if (delimiter !== undefined && ![",", ";", "\t"].includes(delimiter))
    throw new Failure(cli.oneOf("--delimiter", [",", ";", "tab"], values.delimiter ?? ""));
  const worst = values.worst === undefined ? 5 : Number(values.worst);
  if (!Number.isInteger(worst) || worst < 0 || worst > 1000)
    throw new Failure(cli.badNumber("--worst", "an integer from 0 to 1000", values.worst ?? ""));
  const jobs = values.jobs === undefined ? 1 : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new Failure(cli.badNumber("--jobs", "an integer from 1 to 64", values.jobs ?? ""));
  if (values.now === undefined) throw new Failure(cli.nowRequired());
  const fromClock = values.now === "now";
  const now = fromClock ? new Date().toISOString() : values.now;
  engineOf(charter).instant(now, "--now");
  if (fromClock) print(io.stderr, cli.usingClock(engineOf(charter).zone.format(Date.parse(now))));
  const mapping = mappingOf(values);
  allowed(values["max-skipped"], 0);
  await readyToRead(mapping);

  const name = path === "-" ? "stdin" : basename(path);
  const account = new Account(io);
  // CSV (after its first rows) and NDJSON are only cut into blocks of whole rows here: the
  // judges read each block as they judge it, so its contacts die young.
  const readerOptions = {
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(values.sheet === undefined ? {} : { sheet: values.sheet }),
  };
  const rows = contactsOf(await rowsOf(path, input, io, readerOptions, name), mapping, name);
  const options = {
    now,
    worst,
    ...periods,
    ...(abandoned === undefined ? {} : { abandoned }),
  };
  const report = await judgeAll(
    charter,
    workOf(rows, account, name, jobs === 1 ? 0 : ITEM_ROWS),
    options,
    mapping,
    jobs,
    (judged) => {
      account.rows += judged.rows;
      for (const p of judged.problems) account.skip(name, p.line, p.reason, p.message);
      for (const { skipped: s, line: at } of judged.skipped)
        account.skip(name, at, reasonOf(s.message), s.message, s.contactId);
    },
  );
  const partial: PartialReport = {
    ...report,
    input: {
      rows: account.rows,
      judged: report.contacts - report.skipped - report.future,
      skipped: account.summary(),
      future: report.future,
      now: fromClock ? "clock" : "option",
    },
  };
  emit(io.stdout, output, partial, charter);
  const skipped = account.skipped;
  if (skipped === 0) return 0;
  const limit = allowed(values["max-skipped"], account.rows);
  if (skipped <= limit) return 0;
  print(io.stderr, cli.tooManySkipped(skipped, values["max-skipped"] ?? "0"));
  return 1;
}

/** How many rows a worker's item gathers: enough that each item's own report (and its worst breaches' explanations) costs little. */
const ITEM_ROWS = 20_000;
/** And at most this many characters, so that rows near the length limit cannot pile up in memory. */
const ITEM_CHARS = 4_000_000;

const blockRows = (b: TextBlock) => (b.format === "csv" ? b.lines.length : b.text.length / 100);

/** About how many characters a contact holds: its strings' lengths, and a few for anything else. */
function sizeOf(contact: Record<string, unknown>): number {
  let n = 0;
  for (const key in contact) {
    const value = contact[key];
    n += key.length + (typeof value === "string" ? value.length : 8);
  }
  return n;
}

/**
 * The work for the judges: each batch of the reader as it comes (`jobs` 1), or items of
 * about ITEM_ROWS rows for workers: batches of contacts with their lines, or runs of
 * blocks left as text. The readers' problems are accounted as they pass.
 */
async function* workOf(
  rows: AsyncIterable<ContactRow[]>,
  account: Account,
  name: string,
  itemRows: number,
): AsyncGenerator<Work> {
  let contacts: Contact[] = [];
  let lines: number[] = [];
  let blocks: TextBlock[] = [];
  let blockFields: Extract<ContactRow, { block: TextBlock }>["fields"] = [];
  let inBlocks = 0;
  let blockChars = 0;
  let contactChars = 0;
  const flushContacts = function* (): Generator<Work> {
    if (contacts.length > 0) yield { contacts, lines };
    contacts = [];
    lines = [];
    contactChars = 0;
  };
  const flushBlocks = function* (): Generator<Work> {
    if (blocks.length > 0) yield { blocks, fields: blockFields };
    blocks = [];
    inBlocks = 0;
    blockChars = 0;
  };
  for await (const batch of rows) {
    for (const row of batch) {
      if ("block" in row) {
        if (contacts.length > 0) yield* flushContacts();
        if (blocks.length > 0 && row.fields !== blockFields) yield* flushBlocks();
        blocks.push(row.block);
        blockFields = row.fields;
        inBlocks += blockRows(row.block);
        blockChars += row.block.text.length;
        if (inBlocks >= itemRows || blockChars >= ITEM_CHARS) yield* flushBlocks();
        continue;
      }
      if (blocks.length > 0) yield* flushBlocks();
      account.rows++;
      if ("error" in row) account.skip(name, row.line, row.reason, row.error);
      else {
        contacts.push(row.contact as Contact);
        lines.push(row.line);
        if (itemRows > 0) {
          contactChars += sizeOf(row.contact);
          if (contacts.length >= itemRows || contactChars >= ITEM_CHARS) yield* flushContacts();
        }
      }
    }
    if (itemRows === 0) yield* flushContacts();
  }
  yield* flushContacts();
  yield* flushBlocks();
}

function isPartial(value: unknown): value is PartialReport {
  const r = value as Partial<PartialReport> | null;
  return (
    typeof r === "object" &&
    r !== null &&
    Array.isArray(r.rows) &&
    typeof r.charterId === "string" &&
    typeof r.input === "object" &&
    r.input !== null
  );
}

/** Sums two inputs' accounts (first lines kept in file:line order, at most five a reason). */
function mergeAccounts(a: InputAccount, b: InputAccount): InputAccount {
  const byReason = new Map<string, { count: number; first: string[] }>();
  for (const s of [...a.skipped, ...b.skipped]) {
    const entry = byReason.get(s.reason) ?? { count: 0, first: [] };
    byReason.set(s.reason, entry);
    entry.count += s.count;
    entry.first.push(...s.first);
  }
  const skipped = [...byReason]
    .map(([reason, { count, first }]) => ({ reason, count, first: first.sort().slice(0, FIRST_LINES) }))
    .sort((x, y) => (x.reason < y.reason ? -1 : 1));
  return {
    rows: a.rows + b.rows,
    judged: a.judged + b.judged,
    skipped,
    future: a.future + b.future,
    now: a.now === "clock" || b.now === "clock" ? "clock" : "option",
  };
}

/** Runs `merge`; resolves to the exit status. */
export function cmdMerge(
  args: string[],
  io: Io,
  resolveCharter: (value: string | undefined) => Charter,
  help: () => number,
): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...OUTPUT_OPTIONS, charter: { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help) return help();
  if (positionals.length === 0) throw new Failure(cli.mergeNeedsFiles());
  const output = outputOf(values);
  const parts = positionals.map((path) => {
    checkFile(path);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
    } catch {
      throw new Failure(cli.notAReport(path));
    }
    if (!isPartial(json)) throw new Failure(cli.notAReport(path));
    return json;
  });
  const [first, ...rest] = parts as [PartialReport, ...PartialReport[]];
  let merged: PartialReport = first;
  for (const part of rest) {
    try {
      merged = { ...mergeReports(merged, part), input: mergeAccounts(merged.input, part.input) };
    } catch (error) {
      throw new Failure((error as Error).message);
    }
  }
  const charter = resolveCharter(values.charter ?? merged.charterId);
  emit(io.stdout, output, merged, charter);
  return 0;
}
