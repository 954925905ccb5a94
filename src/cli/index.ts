#!/usr/bin/env node
/**
 * The `council-sla` command: charters, validate, deadline, calendar, report, merge, schema.
 *
 * Exit codes: 0 success; 1 a charter file is not valid (validate), or rows of a report
 * were skipped (more than --max-skipped allows); 2 a usage error, input that cannot be
 * read at all, an unknown charter or standard, or a bad argument value; 130 a database
 * query cancelled with Ctrl-C.
 *
 * @module
 */
import { charterJsonSchema } from "../charter/schema.js";
import { CONTACT_FIELDS, CONTACT_FIELD_NAMES } from "../charter/vocabulary.js";
import { ABANDONED_POLICIES, REPORT_PERIODS } from "../concepts.js";
import { AUDIENCES, RECONCILE_FORMATS, REPORT_FORMATS, VERDICT_WORDS } from "./concepts.js";
import { cmdCalendar, cmdCharters, cmdDeadline, cmdValidate, resolveCharter } from "./commands.js";
import { Cancelled } from "./input/db.js";
import { Failure } from "./input/source.js";
import { cli, print } from "./words.js";
import { cmdMerge, cmdReport, type Io } from "./report.js";
import { cmdProfiles, cmdStandards } from "./listing.js";
import { cmdReconcile } from "./reconcile.js";

export type { Io } from "./partial.js";

/** The package's version, written in by the build (tsup.config.ts) from package.json. */
declare const __COUNCIL_SLA_VERSION__: string;
const VERSION = __COUNCIL_SLA_VERSION__;

