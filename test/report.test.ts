import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { copeland, dartford } from "../src/charters/index.js";
import { complianceReport, mergeReports, type Contact } from "../src/index.js";

const call = (id: number, answerAfterS: number | null, extra: Partial<Contact> = {}): Contact => ({
  id,
  channel: "telephone",
  receivedAt: `2026-11-23T10:${String(id % 60).padStart(2, "0")}:00`,
  ...(answerAfterS === null
    ? {}
    : { answeredAt: `2026-11-23T10:${String(id % 60).padStart(2, "0")}:${String(answerAfterS).padStart(2, "0")}` }),
  ...extra,
});

describe("complianceReport on hand-countable data", () => {
  // Dartford: 65% of calls answered within 20 seconds.
  const calls = [
    call(1, 5),
    call(2, 19),
    call(3, 20),
    call(4, 21),
    call(5, 40),
    call(6, null, { abandonedAt: "2026-11-23T10:06:08" }),
    call(7, null, { abandonedAt: "2026-11-23T10:07:30" }),
  ];
  const report = complianceReport(dartford, calls, { now: "2026-11-24T00:00" });
  const row = report.rows.find((r) => r.standardId === "telephone.answer");

  test("3 met, 3 breached (21 s, 40 s, abandoned after the limit), 1 abandoned before the limit is not applicable", () => {
    expect(row).toMatchObject({ met: 3, breached: 3, pending: 0, notApplicable: 1, inScope: 6, metShare: 0.5 });
  });

  test("50% against a 65% target is not achieved, compared in integers", () => {
    expect(row?.target).toEqual({ percent: 65 });
    expect(row?.achieved).toBe(false);
  });

  test("the 95% Wilson interval for 3 of 6 is about 0.188 to 0.812", () => {
    expect(row?.ci95?.low).toBeCloseTo(0.1876, 3);
    expect(row?.ci95?.high).toBeCloseTo(0.8124, 3);
  });

  test("the worst breaches are the latest, with contact ids", () => {
    expect(row?.worst.map((w) => [w.contactId, w.lateMs])).toEqual(
      [
        [7, 10_000],
        [5, 20_000],
        [4, 1000],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
  });

  test("abandoned calls can be counted all as missed, or all excluded", () => {
    const missed = complianceReport(dartford, calls, { now: "2026-11-24T00:00", abandoned: "missed" }).rows.find(
      (r) => r.standardId === "telephone.answer",
    );
    expect(missed).toMatchObject({ met: 3, breached: 4, notApplicable: 0 });
    const excluded = complianceReport(dartford, calls, { now: "2026-11-24T00:00", abandoned: "excluded" }).rows.find(
      (r) => r.standardId === "telephone.answer",
    );
    expect(excluded).toMatchObject({ met: 3, breached: 2, notApplicable: 2 });
  });

  test("65% exactly is achieved: 13 of 20", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => call(i + 1, i < 13 ? 10 : 30));
    const r = complianceReport(dartford, twenty, { now: "2026-11-24T00:00" }).rows.find(
      (x) => x.standardId === "telephone.answer",
    );
    expect([r?.met, r?.breached, r?.achieved]).toEqual([13, 7, true]);
  });

  test("a standard with nothing decided has a null share and null achievement, not 0%", () => {
    const web = report.rows.find((r) => r.standardId === "web-form.respond");
    expect(web).toMatchObject({ inScope: 0, metShare: null, achieved: null, ci95: null });
  });

  test("bad contacts are skipped, counted and reported with their position, never dropped silently", () => {
    const r = complianceReport(
      dartford,
      [call(1, 5), { channel: "telephone" } as Contact, call(3, 5, { answeredAt: "yesterday" })],
      { now: "2026-11-24" },
    );
    expect([r.contacts, r.skipped]).toEqual([3, 2]);
    expect(r.errors.map((e) => [e.index, e.contactId])).toEqual([
      [1, null],
      [2, 3],
    ]);
    expect(r.errors[1]?.message).toMatch(/`contact.answeredAt`/);
  });

  test("rows by local month of receipt, with ISO weeks too", () => {
    const months = complianceReport(
      copeland,
      [
        { channel: "email", receivedAt: "2026-11-30T23:30:00-05:00", respondedAt: "2026-12-01T10:00" },
        { channel: "email", receivedAt: "2026-12-01T10:00", respondedAt: "2026-12-01T11:00" },
      ],
      { now: "2027-01-01", by: "month" },
    );
    expect(months.rows.filter((r) => r.standardId === "email.respond").map((r) => [r.period, r.met])).toEqual([
      ["2026-12", 2],
    ]);
    const weeks = complianceReport(
      copeland,
      [
        { channel: "email", receivedAt: "2027-01-01T10:00" },
        { channel: "email", receivedAt: "2027-01-04T10:00" },
      ],
      { now: "2027-02-01", by: "week" },
    );
    expect(weeks.rows.filter((r) => r.standardId === "email.respond").map((r) => r.period)).toEqual([
      "2026-W53",
      "2027-W01",
    ]);
  });

  test("an AsyncIterable gives a Promise of the same report", async () => {
    async function* stream() {
      for (const c of calls) yield c;
    }
    expect(await complianceReport(dartford, stream(), { now: "2026-11-24T00:00" })).toEqual(report);
  });

  test("progress is reported while reading", () => {
    const seen: number[] = [];
    complianceReport(dartford, calls, { now: "2026-11-24", onProgress: (n) => seen.push(n), progressEvery: 3 });
    expect(seen).toEqual([3, 6]);
  });

  test("memory does not hold the contacts: a generator of 200,000 is read once", () => {
    function* many() {
      for (let i = 0; i < 200_000; i++) yield call(i, i % 30);
    }
    const r = complianceReport(dartford, many(), { now: "2026-11-24" });
    expect(r.contacts).toBe(200_000);
    expect(r.rows.find((x) => x.standardId === "telephone.answer")?.worst).toHaveLength(5);
  });
});

