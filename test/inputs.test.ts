// Real and broken contact exports through the built command: each broken input gives
// its located message and exit status; a council's own export gives the right report.
import { fc, test as prop } from "@fast-check/vitest";
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { copeland } from "../src/charters/index.js";
import { complianceReport, mergeReports, type Contact } from "../src/index.js";
import { scratchDir } from "./support.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const dir = scratchDir("council-sla-inputs-");
const NOW = ["--now", "2026-02-01T00:00"];

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function report(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, "report", "--charter", "copeland", ...NOW, ...args], {
    input,
    encoding: "utf8",
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  // npm test builds first; a bare `vitest run` builds here when dist is missing.
  if (!existsSync(CLI)) spawnSync("npx", ["tsup", "--silent"], { stdio: "inherit" });
}, 120_000);

const GOOD = "id,channel,receivedAt,respondedAt\n";

describe("broken inputs: a located message and an exit status, never a stack trace", () => {
  test.each([
    [
      "an unclosed quote (the row is skipped, its line given)",
      "unclosed.csv",
      `${GOOD}1,email,"2026-01-05T10:00,\n2,email,2026-01-06T10:00,\n`,
      1,
      /unclosed\.csv:2: skipped: a quoted field is not closed within 1,000 lines/,
    ],
    [
      "NDJSON in a .csv",
      "ndjson.csv",
      '{"channel":"email","receivedAt":"2026-01-05T10:00"}\n',
      2,
      /holds NDJSON .* use --input ndjson/,
    ],
    [
      "truncated JSON",
      "truncated.json",
      '[{"channel":"email","receivedAt":"2026-01-05T10:00"},\n{"channel":"em',
      1,
      /truncated\.json:2: skipped: .*not closed: the file is truncated/,
    ],
    [
      "a JSON object instead of an array",
      "object.json",
      '{"channel":"email"}',
      2,
      /must be an array of contacts.*got an object/,
    ],
    [
      "a binary file",
      "binary.csv",
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]),
      2,
      /looks like a binary file/,
    ],
    [
      "a zip file (an Excel workbook named .csv)",
      "workbook.csv",
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]),
      2,
      /is a zip file, such as an Excel workbook: name it \.xlsx or read it with --input xlsx/,
    ],
    ["an empty file", "empty.csv", "", 2, /empty\.csv is empty/],
    [
      "duplicate columns",
      "duplicate.csv",
      "id,respondedAt,channel,receivedAt,respondedAt\n1,2026-01-05T11:00,email,2026-01-05T10:00,\n",
      2,
      /the column "respondedAt" appears more than once/,
    ],
    [
      "a row with more fields than the header",
      "wide.csv",
      `${GOOD}1,email,2026-01-05T10:00,,extra\n`,
      1,
      /wide\.csv:2: skipped: 5 fields where the header has 4/,
    ],
    [
      "a column that is neither a field nor mapped nor ignored",
      "unmapped.csv",
      "id,channel,receivedAt,Notes\n1,email,2026-01-05T10:00,x\n",
      2,
      /"Notes" is neither a contact field nor mapped nor ignored/,
    ],
    [
      "a near miss of a required column",
      "near.csv",
      "id,channel,Recieved At\n1,email,2026-01-05T10:00\n",
      2,
      /missing the required column "receivedAt".*"Recieved At": did you mean `receivedAt`\?/,
    ],
  ])("%s", (_what, name, content, status, message) => {
    const r = report([file(name, content)]);
    expect([r.status, r.err]).toEqual([status, expect.stringMatching(message)]);
    expect(r.err).not.toMatch(/\n\s+at |internal error/);
  });

  test("a directory, a missing file: exit 2 naming it; --charter takes only bundled ids or files", () => {
    expect(report([dir])).toMatchObject({ status: 2, err: expect.stringContaining("it is a directory") });
    expect(report([join(dir, "missing.csv")])).toMatchObject({
      status: 2,
      err: expect.stringContaining("no such file"),
    });
    const proto = spawnSync(
      process.execPath,
      [CLI, "report", "--charter", "__proto__", ...NOW, file("ok.csv", `${GOOD}1,email,2026-01-05T10:00,\n`)],
      { encoding: "utf8" },
    );
    expect([proto.status, proto.stderr]).toEqual([2, expect.stringContaining('unknown charter "__proto__"')]);
  });

  test("BOM and CRLF, a semicolon CSV, a quoted CRLF: every row read, lines right after it", () => {
    const text = `\uFEFFid;channel;receivedAt\r\n1;email;2026-01-05T10:00\r\n2;"em\r\nail";2026-01-06T10:00\r\n3;email;2026-01-07T10:00;x\r\n`;
    const r = report([file("bom.csv", text), "--format", "json"]);
    expect(r.err).toMatch(/bom\.csv:3: skipped \(id 2\): .*contact\.channel/);
    expect(r.err).toMatch(/bom\.csv:5: skipped: 4 fields where the header has 3/);
    expect(JSON.parse(r.out).input).toMatchObject({ read: 3, judged: 1 });
  });

  test("a JSON file and an NDJSON file with a byte-order mark lose nothing", () => {
    const one = { channel: "email", receivedAt: "2026-01-05T10:00" };
    for (const [name, text] of [
      ["bom.json", `\uFEFF${JSON.stringify([one, one])}`],
      ["bom.ndjson", `\uFEFF${JSON.stringify(one)}\n${JSON.stringify(one)}\n`],
    ]) {
      expect(JSON.parse(report([file(name as string, text as string), "--format", "json"]).out).input).toMatchObject({
        read: 2,
        judged: 2,
      });
    }
  });

  test("a JSON array after blank lines, with escaped quotes and non-contacts: each element read, each problem at its own line", () => {
    const text = `\n\n  [{"channel":"email","receivedAt":"2026-01-05T10:00","id":"a \\"quoted\\" id"},\n{"channel":"email","receivedAt":"2026-01-05T1\\"0:00"}, 5,\n[1] ]\n`;
    const r = report([file("spaced.json", text), "--format", "json"]);
    expect(r.err).toMatch(/spaced\.json:4: skipped: .*contact\.receivedAt/);
    expect(r.err).toMatch(/spaced\.json:4: skipped: expected a contact object, got number/);
    expect(r.err).toMatch(/spaced\.json:5: skipped: expected a contact object, got an array/);
    expect(JSON.parse(r.out).input).toMatchObject({ read: 4, judged: 1 });
  });

  test("control characters in ids are escaped on the terminal: \\e[2J cannot clear an officer's screen", () => {
    const r = report([file("ansi.csv", `${GOOD}"\u001b[2J\u001b[32mALL ROWS OK",email,not a date,\n`)]);
    expect(r.err).not.toContain("\u001b");
    expect(r.err).toContain("\\u001b[2J");
  });

  test("an NDJSON line longer than 1 MB is a located error, and reading stops bounded", () => {
    const r = report(
      ["--input", "ndjson", "-"],
      `${JSON.stringify({ channel: "email", receivedAt: "2026-01-05T10:00" })}\n{"id":"${"x".repeat(1_100_000)}`,
    );
    expect([r.status, r.err]).toEqual([
      1,
      expect.stringMatching(/stdin:2: skipped: a row or line longer than 1,000,000 characters/),
    ]);
  });
});

