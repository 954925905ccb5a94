#!/usr/bin/env node
// Writes examples/<charter>.csv: realistic sample contacts for each bundled charter
// over 2026 (Christmas and Easter included), from a fixed seed, so the files are the
// same on every run. The data only describe what happened to each contact (when it
// came in, when it was answered or responded to); council-sla judges them.
//
// Usage: node scripts/generate-examples.mjs [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { random } from "./random.mjs";

const SEED = 20261122;
const PER_CHARTER = 3000;

const pad = (n, w = 2) => String(n).padStart(w, "0");
/** A wall-clock time string (no offset: local to the charter) from epoch-like UTC ms. */
const wall = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// What each council receives: [channel, category, share].
const MIX = {
  copeland: [
    ["telephone", "", 0.45],
    ["email", "", 0.22],
    ["letter", "", 0.1],
    ["letter", "complaint", 0.05],
    ["voicemail", "", 0.1],
    ["visit", "", 0.08],
  ],
  colchester: [
    ["telephone", "", 0.55],
    ["email", "", 0.3],
    ["voicemail", "", 0.15],
  ],
  norwich: [
    ["telephone", "", 0.5],
    ["email", "", 0.35],
    ["letter", "", 0.15],
  ],
  dartford: [
    ["telephone", "", 0.5],
    ["web-form", "", 0.15],
    ["letter", "", 0.08],
    ["email", "", 0.12],
    ["fax", "", 0.01],
    ["visit", "", 0.14],
  ],
  "kawartha-lakes": [
    ["voicemail", "", 0.3],
    ["email", "", 0.5],
    ["letter", "", 0.2],
  ],
};

// Complaints among the written contacts, for the charters whose complaint standards
// cover letters, emails and web forms: [channels, share at stage one, share at stage two].
// Drawn from a random stream of their own, so every other figure of the samples stays
// as it was (these charters' other standards cover contacts of any category).
const COMPLAINTS = {
  dartford: [["letter", "email", "web-form"], 0.1, 0.02],
  norwich: [["letter", "email"], 0.2, 0.04],
};

function complaints(rows, charter, n) {
  const spec = COMPLAINTS[charter];
  if (spec === undefined) return;
  const [channels, one, two] = spec;
  const rand = random(SEED + 100 + n);
  for (const row of rows) {
    const r = rand();
    if (!channels.includes(row.channel)) continue;
    if (r < two) row.category = "complaint-stage-two";
    else if (r < two + one) row.category = "complaint";
  }
}

function pick(rand, mix) {
  let r = rand() * mix.reduce((s, m) => s + m[2], 0);
  for (const m of mix) if ((r -= m[2]) <= 0) return m;
  return mix[mix.length - 1];
}

/** A receipt time in 2026, mostly on weekdays in office hours, some evenings and weekends. */
function receipt(rand) {
  const day = Date.UTC(2026, 0, 1) + Math.floor(rand() * 365) * DAY;
  const dow = new Date(day).getUTCDay();
  const weekend = dow === 0 || dow === 6;
  if (weekend && rand() < 0.7) return receipt(rand); // fewer contacts at weekends
  const hour = rand() < 0.85 ? 9 + rand() * 8 : rand() * 24;
  return day + Math.floor(hour * HOUR + rand() * 60_000);
}

/** A delay in hours, log-normal around `median`. */
const delay = (rand, median) => median * Math.exp((rand() + rand() + rand() - 1.5) * 1.6) * HOUR;

function contact(rand, id, charter) {
  const [channel, category] = pick(rand, MIX[charter]);
  const received = receipt(rand);
  const row = {
    id: `${charter.slice(0, 3).toUpperCase()}-${pad(id, 5)}`,
    channel,
    category,
    receivedAt: wall(received),
  };
  if (channel === "telephone") {
    const r = rand();
    if (r < 0.06) row.abandonedAt = wall(received + Math.floor(rand() * 90_000));
    else if (charter === "colchester" && r < 0.14)
      row.voicemailAt = wall(received + Math.floor(30_000 + rand() * 120_000));
    else row.answeredAt = wall(received + Math.floor(1000 * (rand() < 0.7 ? rand() * 20 : 10 + rand() * 110)));
  } else if (channel === "visit") {
    row.attendedAt = wall(received + Math.floor(60_000 * (rand() < 0.8 ? rand() * 12 : 5 + rand() * 25)));
  } else {
    const open = received > Date.UTC(2026, 11, 10) && rand() < 0.5; // some December work still open
    if (!open) {
      if (rand() < 0.7) row.acknowledgedAt = wall(received + delay(rand, 10));
      const promise = (charter === "colchester" || charter === "dartford") && row.acknowledgedAt && rand() < 0.15;
      if (promise) {
        const by = Date.parse(`${row.acknowledgedAt}Z`) + (3 + Math.floor(rand() * 10)) * DAY;
        row.promisedBy = wall(by).slice(0, 10);
        row.respondedAt = wall(by - delay(rand, 30) + (rand() < 0.2 ? 2 * DAY : 0));
        if (Date.parse(`${row.respondedAt}Z`) < Date.parse(`${row.acknowledgedAt}Z`))
          row.respondedAt = row.acknowledgedAt;
      } else if (rand() < 0.93) {
        const median = channel === "letter" ? 120 : channel === "voicemail" ? 14 : 40;
        row.respondedAt = wall(received + delay(rand, median));
      }
      if (row.acknowledgedAt && row.respondedAt && row.respondedAt < row.acknowledgedAt) delete row.acknowledgedAt;
      if (rand() < 0.03 && channel === "letter") {
        const from = received + DAY;
        row.pauses = `${wall(from)}/${wall(from + (2 + Math.floor(rand() * 5)) * DAY)}`;
        if (row.respondedAt && Date.parse(`${row.respondedAt}Z`) < from + 7 * DAY) delete row.pauses;
      }
    }
  }
  return row;
}

const COLUMNS = [
  "id",
  "channel",
  "category",
  "receivedAt",
  "answeredAt",
  "attendedAt",
  "acknowledgedAt",
  "respondedAt",
  "voicemailAt",
  "abandonedAt",
  "promisedBy",
  "pauses",
];
let stale = false;
Object.keys(MIX).forEach((charter, n) => {
  const rand = random(SEED + n);
  const rows = Array.from({ length: PER_CHARTER }, (_, i) => contact(rand, i + 1, charter)).sort((a, b) =>
    a.receivedAt < b.receivedAt ? -1 : 1,
  );
  complaints(rows, charter, n);
  const csv = `${COLUMNS.join(",")}\n${rows.map((r) => COLUMNS.map((c) => r[c] ?? "").join(",")).join("\n")}\n`;
  const file = new URL(`../examples/${charter}.csv`, import.meta.url);
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(file, "utf8");
    } catch {}
    if (current !== csv) {
      console.error(`examples/${charter}.csv is out of date: run node scripts/generate-examples.mjs`);
      stale = true;
    }
  } else {
    writeFileSync(file, csv);
    console.log(`wrote examples/${charter}.csv (${rows.length} contacts)`);
  }
});
if (stale) process.exit(1);