describe("mergeReports", () => {
  const anyCall = fc
    .record({
      id: fc.integer({ min: 1, max: 10_000 }),
      minute: fc.integer({ min: 0, max: 59 }),
      hour: fc.integer({ min: 6, max: 19 }),
      day: fc.integer({ min: 1, max: 28 }),
      wait: fc.option(fc.integer({ min: 0, max: 59 })),
      channel: fc.constantFrom("telephone", "email", "letter"),
    })
    .map(({ id, minute, hour, day, wait, channel }): Contact => {
      const at = `2026-02-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
      const done = wait === null ? undefined : `${at}:${String(wait).padStart(2, "0")}`;
      return channel === "telephone"
        ? { id, channel, receivedAt: at, ...(done === undefined ? {} : { answeredAt: done }) }
        : {
            id,
            channel,
            receivedAt: at,
            ...(done === undefined ? {} : { respondedAt: `2026-03-${String(day).padStart(2, "0")}T10:00` }),
          };
    });
  const options = { now: "2026-03-15T12:00", by: "week" as const, worst: 3 };

  prop.prop([fc.array(anyCall, { maxLength: 60 }), fc.nat()])(
    "merging the reports of two halves equals the report of the whole",
    (contacts, cut) => {
      const at = contacts.length === 0 ? 0 : cut % (contacts.length + 1);
      const whole = complianceReport(dartford, contacts, options);
      const merged = mergeReports(
        complianceReport(dartford, contacts.slice(0, at), options),
        complianceReport(dartford, contacts.slice(at), options),
      );
      expect({ ...merged, errors: [] }).toEqual({ ...whole, errors: [] });
    },
  );

  prop.prop([
    fc.array(anyCall, { maxLength: 30 }),
    fc.array(anyCall, { maxLength: 30 }),
    fc.array(anyCall, { maxLength: 30 }),
  ])("associative and commutative", (x, y, z) => {
    const [a, b, c] = [x, y, z].map((part) => complianceReport(dartford, part, options)) as [never, never, never];
    expect(mergeReports(a, b)).toEqual(mergeReports(b, a));
    expect(mergeReports(mergeReports(a, b), c)).toEqual(mergeReports(a, mergeReports(b, c)));
  });

  test("reports judged at different moments cannot be merged", () => {
    expect(() =>
      mergeReports(
        complianceReport(dartford, [], { now: "2026-03-01" }),
        complianceReport(dartford, [], { now: "2026-03-02" }),
      ),
    ).toThrow(/`now`/);
  });
});
