// The publication without a browser: every string of a tampered partial report escaped in
// every format, counts shown as numbers only when they are numbers; the open dataset
// validated as a Frictionless data package, with the JSON report's figures; the statutory
// tables; the input account read in either shape; the options refused by name.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { beforeAll, describe, expect, test } from "vitest";
import { accountOf } from "../src/cli/account.js";
import { markdownText, reportFormat } from "../src/cli/format.js";
import type { PartialReport } from "../src/cli/report.js";
import { copeland } from "../src/charters/index.js";
import { summarised } from "../src/cli/publication.js";
import { scratchDir } from "./support.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const EXAMPLES = new URL("../examples/", import.meta.url).pathname;
const dir = scratchDir("council-sla-publication-");
const CHARTERS = ["copeland", "colchester", "norwich", "dartford", "kawartha-lakes"] as const;
const NOW = "2027-01-31T23:59";

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function ok(args: string[]): string {
  const r = run(args);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.err}`);
  return r.out;
}
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  if (!existsSync(CLI)) spawnSync("npx", ["tsup", "--silent"], { stdio: "inherit" });
}, 120_000);

/** Markdown as GitHub renders it, raw HTML allowed through, so that only escaping keeps it out. */
const render = (md: string) =>
  micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

/** Whether text holds ESC or BEL, which would drive a terminal. */
const drivesTerminal = (text: string) => text.includes("\u001b") || text.includes("\u0007");

const SCRIPT = "<script>alert('rows')</script>";
const LINK = "[click](javascript:alert(1)) <https://evil.example> www.evil.example <b>bold</b>";
const PIPES = "a|b \\| c \\\\| d";
const CONTROL = "\u001b]0;pwned\u0007\u001b[2J";

describe("a partial report given to merge, tampered with, renders escaped in every format", () => {
  // merge refuses counts that are not whole numbers (test/accounting.test.ts); what a file may still carry
  // is text: ids, explanations, reasons, lines, values. Counts that are text reach a format only when it
  // is called directly, and are shown as text, never computed with.
  let tampered = "";
  let counts: PartialReport;
  beforeAll(() => {
    const contacts = file(
      "letters.csv",
      "id,channel,receivedAt,respondedAt\nA-1,letter,2026-11-02T10:00,2026-12-20T10:00\nA-2,letter,2026-11-03T10:00,2026-11-04T10:00\n",
    );
    const report = JSON.parse(ok(["report", "--charter", "copeland", "--now", NOW, "--format", "json", contacts]));
    const row = report.rows.find((r: { standardId: string }) => r.standardId === "letter.respond");
    row.worst[0].contactId = `<img src=x onerror=alert(1)>${PIPES}`;
    row.worst[0].explanation = `${LINK} ${CONTROL} ${SCRIPT}`;
    report.input.skipped = { total: 0, reasons: [] };
    report.input.unmatched = [
      { field: "category", value: `${SCRIPT} ${CONTROL}`, count: 0, first: [`${PIPES}.csv:3`] },
    ];
    tampered = file("tampered.json", JSON.stringify(report));
    const textCounts = structuredClone(report);
    const textRow = textCounts.rows.find((r: { standardId: string }) => r.standardId === "letter.respond");
    textRow.met = SCRIPT;
    textRow.breached = '=HYPERLINK("http://x")';
    textRow.pending = `${PIPES} ${CONTROL}`;
    textRow.notApplicable = "12abc";
    textCounts.input.read = SCRIPT;
    textCounts.input.skipped = {
      total: SCRIPT,
      reasons: [{ reason: `${LINK} ${CONTROL}`, count: SCRIPT, first: [`${PIPES}.csv:3`] }],
    };
    counts = textCounts;
  });

  test("a count that is not a whole number is refused by merge, before any format sees it", () => {
    const json = JSON.parse(readFileSync(tampered, "utf8"));
    json.rows[0].met = SCRIPT;
    const r = run(["merge", file("text-count.json", JSON.stringify(json))]);
    expect([r.code, r.out]).toEqual([2, ""]);
  });

  test("HTML, both audiences: no element from the file, every value shown as text, no NaN", () => {
    for (const audience of ["public", "officer"] as const) {
      for (const html of [
        ok(["merge", tampered, "--format", "html", "--audience", audience]),
        reportFormat("html", counts, copeland, audience),
      ]) {
        expect(html).not.toMatch(/<script|<img|<b>|javascript:alert\(1\)\)">/);
        expect(html).not.toContain("NaN");
      }
      const direct = reportFormat("html", counts, copeland, audience);
      expect(direct).toContain("&lt;script&gt;alert(&#39;rows&#39;)&lt;/script&gt;");
      if (audience === "officer") {
        const merged = ok(["merge", tampered, "--format", "html", "--audience", audience]);
        expect(drivesTerminal(merged)).toBe(false);
        expect(merged).toContain("&lt;img src=x onerror=alert(1)&gt;");
        expect(merged).toContain("\\u001b]0;pwned\\u0007");
        expect(direct).toContain("12abc");
      }
    }
  });

  test("Markdown, both audiences: rendered by a GFM renderer, it has no HTML from the file, no link, and no cell split by a pipe", () => {
    for (const audience of ["public", "officer"] as const) {
      for (const md of [
        ok(["merge", tampered, "--format", "md", "--audience", audience]),
        reportFormat("md", counts, copeland, audience),
      ]) {
        const html = render(md);
        expect(html).not.toMatch(/<script|<img|<b>|<a /);
        // Every row of every table has as many cells as its header.
        for (const table of html.split("<table>").slice(1)) {
          const rows = table.split("</table>")[0]?.split("<tr>").slice(1) ?? [];
          const cells = rows.map((r) => (r.match(/<t[hd][ >]/g) ?? []).length);
          expect(new Set(cells).size).toBe(1);
        }
      }
      expect(drivesTerminal(ok(["merge", tampered, "--format", "md", "--audience", audience]))).toBe(false);
      expect(render(reportFormat("md", counts, copeland, audience))).toContain(
        "&lt;script&gt;alert('rows')&lt;/script&gt;",
      );
    }
  });

  test("markdownText keeps each kind of text inert", () => {
    expect(render(markdownText(LINK))).toBe(
      "<p>[click](javascript:alert(1)) &lt;https://evil.example&gt; www.evil.example &lt;b&gt;bold&lt;/b&gt;</p>",
    );
    expect(render(`| x |\n| --- |\n| ${markdownText(PIPES)} |`)).toContain(`<td>${PIPES}</td>`);
    expect(render(markdownText("*not em* _nor this_ `code` ~~struck~~ ![img](x.png)"))).toBe(
      "<p>*not em* _nor this_ `code` ~~struck~~ ![img](x.png)</p>",
    );
  });

  test("CSV: a count that is text is a protected text cell, never a number or a formula", () => {
    const line =
      reportFormat("csv", counts, copeland)
        .split("\n")
        .find((l) => l.startsWith("letter.respond")) ?? "";
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).toContain(SCRIPT);
  });

  test("the terminal table: control characters shown as escapes, never sent", () => {
    const table = ok(["merge", tampered]);
    expect(drivesTerminal(table)).toBe(false);
    expect(table).toContain("\\u001b]0;pwned\\u0007");
    expect(reportFormat("table", counts, copeland)).toContain(`${SCRIPT} rows read`);
  });
});

describe("the input account, read in either shape", () => {
  test("today's shape: rows and a list of reasons", () => {
    expect(
      accountOf({
        rows: 10,
        judged: 7,
        skipped: [{ reason: "invalid contact.receivedAt", count: 2, first: ["a.csv:3", "a.csv:9"] }],
        future: 1,
        now: "option",
      }),
    ).toEqual({
      read: 10,
      judged: 7,
      skipped: {
        total: 2,
        reasons: [{ reason: "invalid contact.receivedAt", count: 2, first: ["a.csv:3", "a.csv:9"] }],
      },
      future: 1,
      duplicates: { count: 0, first: [] },
      unmatched: [],
      now: "option",
    });
  });

  test("the coming shape, with duplicates, unmatched values and the sheet", () => {
    const input = {
      read: 12,
      judged: 8,
      skipped: { total: 1, reasons: [{ reason: "unclosed quote", count: 1, first: ["x.xlsx:4"] }] },
      future: 0,
      duplicates: { count: 2, first: ["x.xlsx:7", "x.xlsx:8"] },
      unmatched: [{ field: "category", value: "Complaint (Stage 1)", count: 1, first: ["x.xlsx:5"] }],
      sheet: "Contacts",
      now: "clock",
    };
    expect(accountOf(input)).toEqual(input);
  });

  test("a count that is not a whole number 0 or more stays text", () => {
    const a = accountOf({
      rows: -1,
      judged: 2.5,
      skipped: { total: "3", reasons: [] },
      future: Number.POSITIVE_INFINITY,
    });
    expect([a.read, a.judged, a.skipped.total, a.future]).toEqual(["-1", "2.5", "3", "null"]);
  });
});

describe("explanations summarised for a table", () => {
  test("days not worked are counted, holidays named, and the standard id and the firmness sentence dropped", () => {
    expect(
      summarised(
        "email.respond: Received Thursday 24 December 2026 at 10:00. Day 1 is Tuesday 29 December. Friday 25 December (Christmas Day), Saturday 26 December (weekend), Sunday 27 December (weekend) and Monday 28 December (substitute day for Boxing Day) are not working days. Due by the end of Thursday 31 December 2026: 3 working days. Breached: answered on Monday 4 January 2027 at 09:00. The charter says it will meet this standard.",
      ),
    ).toBe(
      "Received Thursday 24 December 2026 at 10:00. Day 1 is Tuesday 29 December. Not working days: 2 weekend days, Christmas Day and substitute day for Boxing Day. Due by the end of Thursday 31 December 2026: 3 working days. Breached: answered on Monday 4 January 2027 at 09:00.",
    );
  });
});

describe("the open dataset", () => {
  const require = createRequire(import.meta.url);
  const { Package } = require("datapackage") as {
    Package: {
      load(path: string): Promise<{
        valid: boolean;
        errors: unknown[];
        getResource(name: string): { read(o: { keyed: true; cast: boolean }): Promise<Record<string, unknown>[]> };
      }>;
    };
  };
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

  test.each(
    CHARTERS.flatMap((c) => [
      [c, "quarter"],
      [c, "none"],
    ]),
  )(
    "%s (by %s): a valid Frictionless data package whose every figure is the JSON report's",
    async (charter, by) => {
      const out = join(dir, `dataset-${charter}-${by}`);
      const args = ["report", "--charter", charter, "--now", NOW, join(EXAMPLES, `${charter}.csv`)];
      const periods = by === "none" ? [] : ["--by", by];
      expect(ok([...args, ...periods, "--format", "dataset", "--out", out])).toContain("performance.csv");
      const json = JSON.parse(ok([...args, ...periods, "--format", "json"]));
      const pkg = await Package.load(join(out, "datapackage.json"));
      expect(pkg.errors.map(String)).toEqual([]);
      expect(pkg.valid).toBe(true);
      // Reading with cast checks every value against its field's type and constraints.
      const rows = await pkg.getResource("performance").read({ keyed: true, cast: true });
      expect(rows.length).toBe(json.rows.length);
      json.rows.forEach(
        (
          r: {
            standardId: string;
            period?: string;
            periodStart?: string;
            periodEnd?: string;
            inScope: number;
            met: number;
            breached: number;
            pending: number;
            notApplicable: number;
            metShare: number | null;
            target: { percent: number };
            achieved: boolean | null;
            ci95: { low: number; high: number } | null;
            firmness: string | null;
            yearToDate?: { from: string; met: number; breached: number; metShare: number | null };
          },
          i: number,
        ) => {
          const d = rows[i] as Record<string, unknown>;
          expect({ ...d, period_start: iso(d.period_start), period_end: iso(d.period_end) }).toMatchObject({
            standard_id: r.standardId,
            period: r.period ?? null,
            period_start: r.periodStart ?? json.received.first,
            period_end: r.periodEnd ?? json.received.last,
            in_scope: r.inScope,
            met: r.met,
            breached: r.breached,
            pending: r.pending,
            not_applicable: r.notApplicable,
            share_met: r.metShare,
            target: r.target.percent,
            achieved: r.achieved,
            interval_low: r.ci95?.low ?? null,
            interval_high: r.ci95?.high ?? null,
            firmness: r.firmness,
            ytd_met: r.yearToDate?.met ?? null,
            ytd_breached: r.yearToDate?.breached ?? null,
            ytd_share_met: r.yearToDate?.metShare ?? null,
          });
        },
      );
    },
    60_000,
  );

  test("the validator fails a package whose figures break the schema (a negative count)", async () => {
    const out = join(dir, "dataset-broken");
    ok([
      "report",
      "--charter",
      "dartford",
      "--now",
      NOW,
      join(EXAMPLES, "dartford.csv"),
      "--format",
      "dataset",
      "--out",
      out,
    ]);
    const csv = readFileSync(join(out, "performance.csv"), "utf8").split("\r\n");
    csv[1] = (csv[1] ?? "").replace(/,(\d+),(\d+),/, ",$1,-1,");
    writeFileSync(join(out, "performance.csv"), csv.join("\r\n"));
    const pkg = await Package.load(join(out, "datapackage.json"));
    await expect(pkg.getResource("performance").read({ keyed: true, cast: true })).rejects.toThrow();
  });
});

describe("the statutory tables", () => {
  test("complaints: received, answered in time, within an extension, late and outstanding are the report's rows", () => {
    const json = JSON.parse(
      ok([
        "report",
        "--charter",
        "dartford",
        "--now",
        NOW,
        "--by",
        "quarter",
        join(EXAMPLES, "dartford.csv"),
        "--format",
        "json",
      ]),
    );
    const html = ok([
      "report",
      "--charter",
      "dartford",
      "--now",
      NOW,
      "--by",
      "quarter",
      join(EXAMPLES, "dartford.csv"),
      "--format",
      "html",
    ]);
    const table = html.split('<table class="statutory" data-kind="complaints">')[1]?.split("</table>")[0] ?? "";
    const shown = [...table.matchAll(/<tr>(.*?)<\/tr>/g)]
      .slice(1)
      .map((m) =>
        [...(m[1] ?? "").matchAll(/data-field="(\w+)">([^<]*)</g)].map((c) => Number((c[2] ?? "").replace(/,/g, ""))),
      );
    const expected = json.rows
      .filter((r: { standardId: string }) => /^letter\.complaint(-stage-two)?\.respond$/.test(r.standardId))
      .sort(
        (a: { periodStart: string; standardId: string }, b: { periodStart: string; standardId: string }) =>
          a.periodStart.localeCompare(b.periodStart) ||
          (a.standardId.includes("two") ? 1 : 0) - (b.standardId.includes("two") ? 1 : 0),
      )
      .map(
        (r: {
          met: number;
          breached: number;
          pending: number;
          notApplicable: number;
          extended: number;
          late: number;
          outstanding: number;
        }) => [r.met + r.breached + r.pending + r.notApplicable, r.met - r.extended, r.extended, r.late, r.outstanding],
      );
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(expected);
  });

  test("freedom of information requests: a charter with an FOI standard gets the section 45 table, counted by hand", () => {
    const layer = file(
      "copeland-foi.json",
      JSON.stringify({
        id: "copeland-information",
        name: "Copeland Borough Council: information requests",
        extends: "copeland",
        sources: [{ title: "Freedom of Information Act 2000, section 10", publisher: "UK Parliament" }],
        standards: {
          add: [
            {
              id: "email.foi.respond",
              channels: ["email", "letter"],
              category: "foi",
              stage: "respond",
              limit: { workingDays: 20 },
              allowPromise: true,
              firmness: "will",
              quote: "promptly and in any event not later than the twentieth working day following the date of receipt",
            },
          ],
        },
      }),
    );
    const requests = file(
      "foi.csv",
      [
        "id,channel,category,receivedAt,acknowledgedAt,respondedAt,promisedBy",
        "F1,email,foi,2026-04-07T10:00,,2026-04-20T10:00,", // answered in time
        "F2,email,foi,2026-04-08T10:00,2026-04-09T10:00,2026-05-20T10:00,2026-05-29", // within the promised extension
        "F3,letter,foi,2026-05-01T10:00,,2026-07-10T10:00,", // late, and outstanding on 30 June
        "F4,email,foi,2026-06-25T10:00,,,", // outstanding, not yet due
      ].join("\n"),
    );
    const html = ok([
      "report",
      "--charter",
      layer,
      "--now",
      "2026-07-15T12:00",
      "--by",
      "quarter",
      requests,
      "--format",
      "html",
    ]);
    const table = html.split('<table class="statutory" data-kind="foi">')[1]?.split("</table>")[0] ?? "";
    const cells = Object.fromEntries([...table.matchAll(/data-field="(\w+)">([^<]*)</g)].map((c) => [c[1], c[2]]));
    expect(cells).toEqual({ received: "4", inTime: "1", extended: "1", late: "1", outstanding: "2" });
    expect(html).toContain("Freedom of information requests");
  });
});

describe("options that do not fit are refused by name", () => {
  const contacts = join(EXAMPLES, "copeland.csv");
  test.each([
    [["--audience", "officer"], /--audience applies to --format html and md/],
    [["--format", "dataset"], /--format dataset needs --out DIR/],
    [["--format", "html", "--out", "x"], /--out is the directory of --format dataset/],
    [["--year-start", "01-01"], /--year-start needs --by/],
    [["--by", "quarter", "--year-start", "1-1"], /--year-start must be a month and a day written MM-DD/],
    [["--by", "month", "--year-start", "04-06"], /--year-start must be the first of a month, MM-01/],
    [["--by", "year"], /--by must be month, week, quarter or financial-year, got "year"/],
    [["--format", "html", "--audience", "council"], /--audience must be public or officer/],
  ])("%j", (extra, message) => {
    const r = run(["report", "--charter", "copeland", "--now", NOW, contacts, ...extra]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(message)]);
  });
});

describe("the quarterly command of the README", () => {
  test("Ontario reports by calendar year: --year-start 01-01 gives calendar quarters", () => {
    const json = JSON.parse(
      ok([
        "report",
        "--charter",
        "kawartha-lakes",
        "--now",
        NOW,
        "--by",
        "quarter",
        "--year-start",
        "01-01",
        join(EXAMPLES, "kawartha-lakes.csv"),
        "--format",
        "json",
      ]),
    );
    expect([...new Set(json.rows.map((r: { period: string }) => r.period))]).toEqual([
      "2026 Q1",
      "2026 Q2",
      "2026 Q3",
      "2026 Q4",
    ]);
    mkdirSync(join(dir, "unused"), { recursive: true });
  });
});
