// Runs documentation examples written as users would write them: `import { a, b } from "module";` lines, then code in
// which each `expression; //=> value` (the value may stand alone on the next line) shows what the expression gives.
// Used by test/readme.test.ts (README.md) and test/doc-examples.test.ts (every @example in src/).

/** One shown result: the expression's text, what it gave, and what the example shows. */
export type Check = readonly [source: string, actual: unknown, shown: unknown];

/** How many `//=>` results a text shows (a mention in inline code, as here, is none). */
export function shownResults(text: string): number {
  return text.match(/(?<!`)\/\/=>(?!`)/g)?.length ?? 0;
}

/** The example as a function body: imports become look-ups in `modules`, each shown result a push to `checks`, where it stands. */
export function toProgram(example: string): string {
  const lines = example.replace(/;?[ \t]*\n[ \t]*\/\/=> /g, " //=> ").split("\n");
  return lines
    .map((line) => {
      const imp = /^import \{ (.+) \} from "(.+)";$/.exec(line);
      if (imp) return `const { ${imp[1]} } = modules[${JSON.stringify(imp[2])}];`;
      const check = /^(.*?);?\s*\/\/=> (.+)$/.exec(line);
      if (check) return `checks.push([${JSON.stringify(check[1])}, (${check[1]}), (${check[2]})]);`;
      return line;
    })
    .join("\n");
}

/**
 * Runs an example and gives each shown result beside the real one. An import of a module not in `modules` is an
 * error, as is a shown result the runner could not read.
 */
export function runExample(example: string, modules: Record<string, unknown>): Check[] {
  for (const [, name] of example.matchAll(/^import .* from "(.+)";$/gm)) {
    if (!(name && name in modules)) throw new Error(`The example imports ${name}, which the runner does not provide`);
  }
  const checks: Check[] = [];
  const program = toProgram(example);
  let run: (modules: Record<string, unknown>, checks: Check[]) => void;
  try {
    run = new Function("modules", "checks", program) as typeof run;
  } catch (error) {
    throw new Error(`The example is not a program as written (${(error as Error).message}):\n${program}`);
  }
  run(modules, checks);
  if (checks.length !== shownResults(example)) {
    throw new Error(`The example shows ${shownResults(example)} results, of which ${checks.length} could be read`);
  }
  return checks;
}
