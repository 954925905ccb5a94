// Every finding of issue 19, one row each: the file a council's system really writes, what
// the command must account for (read = judged + skipped + future), what it says, and its
// exit status. Then the law behind them all, as a property: whatever the quoting, line
// endings, delimiter and broken fields, every record written is read, judged or skipped,
// and each good record is judged exactly as when it is read alone.
import { fc, test as prop } from "@fast-check/vitest";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { copeland } from "../src/charters/index.js";
import { complianceReport } from "../src/index.js";
import { IdSet } from "../src/cli/input/ids.js";
import { scratchDir } from "./support.js";
import { serial, workbook } from "./workbook.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const dir = scratchDir("council-sla-accounting-");

beforeAll(() => {
  if (!existsSync(CLI)) spawnSync("npx", ["tsup", "--silent"], { stdio: "inherit" });
}, 120_000);

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function cli(args: readonly string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/** `report --format json` of a file: its exit status, its account (when it wrote one) and what it said. */
function account(charter: string, path: string, args: readonly string[] = [], now = "2027-01-31T23:59") {
  const r = cli(["report", "--charter", charter, "--now", now, "--format", "json", ...args, path]);
  let report:
    | {
        input: Record<string, unknown>;
        rows: { standardId: string; met: number; breached: number; worst: unknown[] }[];
      }
    | undefined;
  try {
    report = JSON.parse(r.out);
  } catch {
    report = undefined;
  }
  return { status: r.status, input: report?.input, rows: report?.rows, err: r.err, out: r.out };
}

const EMAIL_HEADER = "id,channel,receivedAt,respondedAt";
/** An email received on a working morning of January 2026 and answered the next day. */
const email = (i: number) => {
  const day = 5 + (i % 20);
  return `E${i},email,2026-01-${String(day).padStart(2, "0")}T10:00,2026-01-${String(day + 1).padStart(2, "0")}T10:00`;
};
const emails = (n: number, row: (i: number) => string = email) => Array.from({ length: n }, (_, i) => row(i));

describe("issue 19, finding by finding", () => {
  describe("rows vanish", () => {
    test('a quoted field followed by text ("X"Y) in a 3,000-row file is one skipped record; the 2,999 others are judged', () => {
      const rows = emails(3000);
      rows[1500] = `E1500,"email"x,2026-01-05T10:00,2026-01-06T10:00`;
      const r = account("copeland", file("xy.csv", `${EMAIL_HEADER}\n${rows.join("\n")}\n`), ["--max-skipped", "1"]);
      expect(r.status).toBe(0);
      expect(r.input).toMatchObject({
        read: 3000,
        judged: 2999,
        skipped: { total: 1, reasons: [{ reason: "malformed quoted field", count: 1, first: ["xy.csv:1502"] }] },
      });
      expect(r.err).toContain(
        'xy.csv:1502: skipped: a quoted field is followed by text before the next delimiter ("X"Y)',
      );
    });

    test('"X"Y on every row: every row is one skipped record, none lost', () => {
      const rows = emails(2000, (i) => `E${i},"email"x,2026-01-05T10:00,`);
      const r = account("copeland", file("xy-all.csv", `${EMAIL_HEADER}\n${rows.join("\n")}\n`));
      expect(r.status).toBe(1);
      expect(r.input).toMatchObject({ read: 2000, judged: 0, skipped: { total: 2000 } });
    });

    test("an unclosed quote at line 151 of a 300-row export: that row skipped, the 150 after it read", () => {
      const rows = emails(300);
      rows[149] = `E149,email,"2026-01-05T10:00,`;
      const r = account("copeland", file("open-quote.csv", `${EMAIL_HEADER}\n${rows.join("\n")}\n`));
      expect(r.status).toBe(1);
      expect(r.input).toMatchObject({
        read: 300,
        judged: 299,
        skipped: { total: 1, reasons: [{ reason: "unclosed quote", first: ["open-quote.csv:151"] }] },
      });
    });

    test("a CRLF header over LF rows: all 5,000 rows read", () => {
      const r = account("copeland", file("crlf-header.csv", `${EMAIL_HEADER}\r\n${emails(5000).join("\n")}\n`));
      expect([r.status, r.input?.read, r.input?.judged]).toEqual([0, 5000, 5000]);
    });

    test('a semicolon file with 5,"5 inch in its first rows: the delimiter comes from the header line, all 1,000 rows read', () => {
      const rows = emails(1000, (i) => `${i === 3 ? '5,"5 inch' : `E${i}`};email;2026-01-05T10:00;2026-01-06T10:00`);
      const r = account("copeland", file("semicolon.csv", `id;channel;receivedAt;respondedAt\n${rows.join("\n")}\n`));
      expect([r.status, r.input?.read, r.input?.judged]).toEqual([0, 1000, 1000]);
    });

    test("a CR-only file puts each problem at its own line", () => {
      const rows = emails(10);
      rows[6] = "E6,email,not a date,";
      const r = account("copeland", file("cr-only.csv", `${EMAIL_HEADER}\r${rows.join("\r")}\r`));
      expect(r.input).toMatchObject({ read: 10, judged: 9, skipped: { reasons: [{ first: ["cr-only.csv:8"] }] } });
    });

    test("mixed line endings, record by record: every row read, at its true line", () => {
      const rows = emails(9);
      rows[7] = "E7,email,not a date,";
      const text = `${EMAIL_HEADER}\r\n${rows.map((r, i) => r + ["\n", "\r\n", "\r"][i % 3]).join("")}`;
      const r = account("copeland", file("mixed.csv", text));
      expect(r.input).toMatchObject({ read: 9, judged: 8, skipped: { reasons: [{ first: ["mixed.csv:9"] }] } });
    });

    test("rows of bare delimiters are blank lines, not records", () => {
      const r = account("copeland", file("bare.csv", `${EMAIL_HEADER}\n${email(1)}\n,,,\n , \n\n,, ,\n${email(2)}\n`));
      expect([r.status, r.input?.read, r.input?.judged]).toEqual([0, 2, 2]);
    });
  });

  describe("encodings", () => {
    const text = `id,channel,category,receivedAt\nC1,email,Café,2026-01-05T10:00\n`;
    test("UTF-8 without a byte-order mark, and UTF-16 with one (LE and BE), are read alike", () => {
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
      const be = Buffer.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]).swap16());
      for (const [name, bytes] of [
        ["utf8.csv", Buffer.from(text)],
        ["utf16le.csv", le],
        ["utf16be.csv", be],
      ] as const) {
        const r = account("copeland", file(name, bytes), ["--max-skipped", "0"]);
        expect([name, r.status, r.input?.judged, r.input?.unmatched]).toEqual([
          name,
          0,
          1,
          [expect.objectContaining({ field: "category", value: "Café" })],
        ]);
      }
    });

    test("Windows-1252 text is a located error (never U+FFFD), and --encoding windows-1252 reads it right", () => {
      const cp1252 = Buffer.from(text, "latin1");
      const bad = account("copeland", file("cp1252.csv", cp1252));
      expect([bad.status, bad.err]).toEqual([
        2,
        expect.stringContaining(
          "cp1252.csv:2: the byte 0xE9 at offset 43 is not valid UTF-8: name the file's encoding with --encoding",
        ),
      ]);
      const good = account("copeland", file("cp1252b.csv", cp1252), ["--encoding", "windows-1252"]);
      expect([good.status, good.input?.unmatched]).toEqual([0, [expect.objectContaining({ value: "Café" })]]);
    });

    test("UTF-16 without a byte-order mark is named as such, not called binary", () => {
      const r = account("copeland", file("utf16-nobom.csv", Buffer.from(text, "utf16le")));
      expect([r.status, r.err]).toEqual([
        2,
        expect.stringContaining("looks like UTF-16 text without a byte-order mark: read it with --encoding utf-16le"),
      ]);
    });
  });

  describe("times do not move", () => {
    test("an offset token gives the instant it names: 10:00+01:00 stays 10:00+01:00", () => {
      const csv = `${EMAIL_HEADER}\nO1,email,2026-07-01T10:00:00+01:00,2026-07-20T10:00:00+01:00\n`;
      const r = account("copeland", file("offset.csv", csv), ["--date-format", "yyyy-MM-dd'T'HH:mm:ssXXX"]);
      const respond = r.rows?.find((x) => x.standardId === "email.respond");
      expect(respond?.worst[0]).toMatchObject({
        receivedAt: "2026-07-01T10:00:00.000+01:00",
        completedAt: "2026-07-20T10:00:00.000+01:00",
      });
    });

    test("an epoch token gives the instant too", () => {
      const at = Date.parse("2026-07-01T09:00:00Z");
      const csv = `${EMAIL_HEADER}\nT1,email,${at},${at + 20 * 86_400_000}\n`;
      const r = account("copeland", file("epoch.csv", csv), ["--date-format", "T"]);
      expect(r.rows?.find((x) => x.standardId === "email.respond")?.worst[0]).toMatchObject({
        receivedAt: "2026-07-01T10:00:00.000+01:00",
      });
    });

    test.each([
      ["no year", "dd/MM HH:mm", /has no a year \(yyyy\)/],
      ["no day", "MM/yyyy", /has no a day \(dd\)/],
      ["the week-numbering year", "dd/MM/YYYY", /Y is the week-numbering year/],
      ["the day of the year beside a month", "DD/MM/yyyy", /D is the day of the year: write dd/],
    ])(
      "a format with %s is a usage error, before any row (and date-fns never prints a cell)",
      (_what, format, message) => {
        const r = account("copeland", file("fmt.csv", `${EMAIL_HEADER}\nF1,email,05/01/2026 10:00,\n`), [
          "--date-format",
          format,
        ]);
        expect([r.status, r.err]).toEqual([2, expect.stringMatching(message)]);
        expect(r.err).not.toContain("05/01/2026");
      },
    );

    test("a workbook saved with the 1904 date system is read on the right day, not 1,462 days early", () => {
      const book = workbook({
        date1904: true,
        sheets: [
          {
            name: "Calls",
            rows: [
              ["id", "channel", "receivedAt", "respondedAt"],
              [
                "W1",
                "email",
                { date: serial("2026-01-05T10:00:00", true) },
                { date: serial("2026-01-30T10:00:00", true) },
              ],
            ],
          },
        ],
      });
      const r = account("copeland", file("mac.xlsx", book));
      expect(r.rows?.find((x) => x.standardId === "email.respond")?.worst[0]).toMatchObject({
        receivedAt: "2026-01-05T10:00:00.000+00:00",
      });
    });

    test("xlsx times keep their milliseconds: a call answered at 20.9 s is breached, as it is from JSON", () => {
      const received = "2026-11-23T10:00:00";
      const book = workbook({
        sheets: [
          {
            name: "Calls",
            rows: [
              ["id", "channel", "receivedAt", "answeredAt"],
              ["T1", "telephone", { date: serial(received) }, { date: serial("2026-11-23T10:00:20.900") }],
            ],
          },
        ],
      });
      const fromXlsx = account("dartford", file("ms.xlsx", book), [], "2026-11-24T00:00");
      const fromJson = account(
        "dartford",
        file(
          "ms.json",
          JSON.stringify([
            { id: "T1", channel: "telephone", receivedAt: received, answeredAt: "2026-11-23T10:00:20.900" },
          ]),
        ),
        [],
        "2026-11-24T00:00",
      );
      const answer = (r: typeof fromXlsx) => r.rows?.find((x) => x.standardId === "telephone.answer");
      expect(answer(fromXlsx)).toMatchObject({ met: 0, breached: 1 });
      expect(answer(fromXlsx)?.worst).toEqual(answer(fromJson)?.worst);
    });
  });

  describe("Excel, as councils' files are", () => {
    const header = ["id", "channel", "receivedAt", "respondedAt"];
    test("date cells and text dates in one column: a date cell is a wall time, --date-format reads the text", () => {
      const book = workbook({
        sheets: [
          {
            name: "Mixed",
            rows: [
              header,
              ["D1", "email", { date: serial("2026-01-05T10:00:00") }, ""],
              ["D2", "email", "06/01/2026 10:00", ""],
            ],
          },
        ],
      });
      const r = account("copeland", file("mixed.xlsx", book), ["--date-format", "dd/MM/yyyy HH:mm"]);
      expect([r.status, r.input?.judged]).toEqual([0, 2]);
    });

    test("a formula is read by its saved value, typed as saved: a date formula is a date, not 46028.375", () => {
      const book = workbook({
        sheets: [
          {
            name: "F",
            rows: [
              header,
              [
                "F1",
                "email",
                { formula: "DATE(2026,1,5)+10/24", value: serial("2026-01-05T10:00:00"), date: true },
                "",
              ],
            ],
          },
        ],
      });
      const r = account("copeland", file("formula.xlsx", book));
      expect([r.status, r.input?.judged]).toEqual([0, 1]);
    });

    test("a formula with no saved value, or an error value such as #N/A, is a located skip of its row", () => {
      const book = workbook({
        sheets: [
          {
            name: "F",
            rows: [
              header,
              ["N1", "email", { formula: "NOW()" }, ""],
              ["N2", "email", { error: "#N/A" }, ""],
              ["N3", "email", { date: serial("2026-01-05T10:00:00") }, ""],
            ],
          },
        ],
      });
      const r = account("copeland", file("na.xlsx", book));
      expect(r.status).toBe(1);
      expect(r.input).toMatchObject({ read: 3, judged: 1, skipped: { total: 2 } });
      expect(r.err).toMatch(/na\.xlsx:2: skipped: cell F!C2 is a formula with no saved value/);
      expect(r.err).toMatch(/na\.xlsx:3: skipped: cell F!C3 holds the error value #N\/A/);
    });

    test("the first visible sheet in tab order is read (not the first sheet file, not a hidden one), and the account names it", () => {
      const book = workbook({
        sheets: [
          {
            name: "Lookup",
            state: "hidden",
            rows: [
              ["code", "meaning"],
              ["1", "Phone"],
            ],
          },
          { name: "Calls", rows: [header, ["V1", "email", { date: serial("2026-01-05T10:00:00") }, ""]] },
          { name: "Notes", rows: [["note"], ["x"]] },
        ],
        partOrder: [1, 2, 0],
      });
      const r = account("copeland", file("tabs.xlsx", book));
      expect([r.status, r.input?.judged, ((r.input?.sources ?? []) as { sheet?: string }[])[0]?.sheet]).toEqual([
        0,
        1,
        "Calls",
      ]);
      expect(cli(["report", "--charter", "copeland", "--now", "2027-01-31", file("tabs2.xlsx", book)]).out).toContain(
        'rows read from the sheet "Calls"',
      );
    });

    test("a shared string table past its limit is refused with a message and exit 2, never an out-of-memory, and no temp file is left", () => {
      const huge = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${"a".repeat(51_000_000)}</t></si></sst>`;
      const book = workbook({
        sheets: [{ name: "S", rows: [header] }],
        parts: { "xl/sharedStrings.xml": new TextEncoder().encode(huge) },
      });
      expect(book.length).toBeLessThan(1_000_000);
      const before = new Set(readdirSync(tmpdir()));
      const r = account("copeland", file("bomb.xlsx", book));
      expect([r.status, r.err]).toEqual([2, expect.stringContaining("its table of shared strings holds more than")]);
      expect(readdirSync(tmpdir()).filter((f) => !before.has(f) && !f.startsWith("council-sla-"))).toEqual([]);
    });
  });

  describe("the account is one, and exact", () => {
    test("the JSON report has one account: nothing outside input is called skipped", () => {
      const rows = emails(6);
      rows[1] = "E1,email,nope,";
      rows[3] = "E3,pigeon,2026-01-05T10:00,";
      rows[5] = "E5,email";
      const r = account("copeland", file("three.csv", `${EMAIL_HEADER}\n${rows.join("\n")}\n`));
      const json = JSON.parse(r.out);
      expect(Object.keys(json).filter((k) => /skip|contacts|errors/.test(k))).toEqual([]);
      expect(json.input).toMatchObject({ read: 6, judged: 3, skipped: { total: 3 }, future: 0 });
    });

    test("a header and no rows (a quiet month) is a report of nothing, exit 0, and merges", () => {
      const quiet = account("copeland", file("quiet.csv", `${EMAIL_HEADER}\n`));
      expect([quiet.status, quiet.input?.read]).toEqual([0, 0]);
      const busy = file("busy.json", account("copeland", file("busy.csv", `${EMAIL_HEADER}\n${email(1)}\n`)).out);
      const merged = cli(["merge", file("quiet.json", quiet.out), busy, "--format", "json"]);
      expect([merged.status, JSON.parse(merged.out).input.read]).toEqual([0, 1]);
    });

    test("a repeated id is listed, and judged once (the first); --keep-duplicates judges every row", () => {
      const csv = `${EMAIL_HEADER}\n${email(1)}\n${email(2)}\n${email(1)}\n${email(1)}\n`;
      const once = account("copeland", file("dups.csv", csv), ["--max-skipped", "2"]);
      expect(once.input).toMatchObject({
        read: 4,
        judged: 2,
        duplicates: { count: 2, first: ["dups.csv:4", "dups.csv:5"] },
        skipped: { total: 2, reasons: [{ reason: "repeated id", count: 2 }] },
      });
      expect(once.status).toBe(0);
      const all = account("copeland", file("dups2.csv", csv), ["--keep-duplicates"]);
      expect(all.input).toMatchObject({ read: 4, judged: 4, skipped: { total: 0 } });
    });

    test("category words that reach no standard are listed with their counts; --strict-values skips their rows", () => {
      const csv = `id,channel,category,receivedAt\nK1,letter,Complaint (Stage 1),2026-01-05T10:00\nK2,letter,complaints,2026-01-05T10:00\nK3,letter,complaints,2026-01-05T10:00\nK4,letter,complaint,2026-01-05T10:00\n`;
      const listed = account("copeland", file("words.csv", csv));
      expect(listed.status).toBe(0);
      expect(listed.input?.unmatched).toEqual([
        { field: "category", value: "complaints", count: 2, first: ["words.csv:3", "words.csv:4"] },
        { field: "category", value: "Complaint (Stage 1)", count: 1, first: ["words.csv:2"] },
      ]);
      const strict = account("copeland", file("words2.csv", csv), ["--strict-values"]);
      expect(strict.status).toBe(1);
      expect(strict.input).toMatchObject({
        read: 4,
        judged: 1,
        skipped: { total: 3, reasons: [{ reason: "unmatched category", count: 3 }] },
      });
      const mapped = account("copeland", file("words3.csv", csv), [
        "--strict-values",
        "--map-value",
        "category:  COMPLAINTS =complaint",
        "--map-value",
        "category:Complaint (Stage 1)=complaint",
      ]);
      expect([mapped.status, mapped.input?.judged]).toEqual([0, 4]);
    });

    test("--max-skipped 29% allows exactly 29 of 100 (integers, not 28.999999999999996)", () => {
      const rows = emails(100, (i) => (i < 29 ? `E${i},email,nope,` : email(i)));
      const path = file("pct.csv", `${EMAIL_HEADER}\n${rows.join("\n")}\n`);
      expect(account("copeland", path, ["--max-skipped", "29%"]).status).toBe(0);
      expect(account("copeland", path, ["--max-skipped", "28.9%"]).status).toBe(1);
    });
  });

  describe("mapping mistakes are refused", () => {
    const uk = "Ref,Date Received\nA1,05/01/2026 10:00\n";
    test.each([
      [
        "a map file with a field at the top",
        { receivedAt: "Date Received" },
        /unknown key "receivedAt" \(a contact field: put it under "columns"/,
      ],
      ["a map file whose columns is a number", { columns: 5 }, /columns must be an object \{ FIELD: COLUMN \}, got 5/],
      [
        "a map file whose ignore is an object",
        { ignore: { Notes: true } },
        /ignore must be an array of column names, got an object/,
      ],
    ])("%s", (_what, map, message) => {
      const r = account("copeland", file("uk.csv", uk), ["--map-file", file("map.json", JSON.stringify(map))]);
      expect([r.status, r.err]).toEqual([2, expect.stringMatching(message)]);
    });

    test("two fields from one column, or one field twice, is refused", () => {
      const two = account("copeland", file("uk2.csv", uk), [
        "--map",
        "receivedAt=Date Received",
        "--map",
        "respondedAt=Date Received",
      ]);
      expect([two.status, two.err]).toEqual([
        2,
        expect.stringContaining('the column "Date Received" is mapped to both receivedAt and respondedAt'),
      ]);
      const twice = account("copeland", file("uk3.csv", uk), [
        "--map",
        "receivedAt=Date Received",
        "--map",
        "receivedAt=Ref",
      ]);
      expect([twice.status, twice.err]).toEqual([2, expect.stringContaining("--map names the field receivedAt twice")]);
    });

    test("a mapped column that is not in the header is refused", () => {
      const r = account("copeland", file("uk4.csv", `id,channel,receivedAt\nA1,email,2026-01-05T10:00\n`), [
        "--map",
        "respondedAt=Date Responded",
      ]);
      expect([r.status, r.err]).toEqual([
        2,
        expect.stringContaining('respondedAt is mapped to the column "Date Responded", which the header does not have'),
      ]);
    });
  });

  describe("merge checks what it merges", () => {
    const part = (name: string, charter: string, csv: string, args: readonly string[] = []) =>
      file(name, account(charter, file(`${name}.csv`, csv), args).out);
    const calls = `id,channel,receivedAt,answeredAt\nP1,telephone,2026-11-23T10:00:00,2026-11-23T10:00:05\n`;

    test("a Dartford report formatted with Copeland's charter is refused, naming both", () => {
      const r = cli(["merge", part("dartford.json", "dartford", calls), "--charter", "copeland"]);
      expect([r.status, r.err]).toEqual([
        2,
        expect.stringMatching(
          /made with the charter "dartford" whose fingerprint is \w+, and "copeland" has the fingerprint \w+/,
        ),
      ]);
    });

    test("a charter file that keeps the id copeland with other rules is not taken for the bundled one", () => {
      const own = JSON.parse(readFileSync(new URL("../charters/copeland.json", import.meta.url), "utf8"));
      own.standards[3].limit = { workingDays: 30 };
      const path = file("my-copeland.json", JSON.stringify(own));
      const report = part("mine.json", path, `${EMAIL_HEADER}\n${email(1)}\n`);
      expect(cli(["merge", report]).status).toBe(2);
      expect(cli(["merge", report, "--charter", path]).status).toBe(0);
    });

    test("the same partial report twice is refused", () => {
      const a = part("a.json", "dartford", calls);
      const r = cli(["merge", a, a]);
      expect([r.status, r.err]).toEqual([2, expect.stringContaining("are both reports of the input a.json.csv")]);
    });

    test.each([
      [
        "a negative count",
        (j: { rows: { met: number; inScope: number }[] }) => ((j.rows[0] as { met: number }).met = -1),
        /met/,
      ],
      ["a fractional count", (j: { rows: { met: number }[] }) => ((j.rows[0] as { met: number }).met = 1.5), /met/],
      [
        "an infinite count (as JSON writes it)",
        (j: { input: { read: unknown } }) => (j.input.read = null),
        /input\.read is null/,
      ],
      [
        "a string count",
        (j: { input: { judged: unknown } }) => (j.input.judged = "<script>alert('rows')</script>"),
        /input\.judged is "<script>/,
      ],
    ])("%s is refused, naming the file and the field", (_what, tamper, message) => {
      const json = JSON.parse(account("dartford", file("t.csv", calls)).out);
      tamper(json);
      const r = cli(["merge", file("tampered.json", JSON.stringify(json))]);
      expect([r.status, r.err]).toEqual([2, expect.stringMatching(message)]);
      expect(r.err).toContain("tampered.json");
    });
  });

  describe("memory is bounded by the options, not the rows", () => {
    test("--worst 3 --by week keeps at most 3 breaches per standard, whatever the weeks", () => {
      const rows = Array.from({ length: 400 }, (_, i) => {
        const d = new Date(Date.UTC(2026, 0, 5) + (i % 50) * 7 * 86_400_000).toISOString().slice(0, 10);
        return `W${i},telephone,${d}T10:00:00,${d}T10:01:00`;
      });
      const r = account("dartford", file("weeks.csv", `id,channel,receivedAt,answeredAt\n${rows.join("\n")}\n`), [
        "--worst",
        "3",
        "--by",
        "week",
      ]);
      const kept = (r.rows ?? [])
        .filter((x) => x.standardId === "telephone.answer")
        .reduce((n, x) => n + x.worst.length, 0);
      expect([r.status, kept]).toEqual([0, 3]);
    });
  });

  describe("workers are started as work needs them", () => {
    test("--jobs 4 on one item's worth of rows starts no worker; on several it does", () => {
      // A copy of the command without its worker file: a run that starts a worker fails.
      const bare = join(dir, "no-worker");
      cpSync(new URL("../dist", import.meta.url).pathname, bare, { recursive: true });
      rmSync(join(bare, "cli-worker.js"), { force: true });
      symlinkSync(new URL("../node_modules", import.meta.url).pathname, join(bare, "node_modules"));
      const run = (path: string) =>
        spawnSync(
          process.execPath,
          [join(bare, "cli.js"), "report", "--charter", "copeland", "--now", "2027-01-31", "--jobs", "4", path],
          { encoding: "utf8" },
        );
      expect(run(file("small.csv", `${EMAIL_HEADER}\n${emails(3000).join("\n")}\n`)).status).toBe(0);
      expect(run(file("large.csv", `${EMAIL_HEADER}\n${emails(45_000).join("\n")}\n`)).status).not.toBe(0);
    });
  });

  describe("untrusted text on the terminal", () => {
    const hostile = "Evil\u001b]0;owned\u0007\u001b[2J Council";
    test("validate and calendar escape a charter's name: no ESC or BEL reaches the terminal", () => {
      const own = JSON.parse(readFileSync(new URL("../charters/copeland.json", import.meta.url), "utf8"));
      own.name = hostile;
      own.id = "evil";
      const path = file("evil.json", JSON.stringify(own));
      for (const args of [
        ["validate", path],
        ["calendar", "--charter", path, "--from", "2026-12-24", "--to", "2026-12-29"],
      ]) {
        const r = cli(args);
        expect(r.status).toBe(0);
        expect([r.out.includes("\u0007"), r.out.includes("\u001b")]).toEqual([false, false]);
        expect(r.out).toContain("\\u001b]0;owned\\u0007");
      }
    });
  });
});

describe("the law: every record written is read, judged or skipped, and good records are judged as when alone", () => {
  /** A record: a good email, or one broken in a way a real export breaks. */
  const record = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant("good" as const),
        day: fc.integer({ min: 5, max: 23 }),
        quote: fc.boolean(),
        late: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: "xy" as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: "fields" as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: "date" as const }) },
  );
  const files = fc.record({
    records: fc.array(record, { minLength: 1, maxLength: 40 }),
    delimiter: fc.constantFrom(",", ";", "\t", "|"),
    endings: fc.array(fc.constantFrom("\n", "\r\n", "\r"), { minLength: 1, maxLength: 3 }),
  });

  prop.prop([files], { numRuns: 25 })(
    "random quoting, line endings, delimiters and broken fields",
    ({ records, delimiter, endings }) => {
      const d = delimiter;
      const q = (s: string, yes: boolean) => (yes ? `"${s.replace(/"/g, '""')}"` : s);
      const lines = records.map((r, i) => {
        if (r.kind === "xy") return [`X${i}`, '"email"x', "2026-01-05T10:00", ""].join(d);
        if (r.kind === "fields") return [`X${i}`, "email"].join(d);
        if (r.kind === "date") return [`X${i}`, "email", "not a date", ""].join(d);
        const day = String(r.day).padStart(2, "0");
        const answered = r.late ? `2026-01-${String(r.day + 5).padStart(2, "0")}T10:00` : `2026-01-${day}T16:00`;
        return [q(`G${i}`, r.quote), q("email", r.quote), q(`2026-01-${day}T10:00`, r.quote), answered].join(d);
      });
      const header = ["id", "channel", "receivedAt", "respondedAt"].join(d);
      const text = [header, ...lines].map((l, i) => l + (endings[i % endings.length] as string)).join("");
      const whole = account("copeland", file("law.csv", text), ["--max-skipped", "100%"]);
      const good = records.filter((r) => r.kind === "good").length;
      expect(whole.input).toMatchObject({
        read: records.length,
        judged: good,
        skipped: { total: records.length - good },
      });
      // Each good record, judged alone by the library, gives the same figures as its share of the whole.
      const alone = records.flatMap((r, i) => {
        if (r.kind !== "good") return [];
        const day = String(r.day).padStart(2, "0");
        const respondedAt = r.late ? `2026-01-${String(r.day + 5).padStart(2, "0")}T10:00` : `2026-01-${day}T16:00`;
        return [{ id: `G${i}`, channel: "email" as const, receivedAt: `2026-01-${day}T10:00`, respondedAt }];
      });
      const expected = alone.map((c) => complianceReport(copeland, [c], { now: "2027-01-31T23:59" }).rows);
      for (const id of ["email.acknowledge", "email.respond"]) {
        const sum = (key: "met" | "breached" | "pending") =>
          expected
            .flat()
            .filter((r) => r.standardId === id)
            .reduce((n, r) => n + r[key], 0);
        const row = whole.rows?.find((r) => r.standardId === id) as
          | { met: number; breached: number; pending: number }
          | undefined;
        expect([row?.met, row?.breached, row?.pending]).toEqual([sum("met"), sum("breached"), sum("pending")]);
      }
    },
  );
});

describe("the ids seen, as hashes", () => {
  prop.prop([
    fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 60 }).map((n) => `C${n}`),
        fc.string({ maxLength: 4 }),
      ),
      { maxLength: 300 },
    ),
    fc.nat(300),
  ])(
    "add says false exactly for an id added before, in order or not (a sorted run first, then any order)",
    (tail, sortedLength) => {
      const ids = [...Array.from({ length: sortedLength }, (_, i) => `C${i}`), ...tail];
      const set = new IdSet();
      const seen = new Set<string>();
      for (const id of ids) {
        expect(set.addText(id)).toBe(!seen.has(id));
        seen.add(id);
      }
      expect(set.size).toBe(seen.size);
    },
  );
});
