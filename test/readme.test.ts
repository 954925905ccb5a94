// Runs the README's JavaScript examples: each `expr; //=> value` line must give that value, and every `//=>` in the
// README is in a block that runs.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import * as bundled from "../src/charters/index.js";
import * as dateHolidays from "../src/date-holidays/index.js";
import * as api from "../src/index.js";
import { runExample, shownResults } from "./examples.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
const modules: Record<string, unknown> = {
  "council-sla": api,
  "council-sla/charters": bundled,
  "council-sla/date-holidays": dateHolidays,
};

describe("README examples", () => {
  test("there are examples to run, and every result shown is in one", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    expect(blocks.map(shownResults).reduce((a, b) => a + b, 0)).toBe(shownResults(readme));
  });

  blocks.forEach((block, i) => {
    test(`block ${i + 1} gives the results it shows`, () => {
      const checks = runExample(block, modules);
      expect(checks.length).toBeGreaterThan(0);
      for (const [source, actual, shown] of checks) expect([source, actual]).toEqual([source, shown]);
    });
  });
});
