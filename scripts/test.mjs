#!/usr/bin/env node
// `npm test`: type checking, the formatter and linter (Biome), the build and the tarball (dist/ is removed, then
// `npm pack`, whose prepack builds, as from a fresh clone), the whole vitest suite once (under the first zone of
// TIME_ZONES; test/package.test.ts installs the tarball in a new project), the zone-sensitive suites again under each
// other zone, and publint and attw on the tarball. test/fingerprint.test.ts proves the rest zone-free: about 44,000
// answers of the built library are identical under seven host zones. Every step counts as passed or failed (each
// vitest test individually); the last line is `N passed, N failed`.
//
// `node scripts/test.mjs --package` (`npm run lint:package`): the tarball, publint, attw and test/package.test.ts only.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const TIME_ZONES = ["UTC", "Europe/London", "America/Toronto", "Pacific/Chatham", "Asia/Kolkata"];
/** The suites that compute with instants and local dates: run under every zone. */
const ZONE_SUITES = ["calendar", "zone", "deadline", "golden", "promise", "report", "periods", "in-force"].map(
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

const packageOnly = process.argv.includes("--package");
const dir = mkdtempSync(join(tmpdir(), "council-sla-test-"));
const packed = join(dir, "packed");
mkdirSync(packed);
const packing = [
  "build and tarball (npm pack, whose prepack builds)",
  "sh",
  ["-c", `rm -rf dist && npm pack --pack-destination ${JSON.stringify(packed)}`],
];

// Type checking, the formatter and linter, and the build need no one another: side by side.
await together(
  packageOnly
    ? [packing]
    : [
        ["type check (tsc --noEmit)", "npx", ["tsc", "--noEmit"]],
        ["format and lint (biome ci)", "npx", ["biome", "ci", "."]],
        packing,
      ],
);
const tarball = readdirSync(packed, { withFileTypes: true }).find((f) => f.name.endsWith(".tgz"));
const env = tarball === undefined ? {} : { COUNCIL_SLA_TARBALL: join(packed, tarball.name) };

/** Runs vitest and counts each of its tests. */
function vitest(label, files, tz) {
  const out = join(dir, `${tz.replace("/", "-")}.json`);
  // The suites share no state across files (the few that touch globals do so in child
  // processes), so files share a module cache: imports once per worker, not per file.
  const ok = run(
    label,
    "npx",
    ["vitest", "run", ...files, "--no-isolate", "--reporter=dot", "--reporter=json", `--outputFile.json=${out}`],
    { TZ: tz, ...env },
  );
  let report;
  try {
    report = JSON.parse(readFileSync(out, "utf8"));
  } catch {
    failed++;
    failures.push(`vitest under TZ=${tz} (no report)`);
    return;
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

if (packageOnly) vitest("vitest, the package test, under TZ=UTC", ["test/package.test.ts"], "UTC");
else {
  for (const [i, tz] of TIME_ZONES.entries()) {
    if (i === 0) vitest(`vitest, the whole suite, under TZ=${tz}`, [], tz);
    else vitest(`vitest, the zone-sensitive suites, under TZ=${tz}`, ZONE_SUITES, tz);
  }
}

if (tarball === undefined) {
  failed++;
  failures.push("publint and attw (no tarball)");
} else {
  const path = join(packed, tarball.name);
  // On the tarball, as npm would publish it; attw with every module resolution (node10 included).
  await together([
    ["publint --strict, on the tarball", "npx", ["publint", "run", path, "--strict"]],
    ["attw, on the tarball", "npx", ["attw", path]],
  ]);
}
rmSync(dir, { recursive: true, force: true });

if (failures.length > 0) {
  console.log("\nFailed:");
  for (const f of failures) console.log(`  ✖ ${f}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
