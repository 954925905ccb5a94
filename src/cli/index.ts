#!/usr/bin/env node
/**
 * The `council-sla` command: charters, validate, deadline, calendar, report, schema.
 *
 * Exit codes: 0 success; 1 a charter file is not valid (validate); 2 a usage error,
 * an unreadable file, an unknown charter or standard, or a bad argument value.
 *
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { WEEKDAY_NAMES, formatDate, parseDate, weekdayIndex } from "../calendar/civil.js";
import { calendarFor, engineOf } from "../charter/calendar.js";
import { CharterError } from "../charter/errors.js";
import { charterIssue, formatPath, type CharterIssue } from "../charter/issues.js";
import { extendCharter, safeParseCharter } from "../charter/parse.js";
import { charterJsonSchema, type Charter } from "../charter/schema.js";
import { amountText } from "../charter/units.js";
import { CONTACT_FIELDS, CONTACT_FIELD_NAMES } from "../charter/vocabulary.js";
import { charters } from "../charters/index.js";
import { deadline } from "../rules/deadline.js";
import { ruleById } from "../rules/standard.js";
import { explain } from "../rules/explain.js";
import { complianceReport } from "../rules/report.js";
import { readContacts, type ContactFormat } from "./contacts.js";
import { reportCsv, reportHtml, reportTable, table } from "./format.js";
import { jsonErrorPosition, locate } from "./locate.js";

export interface Io {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly stdin: Readable;
}

/** A problem with how the command was called, or with what it was given: exit 2. */
class Failure extends Error {}

const VERSION = "0.1.0";

const HELP: Record<string, string> = {
  main: `council-sla: councils' customer service charters, deadlines and compliance

Usage: council-sla <command> [options]

Commands:
  charters    list the bundled charters and their standards
  validate    check charter files; each problem with its JSON path and line:column
  deadline    when a standard falls due for a contact, and why
  calendar    working and non-working days between two dates
  report      how contacts fare against a charter's standards
  schema      print the charter JSON Schema

Run council-sla <command> --help for a command's options.

Exit codes: 0 success; 1 a charter file is not valid (validate);
2 a usage error, an unreadable file, an unknown charter or standard, or a bad value.`,
  charters: `Usage: council-sla charters [--json]

Lists the bundled charters (copeland, colchester, norwich, dartford, kawartha-lakes)
with each measurable standard.

  --json   print them as JSON`,
  validate: `Usage: council-sla validate FILE...

Checks charter files (and departmental layers whose "extends" names a bundled
charter). Each problem is printed as FILE:LINE:COLUMN: message → at JSON.path.
Exit 1 when any file is not valid.`,
  deadline: `Usage: council-sla deadline --charter ID|FILE --standard ID --received INSTANT [--explain] [--json]

  --charter ID|FILE   a bundled charter id or a charter file
  --standard ID       a standard id, e.g. email.respond
  --received INSTANT  e.g. 2025-12-19T17:42 (local to the charter) or 2025-12-19T17:42:00Z
  --acknowledged INSTANT  for standards that count from the acknowledgement
  --explain           print the reasoning in plain English
  --json              print the deadline as JSON (with its trace)`,
  calendar: `Usage: council-sla calendar --charter ID|FILE --from DATE --to DATE [--json]

Lists each date from --from to --to (YYYY-MM-DD, inclusive) as working or not,
with the reason (weekend, holiday, closure) and the holiday's name.`,
  report: `Usage: council-sla report --charter ID|FILE CONTACTS [options]

CONTACTS is a CSV file with a header, a JSON array or NDJSON, or - for standard
input. Columns/keys are the Contact fields:
${CONTACT_FIELD_NAMES.map((f) => `  ${f.padEnd(15)} ${CONTACT_FIELDS[f].description}`).join("\n")}

  --now INSTANT          the moment of judgement (default: the current time)
  --by month|week        a row per standard and local month or ISO week of receipt
  --format table|json|csv|html   output (default: table)
  --input csv|json|ndjson        the contacts' format (default: from the file name or content)
  --abandoned by-limit|missed|excluded   how abandoned calls count (default: by-limit)
  --worst N              worst breaches kept per row (default: 5)

A bad row is reported on stderr with its line number, skipped and counted.`,
  schema: `Usage: council-sla schema

Prints the charter JSON Schema (the same as charters/charter.schema.json).`,
};