describe("a council's own export", () => {
  const uk = [
    "Ref,Channel,Date Received,Date Responded,Notes",
    "A1,E-mail,19/12/2025 17:42,23/12/2025 10:00,replied",
    "A2,E-mail,22/12/2025 10:00,05/01/2026 09:00,late",
    "A3,Phone,22/12/2025 10:00,,",
    "A4,E-mail,22/12/2025 10:00,31/13/2025 10:00,typo",
  ].join("\n");
  const flags = [
    "--map",
    "id=Ref",
    "--map",
    "channel=Channel",
    "--map",
    "receivedAt=Date Received",
    "--map",
    "respondedAt=Date Responded",
    "--map-value",
    "channel:E-mail=email",
    "--map-value",
    "channel:Phone=telephone",
    "--ignore",
    "Notes",
    "--date-format",
    "dd/MM/yyyy HH:mm",
  ];

  test("its column names, value words and UK dates, in one command: the right counts; a date that misses the format is located", () => {
    const r = report([file("uk.csv", uk), ...flags, "--format", "json"]);
    const rows = JSON.parse(r.out).rows as {
      standardId: string;
      met: number;
      breached: number;
      notApplicable: number;
    }[];
    // A1: Friday 19 December 17:42, answered Tuesday 23rd: in 3 working days (22, 23, 24). A2: due Monday 29th, answered 5 January: breached.
    expect(rows.find((x) => x.standardId === "email.respond")).toMatchObject({ met: 1, breached: 1 });
    // A3, a call at 10:00 on Monday 22 December never answered: breached.
    expect(rows.find((x) => x.standardId === "telephone.answer")).toMatchObject({ breached: 1 });
    expect([r.status, r.err]).toEqual([
      1,
      expect.stringContaining(
        'uk.csv:5: skipped: respondedAt "31/13/2025 10:00" does not match --date-format "dd/MM/yyyy HH:mm"',
      ),
    ]);
  });

  test("UK dates with --jobs 2: the workers read the format too, and the report is that of --jobs 1", () => {
    // More rows than one item (20,000), so that the worker judges the first item and this thread the rest.
    const rows = Array.from(
      { length: 25_000 },
      (_, i) =>
        `B${i},${i % 2 === 0 ? "E-mail" : "Phone"},${String((i % 28) + 1).padStart(2, "0")}/11/2025 ${String(9 + (i % 8)).padStart(2, "0")}:30,${i % 3 === 0 ? "" : `${String((i % 28) + 1).padStart(2, "0")}/12/2025 10:00`},`,
    );
    const path = file("uk-many.csv", [uk.split("\n")[0], ...rows, ...uk.split("\n").slice(1)].join("\n"));
    const one = report([path, ...flags, "--format", "json"]);
    const two = report([path, ...flags, "--format", "json", "--jobs", "2"]);
    expect([two.status, two.out]).toEqual([one.status, one.out]);
    expect(JSON.parse(two.out).input).toMatchObject({
      read: 25_004,
      skipped: { total: 1, reasons: [{ reason: "date does not match --date-format", count: 1 }] },
    });
  });

  test("the same with a --map-file", () => {
    const map = file(
      "map.json",
      JSON.stringify({
        columns: { id: "Ref", channel: "Channel", receivedAt: "Date Received", respondedAt: "Date Responded" },
        values: { channel: { "E-mail": "email", Phone: "telephone" } },
        ignore: ["Notes"],
        dateFormat: "dd/MM/yyyy HH:mm",
      }),
    );
    const a = JSON.parse(report([file("uk2.csv", uk), ...flags, "--format", "json"]).out);
    const b = JSON.parse(report([file("uk3.csv", uk), "--map-file", map, "--format", "json"]).out);
    expect(b.rows).toEqual(a.rows);
  });

  test("an .xlsx file with date cells, read as wall times in the charter's zone", async () => {
    const { default: ExcelJS } = (await import("exceljs")) as unknown as { default: typeof import("exceljs") };
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Contacts");
    sheet.addRow(["Ref", "Channel", "Date Received", "Date Responded"]);
    // Excel dates carry no zone: 17:42 is 17:42 in London, whatever the machine.
    sheet.addRow(["A1", "E-mail", new Date(Date.UTC(2025, 11, 19, 17, 42)), new Date(Date.UTC(2025, 11, 23, 10, 0))]);
    sheet.addRow(["A2", "E-mail", new Date(Date.UTC(2025, 11, 22, 10, 0)), new Date(Date.UTC(2026, 0, 5, 9, 0))]);
    const path = join(dir, "export.xlsx");
    await book.xlsx.writeFile(path);
    const r = report([
      path,
      ...flags.filter(
        (f, i, all) => f !== "--date-format" && all[i - 1] !== "--date-format" && f !== "Notes" && f !== "--ignore",
      ),
      "--format",
      "json",
    ]);
    expect(r.status, r.err).toBe(0);
    expect(JSON.parse(r.out).rows.find((x: { standardId: string }) => x.standardId === "email.respond")).toMatchObject({
      met: 1,
      breached: 1,
    });
  });
});

