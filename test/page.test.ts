// The compliance page in a real browser, for each bundled charter's sample data by
// quarter (the README's command) and for both audiences: axe-core finds no WCAG 2.2 A or
// AA violation; no word of any table cell is broken across lines, and no width scrolls
// sideways, from 320 to 1440 px; the public page shows no case reference, standard id,
// file name or note for charter authors, and is at most three screens tall at 1280 px;
// its numbers are the JSON report's; the chart's ticks fall on their dates, and a gap
// shows as a gap; Chromium's PDF of the page cuts no table row across pages and repeats
// table headers; hostile ids run nothing; the page makes no request. Skips, saying why,
// only where there is no Chromium.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { charters } from "../src/charters/index.js";
import { chromiumPath, launch } from "./browser.js";
import { scratchDir } from "./support.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const EXAMPLES = new URL("../examples/", import.meta.url).pathname;
const SHOTS = new URL("../screenshots/", import.meta.url).pathname;
const NOW = "2027-01-31T23:59";
const CHARTERS = ["copeland", "colchester", "norwich", "dartford", "kawartha-lakes"] as const;
const WIDTHS = [320, 390, 1280, 1440];
/** A screen at 1280 px wide: a 1280 × 800 display. */
const SCREEN = 800;
const executable = chromiumPath();
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const dir = scratchDir("council-sla-page-");
const HOSTILE = `<img src=x onerror="window.__pwned=1">`;

function run(charter: string, args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, "report", "--charter", charter, "--now", NOW, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}
const sample = (charter: string) => join(EXAMPLES, `${charter}.csv`);

let browser: Browser | undefined;
const pages: Record<string, string> = {};

