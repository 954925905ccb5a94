import { defineConfig, type Options } from "tsup";

/** What both builds share. */
const common: Options = {
  format: ["esm", "cjs"],
  sourcemap: true,
  target: "node20",
  treeshake: true,
  // zod is bundled (tree-shaken zod/mini): one file to parse at import instead of about a
  // hundred small modules to resolve, which took 60-70 ms of a cold start.
  noExternal: ["zod"],
  external: ["date-holidays", "exceljs"],
  // Whitespace and syntax minified, names kept (stack traces still name the functions;
  // the source maps give the lines): V8 scans less text at import, 20 -> 15 ms for the
  // index in a fresh process.
  esbuildOptions(options) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
  },
};

export default defineConfig([
  {
    ...common,
    // The library: ESM entries share chunks, so council-sla and council-sla/charters load
    // the code once. The command is built apart (below), so that its code does not cut the
    // library's into more chunks: each file is one more to resolve and read at import.
    entry: { index: "src/index.ts", charters: "src/charters/index.ts", "date-holidays": "src/date-holidays/index.ts" },
    // Type declarations for what the exports map offers; the command and its worker need none.
    dts: true,
    // The command's files keep their names from build to build: the other build writes them.
    clean: ["!cli.*", "!cli-worker.*"],
    splitting: true,
  },
  {
    ...common,
    // The command and its worker: one file each, the library inside.
    entry: { cli: "src/cli/index.ts", "cli-worker": "src/cli/worker.ts" },
    splitting: false,
    // import.meta.url in the CommonJS build of the command (its workers are found beside it).
    shims: true,
  },
]);
