// Why a row is skipped, as data: every code of SKIP_REASONS reached from a real input (CSV, NDJSON, a JSON array,
// a workbook; the database's one code in test/database.test.ts), each written in the JSON account as its code and
// field beside the words it always had; partial reports written before codes still merge, grouping as before; and a
// table of words that misses a reason does not compile (checked by `tsc --noEmit`, which covers this file).
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, expectTypeOf, test } from "vitest";
import { SKIP_REASONS, type Skip, type SkipReason, type SkipWords, skipOf } from "../src/cli/concepts.js";
import { SKIP_WORDS, skipWords } from "../src/cli/words.js";
import { reasonOf } from "../src/cli/workers.js";
import { scratchDir } from "./support.js";
import { serial, workbook } from "./workbook.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const dir = scratchDir("council-sla-skips-");
const NOW = "2027-01-31T23:59";

beforeAll(() => {
  if (!existsSync(CLI)) spawnSync("npx", ["tsup", "--silent"], { stdio: "inherit" });
}, 120_000);

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function cli(args: readonly string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

interface Reason {
  reason: string;
  code?: string;
  field?: string;
  count: number;
  first: string[];
}

/** `report --format json` of a file: its exit status, its skipped rows by reason, the JSON and what it said. */
function skipped(charter: string, path: string, args: readonly string[] = [], now = NOW) {
  const r = cli(["report", "--charter", charter, "--now", now, "--format", "json", ...args, path]);
  const json = JSON.parse(r.out) as { input: { skipped: { total: number; reasons: Reason[] } } };
  return { status: r.status, reasons: json.input.skipped.reasons, json: r.out, err: r.err };
}

/** Each reason as [code, field, words, first lines], the way a reader of the JSON sees it. */
const rows = (reasons: readonly Reason[]) => reasons.map((r) => [r.code, r.field, r.reason, r.first]);

/** The codes each input below reaches, gathered to check that none of SKIP_REASONS is left unreached. */
const reached = new Set<string>();
const note = (reasons: readonly Reason[]) => {
  for (const r of reasons) if (r.code !== undefined) reached.add(r.code);
};

describe("every skip reason, from a real input, with its code, its field and its words as they always were", () => {
  test("a CSV export: broken records, a repeated id, a bad time, a bad pause, a call without its time, values no standard covers", () => {
    const csv = [
      "id,channel,category,receivedAt,respondedAt,pauses",
      "A1,email,,2026-01-05T10:00,2026-01-06T10:00,",
      'A2,"email"x,,2026-01-05T10:00,,',
      "A3,email,,2026-01-05T10:00,,,extra",
      "A1,email,,2026-01-05T10:00,2026-01-06T10:00,",
      "A4,email,,garbage,,",
      "A5,email,,2026-01-05T10:00,,abc",
      "A6,telephone,,2026-01-05,,",
      "A7,pigeon,,2026-01-05T10:00,,",
      "A8,letter,nonesuch,2026-01-05T10:00,,",
      `A9,email,,2026-01-05T10:00,,${"x".repeat(1_200_000)}`,
      "A10,email,,2026-01-05T10:00,2026-01-06T10:00,",
      'A11,email,,"2026-01-05T10:00,,',
    ].join("\n");
    const r = skipped("copeland", file("rows.csv", `${csv}\n`), ["--strict-values"]);
    expect(r.status).toBe(1);
    expect(rows(r.reasons)).toEqual([
      ["invalid_contact", "receivedAt", "invalid contact.receivedAt", ["rows.csv:6"]],
      ["malformed_quote", undefined, "malformed quoted field", ["rows.csv:3"]],
      ["bad_pause", undefined, "pauses not written from/to", ["rows.csv:7"]],
      ["date_without_time", "receivedAt", "receivedAt without a time", ["rows.csv:8"]],
      ["repeated_id", undefined, "repeated id", ["rows.csv:5"]],
      ["row_too_long", undefined, "row too long", ["rows.csv:11"]],
      ["unclosed_quote", undefined, "unclosed quote", ["rows.csv:13"]],
      ["unmatched_category", undefined, "unmatched category", ["rows.csv:10"]],
      ["unmatched_channel", undefined, "unmatched channel", ["rows.csv:9"]],
      ["field_count", undefined, "wrong number of fields", ["rows.csv:4"]],
    ]);
    note(r.reasons);
    // A reason with no field writes none: the key is absent, not null.
    expect(r.reasons.find((x) => x.code === "repeated_id")).not.toHaveProperty("field");
    // Standard error and the table's account read as they always did.
    expect(r.err).toContain('rows.csv:5: skipped: the id "A1" is an earlier row\'s');
    const table = cli(["report", "--charter", "copeland", "--now", NOW, "--strict-values", file("rows2.csv", csv)]);
    expect(table.out).toContain("1 unmatched channel (first at rows2.csv:9); 1 wrong number of fields (first at");
    expect(table.out).toContain("1 invalid contact.receivedAt (first at rows2.csv:6)");
  });

  test("NDJSON: a line that is not JSON, one that is not an object, an unknown key, a line too long", () => {
    const good = (id: string) => JSON.stringify({ id, channel: "email", receivedAt: "2026-01-05T10:00" });
    const lines = [
      good("N1"),
      '{"id": "N2", ',
      "[1, 2]",
      JSON.stringify({ id: "N3", channel: "email", receivedAt: "2026-01-05T10:00", colour: "red" }),
      `{"id":"${"x".repeat(1_200_000)}"}`,
      good("N4"),
    ];
    const r = skipped("copeland", file("rows.ndjson", `${lines.join("\n")}\n`));
    expect(rows(r.reasons)).toEqual([
      ["not_json", undefined, "not JSON", ["rows.ndjson:2"]],
      ["not_an_object", undefined, "not a contact object", ["rows.ndjson:3"]],
      ["row_too_long", undefined, "row too long", ["rows.ndjson:5"]],
      ["unknown_key", undefined, "unknown key", ["rows.ndjson:4"]],
    ]);
    note(r.reasons);
  });

  test("a JSON array cut short", () => {
    const text = `[\n${JSON.stringify({ id: "J1", channel: "email", receivedAt: "2026-01-05T10:00" })},\n{"id": "J2"`;
    const r = skipped("copeland", file("cut.json", text));
    expect(rows(r.reasons)).toEqual([["truncated_json", undefined, "truncated JSON", ["cut.json:3"]]]);
    note(r.reasons);
  });

  test("fields derived from two columns, a duration and a flag: each problem names its field", () => {
    const csv = [
      "id,channel,R,WAIT,AB,ABT,VD,VT",
      "T1,telephone,2026-01-05T10:00:00,10,N,,,",
      "T2,telephone,2026-01-05T10:00:00,10,N,,2026-01-05,",
      "T3,telephone,2026-01-05,10,N,,,",
      "T4,telephone,2026-01-05T10:00:00,abc,N,,,",
      "T5,telephone,2026-01-05T10:00:00,10,maybe,,,",
      "T6,telephone,2026-01-05T10:00:00,10,Y,,,",
      "T7,telephone,garbage,10,N,,,",
    ].join("\n");
    const r = skipped("copeland", file("derived.csv", `${csv}\n`), [
      ...["--map", "receivedAt=R", "--map", "answeredAt.after=receivedAt", "--map", "answeredAt.duration=WAIT"],
      ...["--map", "abandonedAt.flag=AB", "--map", "abandonedAt.column=ABT"],
      ...["--map", "voicemailAt.date=VD", "--map", "voicemailAt.time=VT"],
    ]);
    expect(rows(r.reasons)).toEqual([
      ["not_a_flag", "abandonedAt", "abandonedAt flag neither yes nor no", ["derived.csv:6"]],
      ["flag_without_time", "abandonedAt", "abandonedAt flag without a time", ["derived.csv:7"]],
      ["after_date_only", "answeredAt", "answeredAt after a date without a time", ["derived.csv:4"]],
      ["bad_duration", "answeredAt", "answeredAt duration not read", ["derived.csv:5"]],
      // The duration's start cannot be read: the mapping's own invalid contact, named as the library's are.
      ["invalid_contact", "receivedAt", "invalid contact.receivedAt", ["derived.csv:8"]],
      ["half_date_time", "voicemailAt", "voicemailAt date or time missing", ["derived.csv:3"]],
    ]);
    note(r.reasons);
  });

  test("a date format a row does not match", () => {
    const csv = "id,channel,receivedAt\nD1,email,05/01/2026 10:00\nD2,email,2026-01-05 10:00\n";
    const r = skipped("copeland", file("dates.csv", csv), ["--date-format", "dd/MM/yyyy HH:mm"]);
    expect(rows(r.reasons)).toEqual([["date_format", undefined, "date does not match --date-format", ["dates.csv:3"]]]);
    note(r.reasons);
  });

  test("interval counts: a start without its time, a count that is not a number, an interval not over (the library's invalid contact, no field named)", () => {
    const csv = [
      "Interval,Calls,Answered,Within SL,Abandoned,Short abandons",
      "2026-11-23T09:00,4,4,4,0,0",
      "2026-11-23,4,4,4,0,0",
      "2026-11-23T09:15,four,4,4,0,0",
      "2026-11-30T23:45,4,4,4,0,0",
    ].join("\n");
    const r = skipped(
      "dartford",
      file("intervals.csv", `${csv}\n`),
      [
        ...["--input", "intervals", "--set", "channel=telephone", "--set", "intervalMinutes=15"],
        ...["--set", "thresholdSeconds=20", "--map", "intervalStart=Interval", "--map", "offered=Calls"],
        ...["--map", "answered=Answered", "--map", "answeredWithin=Within SL", "--map", "abandoned=Abandoned"],
        ...["--map", "abandonedWithin=Short abandons"],
      ],
      "2026-11-30T23:59",
    );
    expect(rows(r.reasons)).toEqual([
      ["interval_date_only", undefined, "intervalStart without a time", ["intervals.csv:3"]],
      ["invalid_contact", undefined, "invalid contact", ["intervals.csv:5"]],
      ["not_a_number", "offered", "offered not a number", ["intervals.csv:4"]],
    ]);
    note(r.reasons);
  });

  test("a workbook: a formula with no saved value, an error value, a cell that cannot be read, a row too wide", () => {
    const header = ["id", "channel", "receivedAt", "respondedAt"];
    const received = { date: serial("2026-01-05T10:00:00") };
    const book = workbook({
      sheets: [
        {
          name: "Calls",
          rows: [
            header,
            ["X1", "email", received, ""],
            ["X2", "email", { formula: "NOW()" }, ""],
            ["X3", "email", { error: "#N/A" }, ""],
            ["X4", "email", Number.NaN, ""],
            ["X5", "email", received, "", "extra"],
          ],
        },
      ],
    });
    const r = skipped("copeland", file("book.xlsx", book));
    expect(rows(r.reasons)).toEqual([
      ["error_value", undefined, "error value in a cell", ["book.xlsx:4"]],
      ["formula_without_value", undefined, "formula without a saved value", ["book.xlsx:3"]],
      ["unreadable_cell", undefined, "unreadable cell", ["book.xlsx:5"]],
      ["field_count", undefined, "wrong number of fields", ["book.xlsx:6"]],
    ]);
    note(r.reasons);
  });

  test("every code of SKIP_REASONS is reached above (the database's time_out_of_range in test/database.test.ts)", () => {
    const all = Object.keys(SKIP_REASONS).filter((c) => c !== "time_out_of_range");
    expect([...reached].sort()).toEqual(all.sort());
  });

  test("the 21st row skipped for one reason is counted, and the line that says so names the reason in its words", () => {
    const csv = ["id,channel,receivedAt", ...Array.from({ length: 22 }, () => "R1,email,2026-01-05T10:00")].join("\n");
    const r = skipped("copeland", file("repeats.csv", `${csv}\n`));
    expect(r.err).toContain(
      "repeats.csv: more rows skipped for the same reason (repeated id) are counted, not printed",
    );
    expect(rows(r.reasons)).toEqual([["repeated_id", undefined, "repeated id", expect.any(Array)]]);
  });
});

describe("partial reports with and without codes", () => {
  const csv = (id: string) => `id,channel,receivedAt\n${id},email,garbage\n${id}2,pigeon,2026-01-05T10:00\n`;
  const part = (name: string, id: string) =>
    cli(["report", "--charter", "copeland", "--now", NOW, "--format", "json", "--strict-values", file(name, csv(id))]);
  /** A partial report as the command wrote it before codes: each reason's words alone. */
  const withoutCodes = (json: string) => {
    const report = JSON.parse(json);
    for (const r of report.input.skipped.reasons) {
      delete r.code;
      delete r.field;
    }
    return JSON.stringify(report);
  };
  const merged = (...paths: string[]) => {
    const r = cli(["merge", "--format", "json", ...paths]);
    return {
      status: r.status,
      err: r.err,
      reasons: r.status === 0 ? (JSON.parse(r.out).input.skipped.reasons as Reason[]) : [],
    };
  };

  test("a report written before codes merges with one written now: one entry per reason, as before, with the new code", () => {
    const now = file("now.json", part("a.csv", "A").out);
    const before = file("before.json", withoutCodes(part("b.csv", "B").out));
    const r = merged(before, now);
    expect(r.status).toBe(0);
    expect(r.reasons).toEqual([
      {
        reason: "invalid contact.receivedAt",
        code: "invalid_contact",
        field: "receivedAt",
        count: 2,
        first: ["a.csv:2", "b.csv:2"],
      },
      { reason: "unmatched channel", code: "unmatched_channel", count: 2, first: ["a.csv:3", "b.csv:3"] },
    ]);
  });

  test("two reports written before codes merge as they always did, their reasons in words alone", () => {
    const a = file("before-a.json", withoutCodes(part("c.csv", "C").out));
    const b = file("before-b.json", withoutCodes(part("d.csv", "D").out));
    expect(merged(a, b).reasons).toEqual([
      { reason: "invalid contact.receivedAt", count: 2, first: ["c.csv:2", "d.csv:2"] },
      { reason: "unmatched channel", count: 2, first: ["c.csv:3", "d.csv:3"] },
    ]);
  });

  test("a code that is not a skip reason's, a field it lacks, or words that are not its code's: not merged, naming the entry", () => {
    const json = JSON.parse(part("e.csv", "E").out);
    const tampered = (name: string, change: (r: Record<string, unknown>) => void) => {
      const copy = structuredClone(json);
      change(copy.input.skipped.reasons[0]);
      return merged(file(name, JSON.stringify(copy)));
    };
    const unknown = tampered("unknown-code.json", (r) => {
      r.code = "bad_vibes";
    });
    expect([unknown.status, unknown.err]).toEqual([
      2,
      expect.stringContaining('input.skipped.reasons[0].code is "bad_vibes"'),
    ]);
    const fieldless = tampered("no-field.json", (r) => {
      r.code = "not_a_number";
      delete r.field;
    });
    expect([fieldless.status, fieldless.err]).toEqual([
      2,
      expect.stringContaining("input.skipped.reasons[0].field is missing"),
    ]);
    const reworded = tampered("reworded.json", (r) => {
      r.reason = "invalid contact.respondedAt";
    });
    expect([reworded.status, reworded.err]).toEqual([
      2,
      expect.stringContaining(
        'input.skipped.reasons[0].reason is "invalid contact.respondedAt", but the words of its code invalid_contact are "invalid contact.receivedAt"',
      ),
    ]);
  });
});

describe("the words of each reason", () => {
  test("distinct reasons have distinct words, so merging by words groups as merging by code and field would", () => {
    const skips = (Object.keys(SKIP_REASONS) as SkipReason[]).flatMap((code) =>
      [undefined, "receivedAt"].flatMap((field) => skipOf(code, field) ?? []),
    );
    const words = skips.map((s) => skipWords(s));
    expect(new Set(words).size).toBe(skips.length);
  });

  test("a SkippedContact from the library becomes invalid_contact, with the field its code names", () => {
    // The message is words only: reasonOf reads the library's field, so a message naming another field changes nothing.
    const skipped = (field: string | undefined, intervals = false) =>
      reasonOf(
        { index: 0, contactId: null, code: "invalid", field, message: "Expected `contact.id` to be x" },
        intervals,
      );
    expect(skipped("respondedAt")).toEqual({ code: "invalid_contact", field: "respondedAt" });
    expect(skipped(undefined)).toEqual({ code: "invalid_contact" });
    // An interval's counts name interval fields, which are not a contact's.
    expect(skipped("offered", true)).toEqual({ code: "invalid_contact" });
  });

  test("the table of words has one entry per reason, and one missing does not compile", () => {
    expect(Object.keys(SKIP_WORDS).sort()).toEqual(Object.keys(SKIP_REASONS).sort());
    expectTypeOf<keyof SkipWords>().toEqualTypeOf<SkipReason>();
    const { unknown_key: _, ...missing } = SKIP_WORDS;
    expectTypeOf(missing).not.toExtend<SkipWords>();
    // @ts-expect-error: unknown_key has no words.
    const incomplete: SkipWords = missing;
    expect(Object.keys(incomplete)).not.toContain("unknown_key");
  });

  test("a reason that names a field has one, and one that names none has none", () => {
    expectTypeOf<{ code: "not_a_number"; field: string }>().toExtend<Skip>();
    expectTypeOf<{ code: "not_a_number" }>().not.toExtend<Skip>();
    expectTypeOf<{ code: "row_too_long"; field: string }>().not.toExtend<Skip>();
    expectTypeOf<{ code: "invalid_contact" }>().toExtend<Skip>();
    // @ts-expect-error: not_a_number names the field that is not a number.
    const fieldless: Skip = { code: "not_a_number" };
    expect(skipOf(fieldless.code, undefined)).toBeUndefined();
    expect(skipOf("not_a_number", "offered")).toEqual({ code: "not_a_number", field: "offered" });
    expect(skipOf("row_too_long", "receivedAt")).toBeUndefined();
    expect(skipOf("no_such_reason", undefined)).toBeUndefined();
  });
});