beforeAll(async () => {
  if (executable === undefined) return;
  if (!existsSync(CLI)) spawnSync("npx", ["tsup", "--silent"], { stdio: "inherit" });
  for (const c of CHARTERS) {
    pages[`${c} public`] = run(c, ["--by", "quarter", "--format", "html", sample(c)]);
    pages[`${c} officer`] = run(c, ["--by", "quarter", "--format", "html", "--audience", "officer", sample(c)]);
  }
  pages.flat = run("copeland", ["--format", "html", sample("copeland")]);
  pages.month = run("copeland", ["--by", "month", "--format", "html", sample("copeland")]);
  // Emails in January, February, October, November and December only: a gap of seven months.
  const months = ["01", "02", "10", "11", "12"];
  const gap = join(dir, "gap.csv");
  writeFileSync(
    gap,
    `id,channel,receivedAt,respondedAt\n${months
      .flatMap((m, i) => [
        `G${i}a,email,2026-${m}-06T10:00,2026-${m}-07T10:00`,
        `G${i}b,email,2026-${m}-13T10:00,${i % 2 === 0 ? `2026-${m}-27T10:00` : `2026-${m}-14T10:00`}`,
      ])
      .join("\n")}\n`,
  );
  pages.gap = run("copeland", ["--by", "month", "--format", "html", gap]);
  const hostile = join(dir, "hostile.csv");
  writeFileSync(
    hostile,
    `id,channel,receivedAt,respondedAt\n"${HOSTILE.replace(/"/g, '""')}",email,2026-11-23T10:00,2026-12-10T10:00\n"=HYPERLINK(""http://x"")",letter,2026-11-23T10:00,\n`,
  );
  pages.hostile = run("copeland", ["--format", "html", "--audience", "officer", hostile]);
  // Long tables, so that the print layout has rows near every page break.
  pages.print = run("dartford", [
    "--by",
    "month",
    "--worst",
    "12",
    "--format",
    "html",
    "--audience",
    "officer",
    sample("dartford"),
  ]);
  browser = await launch(executable);
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

async function open(html: string, width = 1280, javaScriptEnabled = true): Promise<{ page: Page; requests: string[] }> {
  const context = await (browser as Browser).newContext({ viewport: { width, height: SCREEN }, javaScriptEnabled });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.setContent(html, { waitUntil: "load" });
  return { page, requests };
}

// Browser-side code is written as text: the suite compiles without the DOM library.
/** Every word of every table cell (and caption) whose text runs over more than one line box. */
const BROKEN_WORDS = `(() => {
  const broken = [];
  for (const cell of document.querySelectorAll("table td, table th, table caption")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      const re = /\\S+/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
})()`;

describe.skipIf(executable === undefined)(
  `the compliance page in headless Chromium${executable === undefined ? ": skipped, no Chromium on this machine (apt-get install chromium, or set CHROMIUM_PATH)" : ""}`,
  () => {
    const both = CHARTERS.flatMap((c) => [`${c} public`, `${c} officer`]);

    test.each([...both, "flat", "month"])("%s: no WCAG 2.2 A or AA violation (axe-core)", async (name) => {
      const { page } = await open(pages[name] as string);
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate(`axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      })`)) as { violations: { id: string; nodes: unknown[] }[] };
      expect(result.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
      await page.context().close();
    });

    test.each([...both, "month"])(
      "%s: at 320, 390, 1280 and 1440 px no word of a table cell is broken, and nothing scrolls sideways",
      async (name) => {
        const { page } = await open(pages[name] as string, WIDTHS[0]);
        const found: string[] = [];
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: SCREEN });
          // Open the tables behind "The figures by quarter", so that they are measured too.
          await page.evaluate(`document.querySelectorAll("details").forEach((d) => { d.open = true; })`);
          for (const word of (await page.evaluate(BROKEN_WORDS)) as string[]) found.push(`${width} px: ${word}`);
          const overflow = (await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")) as number;
          if (overflow > 0) found.push(`${width} px: scrolls sideways by ${overflow} px`);
        }
        expect(found).toEqual([]);
        await page.context().close();
      },
    );

    test.each(CHARTERS)(
      "%s: the public page shows no case reference, standard id, file name or note for charter authors",
      (charter) => {
        const html = pages[`${charter} public`] as string;
        const c = charters[charter === "kawartha-lakes" ? "kawartha-lakes" : charter];
        expect(c).toBeDefined();
        if (c === undefined) return;
        const ids = readFileSync(sample(charter), "utf8")
          .split("\n")
          .slice(1, 400)
          .map((line) => line.split(",")[0] ?? "")
          .filter((id) => id !== "");
        const notes = [
          ...c.sources.flatMap((s) => ("note" in s && typeof s.note === "string" ? [s.note] : [])),
          ...(c.calendar.assumptions ?? []).map((a) => a.note),
          ...c.standards.flatMap((s) => ("assumption" in s && typeof s.assumption === "string" ? [s.assumption] : [])),
        ];
        const leaks = [
          ...ids.filter((id) => html.includes(id)),
          ...c.standards.map((s) => s.id).filter((id) => html.includes(id)),
          ...[`${charter}.csv`, ".csv", "extendCharter", "stored copy", "Replace with"].filter((t) => html.includes(t)),
          ...notes.filter((n) => html.includes(n.slice(0, 40))),
          // ISO instants are for developers: the page gives dates in words.
          ...(html.match(/\d{4}-\d\d-\d\dT\d\d:\d\d/g) ?? []),
        ];
        expect(leaks).toEqual([]);
        // The officer page does show them.
        const officer = pages[`${charter} officer`] as string;
        expect(c.standards.some((s) => officer.includes(s.id))).toBe(true);
      },
    );

    test.each(CHARTERS)("%s: the public page by quarter is at most three screens tall at 1280 px", async (charter) => {
      const { page } = await open(pages[`${charter} public`] as string, 1280);
      const height = (await page.evaluate("document.documentElement.scrollHeight")) as number;
      expect(height).toBeLessThanOrEqual(3 * SCREEN);
      await page.context().close();
    });

    test("its numbers are the JSON report's", async () => {
      const json = JSON.parse(run("copeland", ["--format", "json", sample("copeland")])) as {
        rows: { standardId: string; met: number; breached: number; pending: number; notApplicable: number }[];
      };
      const { page } = await open(pages.flat as string);
      const shown = (await page.evaluate(`[...document.querySelectorAll("dl.counts")].map((dl) => ({
        row: Number(dl.getAttribute("data-row")),
        ...Object.fromEntries([...dl.querySelectorAll("dd[data-field]")].map((dd) => [dd.getAttribute("data-field"), dd.textContent])),
      }))`)) as { row: number }[];
      const order = charters.copeland?.standards.map((s) => s.id) ?? [];
      expect(shown).toEqual(
        json.rows
          .filter((r) => r.met + r.breached + r.pending + r.notApplicable > 0)
          .map((r) => ({
            row: order.indexOf(r.standardId),
            met: r.met.toLocaleString("en-GB"),
            breached: r.breached.toLocaleString("en-GB"),
            pending: r.pending.toLocaleString("en-GB"),
            notApplicable: r.notApplicable.toLocaleString("en-GB"),
          })),
      );
      await page.context().close();
    });

    test("the chart's ticks fall on their dates on a true time axis, a gap shows as a gap, and the target line is labelled", async () => {
      const { page } = await open(pages.gap as string);
      const chart = (await page.evaluate(`(() => {
        const svg = document.querySelector("section[data-row='3'] svg.trend");
        const ticks = [...svg.querySelectorAll("line.tick")].map((t) => ({ date: t.getAttribute("data-date"), x: t.getBoundingClientRect().left }));
        const labels = [...svg.querySelectorAll("text.label")].map((t) => t.textContent);
        const dots = [...svg.querySelectorAll("circle.dot")].map((d) => d.getBoundingClientRect().left + d.getBoundingClientRect().width / 2);
        return { ticks, labels, dots, lines: svg.querySelectorAll("polyline.line").length };
      })()`)) as { ticks: { date: string; x: number }[]; labels: string[]; dots: number[]; lines: number };
      // A tick on the first day of every month from January to December, gap months included.
      expect(chart.ticks.map((t) => t.date)).toEqual(
        Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}-01`),
      );
      const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
      const first = chart.ticks[0] as { date: string; x: number };
      const last = chart.ticks[11] as { date: string; x: number };
      const perDay = (last.x - first.x) / (day(last.date) - day(first.date));
      for (const t of chart.ticks) expect(t.x).toBeCloseTo(first.x + perDay * (day(t.date) - day(first.date)), 0);
      // Each month's point at the middle of its days; none for the seven months without contacts.
      const middles = ["01", "02", "10", "11", "12"].map((m) => {
        const start = day(`2026-${m}-01`);
        const next = m === "12" ? day("2027-01-01") : day(`2026-${String(Number(m) + 1).padStart(2, "0")}-01`);
        return first.x + perDay * ((start + next) / 2 - day(first.date));
      });
      expect(chart.dots.length).toBe(5);
      chart.dots.forEach((x, i) => expect(x).toBeCloseTo(middles[i] as number, 0));
      // Two runs of line, January to February and October to December: none across the gap.
      expect(chart.lines).toBe(2);
      expect(chart.labels).toEqual(expect.arrayContaining(["Jan", "Jun", "Dec", "2026", "Target 100%", "100%", "0%"]));
      await page.context().close();
    });

    test("Chromium's A4 PDF cuts no table row across pages and repeats each table's header on every page it runs onto", async () => {
      const { page } = await open(pages.print as string);
      // Marks at the start and end of every cell, and in every header, to find them in the PDF's text.
      await page.evaluate(`document.querySelectorAll("details").forEach((d) => { d.open = true; });
        [...document.querySelectorAll("table")].forEach((table, t) => {
          table.querySelectorAll("thead th").forEach((th) => th.append(" QQt" + t + "hQQ"));
          [...table.querySelectorAll("tbody tr")].forEach((tr, r) => {
            tr.querySelectorAll("td, th").forEach((cell) => {
              cell.prepend("QQt" + t + "r" + r + "QQ ");
              cell.append(" QQt" + t + "r" + r + "QQ");
            });
          });
        });`);
      const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
      const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
      const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
      const rowPages = new Map<string, Set<number>>();
      const headerPages = new Map<string, Set<number>>();
      for (let p = 1; p <= doc.numPages; p++) {
        const content = await (await doc.getPage(p)).getTextContent();
        const text = content.items.map((i) => ("str" in i ? i.str : "")).join(" ");
        for (const m of text.matchAll(/QQt(\d+)(h|r\d+)QQ/g)) {
          const map = m[2] === "h" ? headerPages : rowPages;
          const key = m[2] === "h" ? (m[1] as string) : `${m[1]}:${m[2]}`;
          map.set(key, (map.get(key) ?? new Set()).add(p));
        }
      }
      expect(doc.numPages).toBeGreaterThan(2);
      expect(rowPages.size).toBeGreaterThan(100);
      const cut = [...rowPages]
        .filter(([, on]) => on.size > 1)
        .map(([row, on]) => `${row} on pages ${[...on].join(", ")}`);
      expect(cut).toEqual([]);
      // Tables with a header row: each of their rows shares its page with the header.
      const headless = [...rowPages]
        .filter(([row]) => headerPages.has(row.split(":")[0] as string))
        .filter(([row, on]) => !headerPages.get(row.split(":")[0] as string)?.has([...on][0] as number))
        .map(([row]) => row);
      expect(headerPages.size).toBeGreaterThan(5);
      expect(headless).toEqual([]);
      await page.context().close();
    }, 60_000);

    test("a contact id that is HTML runs nothing and shows as text; the page makes no request", async () => {
      const { page, requests } = await open(pages.hostile as string);
      expect(await page.evaluate("window.__pwned")).toBeUndefined();
      expect(await page.locator("table.worst").first().textContent()).toContain(HOSTILE);
      expect(requests.filter((u) => !u.startsWith("about:") && !u.startsWith("data:"))).toEqual([]);
      await page.context().close();
    });

    test("works with JavaScript off; screenshots of the public page by quarter at 390 and 1280 px go to screenshots/", async () => {
      const { page } = await open(pages["copeland public"] as string, 390, false);
      expect(await page.locator("h1").textContent()).toContain("Copeland Borough Council");
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, "page-390.png"), fullPage: false });
      await page.setViewportSize({ width: 1280, height: SCREEN });
      await page.screenshot({ path: join(SHOTS, "page-1280.png"), fullPage: true });
      expect(existsSync(join(SHOTS, "page-1280.png"))).toBe(true);
      await page.context().close();
    });
  },
);
