// The time-zone promise, checked once for the whole library: the same answers under
// every host time zone. scripts/test.mjs runs this file once and the zone-sensitive
// suites under each zone of its list; this test covers the rest.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { expect, test } from "vitest";

const SCRIPT = new URL("../scripts/fingerprint.mjs", import.meta.url).pathname;
const DIST = new URL("../dist/index.js", import.meta.url).pathname;
const ZONES = [
  "UTC",
  "Europe/London",
  "America/Toronto",
  "Pacific/Chatham",
  "Asia/Kolkata",
  "Pacific/Apia",
  "America/St_Johns",
];

test(`about 44,000 answers are identical under ${ZONES.length} host time zones (${ZONES.join(", ")})`, () => {
  // npm test builds first; a bare `vitest run` builds here when dist is missing.
  if (!existsSync(DIST)) spawnSync("npx", ["tsup", "--silent"], { stdio: "inherit" });
  const prints = ZONES.map((tz) => {
    const r = spawnSync(process.execPath, [SCRIPT], { encoding: "utf8", env: { ...process.env, TZ: tz } });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { fingerprint: string; answers: number };
  });
  expect(prints[0]?.answers).toBeGreaterThan(40_000);
  for (const [i, print] of prints.entries())
    expect([ZONES[i], print.fingerprint]).toEqual([ZONES[i], prints[0]?.fingerprint]);
}, 180_000);
