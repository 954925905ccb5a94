// Runs the README's JavaScript examples: each `expr; //=> value` line must give that value.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import * as bundled from "../src/charters/index.js";
import * as dateHolidays from "../src/date-holidays/index.js";
import * as api from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
const modules: Record<string, unknown> = {
  "council-sla": api,
  "council-sla/charters": bundled,
  "council-sla/date-holidays": dateHolidays,
};

/** Turns imports into look-ups and `expr; //=> value` (the value may follow on the next line) into checks. */
function toProgram(block: string): string {
  const lines = block.replace(/;?\s*\n\/\/=> /g, " //=> ").split("\n");
  return lines
    .map((line) => {
      const imp = /^import \{ (.+) \} from "(.+)";$/.exec(line);
      if (imp) return `const { ${imp[1]} } = modules[${JSON.stringify(imp[2])}];`;
      const check = /^(.*?);?\s*\/\/=> (.+)$/.exec(line);
      if (check) return `checks.push([${JSON.stringify(check[1])}, () => (${check[1]}), ${check[2]}]);`;
      return line;
    })
    .join("\n");
}

describe("README examples", () => {
  test("there are examples to run", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  blocks.forEach((block, i) => {
    test(`block ${i + 1} gives the results it shows`, () => {
      const checks: [string, () => unknown, unknown][] = [];
      new Function("modules", "checks", toProgram(block))(modules, checks);
      expect(checks.length).toBeGreaterThan(0);
      for (const [source, run, want] of checks) expect([source, run()]).toEqual([source, want]);
    });
  });
});
