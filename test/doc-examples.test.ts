// Every @example in a doc comment under src/ runs, and each result it shows (`//=>`) is the real one.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import * as bundled from "../src/charters/index.js";
import * as dateHolidays from "../src/date-holidays/index.js";
import * as api from "../src/index.js";
import { runExample, shownResults } from "./examples.js";

const ROOT = new URL("..", import.meta.url).pathname;
const PACKAGE = "node_modules/council-sla/";

const modules: Record<string, unknown> = {
  "council-sla": api,
  "council-sla/charters": bundled,
  "council-sla/date-holidays": dateHolidays,
  // An example reads the package's files by the path they have in a user's project.
  "node:fs": {
    readFileSync: (path: string, encoding: BufferEncoding) =>
      readFileSync(path.startsWith(PACKAGE) ? join(ROOT, path.slice(PACKAGE.length)) : path, encoding),
  },
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".generated.ts") ? [path] : [];
  });
}

/** Each @example of each doc comment: the lines after the tag, up to the next tag or the comment's end. */
const examples = sources(join(ROOT, "src")).flatMap((path) => {
  const text = readFileSync(path, "utf8");
  return [...text.matchAll(/\/\*\*[\s\S]*?\*\//g)].flatMap((comment) => {
    const lines = comment[0]
      .replace(/^\/\*\*|\*\/$/g, "")
      .split("\n")
      .map((line) => line.replace(/^\s*\* ?/, ""));
    const found: { where: string; code: string }[] = [];
    lines.forEach((line, i) => {
      if (!line.startsWith("@example")) return;
      const end = lines.findIndex((l, j) => j > i && l.startsWith("@"));
      const line1 = text.slice(0, comment.index).split("\n").length + i;
      found.push({
        where: `${relative(ROOT, path)}:${line1}`,
        code: lines
          .slice(i + 1, end === -1 ? undefined : end)
          .join("\n")
          .trim(),
      });
    });
    return found;
  });
});

describe("doc-comment examples", () => {
  test("there are examples, and each shows a result", () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    expect(examples.filter((e) => shownResults(e.code) === 0).map((e) => e.where)).toEqual([]);
  });

  test.each(examples.map((e) => [e.where, e.code] as const))("%s gives the results it shows", (_, code) => {
    for (const [source, actual, shown] of runExample(code, modules)) expect([source, actual]).toEqual([source, shown]);
  });
});
