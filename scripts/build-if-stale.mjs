#!/usr/bin/env node
// Builds with tsup only when a source is newer than the build (or there is none), so
// `npm run demo` and `npm run bench` start at once when nothing changed.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const built = join(root, "dist", "cli.js");

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = ["src", "tsup.config.ts", "package.json", "tsconfig.json"].map((p) => join(root, p));
if (!existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs) {
  const r = spawnSync("npx", ["tsup", "--silent"], { cwd: root, stdio: "inherit" });
  process.exit(r.status ?? 1);
}
