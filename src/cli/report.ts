/**
 * `council-sla report` and `council-sla merge`: a council's export in, every row accounted
 * for (read = judged + skipped + future: skipped by reason with their first lines, rows
 * whose id repeats an earlier row's, values that reach no standard), a report out; partial
 * reports merged into the whole, once each checked: the charter they were made with, their
 * inputs (no input twice) and every count.
 *
 * @module
 */
import { ABANDONED_POLICIES } from "../concepts.js";
import { createHash } from "node:crypto";
import { createReadStream, readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { engineOf } from "../calendar/calendar-for.js";
import type { Charter } from "../charter/schema.js";
import { mergeReports } from "../rules/merge.js";
import { checkReport } from "../rules/report-check.js";
import type { ComplianceReport } from "../rules/report.js";
import { charterFingerprint } from "../rules/tally.js";
import { csvRows, DELIMITERS } from "./input/csv.js";
import { databaseInputOf, openQuery } from "./input/db.js";
import { jsonArrayRows, ndjsonRows } from "./input/json.js";
import { type ContactRow, contactsOf, NO_PLAN, type RowPlan, readyToRead } from "./input/mapping.js";
import type { RawRow, TextBlock } from "./input/rows.js";
import { checkEncoding, checkFile, Failure, formatFromName, open, readText, sniff } from "./input/source.js";
import { inputOption } from "./input/options.js";
import { mappingFromOptions } from "./input/options.js";
import { openWorkbook } from "./input/xlsx.js";
import { checkMapping } from "./check-mapping.js";
import { Progress } from "./progress.js";
import {
  COMMAND_OPTIONS,
  type InputFormat,
  isMember,
  isSkipReason,
  NOW_SOURCES,
  type Skip,
  skipOf,
  UNMATCHED_FIELDS,
  type UnmatchedField,
} from "./concepts.js";
import { cli, print, skipWords } from "./words.js";
import { emit, outputOf, periodsOf } from "./output.js";
import type { InputAccount, Io, PartialReport, SkippedRows, Source } from "./partial.js";
import { type Accounted, judgeAll, type Work } from "./workers.js";

export type { InputAccount, Io, PartialReport, Source } from "./partial.js";

const FIRST_LINES = 5;
const PRINTED_PER_REASON = 20;

/** Skips that are one reason: the same code and field. */
const skipKey = (skip: Skip): string => (skip.field === undefined ? skip.code : `${skip.code}\u0000${skip.field}`);

/** Rows skipped for one reason as a report writes them: its words, code and field, count and first lines. */
function skippedRows(skip: Skip, count: number, first: readonly string[]): SkippedRows {
  return {
    reason: skipWords(skip),
    code: skip.code,
    ...(skip.field === undefined ? {} : { field: skip.field }),
    count,
    first,
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The running account of one input. */
class Account {
  read = 0;
  /** Skipped rows by reason (code and field). */
  readonly #bySkip = new Map<string, { skip: Skip; count: number; first: string[] }>();
  readonly #duplicates = { count: 0, first: [] as string[] };
  readonly #unmatched = new Map<string, { field: UnmatchedField; value: string; count: number; first: string[] }>();
  readonly #io: Io;
  readonly #name: string;

  constructor(io: Io, name: string) {
    this.#io = io;
    this.#name = name;
  }

  skip(line: number, skip: Skip, message: string, id?: string): void {
    const key = skipKey(skip);
    const entry = this.#bySkip.get(key) ?? { skip, count: 0, first: [] };
    this.#bySkip.set(key, entry);
    entry.count++;
    if (entry.first.length < FIRST_LINES) entry.first.push(`${this.#name}:${line}`);
    if (entry.count <= PRINTED_PER_REASON) print(this.#io.stderr, cli.skippedLine(this.#name, line, id, message));
    else if (entry.count === PRINTED_PER_REASON + 1)
      print(this.#io.stderr, cli.moreSkipped(this.#name, skipWords(skip)));
  }

  take(accounted: Accounted): void {
    this.read += accounted.read;
    for (const p of accounted.problems) this.skip(p.line, p.skip, p.message, p.id);
    this.#duplicates.count += accounted.duplicates.length;
    for (const line of accounted.duplicates)
      if (this.#duplicates.first.length < FIRST_LINES) this.#duplicates.first.push(`${this.#name}:${line}`);
    for (const u of accounted.unmatched) {
      const key = `${u.field}\u0000${u.value}`;
      const entry = this.#unmatched.get(key) ?? { field: u.field, value: u.value, count: 0, first: [] };
      this.#unmatched.set(key, entry);
      entry.count += u.count;
      for (const line of u.first) if (entry.first.length < FIRST_LINES) entry.first.push(`${this.#name}:${line}`);
    }
  }

  get skipped(): number {
    let total = 0;
    for (const { count } of this.#bySkip.values()) total += count;
    return total;
  }

  summary(report: ComplianceReport, now: InputAccount["now"], sources: readonly Source[]): InputAccount {
    const judged = report.contacts - report.skipped - report.future;
    const skipped = this.skipped;
    // Every row read is judged, skipped or in the future: anything else is a bug, and says so.
    if (this.read !== judged + skipped + report.future)
      throw new Error(cli.accountBroken(this.read, judged, skipped, report.future));
    return {
      read: this.read,
      judged,
      skipped: {
        total: skipped,
        reasons: [...this.#bySkip.values()]
          .map(({ skip, count, first }) => skippedRows(skip, count, first))
          .sort((a, b) => byText(a.reason, b.reason)),
      },
      future: report.future,
      duplicates: this.#duplicates,
      unmatched: [...this.#unmatched.values()].sort(
        (a, b) => byText(a.field, b.field) || b.count - a.count || byText(a.value, b.value),
      ),
      now,
      sources,
    };
  }
}

/** The SHA-256 of a file's bytes (a workbook, which is read in place). */
async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

interface Input {
  readonly rows: AsyncIterable<RawRow[]>;
  /** The input's identity, once its rows have all been read. */
  source(): Promise<Source>;
}

/** The rows of the input, whatever its format. */
export async function inputOf(
  path: string,
  format: InputFormat | undefined,
  io: Io,
  options: {
    delimiter?: string | undefined;
    sheet?: string | undefined;
    encoding?: string | undefined;
    onBytes?: ((n: number) => void) | undefined;
  },
  name: string,
): Promise<Input> {
  const kind = format ?? (path === "-" ? undefined : formatFromName(path));
  if (kind === "xlsx") {
    if (path === "-") throw new Failure(cli.badNumber("--input xlsx", "a file path, not standard input", "-"));
    checkFile(path);
    const { sheet, rows } = await openWorkbook(path, options.sheet);
    return { rows, source: async () => ({ name, sha256: await hashFile(path), sheet }) };
  }
  const text = readText(open(path, io.stdin), name, options.encoding, options.onBytes);
  const { format: sniffed, chunks } = await sniff(text.chunks);
  if (sniffed === undefined) throw new Failure(cli.emptyFile(name));
  const chosen = kind ?? sniffed;
  const source = async () => ({ name, sha256: text.digest() });
  if (chosen === "json") return { rows: jsonArrayRows(chunks, name), source };
  if (chosen === "ndjson") return { rows: ndjsonRows(chunks), source };
  if (kind === "csv" && sniffed !== "csv")
    throw new Failure(
      cli.notContacts(
        name,
        sniffed === "json"
          ? "it holds a JSON array: use --input json"
          : "it holds NDJSON (one JSON object a line): use --input ndjson",
      ),
    );
  return { rows: csvRows(chunks, options.delimiter === undefined ? {} : { delimiter: options.delimiter }), source };
}

/**
 * `N` or `N%`: whether `skipped` rows of `rows` are within what `--max-skipped` allows,
 * exactly (a percentage compared in integers: 29% of 100 rows allows 29).
 */
function withinAllowed(value: string | undefined, skipped: number, rows: number): boolean {
  if (value === undefined) return skipped === 0;
  const m = /^(\d+)(?:\.(\d+))?(%?)$/.exec(value);
  if (m === null)
    throw new Failure(cli.badNumber("--max-skipped", "a number of rows or a percentage, e.g. 10 or 0.5%", value));
  const whole = m[1] as string;
  const fraction = m[2] ?? "";
  if (m[3] !== "%") {
    if (fraction !== "")
      throw new Failure(cli.badNumber("--max-skipped", "a whole number of rows, or a percentage", value));
    return BigInt(skipped) <= BigInt(whole);
  }
  // skipped / rows <= (whole.fraction) / 100, in integers: skipped * 100 * 10^d <= digits * rows.
  const scale = 10n ** BigInt(fraction.length);
  return BigInt(skipped) * 100n * scale <= BigInt(whole + fraction) * BigInt(rows);
}

function choice<T extends string>(option: string, values: readonly T[], value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) throw new Failure(cli.oneOf(option, values, value));
  return value as T;
}

/** `--delimiter`: one of the CSV delimiters, `tab` and `\t` written out. */
function delimiterOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = value === "\\t" || value === "tab" ? "\t" : value;
  if (!DELIMITERS.includes(d)) throw new Failure(cli.oneOf("--delimiter", [",", ";", "tab", "|"], value));
  return d;
}

/** Runs `report`; resolves to the exit status. */
export async function cmdReport(
  args: string[],
  io: Io,
  resolveCharter: (value: string | undefined) => Charter,
  help: () => number,
): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: COMMAND_OPTIONS.report });
  if (values.help) return help();
  const charter = resolveCharter(values.charter);
  // A database (--db or --db-env, with its query) instead of a file: checked before anything is read or sent.
  const database = databaseInputOf(values, positionals, process.env);
  const path = positionals[0];
  if (database === undefined && (path === undefined || positionals.length > 1))
    throw new Failure(cli.reportNeedsFile());
  const output = outputOf(values);
  const periods = periodsOf(values);
  const { format: input, kind } = inputOption(values.input);
  const abandoned = choice("--abandoned", ABANDONED_POLICIES, values.abandoned);
  let delimiter = delimiterOption(values.delimiter);
  checkEncoding(values.encoding);
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
  const read = mappingFromOptions(values, charter, kind, values["allow-threshold"] === true);
  const mapping = read.mapping;
  delimiter ??= read.delimiter;
  withinAllowed(values["max-skipped"], 0, 0);
  await readyToRead(mapping);

  const name = path === undefined ? "" : path === "-" ? "stdin" : basename(path);
  /** The rows of the file, or of the query (a database input names itself). */
  const open = async (onBytes?: (n: number) => void): Promise<Input & { readonly name: string }> =>
    database === undefined
      ? {
          name,
          ...(await inputOf(
            path as string,
            input,
            io,
            {
              delimiter,
              sheet: values.sheet,
              encoding: values.encoding,
              ...(onBytes === undefined ? {} : { onBytes }),
            },
            name,
          )),
        }
      : await openQuery(database, charter.calendar.timeZone);
  if (values["check-mapping"] === true) {
    const source = await open();
    return checkMapping(io, charter, source.rows, mapping, source.name);
  }
  const progress = new Progress(io, {
    quiet: values.quiet === true,
    totalBytes: database === undefined ? fileSize(path as string, input) : undefined,
  });
  const err = { ...io, stderr: progress.stderr as Io["stderr"] };
  const source = await open((n) => progress.bytes(n));
  const account = new Account(err, source.name);
  // CSV and NDJSON are only cut into blocks of whole rows here: the judges read each block
  // as they judge it, so its contacts die young.
  const rows = contactsOf(source.rows, mapping, source.name, (plan) => {
    if (plan.others.length > 0) print(err.stderr, cli.ignoredOthers(source.name, plan.others));
  });
  const options = {
    now,
    worst,
    ...periods,
    ...(abandoned === undefined ? {} : { abandoned }),
    ...(values["allow-threshold"] === true ? { allowThreshold: true } : {}),
  };
  const rules = { keepDuplicates: values["keep-duplicates"] === true, strictValues: values["strict-values"] === true };
  let report: ComplianceReport;
  try {
    report = await judgeAll(
      charter,
      workOf(rows, account, jobs === 1 ? 0 : ITEM_ROWS),
      options,
      mapping,
      rules,
      jobs,
      (accounted) => {
        account.take(accounted);
        progress.rows(account.read);
      },
    );
  } finally {
    progress.done();
  }
  const { contacts: _c, skipped: _s, future: _f, errors: _e, ...figures } = report;
  const partial: PartialReport = {
    ...figures,
    input: account.summary(report, fromClock ? "clock" : "option", [await source.source()]),
  };
  emit(io.stdout, output, partial, charter);
  const skipped = partial.input.skipped.total;
  if (withinAllowed(values["max-skipped"], skipped, partial.input.read)) return 0;
  print(io.stderr, cli.tooManySkipped(skipped, values["max-skipped"] ?? "0"));
  return 1;
}

/** The size of the file read, for the share of it done (none for standard input or a workbook, read in place). */
function fileSize(path: string, format: InputFormat | undefined): number | undefined {
  if (path === "-" || format === "xlsx" || /\.xlsx$/i.test(path)) return undefined;
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
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
 * blocks left as text. The rows that could not be read are accounted as they pass.
 */
async function* workOf(rows: AsyncIterable<ContactRow[]>, account: Account, itemRows: number): AsyncGenerator<Work> {
  let contacts: Record<string, unknown>[] = [];
  let lines: number[] = [];
  let blocks: TextBlock[] = [];
  let blockPlan: RowPlan = NO_PLAN;
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
    if (blocks.length > 0) yield { blocks, plan: blockPlan };
    blocks = [];
    inBlocks = 0;
    blockChars = 0;
  };
  for await (const batch of rows) {
    for (const row of batch) {
      if ("block" in row) {
        if (contacts.length > 0) yield* flushContacts();
        if (blocks.length > 0 && row.plan !== blockPlan) yield* flushBlocks();
        blocks.push(row.block);
        blockPlan = row.plan;
        inBlocks += blockRows(row.block);
        blockChars += row.block.text.length;
        if (inBlocks >= itemRows || blockChars >= ITEM_CHARS) yield* flushBlocks();
        continue;
      }
      if ("error" in row) {
        // In order: the rows before it are judged and accounted first.
        yield* flushBlocks();
        yield* flushContacts();
        account.read++;
        account.skip(row.line, row.skip, row.error);
        continue;
      }
      if (blocks.length > 0) yield* flushBlocks();
      contacts.push(row.contact);
      lines.push(row.line);
      if (itemRows > 0) {
        contactChars += sizeOf(row.contact);
        if (contacts.length >= itemRows || contactChars >= ITEM_CHARS) yield* flushContacts();
      }
    }
    if (itemRows === 0) {
      yield* flushContacts();
      yield* flushBlocks();
    }
  }
  yield* flushContacts();
  yield* flushBlocks();
}

/** A partial report as the library merges it: the judged rows as its contacts (the input's account keeps the rest). */
function asLibraryReport(p: PartialReport): ComplianceReport {
  return { ...p, contacts: p.input.judged + p.input.future, skipped: 0, future: p.input.future, errors: [] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isCount = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;

/** Checks a partial report read from a file: its figures (as the library does) and its input account. */
function checkPartial(json: unknown, path: string): PartialReport {
  if (!isObject(json) || !isObject(json.input)) throw new Failure(cli.notAReport(path));
  const input = json.input;
  const bad = (field: string, value: unknown) => new Failure(cli.badPartial(path, field, value));
  for (const key of ["read", "judged", "future"] as const)
    if (!isCount(input[key])) throw bad(`input.${key}`, input[key]);
  const skipped = input.skipped;
  if (!isObject(skipped) || !isCount(skipped.total) || !Array.isArray(skipped.reasons))
    throw bad("input.skipped", skipped);
  let sum = 0;
  skipped.reasons.forEach((r: unknown, i: number) => {
    if (
      !isObject(r) ||
      typeof r.reason !== "string" ||
      !isCount(r.count) ||
      !Array.isArray(r.first) ||
      r.first.some((f) => typeof f !== "string")
    )
      throw bad(`input.skipped.reasons[${i}]`, r);
    // A reason's code and field, when it has them (reports written before codes have neither), and its words theirs.
    if (r.code === undefined && r.field === undefined) {
      sum += r.count;
      return;
    }
    if (!isSkipReason(r.code)) throw bad(`input.skipped.reasons[${i}].code`, r.code);
    const skip = skipOf(r.code, r.field);
    if (skip === undefined) throw bad(`input.skipped.reasons[${i}].field`, r.field);
    const words = skipWords(skip);
    if (words !== r.reason)
      throw new Failure(
        cli.partialCounts(path, cli.skipWordsDiffer(`input.skipped.reasons[${i}]`, r.reason, skip.code, words)),
      );
    sum += r.count;
  });
  if (sum !== skipped.total)
    throw new Failure(cli.partialCounts(path, `input.skipped.total is ${skipped.total}, its reasons count ${sum}`));
  const [read, judged, future] = [input.read, input.judged, input.future] as number[] as [number, number, number];
  if (read !== judged + skipped.total + future)
    throw new Failure(
      cli.partialCounts(
        path,
        `input.read (${read}) is not judged + skipped + future (${judged + skipped.total + future})`,
      ),
    );
  const duplicates = input.duplicates;
  if (!isObject(duplicates) || !isCount(duplicates.count) || !Array.isArray(duplicates.first))
    throw bad("input.duplicates", duplicates);
  if (!Array.isArray(input.unmatched)) throw bad("input.unmatched", input.unmatched);
  input.unmatched.forEach((u: unknown, i: number) => {
    if (
      !isObject(u) ||
      !isMember(UNMATCHED_FIELDS, u.field) ||
      typeof u.value !== "string" ||
      !isCount(u.count) ||
      !Array.isArray(u.first)
    )
      throw bad(`input.unmatched[${i}]`, u);
  });
  if (!isMember(NOW_SOURCES, input.now)) throw bad("input.now", input.now);
  if (!Array.isArray(input.sources) || input.sources.length === 0) throw bad("input.sources", input.sources);
  input.sources.forEach((s: unknown, i: number) => {
    if (!isObject(s) || typeof s.name !== "string" || typeof s.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(s.sha256))
      throw bad(`input.sources[${i}]`, s);
  });
  const partial = json as unknown as PartialReport;
  try {
    checkReport(asLibraryReport(partial), "report");
  } catch (error) {
    throw new Failure(cli.partialCounts(path, (error as Error).message.replace(/`report\.?/g, "`")));
  }
  return partial;
}

/**
 * Sums two inputs' accounts (first lines kept in file:line order, at most five each). Skipped
 * rows group by their words, which their code and field give (checked as each report is read),
 * so that a report written before codes, with words alone, groups as it always did; a group
 * takes the code and field of any entry that has them.
 */
function mergeAccounts(a: InputAccount, b: InputAccount): InputAccount {
  const byReason = new Map<string, { skip: Skip | undefined; count: number; first: string[] }>();
  for (const s of [...a.skipped.reasons, ...b.skipped.reasons]) {
    const entry = byReason.get(s.reason) ?? { skip: undefined, count: 0, first: [] };
    entry.skip ??= skipOf(s.code, s.field);
    byReason.set(s.reason, entry);
    entry.count += s.count;
    entry.first.push(...s.first);
  }
  const firsts = (lists: readonly (readonly string[])[]) => lists.flat().sort().slice(0, FIRST_LINES);
  const unmatched = new Map<string, { field: UnmatchedField; value: string; count: number; first: string[] }>();
  for (const u of [...a.unmatched, ...b.unmatched]) {
    const key = `${u.field}\u0000${u.value}`;
    const entry = unmatched.get(key);
    if (entry === undefined) unmatched.set(key, { ...u, first: [...u.first] });
    else {
      entry.count += u.count;
      entry.first = firsts([entry.first, u.first]);
    }
  }
  return {
    read: a.read + b.read,
    judged: a.judged + b.judged,
    skipped: {
      total: a.skipped.total + b.skipped.total,
      reasons: [...byReason]
        .map(([reason, { skip, count, first }]) =>
          skip === undefined ? { reason, count, first: firsts([first]) } : skippedRows(skip, count, firsts([first])),
        )
        .sort((x, y) => byText(x.reason, y.reason)),
    },
    future: a.future + b.future,
    duplicates: {
      count: a.duplicates.count + b.duplicates.count,
      first: firsts([a.duplicates.first, b.duplicates.first]),
    },
    unmatched: [...unmatched.values()].sort(
      (x, y) => byText(x.field, y.field) || y.count - x.count || byText(x.value, y.value),
    ),
    now: a.now === "clock" || b.now === "clock" ? "clock" : "option",
    sources: [...a.sources, ...b.sources],
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
    options: COMMAND_OPTIONS.merge,
  });
  if (values.help) return help();
  if (positionals.length === 0) throw new Failure(cli.mergeNeedsFiles());
  const output = outputOf(values);
  const seen = new Map<string, string>();
  const parts = positionals.map((path) => {
    checkFile(path);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
    } catch {
      throw new Failure(cli.notAReport(path));
    }
    const partial = checkPartial(json, path);
    for (const s of partial.input.sources) {
      const other = seen.get(s.sha256);
      if (other !== undefined) throw new Failure(cli.sameInputTwice(other, path, s.name, s.sha256));
      seen.set(s.sha256, path);
    }
    return partial;
  });
  const [first, ...rest] = parts as [PartialReport, ...PartialReport[]];
  let merged: ComplianceReport = asLibraryReport(first);
  let input = first.input;
  for (const part of rest) {
    try {
      merged = mergeReports(merged, asLibraryReport(part));
    } catch (error) {
      throw new Failure((error as Error).message);
    }
    input = mergeAccounts(input, part.input);
  }
  const charter = resolveCharter(values.charter ?? merged.charterId);
  const print_ = charterFingerprint(charter);
  if (print_ !== merged.charterFingerprint) {
    throw new Failure(
      cli.otherCharter(merged.charterId, merged.charterFingerprint, values.charter ?? charter.id, print_),
    );
  }
  // The shares, targets and intervals are recomputed from the counts, never taken from a file.
  const whole = mergeReports(merged, complianceReportOf(merged));
  const { contacts: _c, skipped: _s, future: _f, errors: _e, ...figures } = whole;
  emit(io.stdout, output, { ...figures, input }, charter);
  return 0;
}

/** A report of nothing with the same charter, moment and options: merging with it recomputes every row from its counts. */
function complianceReportOf(r: ComplianceReport): ComplianceReport {
  return { ...r, contacts: 0, skipped: 0, future: 0, errors: [], rows: [], intervals: { judged: 0, calls: 0 } };
}
