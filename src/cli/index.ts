#!/usr/bin/env node
/**
 * The `council-sla` command: reads its first argument and runs that command (concepts.ts
 * lists them with their options, words.ts has their help).
 *
 * Exit codes: 0 success; 1 a charter file is not valid (validate), or rows of a report
 * were skipped (more than --max-skipped allows); 2 a usage error, input that cannot be
 * read at all, an unknown charter or standard, or a bad argument value; 130 a database
 * query cancelled with Ctrl-C.
 *
 * @module
 */
import { charterJsonSchema } from "../charter/schema.js";
import { parseArgs } from "node:util";
import { COMMAND_OPTIONS, COMMANDS, type Command, isMember } from "./concepts.js";
import { cmdCalendar, cmdCharters, cmdDeadline, cmdValidate, resolveCharter } from "./commands.js";
import { Cancelled } from "./input/db.js";
import { Failure } from "./input/source.js";
import { HELP, cli, print } from "./words.js";
import { cmdMerge, cmdReport, type Io } from "./report.js";
import { cmdProfiles, cmdStandards } from "./listing.js";
import { cmdReconcile } from "./reconcile.js";

export type { Io } from "./partial.js";

/** The package's version, written in by the build (tsup.config.ts) from package.json. */
declare const __COUNCIL_SLA_VERSION__: string;
const VERSION = __COUNCIL_SLA_VERSION__;

function help(command: Command | "main", io: Io): number {
  print(io.stdout, HELP[command]);
  return 0;
}

/** How each command runs, given its arguments and its help: a new command does not compile until it has a runner. */
const RUN: Readonly<Record<Command, (args: string[], io: Io, help: () => number) => number | Promise<number>>> = {
  charters: cmdCharters,
  standards: (args, io, h) => cmdStandards(args, io, resolveCharter, h),
  profiles: cmdProfiles,
  validate: cmdValidate,
  deadline: cmdDeadline,
  calendar: cmdCalendar,
  report: (args, io, h) => cmdReport(args, io, resolveCharter, h),
  merge: (args, io, h) => cmdMerge(args, io, resolveCharter, h),
  reconcile: (args, io, h) => cmdReconcile(args, io, resolveCharter, h),
  schema: (args, io, h) => {
    if (parseArgs({ args, options: COMMAND_OPTIONS.schema }).values.help) return h();
    print(io.stdout, JSON.stringify(charterJsonSchema(), null, 2));
    return 0;
  },
};

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
      default:
        if (!isMember(COMMANDS, command)) throw new Failure(cli.unknownCommand(command));
        return await RUN[command](rest, io, () => help(command, io));
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
