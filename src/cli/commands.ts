/**
 * The command's smaller commands: charters, validate, deadline, calendar; and
 * how `--charter` names a charter (a bundled id, or a file: nothing else).
 *
 * @module
 */
import { COMMAND_OPTIONS } from "./concepts.js";
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatDate, weekdayIndex } from "../calendar/civil.js";
import { WEEKDAY_NAMES } from "../words.js";
import { parseDate } from "../calendar/instant.js";
import { calendarFor } from "../calendar/calendar-for.js";
import { CharterError } from "../charter/errors.js";
import { charterIssue, formatPath, type CharterIssue } from "../charter/issues.js";
import { extendCharter, safeParseCharter } from "../charter/parse.js";
import type { Charter } from "../charter/schema.js";
import { amountText } from "../charter/units.js";
import { charters } from "../charters/index.js";
import { deadline } from "../rules/deadline.js";
import { explain } from "../rules/explain.js";
import { standardById } from "../rules/standard.js";
import { table } from "./format.js";
import { Failure } from "./input/source.js";
import { jsonErrorPosition, locate } from "./locate.js";
import { cli, print } from "./words.js";
import type { Io } from "./partial.js";

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new Failure(
      cli.cannotRead(
        path,
        (error as NodeJS.ErrnoException).code === "EISDIR"
          ? "it is a directory, not a file"
          : ((error as NodeJS.ErrnoException).code ?? (error as Error).message),
      ),
    );
  }
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new Failure(cli.notJson(path, (error as Error).message));
  }
}

function issueLines(path: string, text: string, issues: readonly CharterIssue[]): string[] {
  return issues.map((issue) => {
    const { line, column } = locate(text, issue.path);
    return `${path}:${line}:${column}: ✖ ${issue.message} → at ${formatPath(issue.path)}`;
  });
}

