// One table per concept (src/concepts.ts), and every table of words a Record over its concept's union: a
// new member does not compile until each output has its words. The `@ts-expect-error` lines are checked by
// `tsc --noEmit` (npm test's type check covers test/): were a table's type to widen to `Record<string, ...>`,
// the table missing a member would compile, the directive would be unused, and the type check would fail.
import { describe, expect, expectTypeOf, test } from "vitest";
import {
  ABANDONED_POLICIES,
  CHANNELS,
  DUE_RULES,
  FIRMNESSES,
  IGNORED_PROMISES,
  NON_WORKING_REASONS,
  NOT_APPLICABLE_REASONS,
  REPORT_PERIODS,
  STAGES,
  STATUSES,
  type AbandonedPolicy,
  type Channel,
  type DueRule,
  type Firmness,
  type IgnoredPromise,
  type NonWorkingReason,
  type NotApplicableReason,
  type ReportBy,
  type Stage,
  type Status,
} from "../src/concepts.js";
import type { Standard } from "../src/charter/schema.js";
import { charterJsonSchema } from "../src/index.js";
import type { Evaluation } from "../src/rules/evaluate.js";
import type { ComplianceReport } from "../src/rules/report-types.js";
import { COMMAND_OPTIONS, COMMANDS, type Command } from "../src/cli/concepts.js";
import {
  ABANDONED_WORDS,
  CHANNEL_PLURAL,
  COMMAND_WORDS,
  HELP,
  OPTION_HELP,
  CHANNEL_SINGULAR,
  FIRMNESS_SAYS,
  PERIOD_WORDS,
  REGION_WORDS,
  STAGE_DONE,
} from "../src/cli/words.js";
import { HOLIDAY_REGIONS, type HolidayRegion } from "../src/holidays/index.js";
import {
  DUE_WORDS,
  FIRMNESS_WORDS,
  IGNORED_PROMISE_WORDS,
  NON_WORKING_WORDS,
  NOT_APPLICABLE_WORDS,
  STATUS_WORDS,
} from "../src/words.js";

const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** Each words table, its concept's members, and the file it lives in (for the failure message). */
const TABLES: readonly [string, object, readonly string[]][] = [
  ["words.ts FIRMNESS_WORDS", FIRMNESS_WORDS, FIRMNESSES],
  ["words.ts STATUS_WORDS", STATUS_WORDS, STATUSES],
  ["words.ts NOT_APPLICABLE_WORDS", NOT_APPLICABLE_WORDS, NOT_APPLICABLE_REASONS],
  ["words.ts IGNORED_PROMISE_WORDS", IGNORED_PROMISE_WORDS, IGNORED_PROMISES],
  ["words.ts NON_WORKING_WORDS", NON_WORKING_WORDS, NON_WORKING_REASONS],
  ["words.ts DUE_WORDS", DUE_WORDS, DUE_RULES],
  ["cli/words.ts CHANNEL_PLURAL", CHANNEL_PLURAL, CHANNELS],
  ["cli/words.ts CHANNEL_SINGULAR", CHANNEL_SINGULAR, CHANNELS],
  ["cli/words.ts STAGE_DONE", STAGE_DONE, STAGES],
  ["cli/words.ts PERIOD_WORDS", PERIOD_WORDS, REPORT_PERIODS],
  ["cli/words.ts ABANDONED_WORDS", ABANDONED_WORDS, ABANDONED_POLICIES],
  ["cli/words.ts REGION_WORDS", REGION_WORDS, HOLIDAY_REGIONS],
  ["cli/words.ts FIRMNESS_SAYS", FIRMNESS_SAYS, FIRMNESSES],
];

describe("every table of words has exactly its concept's members", () => {
  test.each(TABLES)("%s", (_name, table, members) => {
    expect(sorted(Object.keys(table))).toEqual(sorted(members));
    for (const words of Object.values(table)) expect(words).toBeTruthy();
  });
});

describe("the types derive from the tables", () => {
  test("the schema's types are the concepts' unions", () => {
    expectTypeOf<NonNullable<Standard["firmness"]>>().toEqualTypeOf<Firmness>();
    expectTypeOf<Standard["stage"]>().toEqualTypeOf<Stage>();
    expectTypeOf<Standard["channels"][number]>().toEqualTypeOf<Channel>();
    expectTypeOf<Standard["dueAt"]>().toEqualTypeOf<Extract<DueRule, Standard["dueAt"]>>();
    expectTypeOf<Evaluation["status"]>().toEqualTypeOf<Status>();
    expectTypeOf<Evaluation["promiseIgnored"]>().toEqualTypeOf<IgnoredPromise | undefined>();
    expectTypeOf<Extract<Evaluation["reason"], NotApplicableReason>>().toEqualTypeOf<NotApplicableReason>();
    expectTypeOf<ComplianceReport["abandoned"]>().toEqualTypeOf<AbandonedPolicy>();
    expectTypeOf<ComplianceReport["by"]>().toEqualTypeOf<ReportBy | null>();
  });

  test("the charter's JSON Schema offers the concepts' members", () => {
    const text = JSON.stringify(charterJsonSchema());
    expect(text).toContain(JSON.stringify([...FIRMNESSES]));
    expect(text).toContain(JSON.stringify([...STAGES]));
    expect(text).toContain(JSON.stringify([...CHANNELS]));
  });

  test("each words table is keyed by its concept's union", () => {
    expectTypeOf<keyof typeof FIRMNESS_WORDS>().toEqualTypeOf<Firmness>();
    expectTypeOf<keyof typeof STATUS_WORDS>().toEqualTypeOf<Status>();
    expectTypeOf<keyof typeof NOT_APPLICABLE_WORDS>().toEqualTypeOf<NotApplicableReason>();
    expectTypeOf<keyof typeof IGNORED_PROMISE_WORDS>().toEqualTypeOf<IgnoredPromise>();
    expectTypeOf<keyof typeof NON_WORKING_WORDS>().toEqualTypeOf<NonWorkingReason>();
    expectTypeOf<keyof typeof DUE_WORDS>().toEqualTypeOf<DueRule>();
    expectTypeOf<keyof typeof CHANNEL_PLURAL>().toEqualTypeOf<Channel>();
    expectTypeOf<keyof typeof STAGE_DONE>().toEqualTypeOf<Stage>();
    expectTypeOf<keyof typeof PERIOD_WORDS>().toEqualTypeOf<ReportBy>();
    expectTypeOf<keyof typeof ABANDONED_WORDS>().toEqualTypeOf<AbandonedPolicy>();
    expectTypeOf<keyof typeof REGION_WORDS>().toEqualTypeOf<HolidayRegion>();
  });
});

