#!/usr/bin/env node
// `npm run demo`: each bundled charter's compliance table over its sample contacts
// (examples/), judged at the end of January 2027, through the built command.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const NOW = "2027-01-31T23:59";
for (const id of ["copeland", "colchester", "norwich", "dartford", "kawartha-lakes"]) {
  const file = fileURLToPath(new URL(`../examples/${id}.csv`, import.meta.url));
  const run = spawnSync(process.execPath, [cli, "report", "--charter", id, file, "--now", NOW], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
  console.log("");
}
