// Interval counts (DESIGN section 3): a telephone standard judged from a system's counts per
// interval gives the figures the calls themselves give, under every abandoned-call policy.
import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { dartford } from "../src/charters/index.js";
import {
  type ComplianceReport,
  complianceReport,
  type Contact,
  type IntervalCounts,
  intervalReport,
  mergeReports,
} from "../src/index.js";

const POLICIES = ["by-limit", "missed", "excluded"] as const;
const NOW = "2026-12-31T23:59";

/** A call: received some seconds into a 15-minute interval of a day, then answered, abandoned or neither. */
interface Call {
  readonly day: number;
  readonly slot: number;
  readonly offset: number;
  readonly outcome: "answered" | "abandoned" | "lost";
  readonly after: number;
}

const call = fc.record({
  // Days of November 2026: weekdays and weekends.
  day: fc.integer({ min: 2, max: 29 }),
  // 15-minute slots from 08:00 to 18:45: some before, most within, some after Dartford's 09:00-17:00.
  slot: fc.integer({ min: 32, max: 75 }),
  offset: fc.integer({ min: 0, max: 899 }),
  outcome: fc.constantFrom("answered", "abandoned", "lost"),
  // Seconds to the answer or the abandonment: around Dartford's 20-second limit, 20 itself included.
  after: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constant(20)),
}) as fc.Arbitrary<Call>;

const pad = (n: number) => String(n).padStart(2, "0");
const slotStart = (c: Pick<Call, "day" | "slot">) =>
  `2026-11-${pad(c.day)}T${pad(Math.floor(c.slot / 4))}:${pad((c.slot % 4) * 15)}`;
const plus = (wall: string, seconds: number) => {
  const t = Date.parse(`${wall}Z`) + seconds * 1000;
  return new Date(t).toISOString().slice(0, 19);
};

function contactOf(c: Call, i: number): Contact {
  const receivedAt = plus(slotStart(c), c.offset);
  return {
    id: i,
    channel: "telephone",
    receivedAt,
    ...(c.outcome === "answered" ? { answeredAt: plus(receivedAt, c.after) } : {}),
    ...(c.outcome === "abandoned" ? { abandonedAt: plus(receivedAt, c.after) } : {}),
  };
}

/** The calls counted per interval as a telephone system counts them: answered within 20 s, abandoned before 20 s. */
function intervalsOf(calls: readonly Call[]): IntervalCounts[] {
  const byStart = new Map<string, IntervalCounts & Record<string, number | string>>();
  for (const c of calls) {
    const start = slotStart(c);
    const counts = byStart.get(start) ?? {
      intervalStart: start,
      intervalMinutes: 15,
      channel: "telephone",
      offered: 0,
      answered: 0,
      answeredWithin: 0,
      thresholdSeconds: 20,
      abandoned: 0,
      abandonedWithin: 0,
    };
    byStart.set(start, counts);
    counts.offered++;
    if (c.outcome === "answered") {
      counts.answered++;
      if (c.after <= 20) counts.answeredWithin++;
    }
    if (c.outcome === "abandoned") {
      counts.abandoned++;
      if (c.after < 20) (counts.abandonedWithin as number)++;
    }
  }
  return [...byStart.values()];
}

const FIGURES = ["period", "inScope", "met", "breached", "pending", "notApplicable", "late", "outstanding"] as const;
const figures = (rows: readonly object[]) =>
  rows.map((r) => Object.fromEntries(FIGURES.map((k) => [k, (r as Record<string, unknown>)[k]])));

describe("interval counts built from calls give the calls' figures", () => {
  prop.prop([fc.array(call, { minLength: 1, maxLength: 300 }), fc.constantFrom(undefined, "week" as const)], {
    numRuns: 60,
  })("under every abandoned-call policy, and by period", (calls, by) => {
    const contacts = calls.map(contactOf);
    const intervals = intervalsOf(calls);
    for (const abandoned of POLICIES) {
      const options = { now: NOW, abandoned, ...(by === undefined ? {} : { by }) };
      const fromCalls = complianceReport(dartford, contacts, options).rows.filter(
        (r) => r.standardId === "telephone.answer",
      );
      const fromIntervals = intervalReport(dartford, intervals, options).rows.filter(
        (r) => r.standardId === "telephone.answer",
      );
      expect(figures(fromIntervals)).toEqual(figures(fromCalls));
      for (const r of fromIntervals) expect(r.basis).toBe("intervals");
    }
  });
});

const interval = (over: Partial<Record<string, unknown>> = {}): IntervalCounts =>
  ({
    intervalStart: "2026-11-23T10:00",
    intervalMinutes: 30,
    channel: "telephone",
    offered: 40,
    answered: 34,
    answeredWithin: 25,
    thresholdSeconds: 20,
    abandoned: 5,
    abandonedWithin: 2,
    ...over,
  }) as IntervalCounts;

