// The compliance page in a real browser: axe-core finds no WCAG 2.x A or AA violation, no
// width from 320 to 1440 px scrolls sideways, the numbers are the JSON report's, hostile
// ids run nothing, and the page makes no request. Skips, saying why, only without Chromium.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { chromiumPath, launch } from "./browser.js";
import { scratchDir } from "./support.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const EXAMPLE = new URL("../examples/copeland.csv", import.meta.url).pathname;
const SHOTS = new URL("../screenshots/", import.meta.url).pathname;
const executable = chromiumPath();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const dir = scratchDir("council-sla-page-");
const HOSTILE = `<img src=x onerror="window.__pwned=1">`;

function run(args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, "report", "--charter", "copeland", "--now", "2027-01-31", ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

/** The little of the DOM the checks read (the suite compiles without the DOM library). */
interface Element {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<Element>;
  readonly textContent: string | null;
}
interface Browserish {
  readonly innerWidth: number;
  readonly document: {
    readonly documentElement: { readonly scrollWidth: number };
    querySelectorAll(selector: string): Iterable<Element>;
  };
}

let browser: Browser | undefined;
const pages: Record<string, string> = {};

beforeAll(async () => {
  if (executable === undefined) return;
  if (!existsSync(CLI)) spawnSync("npx", ["tsup", "--silent"], { stdio: "inherit" });
  const hostile = join(dir, "hostile.csv");
  writeFileSync(
    hostile,
    `id,channel,receivedAt,respondedAt\n"${HOSTILE.replace(/"/g, '""')}",email,2026-11-23T10:00,2026-12-10T10:00\n"=HYPERLINK(""http://x"")",letter,2026-11-23T10:00,\n`,
  );
  pages.flat = run(["--format", "html", EXAMPLE]);
  pages.month = run(["--format", "html", "--by", "month", EXAMPLE]);
  pages.hostile = run(["--format", "html", hostile]);
  browser = await launch(executable);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function open(html: string, width = 1280): Promise<{ page: Page; requests: string[] }> {
  const context = await (browser as Browser).newContext({ viewport: { width, height: 900 }, javaScriptEnabled: true });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.setContent(html, { waitUntil: "load" });
  return { page, requests };
}

describe.skipIf(executable === undefined)(
  `the compliance page in headless Chromium${executable === undefined ? ": skipped, no Chromium on this machine (apt-get install chromium)" : ""}`,
  () => {
    test.each(["flat", "month"])("the %s page has no WCAG 2.x A or AA violation (axe-core)", async (name) => {
      const { page } = await open(pages[name] as string);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() => {
        const g = globalThis as unknown as {
          axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
          document: unknown;
        };
        return g.axe.run(g.document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
      });
      expect(result.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
      await page.context().close();
    });

    test.each(["flat", "month"])("the %s page scrolls sideways at no width from 320 to 1440 px", async (name) => {
      const { page } = await open(pages[name] as string, 320);
      const wide: number[] = [];
      for (const width of [320, 360, 390, 480, 768, 1024, 1280, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        const overflow = await page.evaluate(() => {
          const g = globalThis as unknown as Browserish;
          return g.document.documentElement.scrollWidth - g.innerWidth;
        });
        if (overflow > 0) wide.push(width);
      }
      expect(wide).toEqual([]);
      await page.context().close();
    });

    test("its numbers are the JSON report's", async () => {
      const json = JSON.parse(run(["--format", "json", EXAMPLE])) as {
        rows: { standardId: string; met: number; breached: number; pending: number; notApplicable: number }[];
      };
      const { page } = await open(pages.flat as string);
      const shown = await page.evaluate(() =>
        [...(globalThis as unknown as Browserish).document.querySelectorAll("table.counts")].map((t) => ({
          standardId: t.getAttribute("data-standard"),
          ...Object.fromEntries(
            [...t.querySelectorAll("td[data-field]")].map((td) => [td.getAttribute("data-field"), td.textContent]),
          ),
        })),
      );
      expect(shown).toEqual(
        json.rows
          .filter((r) => r.met + r.breached + r.pending + r.notApplicable > 0)
          .map((r) =>
            expect.objectContaining({
              standardId: r.standardId,
              met: String(r.met),
              breached: String(r.breached),
              pending: String(r.pending),
              notApplicable: String(r.notApplicable),
            }),
          ),
      );
      await page.context().close();
    });

    test("a contact id that is HTML runs nothing and shows as text; the page makes no request", async () => {
      const { page, requests } = await open(pages.hostile as string);
      expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator("table.worst").first().textContent()).toContain(HOSTILE);
      expect(requests.filter((u) => !u.startsWith("about:") && !u.startsWith("data:"))).toEqual([]);
      await page.context().close();
    });

    test("works with JavaScript off, and screenshots at 390 and 1280 px go to screenshots/", async () => {
      const context = await (browser as Browser).newContext({
        javaScriptEnabled: false,
        viewport: { width: 390, height: 844 },
      });
      const page = await context.newPage();
      await page.setContent(pages.month as string);
      expect(await page.locator("h1").textContent()).toContain("Copeland Borough Council");
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, "page-390.png"), fullPage: false });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: join(SHOTS, "page-1280.png"), fullPage: false });
      expect(existsSync(join(SHOTS, "page-1280.png"))).toBe(true);
      await context.close();
    });
  },
);