function print(stream: Writable, text: string): void {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new Failure(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Failure(`${path}: not JSON: ${(error as Error).message}`);
  }
}

function issueLines(path: string, text: string, issues: readonly CharterIssue[]): string[] {
  return issues.map((issue) => {
    const { line, column } = locate(text, issue.path);
    return `${path}:${line}:${column}: ✖ ${issue.message} → at ${formatPath(issue.path)}`;
  });
}

/** Parses a charter file (or a layer on a bundled charter, or on one of `others`): the charter, or its issues. */
function loadFile(path: string, text: string, others: ReadonlyMap<string, Charter> = new Map()): { charter?: Charter; issues: readonly CharterIssue[] } {
  const json = parseJson(path, text);
  const base = typeof json === "object" && json !== null && Object.hasOwn(json, "extends") ? (json as { extends?: unknown }).extends : undefined;
  if (typeof base === "string") {
    const bundled = Object.hasOwn(charters, base) ? charters[base] : others.get(base);
    if (bundled === undefined) {
      return { issues: [charterIssue("unknown_base", ["extends"], { base, known: [...Object.keys(charters), ...others.keys()] })] };
    }
    try {
      return { charter: extendCharter(bundled, json), issues: [] };
    } catch (error) {
      if (error instanceof CharterError) return { issues: error.issues };
      throw error;
    }
  }
  const result = safeParseCharter(json);
  return result.success ? { charter: result.data, issues: [] } : { issues: result.issues };
}

function resolveCharter(value: string | undefined): Charter {
  if (value === undefined) throw new Failure("--charter is required: a bundled charter id or a charter file");
  const bundled = charters[value];
  if (bundled !== undefined) return bundled;
  if (!existsSync(value)) {
    throw new Failure(`unknown charter ${JSON.stringify(value)}: not a bundled charter (${Object.keys(charters).join(", ")}) and no such file`);
  }
  const text = readText(value);
  const { charter, issues } = loadFile(value, text);
  if (charter === undefined) throw new Failure(`${value} is not a valid charter:\n${issueLines(value, text, issues).join("\n")}`);
  return charter;
}


function cmdCharters(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" }, help: { type: "boolean" } } });
  if (values.help) return help("charters", io);
  if (values.json) {
    print(io.stdout, JSON.stringify(Object.values(charters), null, 2));
    return 0;
  }
  const blocks = Object.values(charters).map((c) => {
    const head = `${c.id}: ${c.name} (${c.calendar.timeZone}, holidays ${c.calendar.holidays})`;
    if (c.standards.length === 0) return `${head}\n  no measurable standards; ${c.commitments.length} commitments`;
    const rows = c.standards.map((s) => [s.id, s.channels.join(", "), amountText(ruleById(c, s.id).amount, ruleById(c, s.id).unit), s.target.percent === 100 ? "" : `${s.target.percent}%`, [s.allowPromise && "promise", s.stopsOn && `stops on ${s.stopsOn.join("/")}`, s.scope === "office-hours" && "office hours"].filter(Boolean).join("; ")]);
    return `${head}\n${table(["standard", "channels", "limit", "target", "notes"], rows, 5).replace(/^/gm, "  ")}`;
  });
  print(io.stdout, blocks.join("\n\n"));
  return 0;
}

