import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", charters: "src/charters/index.ts", "date-holidays": "src/date-holidays/index.ts", cli: "src/cli/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  treeshake: true,
  splitting: false,
  external: ["date-holidays"],
});
