#!/usr/bin/env node
// `node bench/ab.mjs OLD_DIR [--rounds N] [--write]`: this build against an older one, in
// one run, on the same inputs: calendar calls, deadline(), evaluate() and
// complianceReport. Each round measures each build in a fresh process of its own (so
// neither build's code shapes the other's JIT), alternating; each process takes the best
// of five passes, timed in CPU time (user and system, which other tenants of a shared
// machine disturb less than the clock); the table gives the best over N rounds. OLD_DIR
// is a built checkout of the older commit, for example:
//
//   git worktree add /tmp/old 885c0aa && (cd /tmp/old && npm ci && npx tsup)
//   node bench/ab.mjs /tmp/old --write
//
// With --write, the section "Against the last landed build" of bench/RESULTS.md is
// replaced by this run's table.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const args = process.argv.slice(2);
const childAt = args.indexOf("--child");
const here = new URL("..", import.meta.url).pathname;

// 20,000 receipts an hour and two minutes apart from January 2026 (weekends, holidays
// and both clock changes among them), and contacts made of them.
const N = 20_000;
const receipts = Array.from({ length: N }, (_, i) =>
  new Date(Date.UTC(2026, 0, 5, 9) + i * 3_733_000).toISOString().slice(0, 16),
);
const contacts = receipts.map((r, i) => {
  const at = Date.parse(`${r}Z`);
  return {
    id: i,
    channel: i % 2 ? "email" : "telephone",
    receivedAt: at,
    respondedAt: at + (i % 5) * 86_400_000,
    answeredAt: at + (i % 30) * 1000,
  };
});
const hours = [["09:00", "17:00"]];
const nineToFive = {
  calendar: {
    timeZone: "Europe/London",
    holidays: "GB-ENG",
    officeHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
  },
};
const starts = contacts.map((c) => c.receivedAt);
const ends = starts.map((t, i) => t + (i % 14) * 86_400_000 + (i % 7) * 3_600_000);
const dates = receipts.map((r) => r.slice(0, 10));
// And spans of up to 14 days starting anywhere in ten years, as bench/run.mjs draws them.
let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const randomStarts = Array.from(
  { length: N },
  () => Date.UTC(2020, 0, 1) + Math.floor(rand() * 3650) * 86_400_000 + Math.floor(rand() * 86_400_000),
);
const randomEnds = randomStarts.map((t) => t + Math.floor(rand() * 14 * 86_400_000));
const TASKS = {
  "calendar addWorkingDays (200,000 calls)": (api) => {
    const cal = api.calendarFor(nineToFive);
    return () => {
      for (let k = 0; k < 10; k++) for (const d of dates) cal.addWorkingDays(d, 3);
    };
  },
  "calendar officeTimeBetween, up to 14 days apart": (api) => {
    const cal = api.calendarFor(nineToFive);
    return () => {
      for (let i = 0; i < N; i++) cal.officeTimeBetween(starts[i], ends[i]);
    };
  },
  "calendar officeTimeBetween, random spans over ten years": (api) => {
    const cal = api.calendarFor(nineToFive);
    return () => {
      for (let i = 0; i < N; i++) cal.officeTimeBetween(randomStarts[i], randomEnds[i]);
    };
  },
  "deadline(), working days (email.respond)": (api, c) => () => {
    for (const r of receipts) api.deadline(c, "email.respond", r);
  },
  "deadline(), elapsed (telephone.answer)": (api, c) => () => {
    for (const r of receipts) api.deadline(c, "telephone.answer", r);
  },
  "evaluate(), one email contact": (api, c) => () => {
    for (let i = 1; i < N; i += 2) api.evaluate(c, contacts[i], { now: "2027-01-31" });
  },
  "complianceReport, 20,000 contacts": (api, c) => () => {
    api.complianceReport(c, contacts, { now: "2027-01-31" });
  },
};
const cpu = (f) => {
  const start = process.cpuUsage();
  f();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};

if (childAt !== -1) {
  // One build in this process: the best of five passes of each task, as JSON.
  const dir = args[childAt + 1] ?? here;
  const t0 = performance.now();
  const api = await import(resolve(dir, "dist/index.js"));
  const { copeland } = await import(resolve(dir, "dist/charters.js"));
  api.deadline(copeland, "email.respond", "2026-12-24T10:00");
  const best = { "cold start: import and the first deadline (wall time)": performance.now() - t0 };
  for (let pass = 0; pass < 5; pass++) {
    for (const [task, make] of Object.entries(TASKS))
      best[task] = Math.min(best[task] ?? Infinity, cpu(make(api, copeland)));
  }
  console.log(JSON.stringify(best));
  process.exit(0);
}

const oldDir = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--rounds");
if (oldDir === undefined) {
  console.error("usage: node bench/ab.mjs OLD_DIR [--rounds N] [--write]");
  process.exit(2);
}
const roundsAt = args.indexOf("--rounds");
const ROUNDS = roundsAt === -1 ? 9 : Number(args[roundsAt + 1]);
const commit = (dir) => {
  try {
    return execFileSync("git", ["-C", dir, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return dir;
  }
};
const measure = (dir) =>
  JSON.parse(
    execFileSync(process.execPath, [new URL(import.meta.url).pathname, "--child", resolve(dir)], { encoding: "utf8" }),
  );
const best = { before: {}, after: {} };
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? ["before", "after"] : ["after", "before"];
  for (const name of order) {
    const times = measure(name === "before" ? oldDir : here);
    for (const [task, ms] of Object.entries(times)) best[name][task] = Math.min(best[name][task] ?? Infinity, ms);
  }
}
const lines = [];
const say = (s = "") => lines.push(s);
say(`### Against the last landed build (${commit(oldDir)})`);
say();
say(
  `This build (${commit(here)}) against ${commit(oldDir)}, in one run of \`node bench/ab.mjs\`: CPU time, best of ${ROUNDS} alternating rounds, each build in a fresh process. This machine is shared and its speed swings within minutes, so only ratios from one run mean much.`,
);
say();
say("| what | before | this build | ratio | within 5% |");
say("|---|---:|---:|---:|:---:|");
for (const task of Object.keys(best.after)) {
  const ratio = best.after[task] / best.before[task];
  say(
    `| ${task} | ${best.before[task].toFixed(1)} ms | ${best.after[task].toFixed(1)} ms | ${ratio.toFixed(2)}× the time | ${ratio <= 1.05 ? "yes" : "**no**"} |`,
  );
}
say();
const text = lines.join("\n");
console.log(text);
if (args.includes("--write")) {
  const path = new URL("./RESULTS.md", import.meta.url);
  const results = readFileSync(path, "utf8");
  const start = results.indexOf("### Against");
  const end = results.indexOf("\n### Contact files");
  const before = start === -1 ? (end === -1 ? results : results.slice(0, end)) : results.slice(0, start);
  const after = end === -1 ? "" : results.slice(end);
  writeFileSync(path, `${before.trimEnd()}\n\n${text.trimEnd()}\n${after}`);
}
