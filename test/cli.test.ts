// The built command, run as a subprocess: help, every subcommand, bad input, exit codes, stdin.
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { csvCell } from "../src/cli/format.js";
import { scratchDir } from "./support.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const dir = scratchDir("council-sla-cli-");

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  // npm test builds first; a bare `vitest run` builds here when dist is missing.
  if (!existsSync(CLI)) spawnSync("npx", ["tsup", "--silent"], { stdio: "inherit" });
}, 120_000);

describe("help and exit codes", () => {
  test("no command prints the help, exit 0", () => {
    const r = run([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Usage: council-sla <command>");
    expect(r.out).toMatch(/Exit codes: 0 success; 1 .*\n.*; 2 a usage error/);
  });

  test.each([
    "charters",
    "standards",
    "profiles",
    "validate",
    "deadline",
    "calendar",
    "report",
    "merge",
    "reconcile",
    "schema",
  ])("%s --help prints its usage", (command) => {
    const r = run([command, "--help"]);
    expect([r.code, r.out]).toEqual([0, expect.stringContaining(`Usage: council-sla ${command}`)]);
  });

  test("an unknown command or option is a usage error, exit 2", () => {
    expect(run(["frobnicate"])).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown command "frobnicate"'),
    });
    expect(run(["charters", "--colour"]).code).toBe(2);
  });
});

describe("charters and schema", () => {
  test("charters lists the five with their standards", () => {
    const r = run(["charters"]);
    expect(r.code).toBe(0);
    for (const id of ["copeland:", "colchester:", "norwich:", "dartford:", "kawartha-lakes:"])
      expect(r.out).toContain(id);
    expect(r.out).toMatch(/telephone\.answer\s+telephone\s+20 seconds\s+65%/);
  });

  test("schema prints the JSON Schema", () => {
    const r = run(["schema"]);
    expect(JSON.parse(r.out)).toMatchObject({ title: "council-sla charter", additionalProperties: false });
  });
});

