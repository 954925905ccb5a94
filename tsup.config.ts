import { readFileSync, rmSync } from "node:fs";
import { build, defineConfig, type Options } from "tsup";
import { inlinePackageTypes } from "./scripts/declarations.js";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  version: string;
  peerDependencies: Record<string, string>;
};

/** What both builds share. */
const common: Options = {
  // No source maps. With the text of their sources, the library's (ESM and CommonJS) weighed 1.2 MB unpacked and
  // 274 kB packed, over half of the package's budget; without the text, they would point at files the package does
  // not ship, which bundlers warn about. Names are kept, so stack traces still name the functions.
  sourcemap: false,
  target: "node20",
  treeshake: true,
  // zod is bundled (tree-shaken zod/mini): one file to parse at import instead of about a
  // hundred small modules to resolve (the cold start: bench/RESULTS.md).
  noExternal: ["zod"],
  // The optional peer dependencies (date-holidays, pg, pg-query-stream) are never bundled: each is
  // imported only by the code that needs it, the command's with a dynamic import() when an option calls for it.
  external: Object.keys(pkg.peerDependencies),
  // Whitespace and syntax minified, names kept: V8 scans less text at import (bench/RESULTS.md).
  esbuildOptions(options) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
  },
};

/** The library's entries, which the exports map offers. */
const library = {
  index: "src/index.ts",
  charters: "src/charters/index.ts",
  "date-holidays": "src/date-holidays/index.ts",
};

const builds: Options[] = [
  {
    ...common,
    // The library, for import and require: ESM entries share chunks, so council-sla and council-sla/charters load
    // the code once. The command is built apart (below), so that its code does not cut the library's into more
    // chunks: each file is one more to resolve and read at import.
    entry: library,
    format: ["esm", "cjs"],
    splitting: true,
    // Type declarations for what the exports map offers (the command needs none), written after the code, then
    // freed from zod (scripts/declarations.ts): its code is bundled, so users need not install it for its types.
    async onSuccess() {
      await build({ config: false, entry: library, format: ["esm", "cjs"], dts: { only: true }, silent: true });
      inlinePackageTypes("dist", "zod");
    },
  },
  {
    ...common,
    // The command and its worker, ESM only (bin runs it with import), sharing one chunk: the command's code once.
    // date-fns and @date-fns/utc are bundled into a chunk of their own that only --date-format loads: installed,
    // date-fns is 28 MB, of which the command uses the parser. yauzl and saxes (and their own dependencies) are
    // bundled likewise, into chunks only .xlsx input loads.
    entry: { cli: "src/cli/index.ts", "cli-worker": "src/cli/worker.ts" },
    format: ["esm"],
    noExternal: ["zod", "date-fns", "@date-fns/utc", "yauzl", "saxes"],
    splitting: true,
    esbuildOptions(options) {
      common.esbuildOptions?.(options, { format: "esm" });
      // Named apart from the library's chunks, which the other build cleans.
      options.chunkNames = "cli-[name]-[hash]";
    },
    define: { __COUNCIL_SLA_VERSION__: JSON.stringify(pkg.version) },
    // The CommonJS packages bundled here (yauzl, saxes) call require() for Node's modules: give ESM one.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
  },
];

// The two builds run side by side into dist/, so it is emptied once, before either starts: a build that cleaned it
// could delete the other's files, and one that did not would leave the chunks of older builds to be packed.
export default defineConfig(() => {
  rmSync("dist", { recursive: true, force: true });
  return builds;
});