describe("reading at the speed of the engine", () => {
  test("200,000 contacts as a JSON array take at most three times as long as the same as NDJSON (a ratio in one run)", () => {
    const contacts = Array.from({ length: 200_000 }, (_, i) => ({
      id: i,
      channel: "email",
      receivedAt: new Date(Date.UTC(2025, 0, 6) + i * 60_000).toISOString().slice(0, 16),
    }));
    const array = file("many.json", JSON.stringify(contacts));
    const lines = file("many.ndjson", contacts.map((c) => JSON.stringify(c)).join("\n"));
    const time = (path: string) => {
      const t = performance.now();
      const r = spawnSync(
        process.execPath,
        [CLI, "report", "--charter", "copeland", "--now", "2026-12-31", "--format", "json", path],
        { encoding: "utf8" },
      );
      expect(r.status).toBe(0);
      return performance.now() - t;
    };
    expect(time(array) / time(lines)).toBeLessThan(3);
  }, 120_000);

  test("the command's live heap stays flat: 500,000 CSV rows hold no more than 50,000 do (wide margin)", () => {
    const PEAK = new URL("../bench/peak-memory.cjs", import.meta.url).pathname;
    const write = (n: number) => {
      const rows = Array.from(
        { length: n },
        (_, i) =>
          `${i},${i % 2 ? "email" : "letter"},${new Date(Date.UTC(2025, 0, 6, 9) + (i % 100_000) * 300_000).toISOString().slice(0, 16)},`,
      );
      return file(`flat-${n}.csv`, `id,channel,receivedAt,respondedAt\n${rows.join("\n")}\n`);
    };
    const live = (path: string) => {
      const r = spawnSync(
        process.execPath,
        ["--require", PEAK, CLI, "report", "--charter", "copeland", "--now", "2027-06-01", "--format", "json", path],
        { encoding: "utf8", maxBuffer: 1 << 26 },
      );
      expect(r.status).toBe(0);
      return (JSON.parse(/PEAK (.*)/.exec(r.stderr)?.[1] ?? "{}") as { liveMB: number }).liveMB;
    };
    const small = live(write(50_000));
    const large = live(write(500_000));
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThan(small * 1.5 + 8);
  }, 120_000);

  test("--jobs 2 gives the report of --jobs 1, byte for byte", () => {
    const example = new URL("../examples/dartford.csv", import.meta.url).pathname;
    const one = spawnSync(
      process.execPath,
      [CLI, "report", "--charter", "dartford", ...NOW, "--format", "json", example],
      { encoding: "utf8" },
    );
    const two = spawnSync(
      process.execPath,
      [CLI, "report", "--charter", "dartford", ...NOW, "--format", "json", "--jobs", "2", example],
      { encoding: "utf8" },
    );
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.length).toBeGreaterThan(1000);
  });
  test("a CRLF export of several chunks, with quoted line breaks and bad rows: --jobs 2 and --jobs 1 account for every row alike", () => {
    // 6,000 rows of about 70 bytes: many 64 KB chunks, so the workers get blocks of text to read.
    const rows = Array.from({ length: 6000 }, (_, i) => {
      const day = String(5 + (i % 20)).padStart(2, "0");
      if (i % 1000 === 7) return `r${i},email,not a date,,plain`;
      const note = i % 500 === 3 ? `"a note\r\nover two lines"` : "plain";
      return `r${i},email,2026-01-${day}T10:00,${i % 4 === 0 ? "" : `2026-01-${String(6 + (i % 20)).padStart(2, "0")}T10:00`},${note}`;
    });
    const path = file("crlf-many.csv", `id,channel,receivedAt,respondedAt,Notes\r\n${rows.join("\r\n")}\r\n`);
    const run = (jobs: string) =>
      report(["--ignore", "Notes", "--format", "json", "--max-skipped", "10", "--jobs", jobs, path]);
    const one = run("1");
    const two = run("2");
    expect(one.status).toBe(0);
    expect(two.out).toBe(one.out);
    const input = JSON.parse(one.out).input;
    expect(input.read).toBe(6000);
    expect(input.skipped.reasons).toEqual([
      {
        reason: "invalid contact.receivedAt",
        code: "invalid_contact",
        field: "receivedAt",
        count: 6,
        first: expect.any(Array),
      },
    ]);
    // Line 1 is the header; row i is on line i + 2, plus one for each quoted line break before it.
    expect(input.skipped.reasons[0].first[0]).toBe("crlf-many.csv:10");
    expect(input.skipped.reasons[0].first.slice(1, 3)).toEqual(["crlf-many.csv:1012", "crlf-many.csv:2014"]);
  });
});