function cmdValidate(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: "boolean" } } });
  if (values.help) return help("validate", io);
  if (positionals.length === 0) throw new Failure("validate needs at least one FILE");
  // Charters given on the same command line may be the base of a layer given with them.
  const others = new Map<string, Charter>();
  for (const path of positionals) {
    try {
      const json = JSON.parse(readText(path)) as unknown;
      if (typeof json === "object" && json !== null && !Object.hasOwn(json, "extends")) {
        const result = safeParseCharter(json);
        if (result.success) others.set(result.data.id, result.data);
      }
    } catch {
      // Reported below, file by file.
    }
  }
  let invalid = 0;
  for (const path of positionals) {
    const text = readText(path);
    let loaded;
    try {
      loaded = loadFile(path, text, others);
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      const where = jsonErrorPosition(text, error);
      print(io.stdout, where ? `${path}:${where.line}:${where.column}: ✖ ${error.message.replace(`${path}: `, "")}` : error.message);
      invalid++;
      continue;
    }
    if (loaded.charter === undefined) {
      invalid++;
      print(io.stdout, issueLines(path, text, loaded.issues).join("\n"));
    } else {
      const c = loaded.charter;
      print(io.stdout, `✔ ${path}: ${c.name} (${c.standards.length} standards, ${c.commitments.length} commitments)`);
    }
  }
  return invalid > 0 ? 1 : 0;
}

function cmdDeadline(args: string[], io: Io): number {
  const { values } = parseArgs({
    args,
    options: {
      charter: { type: "string" },
      standard: { type: "string" },
      received: { type: "string" },
      acknowledged: { type: "string" },
      explain: { type: "boolean" },
      json: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return help("deadline", io);
  const charter = resolveCharter(values.charter);
  if (values.standard === undefined) throw new Failure(`--standard is required (${charter.standards.map((s) => s.id).join(", ")})`);
  if (values.received === undefined) throw new Failure("--received is required, e.g. --received 2025-12-19T17:42");
  const d = deadline(charter, values.standard, values.received, values.acknowledged === undefined ? {} : { acknowledgedAt: values.acknowledged });
  if (values.json) print(io.stdout, JSON.stringify(d, null, 2));
  else if (values.explain) print(io.stdout, explain(d));
  else print(io.stdout, `${d.standardId}: due ${d.due} (${d.rule})${d.inScope ? "" : " — out of scope: received while the office was closed"}`);
  return 0;
}

function cmdCalendar(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { charter: { type: "string" }, from: { type: "string" }, to: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } } });
  if (values.help) return help("calendar", io);
  const charter = resolveCharter(values.charter);
  if (values.from === undefined || values.to === undefined) throw new Failure("--from and --to are required (YYYY-MM-DD)");
  const from = parseDate(values.from, "--from");
  const to = parseDate(values.to, "--to");
  if (to < from) throw new Failure("--to is before --from");
  if (to - from > 3660) throw new Failure("at most 10 years at a time");
  const cal = calendarFor(charter);
  const reasons = new Map(cal.nonWorkingDays(formatDate(from), formatDate(to)).map((d) => [d.date, d]));
  const days = [];
  for (let d = from; d <= to; d++) {
    const date = formatDate(d);
    const why = reasons.get(date);
    days.push({ date, weekday: WEEKDAY_NAMES[weekdayIndex(d)] as string, working: why === undefined, ...(why === undefined ? {} : { reason: why.reason, ...(why.name === undefined ? {} : { name: why.name }) }) });
  }
  if (values.json) print(io.stdout, JSON.stringify(days, null, 2));
  else {
    const working = days.filter((d) => d.working).length;
    print(io.stdout, `${charter.name}: ${working} working days from ${values.from} to ${values.to} (${charter.calendar.timeZone}, ${charter.calendar.holidays})\n`);
    print(io.stdout, table(["date", "day", "status", "name"], days.map((d) => [d.date, d.weekday.slice(0, 3), d.working ? "working" : (d.reason ?? ""), d.name ?? ""]), 4));
  }
  return 0;
}