const HELP: Record<string, string> = {
  main: `council-sla: councils' customer service charters, deadlines and compliance

Usage: council-sla <command> [options]

Commands:
  charters    list the bundled charters and their standards
  standards   a charter's standards with the channels, categories and events an export must give
  profiles    the profiles for council systems' exports (report --profile NAME)
  validate    check charter files; each problem with its JSON path and line:column
  deadline    when a standard falls due for a contact, and why
  calendar    working and non-working days between two dates
  report      how contacts fare against a charter's standards
  merge       combine partial reports into the report of the whole
  reconcile   where a system's own due dates and verdicts disagree with the charter's, and why
  schema      print the charter JSON Schema

Run council-sla <command> --help for a command's options.

Exit codes: 0 success; 1 a charter file is not valid (validate), or report rows
were skipped; 2 a usage error, unreadable input, an unknown charter or standard, or a
bad value.`,
  charters: `Usage: council-sla charters [--json]

Lists the bundled charters (copeland, colchester, norwich, dartford, kawartha-lakes,
and dartford-housing, a department's layer on dartford) with each measurable standard.

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
  report: `Usage: council-sla report --charter ID|FILE --now INSTANT|now CONTACTS [options]
       council-sla report --charter ID|FILE --now INSTANT|now --db URL --query SQL [options]

CONTACTS is a CSV file with a header (comma, semicolon, tab or |), a JSON array, NDJSON,
an Excel .xlsx workbook, or - for standard input. Its columns (or keys) are the contact fields,
or are mapped to them (council-sla standards --charter ID shows the words each standard needs):
${CONTACT_FIELD_NAMES.map((f) => `  ${f.padEnd(15)} ${CONTACT_FIELDS[f].description}`).join("\n")}

  --now INSTANT|now      the moment of judgement (required): a fixed instant, or now for the clock
  --by ${REPORT_PERIODS.join("|")}   a row per standard and period of receipt (local
                         month, ISO week, quarter or financial year), each with its year to date
  --year-start MM-DD     the first day of the reporting year (default: 04-01, the UK financial
                         year; 01-01 for the calendar year, as Ontario municipalities report)
  --format ${REPORT_FORMATS.join("|")}   output (default: table); json is a partial report
                         for merge; dataset writes performance.csv and datapackage.json to --out
  --audience ${AUDIENCES.join("|")}   for html and md: public (the default) is the page for the
                         council's website; officer adds the worst breaches with references,
                         the charter's assumptions and the input account
  --out DIR              the directory for --format dataset
  --input csv|json|ndjson|xlsx|intervals   the format (default: from the name or the content);
                         intervals: rows are interval counts (intervalStart, intervalMinutes,
                         channel, offered, answered, answeredWithin, thresholdSeconds, abandoned,
                         abandonedWithin, abandonThresholdSeconds), judged for telephone standards
  --delimiter ,|;|tab|'|'   the CSV delimiter (default: the header line's most frequent)
  --encoding NAME        the file's text encoding when it is not UTF-8 or UTF-16 with a
                         byte-order mark, e.g. windows-1252
  --sheet NAME           the sheet of an .xlsx file (default: the first visible one)
  --profile NAME         a system's export as council-sla profiles lists them (teams-call-queue, ...)
  --map FIELD=COLUMN     the export's column for a field (repeatable); FIELD.KEY=VALUE derives one:
                         receivedAt.date=D --map receivedAt.time=T (two columns);
                         answeredAt.after=receivedAt --map answeredAt.duration=WAIT
                         [--map answeredAt.unit=seconds|minutes|hours|hh:mm:ss] (a duration);
                         abandonedAt.flag=ABANDONED [--map abandonedAt.yes=Y] with a time given
                         one of those ways (a yes/no flag that sets the event); FIELD.zone=UTC
  --set FIELD=VALUE      a constant, e.g. channel=telephone (repeatable)
  --map-file FILE        { "columns": {FIELD: COLUMN or SOURCE}, "set": {FIELD: VALUE},
                           "values": {FIELD: {WORD: VALUE}}, "ignore": [COLUMN],
                           "dateFormat": FORMAT or [FORMAT, ...] } (README: From your system)
  --map-value FIELD:WORD=VALUE   e.g. channel:Phone=telephone, channel:2=email (repeatable)
  --ignore COLUMN        a column to leave out (repeatable)
  --date-format [FIELD=]FORMAT   date-fns tokens, e.g. "dd/MM/yyyy HH:mm" (repeatable: tried in
                         order; FIELD= for one field's column); wall times in the charter's zone,
                         unless the format has an offset (X, x, O) or an epoch (T, t);
                         a format with no hour gives dates, for events judged by working days
  --check-mapping        show which field each column feeds and the channel and category values
                         of the first 1,000 rows with the standards they reach, then stop
  --allow-threshold      judge interval counts whose threshold is not the standard's limit
                         (the report lists such thresholds)
  --quiet                no progress line (shown only on a terminal, when CI is not set)
  --abandoned ${ABANDONED_POLICIES.join("|")}   how abandoned calls count (default: by-limit)
  --worst N              worst breaches kept per standard (default: 5)
  --keep-duplicates      judge every row, even one whose id an earlier row had (default: the
                         first is judged, the others skipped and listed)
  --strict-values        skip rows whose channel or category reaches no standard (default:
                         judged, and the values listed)
  --max-skipped N|N%     rows that may be skipped before the exit status is 1 (default: 0)
  --jobs N               judge in N threads: this one and N-1 workers (the same report as --jobs 1)

Every row is accounted for: read = judged + skipped + future. Skipped rows are on stderr
with their line and reason, and the report counts them by reason; rows received after
--now are counted apart. A file that cannot be used at all (empty, a missing or unknown
column, a mapping it does not understand, not CSV or JSON) stops with one message before
any row is judged; a header and no rows is a report of nothing.

Exit status: 0 no row skipped (or no more than --max-skipped); 1 rows skipped;
2 a usage error or input that cannot be read at all.

From PostgreSQL instead of a file (needs: npm install pg pg-query-stream):
  --db URL               postgresql://USER@HOST:PORT/DATABASE (?host=/socket/dir for a socket); the
                         password from PGPASSWORD or ~/.pgpass, never printed
  --db-env NAME          the URL from the environment variable NAME (so it is not in the arguments)
  --query SQL            one SELECT or WITH statement: its columns are the contact fields, or mapped
  --query-file FILE      the query from a file
  --db-timeout DURATION  the longest the query and its rows may take, e.g. 30s, 10min, 2h (default: 10min)
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
charter the reports were made with.`,
  standards: `Usage: council-sla standards --charter ID|FILE [--json]

Lists each standard of the charter with the words an export must use to reach it: its
channels, its category (a standard with one covers only contacts of it), its stage, limit,
target and how firmly it is promised, and the contact fields its judgement reads.`,
  profiles: `Usage: council-sla profiles [--json]

Lists the profiles shipped with council-sla: map files for the exports council systems write
(Microsoft Teams call queues, NICE CXone, Dynamics 365, Salesforce, ServiceNow, Zendesk,
Avaya CMS intervals), each with the documentation page its column names come from. Use one
with report --profile NAME; --map, --set and --map-value override its entries.`,
  reconcile: `Usage: council-sla reconcile --charter ID|FILE --now INSTANT FILE
         [--profile NAME | mapping options] [--compare dueDate=COLUMN] [--compare verdict=COLUMN]
         [--verdict-word WORD=${VERDICT_WORDS.join("|")} ...] [--stage STAGE] [--format ${RECONCILE_FORMATS.join("|")}]

Compares a system's own due dates and verdicts with the charter's, row by row, for the
standard of --stage (default: respond; a profile may name it) that covers each row, and
lists every disagreement with its reason in words (a bank holiday counted as a working day,
a pause over a holiday, a clock change, a promise, the day of receipt counted), then the
totals by reason. The mapping options are report's (--map, --set, --date-format, ...).
Exit status: 0 when every row was read; 1 when rows could not be read; 2 a usage error.`,
  schema: `Usage: council-sla schema

Prints the charter JSON Schema (the same as charters/charter.schema.json).`,
};

function help(command: string, io: Io): number {
  print(io.stdout, HELP[command] ?? HELP.main ?? "");
  return 0;
}

/** Runs the command with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const helpFor = (name: string) => () => help(name, io);
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
        return cmdCharters(rest, io, helpFor("charters"));
      case "standards":
        return cmdStandards(rest, io, resolveCharter, helpFor("standards"));
      case "profiles":
        return cmdProfiles(rest, io, helpFor("profiles"));
      case "reconcile":
        return await cmdReconcile(rest, io, resolveCharter, helpFor("reconcile"));
      case "validate":
        return cmdValidate(rest, io, helpFor("validate"));
      case "deadline":
        return cmdDeadline(rest, io, helpFor("deadline"));
      case "calendar":
        return cmdCalendar(rest, io, helpFor("calendar"));
      case "report":
        return await cmdReport(rest, io, resolveCharter, helpFor("report"));
      case "merge":
        return cmdMerge(rest, io, resolveCharter, helpFor("merge"));
      case "schema":
        if (rest.includes("--help")) return help("schema", io);
        print(io.stdout, JSON.stringify(charterJsonSchema(), null, 2));
        return 0;
      default:
        throw new Failure(cli.unknownCommand(command));
    }
  } catch (error) {
    if (error instanceof Failure || error instanceof TypeError || error instanceof RangeError) {
      print(io.stderr, `council-sla: ${error.message}`);
      return error instanceof Cancelled ? 130 : 2;
    }
    if (
      error instanceof Error &&
      "code" in error &&
      typeof (error as { code: unknown }).code === "string" &&
      (error as { code: string }).code.startsWith("ERR_PARSE_ARGS")
    ) {
      print(io.stderr, `council-sla: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

// Run when executed as the package's bin (not when imported by tests).
const entry = process.argv[1] ?? "";
if (/council-sla$|cli\.(c?js)$/.test(entry)) {
  // A closed pipe (council-sla calendar ... | head -1) ends the command quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `council-sla: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 3;
    },
  );
}