describe("validate", () => {
  test("a valid charter file: ✔ and exit 0", () => {
    const r = run(["validate", new URL("../charters/dartford.json", import.meta.url).pathname]);
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining("✔") });
  });

  test("each problem with its line:column and JSON path, exit 1", () => {
    const path = file(
      "typo.json",
      `{
  "id": "typo",
  "name": "Typo Council",
  "sources": [{ "title": "t", "publisher": "p" }],
  "calendar": { "timeZone": "Europe/London", "holidays": "GB-ENG", "officeHours": { "mon": [["09:00", "17:00"]] }, "workingWeek": ["mon"] },
  "standards": [
    { "id": "email.respond", "channels": ["email"], "stage": "respond",
      "limit": { "workingDay": 3 }, "quote": "q" }
  ]
}
`,
    );
    const r = run(["validate", path]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${path}:8:18: ✖ Unknown key "workingDay" → at standards[0].limit.workingDay`);
  });

  test("a departmental layer on a bundled charter is checked as a layer", () => {
    const ok = file(
      "housing.json",
      JSON.stringify({
        id: "dartford-housing",
        name: "Housing",
        extends: "dartford",
        calendar: { closures: [{ from: "2026-12-24", name: "Training" }] },
      }),
    );
    expect(run(["validate", ok]).code).toBe(0);
    const bad = file(
      "housing-bad.json",
      JSON.stringify({
        id: "dartford-housing",
        name: "Housing",
        extends: "dartford",
        calendar: { timeZone: "Europe/Paris" },
      }),
    );
    expect(run(["validate", bad])).toMatchObject({
      code: 1,
      out: expect.stringContaining("may not change the time zone"),
    });
  });

  test("not JSON: the position of the syntax error, exit 1; an unreadable file: exit 2", () => {
    const r = run(["validate", file("broken.json", '{\n  "id": "x",\n  oops\n}')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/broken\.json:3:\d+: ✖ not JSON/);
    expect(run(["validate", join(dir, "missing.json")])).toMatchObject({
      code: 2,
      err: expect.stringContaining("cannot read"),
    });
  });
});

describe("deadline and calendar", () => {
  test("deadline --explain reads as the officer would write it", () => {
    const r = run([
      "deadline",
      "--charter",
      "copeland",
      "--standard",
      "email.respond",
      "--received",
      "2025-12-19T17:42",
      "--explain",
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Due by the end of Wednesday 24 December 2025: 3 working days.");
  });

  test("deadline --json gives the deadline with its trace", () => {
    const r = run([
      "deadline",
      "--charter",
      "kawartha-lakes",
      "--standard",
      "voicemail.acknowledge",
      "--received",
      "2029-06-28T10:00",
      "--json",
    ]);
    expect(JSON.parse(r.out)).toMatchObject({ due: "2029-07-03T23:59:59.999-04:00", rule: "end-of-day" });
  });

  test("an unknown standard lists the valid ones, exit 2; a bad instant names the argument, exit 2", () => {
    expect(
      run(["deadline", "--charter", "copeland", "--standard", "email.reply", "--received", "2026-01-05T10:00"]),
    ).toMatchObject({ code: 2, err: expect.stringContaining("email.acknowledge, email.respond") });
    expect(
      run(["deadline", "--charter", "copeland", "--standard", "email.respond", "--received", "soon"]),
    ).toMatchObject({ code: 2, err: expect.stringContaining("`receivedAt`") });
    expect(run(["deadline", "--charter", "lambeth", "--standard", "x", "--received", "y"])).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown charter "lambeth"'),
    });
  });

  test("calendar lists working and non-working days with reasons", () => {
    const r = run(["calendar", "--charter", "copeland", "--from", "2026-12-24", "--to", "2026-12-29"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("2 working days");
    expect(r.out).toMatch(/2026-12-28\s+Mon\s+holiday\s+Boxing Day \(substitute day\)/);
  });
});

describe("report", () => {
  const csv = `id,channel,receivedAt,answeredAt,abandonedAt
1,telephone,2026-11-23T10:00:00,2026-11-23T10:00:05,
2,telephone,2026-11-23T10:01:00,2026-11-23T10:01:30,
3,telephone,2026-11-23T10:02:00,2026-11-23T10:02:10,
4,telephone,2026-11-23T10:03:00,,2026-11-23T10:03:05
5,telephone,not a date,,
6,telephone,2026-11-23T10:05:00,2026-11-23T10:05:20,
`;

  test("a table of hand-countable calls: 3 met of 4, 75% against 65%; the bad row is reported with its line number, and exit 1 says a row was skipped", () => {
    const r = run(["report", "--charter", "dartford", file("calls.csv", csv), "--now", "2026-11-24T00:00"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/telephone\.answer\s+we aim to\s+4\s+3\s+1\s+0\s+1\s+75\.0%\s+65%\s+yes/);
    expect(r.out).toContain("6 rows read, 5 judged, 1 skipped: 1 invalid contact.receivedAt (first at calls.csv:6)");
    expect(r.err).toMatch(/calls\.csv:6: skipped \(id 5\): .*`contact.receivedAt`.*"not a date"/);
    expect(
      run([
        "report",
        "--charter",
        "dartford",
        file("calls-allowed.csv", csv),
        "--now",
        "2026-11-24T00:00",
        "--max-skipped",
        "20%",
      ]).code,
    ).toBe(0);
  });

  test("--format json and csv carry the same counts", () => {
    const path = file("calls2.csv", csv);
    const json = JSON.parse(
      run(["report", "--charter", "dartford", path, "--now", "2026-11-24T00:00", "--format", "json"]).out,
    );
    expect(json.rows[0]).toMatchObject({
      standardId: "telephone.answer",
      met: 3,
      breached: 1,
      notApplicable: 1,
      achieved: true,
    });
    expect(json.input.skipped.total).toBe(1);
    // One account: nothing outside it is called skipped.
    expect(Object.keys(json)).not.toContain("skipped");
    const lines = run(["report", "--charter", "dartford", path, "--now", "2026-11-24T00:00", "--format", "csv"])
      .out.trim()
      .split("\n");
    expect(lines[0]).toBe(
      "standardId,period,periodStart,periodEnd,inScope,met,breached,pending,notApplicable,metShare,targetPercent,achieved,ci95Low,ci95High,late,extended,outstanding,ytdFrom,ytdMet,ytdBreached,ytdMetShare",
    );
    expect(lines[1]).toMatch(/^telephone\.answer,,,,4,3,1,0,1,0\.75,65,true,/);
  });

  test("--format html writes one self-contained page: figures, the quote, the target, no script and no request", () => {
    const html = run([
      "report",
      "--charter",
      "dartford",
      file("calls3.csv", csv),
      "--now",
      "2026-11-24T00:00",
      "--format",
      "html",
    ]).out;
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html).toContain('<h2 id="s0">65% of calls answered within 20 seconds</h2>');
    expect(html).toContain(
      "<strong>We aim to:</strong> <q>We aim to answer 65% of telephone calls within 20 seconds</q>",
    );
    expect(html).toContain("Achieved: 75.0% met against a target of 65%");
    expect(html).toContain('<dt>Met</dt><dd data-field="met">3</dd>');
  });

  test("--format md writes the same figures as Markdown tables", () => {
    const md = run([
      "report",
      "--charter",
      "dartford",
      file("calls4.csv", csv),
      "--now",
      "2026-11-24T00:00",
      "--format",
      "md",
    ]).out;
    expect(md).toMatch(/^# Dartford Borough Council: how we met our customer service standards/);
    expect(md).toMatch(
      /\| 65% of calls answered within 20 seconds \| We aim to \| 3 \| 1 \| 0 \| 1 \| 75\.0% \| .* \| 65% \| ✔ yes \|/,
    );
  });

  test("CSV output is protected against formula injection, and HTML escapes hostile ids", () => {
    const hostile = `id,channel,receivedAt,answeredAt\n"=1+1",telephone,2026-11-23T10:00:00,2026-11-23T10:01:00\n"<b>x</b>",telephone,2026-11-23T10:00:00,2026-11-23T10:02:00\n`;
    const path = file("hostile.csv", hostile);
    const html = run([
      "report",
      "--charter",
      "dartford",
      path,
      "--now",
      "2026-11-24T00:00",
      "--format",
      "html",
      "--audience",
      "officer",
    ]).out;
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(html).not.toContain("<b>x</b>");
    for (const [value, cell] of [
      ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
      ["+1", "'+1"],
      ["-2", "'-2"],
      ["@SUM(A1)", "'@SUM(A1)"],
      ["\tx", "'\tx"],
      ["\rx", '"\'\rx"'],
      ["plain", "plain"],
    ])
      expect(csvCell(value as string)).toBe(cell);
  });

  test("NDJSON on standard input, by month", () => {
    const ndjson = [
      { channel: "email", receivedAt: "2026-11-27T10:00", respondedAt: "2026-11-30T10:00" },
      { channel: "email", receivedAt: "2026-12-01T10:00" },
      "this line is not JSON",
    ]
      .map((x) => (typeof x === "string" ? x : JSON.stringify(x)))
      .join("\n");
    const r = run(
      ["report", "--charter", "copeland", "-", "--now", "2026-12-02T12:00", "--by", "month", "--format", "json"],
      ndjson,
    );
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.out).rows.filter((x: { standardId: string }) => x.standardId === "email.respond");
    expect(rows.map((x: { period: string; met: number; pending: number }) => [x.period, x.met, x.pending])).toEqual([
      ["2026-11", 1, 0],
      ["2026-12", 0, 1],
    ]);
    expect(r.err).toContain("stdin:3: skipped: not JSON");
  });

  test("a JSON array file, and the bundled example data", () => {
    const path = file(
      "contacts.json",
      JSON.stringify(
        [{ id: "a", channel: "letter", receivedAt: "2026-04-02T10:00", respondedAt: "2026-04-09T10:00" }],
        null,
        2,
      ),
    );
    expect(run(["report", "--charter", "kawartha-lakes", path, "--now", "2026-05-01"]).out).toMatch(
      /letter\.respond\s+we will\s+1\s+1\s+0/,
    );
    const example = run([
      "report",
      "--charter",
      "colchester",
      new URL("../examples/colchester.csv", import.meta.url).pathname,
      "--now",
      "2027-01-31T23:59",
    ]);
    expect(example.code).toBe(0);
    expect(example.out).toContain("3000 rows read, 3000 judged, 0 skipped");
  });

  test("bad arguments: exit 2 with a one-line message", () => {
    expect(run(["report", "--charter", "dartford", join(dir, "nope.csv"), "--now", "2026-11-24"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("cannot read"),
    });
    expect(run(["report", "--charter", "dartford", file("z.csv", csv)])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--now is required"),
    });
    expect(run(["report", "--charter", "dartford", file("x.csv", csv), "--format", "pdf"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--format"),
    });
    expect(run(["report", "--charter", "dartford", file("y.csv", csv), "--now", "tomorrow"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--now"),
    });
  });
});

describe("the example data", () => {
  test("is what the seeded generator writes", () => {
    const r = spawnSync(process.execPath, ["scripts/generate-examples.mjs", "--check"], { encoding: "utf8" });
    expect([r.status, r.stderr]).toEqual([0, ""]);
  });
});
