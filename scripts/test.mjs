#!/usr/bin/env node
// `npm test`: type checking, the formatter and linter (Biome), the build, the whole vitest suite once (under the first
// zone of TIME_ZONES), the zone-sensitive suites again under each other zone, publint
// and attw. test/fingerprint.test.ts proves the rest zone-free: about 44,000 answers of
// the built library are identical under seven host zones. Every step counts as passed
// or failed (each vitest test individually); the last line is `N passed, N failed`.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const TIME_ZONES = ["UTC", "Europe/London", "America/Toronto", "Pacific/Chatham", "Asia/Kolkata"];
/** The suites that compute with instants and local dates: run under every zone. */
const ZONE_SUITES = ["calendar", "zone", "deadline", "golden", "promise", "report", "periods"].map(
  (name) => `test/${name}.test.ts`,
);
let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args, env = {}) {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function _step(label, command, args) {
  if (run(label, command, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

/** Runs steps side by side (their output buffered, printed in order), each counted. */
async function together(steps) {
  const results = await Promise.all(
    steps.map(
      ([label, command, args]) =>
        new Promise((resolve) => {
          const child = spawn(command, args, { env: process.env });
          let output = "";
          child.stdout.on("data", (d) => (output += d));
          child.stderr.on("data", (d) => (output += d));
          child.on("close", (code) => resolve({ label, ok: code === 0, output }));
        }),
    ),
  );
  for (const { label, ok, output } of results) {
    process.stdout.write(`\n▶ ${label}\n${output}`);
    if (ok) passed++;
    else {
      failed++;
      failures.push(label);
    }
  }
}

// Type checking, the formatter and linter, and the build need no one another: side by side.
await together([
  ["type check (tsc --noEmit)", "npx", ["tsc", "--noEmit"]],
  ["format and lint (biome ci)", "npx", ["biome", "ci", "."]],
  ["build (tsup)", "npx", ["tsup"]],
]);

const dir = mkdtempSync(join(tmpdir(), "council-sla-test-"));
for (const [i, tz] of TIME_ZONES.entries()) {
  const out = join(dir, `${tz.replace("/", "-")}.json`);
  const files = i === 0 ? [] : ZONE_SUITES;
  const label =
    i === 0 ? `vitest, the whole suite, under TZ=${tz}` : `vitest, the zone-sensitive suites, under TZ=${tz}`;
  // The suites share no state across files (the few that touch globals do so in child
  // processes), so files share a module cache: imports once per worker, not per file.
  const ok = run(
    label,
    "npx",
    ["vitest", "run", ...files, "--no-isolate", "--reporter=dot", "--reporter=json", `--outputFile.json=${out}`],
    {
      TZ: tz,
    },
  );
  let report;
  try {
    report = JSON.parse(readFileSync(out, "utf8"));
  } catch {
    failed++;
    failures.push(`vitest under TZ=${tz} (no report)`);
    continue;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === "failed") failures.push(`[TZ=${tz}] ${test.fullName}`);
    }
  }
  if (!ok && report.numFailedTests === 0) {
    failed++;
    failures.push(`vitest under TZ=${tz} (exited with an error)`);
  }
}
rmSync(dir, { recursive: true, force: true });

await together([
  ["publint --strict", "npx", ["publint", "--strict"]],
  ["attw --pack", "npx", ["attw", "--pack", ".", "--profile", "node16"]],
]);

if (failures.length > 0) {
  console.log("\nFailed:");
  for (const f of failures) console.log(`  ✖ ${f}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
