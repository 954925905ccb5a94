// charters/README.md runs as shown: its JSON files are written to a folder under the
// names it gives, its JavaScript runs there (each `expr; //=> value` is checked), and its
// shell commands run there with the built command.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import * as bundled from "../src/charters/index.js";
import * as api from "../src/index.js";
import { shownResults } from "./examples.js";
import { scratchDir } from "./support.js";

const guide = readFileSync(new URL("../charters/README.md", import.meta.url), "utf8");
const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const dir = scratchDir("council-sla-guide-");
const files = [...guide.matchAll(/Save it as `([^`]+)`:\n\n```json\n([\s\S]*?)```/g)].map(
  (m) => [m[1] ?? "", m[2] ?? ""] as const,
);
for (const [name, text] of files) writeFileSync(join(dir, name), text);
const scripts = [...guide.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
const commands = [...guide.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
  (m[1] ?? "").split("\n").filter((l) => l.startsWith("npx council-sla ")),
);

const modules: Record<string, unknown> = {
  "council-sla": api,
  "council-sla/charters": bundled,
  "node:fs": { readFileSync: (path: string, encoding: BufferEncoding) => readFileSync(join(dir, path), encoding) },
};

/** Imports become look-ups; `expr; //=> value` becomes a check. */
function toProgram(block: string): string {
  return block
    .split("\n")
    .map((line) => {
      const imp = /^import \{ (.+) \} from "(.+)";$/.exec(line);
      if (imp) return `var { ${imp[1]} } = modules[${JSON.stringify(imp[2])}];`;
      const check = /^(.*?);?\s*\/\/=> (.+)$/.exec(line);
      if (check) return `checks.push([${JSON.stringify(check[1])}, () => (${check[1]}), ${check[2]}]);`;
      return line.replace(/^const /, "var ");
    })
    .join("\n");
}

describe("charters/README.md", () => {
  test("names its example files, and each is valid JSON", () => {
    expect(files.map(([name]) => name)).toEqual(["riverside.json", "riverside-planning.json", "riverside-2025.json"]);
    for (const [, text] of files) expect(() => JSON.parse(text)).not.toThrow();
  });

  test("its code runs in order and gives the results it shows", () => {
    const checks: [string, () => unknown, unknown][] = [];
    new Function("modules", "checks", scripts.map(toProgram).join("\n"))(modules, checks);
    expect(checks.length).toBeGreaterThanOrEqual(15);
    // Every result the guide shows is one of them.
    expect(checks.length).toBe(shownResults(guide));
    for (const [source, run, want] of checks) expect([source, run()]).toEqual([source, want]);
  });

  test.each(commands)("`%s` succeeds in a folder holding the example files", (command) => {
    // npm test builds first; a bare `vitest run` builds here when dist is missing.
    if (!existsSync(CLI)) spawnSync("npx", ["tsup", "--silent"], { stdio: "inherit" });
    const r = spawnSync(process.execPath, [CLI, ...command.slice("npx council-sla ".length).split(" ")], {
      cwd: dir,
      encoding: "utf8",
    });
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toMatch(/^✔/);
  });
});