describe("a member without its words does not compile", () => {
  // Each table below is written as the real one would be with one member's words left out.
  test("firmness", () => {
    // @ts-expect-error "general-rule" has no words
    const table: typeof FIRMNESS_WORDS = { will: FIRMNESS_WORDS.will, aim: FIRMNESS_WORDS.aim };
    expect(Object.keys(table)).not.toContain("general-rule");
  });

  test("status", () => {
    // @ts-expect-error "future" has no words
    const table: typeof STATUS_WORDS = { met: "", breached: "", pending: "", "not-applicable": "" };
    expect(Object.keys(table)).toHaveLength(4);
  });

  test("not-applicable reason", () => {
    // @ts-expect-error "appointment" has no words
    const table: typeof NOT_APPLICABLE_WORDS = { abandoned: "", "outside-office-hours": "", "customer-obligation": "" };
    expect(Object.keys(table)).toHaveLength(3);
  });

  test("ignored promise", () => {
    // @ts-expect-error "beyond-limit" has no words
    const table: typeof IGNORED_PROMISE_WORDS = {
      "no-acknowledgement": "",
      "acknowledged-after-due": "",
      "before-acknowledgement": "",
    };
    expect(Object.keys(table)).toHaveLength(3);
  });

  test("due rule", () => {
    const { elapsed: _elapsed, ...rest } = DUE_WORDS;
    // @ts-expect-error "elapsed" has no words
    const table: typeof DUE_WORDS = rest;
    expect(Object.keys(table)).not.toContain("elapsed");
  });

  test("non-working reason", () => {
    // @ts-expect-error "closure" has no words
    const table: typeof NON_WORKING_WORDS = { weekend: "", holiday: "" };
    expect(Object.keys(table)).toHaveLength(2);
  });

  test("channel", () => {
    const { fax: _fax, ...rest } = CHANNEL_PLURAL;
    // @ts-expect-error "fax" has no words
    const table: typeof CHANNEL_PLURAL = rest;
    expect(Object.keys(table)).not.toContain("fax");
  });

  test("stage", () => {
    // @ts-expect-error "respond" has no words
    const table: typeof STAGE_DONE = { answer: "", attend: "", acknowledge: "" };
    expect(Object.keys(table)).toHaveLength(3);
  });

  test("report period", () => {
    const words = { name: "", title: () => "", tick: () => "" };
    // @ts-expect-error "financial-year" has no words
    const table: typeof PERIOD_WORDS = { month: words, week: words, quarter: words };
    expect(Object.keys(table)).toHaveLength(3);
  });

  test("abandoned-call policy", () => {
    // @ts-expect-error "excluded" has no words
    const table: typeof ABANDONED_WORDS = { "by-limit": "", missed: "" };
    expect(Object.keys(table)).toHaveLength(2);
  });

  test("holiday region", () => {
    const { "CA-ON": _ontario, ...rest } = REGION_WORDS;
    // @ts-expect-error "CA-ON" has no words
    const table: typeof REGION_WORDS = rest;
    expect(Object.keys(table)).not.toContain("CA-ON");
  });

  test("command option", () => {
    const { jobs: _jobs, ...rest } = OPTION_HELP.report;
    // @ts-expect-error report's "jobs" has no help
    const table: (typeof OPTION_HELP)["report"] = rest;
    expect(Object.keys(table)).not.toContain("jobs");
  });

  test("command", () => {
    const { schema: _schema, ...rest } = COMMAND_WORDS;
    // @ts-expect-error "schema" has no words in the main help
    const table: typeof COMMAND_WORDS = rest;
    expect(Object.keys(table)).not.toContain("schema");
  });
});

describe("every command's help names each of its options", () => {
  const options = (command: Command): string[] => Object.keys(COMMAND_OPTIONS[command]).filter((o) => o !== "help");
  test.each(COMMANDS.flatMap((c) => options(c).map((o) => [c, o] as const)))("%s --%s", (command, option) => {
    const lines: Readonly<Record<string, string | null>> = OPTION_HELP[command];
    const line = lines[option];
    expect(line).not.toBeUndefined();
    // An option without lines of its own is named in the usage, or (reconcile's mapping) is report's.
    if (line === null)
      expect(HELP[command].includes(`--${option}`) || HELP.report.includes(`  --${option} `)).toBe(true);
    else {
      expect(line).toMatch(new RegExp(`^  --${option}\\b`));
      expect(HELP[command]).toContain(line);
    }
  });

  test("the main help lists every command", () => {
    const lines = HELP.main.split("\n").map((line) => line.trim().split(/\s+/));
    for (const command of COMMANDS) expect(lines).toContainEqual([command, ...COMMAND_WORDS[command].split(" ")]);
  });
});