describe("partition and merge", () => {
  const contacts: Contact[] = Array.from({ length: 300 }, (_, i) => ({
    id: `c${i}`,
    channel: (["email", "telephone", "letter", "voicemail"] as const)[i % 4],
    receivedAt: Date.UTC(2025, 10, 3, 9) + i * 3_917_000,
    ...(i % 3 === 0
      ? {}
      : {
          respondedAt: Date.UTC(2025, 10, 3, 9) + i * 3_917_000 + (i % 9) * 86_400_000,
          answeredAt: Date.UTC(2025, 10, 3, 9) + i * 3_917_000 + (i % 30) * 1000,
        }),
    ...(i % 37 === 0 ? { receivedAt: "not a date" } : {}),
  })) as Contact[];
  const whole = complianceReport(copeland, contacts, { now: "2026-02-01", by: "month" });

  prop.prop([fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 6 })], { numRuns: 200 })(
    "for any split into parts, merging the parts' reports gives the report of the whole",
    (cuts) => {
      const edges = [...new Set([0, ...cuts, 300])].sort((a, b) => a - b);
      const parts = edges.slice(1).map((end, i) =>
        complianceReport(copeland, contacts.slice(edges[i], end), {
          now: "2026-02-01",
          by: "month",
          firstIndex: edges[i] as number,
        }),
      );
      expect(parts.reduce((a, b) => mergeReports(a, b))).toEqual(whole);
    },
  );

  test("council-sla merge of partial reports equals the report of the whole file", () => {
    const lines = [
      "id,channel,receivedAt,respondedAt",
      ...Array.from(
        { length: 40 },
        (_, i) =>
          `m${i},email,2026-01-${String(5 + (i % 20)).padStart(2, "0")}T10:00,${i % 4 === 0 ? "" : `2026-01-${String(6 + (i % 20)).padStart(2, "0")}T10:00`}`,
      ),
    ];
    const all = file("all.csv", `${lines.join("\n")}\n`);
    const a = file("a.csv", `${lines.slice(0, 21).join("\n")}\n`);
    const b = file("b.csv", `${[lines[0], ...lines.slice(21)].join("\n")}\n`);
    const pa = file("a.json", report([a, "--format", "json"]).out);
    const pb = file("b.json", report([b, "--format", "json"]).out);
    const merged = spawnSync(process.execPath, [CLI, "merge", pa, pb, "--format", "json"], { encoding: "utf8" });
    const expected = JSON.parse(report([all, "--format", "json"]).out);
    expect(merged.status, merged.stderr).toBe(0);
    expect(JSON.parse(merged.stdout).rows).toEqual(expected.rows);
    expect(JSON.parse(merged.stdout).input.read).toBe(40);
  });
});