const telephone = (report: ComplianceReport) => report.rows.find((r) => r.standardId === "telephone.answer");

describe("intervalReport", () => {
  test("counts each policy as the calls would be: met, missed and excluded", () => {
    const at = (abandoned: (typeof POLICIES)[number]) =>
      telephone(intervalReport(dartford, [interval()], { now: NOW, abandoned }));
    // 40 offered: 25 within 20 s; 9 answered late; 5 abandoned (2 before 20 s); 1 never answered.
    expect(at("by-limit")).toMatchObject({ met: 25, breached: 13, notApplicable: 2, late: 9, outstanding: 4 });
    expect(at("missed")).toMatchObject({ met: 25, breached: 15, notApplicable: 0, late: 9, outstanding: 6 });
    expect(at("excluded")).toMatchObject({ met: 25, breached: 10, notApplicable: 5, late: 9, outstanding: 1 });
  });

  test("a threshold that is not the limit is refused naming both, unless allowThreshold: then the row lists it", () => {
    const refused = intervalReport(dartford, [interval({ thresholdSeconds: 30 })], { now: NOW });
    expect(refused.skipped).toBe(1);
    expect(refused.errors[0]?.message).toMatch(
      /`interval.thresholdSeconds` is 30 seconds, but telephone.answer has a limit of 20 seconds/,
    );
    const allowed = intervalReport(dartford, [interval({ thresholdSeconds: 30 })], { now: NOW, allowThreshold: true });
    expect(telephone(allowed)).toMatchObject({ met: 25, basis: "intervals", thresholds: [30] });
  });

  test("by-limit needs the short abandons; missed and excluded do not", () => {
    const { abandonedWithin: _, ...without } = interval() as Record<string, unknown>;
    const refused = intervalReport(dartford, [without as IntervalCounts], { now: NOW });
    expect(refused.errors[0]?.message).toMatch(/`interval.abandonedWithin` is needed to judge telephone.answer/);
    expect(
      telephone(intervalReport(dartford, [without as IntervalCounts], { now: NOW, abandoned: "missed" })),
    ).toMatchObject({ met: 25, breached: 15 });
  });

  test("scope: an interval wholly outside office hours is not applicable; one across the closing time is skipped", () => {
    const evening = intervalReport(dartford, [interval({ intervalStart: "2026-11-23T17:00" })], { now: NOW });
    expect(telephone(evening)).toMatchObject({ inScope: 0, notApplicable: 40, basis: "intervals" });
    const across = intervalReport(dartford, [interval({ intervalStart: "2026-11-23T16:45" })], { now: NOW });
    expect(across.errors[0]?.message).toMatch(/partly inside and partly outside the hours of telephone.answer/);
  });

  test("an interval after now is future; one not over at now is skipped; counts that do not add up name the fields", () => {
    const r = intervalReport(
      dartford,
      [
        interval({ intervalStart: "2026-11-24T10:00" }),
        interval({ intervalStart: "2026-11-23T23:45" }),
        interval({ answeredWithin: 35 }),
        interval({ offered: 30 }),
        interval({ offered: 2.5 }),
      ],
      { now: "2026-11-24T00:00" },
    );
    expect([r.contacts, r.future, r.skipped]).toEqual([5, 1, 4]);
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/had not ended at 2026-11-24T00:00:00.000\+00:00/),
      expect.stringMatching(/answeredWithin \(35\) is more than answered \(34\)/),
      expect.stringMatching(/answered \(34\) and abandoned \(5\) are more than offered \(30\)/),
      expect.stringMatching(/Expected `interval.offered` to be a whole number of calls, 0 or more, got 2.5/),
    ]);
  });

  test("interval counts and contacts of one charter merge into one report, and the row says both", () => {
    const calls = complianceReport(
      dartford,
      [{ channel: "telephone", receivedAt: "2026-11-23T11:00", answeredAt: "2026-11-23T11:00:30" }],
      { now: NOW },
    );
    const merged = mergeReports(calls, intervalReport(dartford, [interval()], { now: NOW }));
    expect(telephone(merged)).toMatchObject({ met: 25, breached: 14, basis: "contacts and intervals" });
    expect(merged.intervals).toEqual({ judged: 1, calls: 40 });
    expect(telephone(mergeReports(merged, complianceReport(dartford, [], { now: NOW })))?.basis).toBe(
      "contacts and intervals",
    );
  });

  test("standards that are not judged from counts (visits, emails) are left alone", () => {
    const r = intervalReport(dartford, [interval({ channel: "email" })], { now: NOW });
    expect(r.rows.filter((row) => row.inScope + row.notApplicable > 0)).toEqual([]);
    expect(r.intervals).toEqual({ judged: 1, calls: 40 });
  });
});
