// The promise rule of DESIGN section 3, worked out by hand on Colchester's
// "email.respond" (2 working days, promises allowed; England, Europe/London).
// An email received on Monday 23 November 2026 at 10:00 is due by the end of
// Wednesday 25 November (day 1 Tuesday 24, day 2 Wednesday 25).
import { describe, expect, test } from "vitest";
import { colchester, copeland } from "../src/charters/index.js";
import { complianceReport, evaluate, explain, type Contact } from "../src/index.js";

const received = "2026-11-23T10:00";
const now = "2026-12-31T12:00";
const ORIGINAL_DUE = "2026-11-25T23:59:59.999+00:00";

function respond(contact: Partial<Contact>) {
  const [e] = evaluate(colchester, { channel: "email", receivedAt: received, ...contact } as Contact, { now });
  if (e === undefined) throw new Error("no evaluation");
  return e;
}

describe("promises (DESIGN section 3)", () => {
  test("an earlier promise, then a response after it but by the original due: met, the charter's own limit was kept", () => {
    const e = respond({
      acknowledgedAt: "2026-11-23T11:00",
      promisedBy: "2026-11-24",
      respondedAt: "2026-11-25T12:00",
    });
    expect([e.status, e.by, e.due, e.promiseIgnored]).toEqual(["met", "response", ORIGINAL_DUE, undefined]);
  });

  test("a later promise made in time and kept (responded Thursday 3 December, promised Friday 4): met by the promise", () => {
    const e = respond({
      acknowledgedAt: "2026-11-24T10:00",
      promisedBy: "2026-12-04",
      respondedAt: "2026-12-03T15:00",
    });
    expect([e.status, e.by, e.due, e.dueDate]).toEqual([
      "met",
      "promise",
      "2026-12-04T23:59:59.999+00:00",
      "2026-12-04",
    ]);
    expect(explain(e)).toMatch(/promised a full response by the end of Friday 4 December 2026/);
  });

  test("a later promise broken (responded Monday 7 December at 09:00): breached by 2 days 9 hours and 1 ms, 1 working day late", () => {
    const e = respond({
      acknowledgedAt: "2026-11-24T10:00",
      promisedBy: "2026-12-04",
      respondedAt: "2026-12-07T09:00",
    });
    expect([e.status, e.by, e.lateMs, e.lateWorkingDays]).toEqual([
      "breached",
      "promise",
      (2 * 24 + 9) * 3_600_000 + 1,
      1,
    ]);
  });

  test("a promisedBy without an acknowledgement is ignored and noted: judged on the original due", () => {
    const e = respond({ promisedBy: "2026-12-04", respondedAt: "2026-11-30T09:00" });
    expect([e.status, e.due, e.promiseIgnored]).toEqual(["breached", ORIGINAL_DUE, "no-acknowledgement"]);
    expect(explain(e)).toMatch(/promised date was ignored: no acknowledgement had been sent/);
  });

  test("a promisedBy before the acknowledgement that carries it is ignored and noted", () => {
    const e = respond({
      acknowledgedAt: "2026-11-24T10:00",
      promisedBy: "2026-11-23",
      respondedAt: "2026-11-26T09:00",
    });
    expect([e.status, e.due, e.promiseIgnored]).toEqual(["breached", ORIGINAL_DUE, "before-acknowledgement"]);
  });

  test("an acknowledgement after the original due cannot make a promise (acknowledged Thursday 26 November)", () => {
    const e = respond({
      acknowledgedAt: "2026-11-26T10:00",
      promisedBy: "2026-12-04",
      respondedAt: "2026-12-03T09:00",
    });
    expect([e.status, e.promiseIgnored]).toEqual(["breached", "acknowledged-after-due"]);
  });

  test("a Copeland email with a promisedBy (no Copeland standard allows promises) is judged on all its standards", () => {
    const results = evaluate(
      copeland,
      { channel: "email", receivedAt: received, promisedBy: "2026-12-04", respondedAt: "2026-11-24T09:00" },
      { now },
    );
    expect(results.map((e) => [e.standardId, e.status, e.promiseIgnored])).toEqual([
      ["email.acknowledge", "met", undefined],
      ["email.respond", "met", undefined],
    ]);
  });

  test("reports count the ignored promises per standard and keep the contact", () => {
    const contacts: Contact[] = [
      { channel: "email", receivedAt: received, promisedBy: "2026-12-04", respondedAt: "2026-11-30T09:00" },
      {
        channel: "email",
        receivedAt: received,
        acknowledgedAt: "2026-11-24T10:00",
        promisedBy: "2026-12-04",
        respondedAt: "2026-12-03T09:00",
      },
    ];
    const report = complianceReport(colchester, contacts, { now });
    const row = report.rows.find((r) => r.standardId === "email.respond");
    expect([report.skipped, row?.met, row?.breached, row?.promisesIgnored]).toEqual([0, 1, 1, 1]);
  });
});