async function cmdReport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      charter: { type: "string" },
      now: { type: "string" },
      by: { type: "string" },
      format: { type: "string", default: "table" },
      input: { type: "string" },
      abandoned: { type: "string" },
      worst: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return help("report", io);
  const charter = resolveCharter(values.charter);
  const path = positionals[0];
  if (path === undefined || positionals.length > 1) throw new Failure("report needs one CONTACTS file (or - for standard input)");
  if (path !== "-" && !existsSync(path)) throw new Failure(`cannot read ${path}: no such file`);
  const format = values.format;
  if (!["table", "json", "csv", "html"].includes(format)) throw new Failure(`--format must be table, json, csv or html, got ${JSON.stringify(format)}`);
  if (values.by !== undefined && values.by !== "month" && values.by !== "week") throw new Failure(`--by must be month or week, got ${JSON.stringify(values.by)}`);
  if (values.input !== undefined && !["csv", "json", "ndjson"].includes(values.input)) throw new Failure(`--input must be csv, json or ndjson, got ${JSON.stringify(values.input)}`);
  if (values.abandoned !== undefined && !["by-limit", "missed", "excluded"].includes(values.abandoned)) throw new Failure(`--abandoned must be by-limit, missed or excluded, got ${JSON.stringify(values.abandoned)}`);
  const worst = values.worst === undefined ? 5 : Number(values.worst);
  // The command is an application: its default moment of judgement is the clock's.
  const now = values.now ?? new Date().toISOString();
  engineOf(charter).instant(now, "--now");

  const progress = io.stderr.isTTY === true;
  let line = 0;
  let badRows = 0;
  const name = path === "-" ? "stdin" : basename(path);
  const rows = readContacts(path, values.input as ContactFormat | undefined, io.stdin);
  async function* contacts() {
    for await (const row of rows) {
      line = row.line;
      if ("error" in row) {
        badRows++;
        print(io.stderr, `${name}:${row.line}: skipped: ${row.error}`);
        continue;
      }
      yield row.contact;
    }
  }
  const report = await complianceReport(charter, contacts(), {
    now,
    ...(values.by === undefined ? {} : { by: values.by as "month" | "week" }),
    ...(values.abandoned === undefined ? {} : { abandoned: values.abandoned as "by-limit" }),
    worst,
    onSkip: (s) => print(io.stderr, `${name}:${line}: skipped${s.contactId === null ? "" : ` (id ${s.contactId})`}: ${s.message}`),
    ...(progress ? { onProgress: (n: number) => io.stderr.write(`\rread ${n.toLocaleString("en-GB")} contacts…`), progressEvery: 50_000 } : {}),
  });
  if (progress && report.contacts >= 50_000) io.stderr.write("\r\x1b[K");
  const full = { ...report, contacts: report.contacts + badRows, skipped: report.skipped + badRows };
  if (format === "json") print(io.stdout, JSON.stringify(full, null, 2));
  else if (format === "csv") print(io.stdout, reportCsv(full));
  else if (format === "html") print(io.stdout, reportHtml(full, charter));
  else print(io.stdout, reportTable(full, charter));
  return 0;
}

function help(command: string, io: Io): number {
  print(io.stdout, HELP[command] ?? HELP.main ?? "");
  return 0;
}

/** Runs the command with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "help":
      case "--help":
      case "-h":
        return help("main", io);
      case "--version":
      case "-v":
        print(io.stdout, VERSION);
        return 0;
      case "charters":
        return cmdCharters(rest, io);
      case "validate":
        return cmdValidate(rest, io);
      case "deadline":
        return cmdDeadline(rest, io);
      case "calendar":
        return cmdCalendar(rest, io);
      case "report":
        return await cmdReport(rest, io);
      case "schema":
        if (rest.includes("--help")) return help("schema", io);
        print(io.stdout, JSON.stringify(charterJsonSchema(), null, 2));
        return 0;
      default:
        throw new Failure(`unknown command ${JSON.stringify(command)}: try council-sla --help`);
    }
  } catch (error) {
    if (error instanceof Failure || error instanceof TypeError || error instanceof RangeError) {
      print(io.stderr, `council-sla: ${error.message}`);
      return 2;
    }
    if (error instanceof Error && "code" in error && typeof (error as { code: unknown }).code === "string" && (error as { code: string }).code.startsWith("ERR_PARSE_ARGS")) {
      print(io.stderr, `council-sla: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

// Run when executed as the package's bin (not when imported by tests).
const entry = process.argv[1] ?? "";
if (/council-sla$|cli\.(c?js)$/.test(entry)) {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`council-sla: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
