#!/usr/bin/env node
// `npm run docs:screenshots`: renders the compliance page in headless Chromium (the page
// test writes screenshots at 390 and 1280 px to screenshots/, which git ignores), then
// copies the two the README shows to docs/.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const r = spawnSync("npx", ["vitest", "run", "test/page.test.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, TZ: "UTC" },
});
if (r.status !== 0) process.exit(r.status ?? 1);
mkdirSync(`${root}docs`, { recursive: true });
for (const width of [390, 1280])
  copyFileSync(`${root}screenshots/page-${width}.png`, `${root}docs/report-${width}.png`);
console.log("wrote docs/report-390.png and docs/report-1280.png");
