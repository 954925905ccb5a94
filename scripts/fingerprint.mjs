#!/usr/bin/env node
// Prints a fingerprint (sha256) of about 44,000 answers of the built library: deadlines
// for every standard of every bundled charter, evaluations, a report, calendar queries
// and explanations, on receipts spread over 2019-2027 (clock changes and holidays
// included). test/fingerprint.test.ts runs it under several host time zones and checks
// that every zone gives the same fingerprint, so the rest of the suite may run once.
import { createHash } from "node:crypto";
import { calendarFor, complianceReport, deadline, evaluate, explain } from "../dist/index.js";
import { charters } from "../dist/charters.js";
import { random } from "./random.mjs";

const rand = random(20261201);
const HOUR = 3_600_000;
const start = Date.UTC(2019, 0, 1);
const span = Date.UTC(2027, 11, 1) - start;
const hash = createHash("sha256");
let answers = 0;
const add = (value) => {
  hash.update(JSON.stringify(value));
  hash.update("\n");
  answers++;
};
const attempt = (f) => {
  try {
    return f();
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
};

for (const charter of Object.values(charters)) {
  const cal = calendarFor(charter);
  const instants = Array.from({ length: 1500 }, () => start + Math.floor((rand() * span) / 60_000) * 60_000);
  for (const t of instants) {
    const local = new Date(t).toISOString().slice(0, 16); // read as a wall time in the charter's zone
    for (const s of charter.standards)
      add(
        attempt(() =>
          deadline(charter, s.id, local, s.startsFrom === "acknowledged" ? { acknowledgedAt: t + 2 * HOUR } : {}),
        ),
      );
    add([
      cal.localDate(t),
      cal.isOpen(t),
      cal.nextOpening(t),
      cal.officeTimeBetween(t, t + 50 * HOUR),
      cal.addOfficeTime(t, 5 * HOUR),
    ]);
    const date = cal.localDate(t);
    add([
      cal.isWorkingDay(date),
      cal.addWorkingDays(date, 7),
      cal.addWorkingDays(date, -3),
      cal.workingDaysBetween(date, cal.addWorkingDays(date, 12)),
      cal.nonWorkingDays(date, cal.addWorkingDays(date, 5)),
    ]);
  }
  const channels = [...new Set(charter.standards.flatMap((s) => s.channels))];
  const contacts = instants.map((t, i) => {
    const channel = channels[i % Math.max(1, channels.length)] ?? "email";
    const c = { id: `c${i}`, channel, receivedAt: t };
    if (i % 3 !== 0)
      Object.assign(c, {
        answeredAt: t + 20_000,
        attendedAt: t + 600_000,
        acknowledgedAt: t + 20 * HOUR,
        respondedAt: t + (i % 7) * 24 * HOUR,
      });
    if (i % 5 === 0) c.pauses = [{ from: t + HOUR, to: t + 30 * HOUR }];
    if (i % 11 === 0) c.category = "complaint";
    return c;
  });
  const now = "2027-12-31T12:00";
  for (const c of contacts.slice(0, 400))
    for (const e of attempt(() => evaluate(charter, c, { now }))) add([e, explain(e)]);
  add(complianceReport(charter, contacts, { now, by: "month" }));
  for (const s of charter.standards)
    add(explain(deadline(charter, s.id, "2025-12-19T17:42", { acknowledgedAt: "2025-12-22T10:00" })));
}
console.log(JSON.stringify({ fingerprint: hash.digest("hex"), answers }));
