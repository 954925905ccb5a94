// No import cycles in src/, type-only imports included: each module depends only on modules
// below it, so every module can be read (and changed) knowing only what it imports.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";

const SRC = new URL("../src/", import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** The relative modules a file imports or re-exports, `import type` and `import()` included, as paths of .ts files. */
function importsOf(file: string, text: string): string[] {
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"/gms),
    ...text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
    ...text.matchAll(/^\s*import\s+"([^"]+)"/gm),
  ].map((m) => m[1] as string);
  return specifiers.filter((s) => s.startsWith(".")).map((s) => resolve(dirname(file), s.replace(/\.js$/, ".ts")));
}

/** Every cycle of a graph, each as the files on it, found by a depth-first walk. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") cycles.push(path.slice(path.indexOf(next)));
      else if (state.get(next) === undefined) visit(next);
    }
    path.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (state.get(node) === undefined) visit(node);
  return cycles;
}

describe("the import graph of src/", () => {
  test("the cycle finder finds a cycle, type-only imports included", () => {
    const a = "/a.ts";
    const b = "/b.ts";
    const text = 'import type { B } from "./b.js";\n';
    expect(importsOf(a, text)).toEqual([b]);
    expect(
      cyclesOf(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([[a, b]]);
    expect(
      cyclesOf(
        new Map([
          [a, [b]],
          [b, []],
        ]),
      ),
    ).toEqual([]);
  });

  test("has no cycle", () => {
    const graph = new Map(sources(SRC).map((file) => [file, importsOf(file, readFileSync(file, "utf8"))]));
    expect(graph.size).toBeGreaterThan(50);
    const cycles = cyclesOf(graph).map((cycle) => cycle.map((f) => relative(SRC, f)).join(" -> "));
    expect(cycles).toEqual([]);
  });

  test("the library imports nothing of the command's", () => {
    const library = sources(SRC).filter((file) => !relative(SRC, file).startsWith("cli/"));
    const reaching = library.flatMap((file) =>
      importsOf(file, readFileSync(file, "utf8"))
        .filter((target) => relative(SRC, target).startsWith("cli/"))
        .map((target) => `${relative(SRC, file)} -> ${relative(SRC, target)}`),
    );
    expect(library.length).toBeGreaterThan(30);
    expect(reaching).toEqual([]);
  });
});