/** Parses a charter file (or a layer on a bundled charter, or on one of `others`): the charter, or its issues. */
function loadFile(
  path: string,
  text: string,
  others: ReadonlyMap<string, Charter> = new Map(),
): { charter?: Charter; issues: readonly CharterIssue[] } {
  const json = parseJson(path, text);
  const base =
    typeof json === "object" && json !== null && Object.hasOwn(json, "extends")
      ? (json as { extends?: unknown }).extends
      : undefined;
  if (typeof base === "string") {
    const bundled = Object.hasOwn(charters, base) ? charters[base] : others.get(base);
    if (bundled === undefined) {
      return {
        issues: [
          charterIssue("unknown_base", ["extends"], { base, known: [...Object.keys(charters), ...others.keys()] }),
        ],
      };
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

/** `--charter`: a bundled charter's id, or the path of a charter file (nothing else: `__proto__` is neither). */
export function resolveCharter(value: string | undefined): Charter {
  if (value === undefined) throw new Failure(cli.charterRequired());
  if (Object.hasOwn(charters, value)) return charters[value] as Charter;
  let isFile = false;
  try {
    isFile = statSync(value).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) throw new Failure(cli.unknownCharter(value, Object.keys(charters)));
  const text = readText(value);
  const { charter, issues } = loadFile(value, text);
  if (charter === undefined) throw new Failure(cli.invalidCharter(value, issueLines(value, text, issues).join("\n")));
  return charter;
}

export function cmdCharters(args: string[], io: Io, help: () => number): number {
  const { values } = parseArgs({ args, options: COMMAND_OPTIONS.charters });
  if (values.help) return help();
  if (values.json) {
    print(io.stdout, JSON.stringify(Object.values(charters), null, 2));
    return 0;
  }
  const blocks = Object.values(charters).map((c) => {
    const head = `${c.id}: ${c.name} (${c.calendar.timeZone}, holidays ${c.calendar.holidays})`;
    if (c.standards.length === 0) return `${head}\n  no measurable standards; ${c.commitments.length} commitments`;
    const rows = c.standards.map((s) => [
      s.id,
      s.channels.join(", "),
      amountText(standardById(c, s.id).amount, standardById(c, s.id).unit),
      s.target.percent === 100 ? "" : `${s.target.percent}%`,
      [
        s.allowPromise && "promise",
        s.stopsOn && `stops on ${s.stopsOn.join("/")}`,
        s.scope === "office-hours" && "office hours",
      ]
        .filter(Boolean)
        .join("; "),
    ]);
    return `${head}\n${table(["standard", "channels", "limit", "target", "notes"], rows, 5).replace(/^/gm, "  ")}`;
  });
  print(io.stdout, blocks.join("\n\n"));
  return 0;
}

export function cmdValidate(args: string[], io: Io, help: () => number): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: COMMAND_OPTIONS.validate });
  if (values.help) return help();
  if (positionals.length === 0) throw new Failure(cli.validateNeedsFile());
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
    let loaded: ReturnType<typeof loadFile>;
    try {
      loaded = loadFile(path, text, others);
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      const where = jsonErrorPosition(text, error);
      print(
        io.stdout,
        where ? `${path}:${where.line}:${where.column}: ✖ ${error.message.replace(`${path}: `, "")}` : error.message,
      );
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

export function cmdDeadline(args: string[], io: Io, help: () => number): number {
  const { values } = parseArgs({
    args,
    options: COMMAND_OPTIONS.deadline,
  });
  if (values.help) return help();
  const charter = resolveCharter(values.charter);
  if (values.standard === undefined) throw new Failure(cli.standardRequired(charter.standards.map((s) => s.id)));
  if (values.received === undefined) throw new Failure(cli.receivedRequired());
  const d = deadline(
    charter,
    values.standard,
    values.received,
    values.acknowledged === undefined ? {} : { acknowledgedAt: values.acknowledged },
  );
  if (values.json) print(io.stdout, JSON.stringify(d, null, 2));
  else if (values.explain) print(io.stdout, explain(d));
  else
    print(
      io.stdout,
      `${d.standardId}: due ${d.due} (${d.rule})${d.inScope ? "" : " — out of scope: received while the office was closed"}`,
    );
  return 0;
}

export function cmdCalendar(args: string[], io: Io, help: () => number): number {
  const { values } = parseArgs({
    args,
    options: COMMAND_OPTIONS.calendar,
  });
  if (values.help) return help();
  const charter = resolveCharter(values.charter);
  if (values.from === undefined || values.to === undefined) throw new Failure(cli.fromToRequired());
  const from = parseDate(values.from, "--from");
  const to = parseDate(values.to, "--to");
  if (to < from) throw new Failure(cli.toBeforeFrom());
  if (to - from > 3660) throw new Failure(cli.tooManyYears());
  const cal = calendarFor(charter);
  const reasons = new Map(cal.nonWorkingDays(formatDate(from), formatDate(to)).map((d) => [d.date, d]));
  const days = [];
  for (let d = from; d <= to; d++) {
    const date = formatDate(d);
    const why = reasons.get(date);
    days.push({
      date,
      weekday: WEEKDAY_NAMES[weekdayIndex(d)] as string,
      working: why === undefined,
      ...(why === undefined ? {} : { reason: why.reason, ...(why.name === undefined ? {} : { name: why.name }) }),
    });
  }
  if (values.json) print(io.stdout, JSON.stringify(days, null, 2));
  else {
    const working = days.filter((d) => d.working).length;
    print(
      io.stdout,
      `${charter.name}: ${working} working days from ${values.from} to ${values.to} (${charter.calendar.timeZone}, ${charter.calendar.holidays})\n`,
    );
    print(
      io.stdout,
      table(
        ["date", "day", "status", "name"],
        days.map((d) => [d.date, d.weekday.slice(0, 3), d.working ? "working" : (d.reason ?? ""), d.name ?? ""]),
        4,
      ),
    );
  }
  return 0;
}
