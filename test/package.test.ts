// What the published build promises its importers.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";

const dist = new URL("../dist/", import.meta.url);

beforeAll(() => {
  // npm test builds first; a bare `vitest run` builds here when dist is missing.
  if (!existsSync(new URL("index.js", dist))) spawnSync("npx", ["tsup", "--silent"], { stdio: "inherit" });
}, 120_000);

/** Every module specifier reachable from an ESM entry of the build. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const external = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(new URL(file, dist), "utf8");
    for (const m of code.matchAll(
      /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(["']([^"']+)["']\)/g,
    )) {
      const spec = (m[1] ?? m[2]) as string;
      if (spec.startsWith("./")) queue.push(spec.slice(2));
      else external.add(spec);
    }
  }
  return external;
}

describe("the build", () => {
  test("council-sla and council-sla/charters import no Node built-ins and no packages (they bundle for browsers)", () => {
    expect([...reachable("index.js")]).toEqual([]);
    expect([...reachable("charters.js")]).toEqual([]);
  });

  test("only the command and the date-holidays adapter reach outside", () => {
    expect([...reachable("date-holidays.js")]).toEqual(["date-holidays"]);
    // The command's own: CSV (papaparse), dates (date-fns and @date-fns/utc for UTC wall times, loaded
    // only for --date-format),
    // near-miss column names, yauzl and saxes loaded only for .xlsx, and the input's hash (crypto);
    // the core stays free of them.
    expect([...reachable("cli.js")].sort()).toEqual([
      "@date-fns/utc",
      "crypto",
      "date-fns/isValid",
      "date-fns/parse",
      "fastest-levenshtein",
      "fs",
      "papaparse",
      "path",
      "saxes",
      "string_decoder",
      "util",
      "worker_threads",
      "yauzl",
    ]);
  });
});
