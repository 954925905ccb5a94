import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { copeland, dartford, kawarthaLakes } from "../src/charters/index.js";
import { deadline, evaluate, explain, extendCharter, type Charter, type Contact } from "../src/index.js";
import { fromDay, referenceCalendar, toDay } from "./support.js";

const std = (id: string, stage: string, limit: Record<string, number>, extra: Record<string, unknown> = {}) => ({
  id,
  channels: [id.split(".")[0]],
  stage,
  limit,
  quote: "test standard",
  ...extra,
});

/** Copeland with a 17:00 cut-off and one standard of each remaining kind. */
const lab: Charter = extendCharter(copeland, {
  id: "copeland-lab",
  name: "Copeland, test layer",
  extends: "copeland",
  calendar: { receiptCutoff: "17:00" },
  standards: {
    add: [
      std("web-form.respond", "respond", { workingDays: 3 }, { countReceiptDay: true }),
      std("fax.respond", "respond", { workingDays: 2 }, { dueAt: "close-of-business" }),
      std("social-media.respond", "respond", { workingDays: 2 }, { dueAt: "same-clock-time" }),
      std("email.complaint.respond", "respond", { calendarDays: 28 }, { category: "complaint" }),
      std("fax.complaint.acknowledge", "acknowledge", { calendarMonths: 1 }, { category: "complaint" }),
      std("voicemail.acknowledge", "acknowledge", { workingHours: 4 }),
      std("email.complaint.acknowledge", "acknowledge", { workingDays: 5 }, { category: "complaint" }),
    ],
    replace: [
      std(
        "letter.complaint.respond",
        "respond",
        { workingDays: 10 },
        {
          category: "complaint",
          startsFrom: "acknowledged",
          reason: "a chained clock to test",
          variation: { quote: "test variation" },
        },
      ),
    ],
  },
});

describe("how deadlines are counted", () => {
  test("a receipt at the 17:00 cut-off counts from the next date: Monday 22 December 2025 17:00 -> day 0 Tuesday -> 24, 29, 30", () => {
    expect(deadline(lab, "email.respond", "2025-12-22T17:00").dueDate).toBe("2025-12-30");
    expect(deadline(lab, "email.respond", "2025-12-22T16:59:59.999").dueDate).toBe("2025-12-29");
    expect(deadline(copeland, "email.respond", "2025-12-22T17:00").dueDate).toBe("2025-12-29");
  });

  test("countReceiptDay: a Monday receipt is day 1, so 3 working days end on Wednesday; a Saturday receipt is not a working day, so Monday is day 1", () => {
    expect(deadline(lab, "web-form.respond", "2026-11-23T10:00").dueDate).toBe("2026-11-25");
    expect(deadline(lab, "web-form.respond", "2026-11-21T10:00").dueDate).toBe("2026-11-25");
  });

  test("close-of-business: the due date's closing time", () => {
    const d = deadline(lab, "fax.respond", "2026-11-23T10:00");
    expect([d.due, d.rule]).toEqual(["2026-11-25T17:00:00.000+00:00", "close-of-business"]);
  });

  test("same-clock-time: the receipt's clock time on the due date, across the spring clock change", () => {
    const d = deadline(lab, "social-media.respond", "2026-03-27T10:30");
    expect([d.due, d.rule]).toEqual(["2026-03-31T10:30:00.000+01:00", "same-clock-time"]);
  });

  test("calendar days: the 28th date after receipt, holidays included (Ontario's rule: exclude the first day, include the last)", () => {
    expect(deadline(lab, "email.complaint.respond", "2026-12-01T10:00").dueDate).toBe("2026-12-29");
  });

  test("calendar months: same day of the month, clamped: 31 January -> 28 February", () => {
    expect(deadline(lab, "fax.complaint.acknowledge", "2026-01-31T10:00").dueDate).toBe("2026-02-28");
  });

  test("working hours: 4 hours of office time from Friday 16:00 run half an hour on Friday (Copeland closes at 16:30) and 3½ on Monday, to 12:30", () => {
    const d = deadline(lab, "voicemail.acknowledge", "2026-11-20T16:00");
    expect([d.due, d.rule]).toEqual(["2026-11-23T12:30:00.000+00:00", "office-time"]);
  });

  test("working hours: received while closed, the clock starts at the next opening", () => {
    const d = deadline(lab, "voicemail.acknowledge", "2026-11-21T10:00");
    expect([d.startsAt, d.due]).toEqual(["2026-11-23T09:00:00.000+00:00", "2026-11-23T13:00:00.000+00:00"]);
  });

  test("startsFrom acknowledged: counts from the acknowledgement, which must be given", () => {
    expect(
      deadline(lab, "letter.complaint.respond", "2026-11-02T10:00", { acknowledgedAt: "2026-11-09T10:00" }).dueDate,
    ).toBe("2026-11-23");
    expect(() => deadline(lab, "letter.complaint.respond", "2026-11-02T10:00")).toThrow(/acknowledgedAt/);
  });

  test("scope: deadline() still computes a due time outside office hours, and says inScope: false", () => {
    const d = deadline(copeland, "telephone.answer", "2026-11-22T10:00");
    expect([d.inScope, d.due]).toEqual([false, "2026-11-22T10:00:15.000+00:00"]);
  });
});

describe("pauses", () => {
  test("working days: every working day from the pause's first local date to its last is disregarded (FOI s.10(2))", () => {
    const d = deadline(copeland, "email.respond", "2026-11-23T10:00", {
      pauses: [{ from: "2026-11-24T15:00", to: "2026-11-25T11:00" }],
    });
    expect(d.dueDate).toBe("2026-11-30");
    expect(d.trace).toContainEqual(expect.objectContaining({ step: "paused", disregarded: 2, unit: "working days" }));
  });

  test("a pause ending at local midnight does not touch the day that starts then", () => {
    const d = deadline(copeland, "email.respond", "2026-11-23T10:00", {
      pauses: [{ from: "2026-11-24T15:00", to: "2026-11-25T00:00" }],
    });
    expect(d.dueDate).toBe("2026-11-27");
  });

  test("elapsed: the paused time is added", () => {
    const d = deadline(copeland, "telephone.answer", "2026-11-23T10:00:00", {
      pauses: [{ from: "2026-11-23T10:00:05", to: "2026-11-23T10:00:15" }],
    });
    expect(d.due).toBe("2026-11-23T10:00:25.000+00:00");
  });

  test("office time: paused office time is added; closed time in the pause is not", () => {
    const d = deadline(lab, "voicemail.acknowledge", "2026-11-23T16:00", {
      pauses: [{ from: "2026-11-23T16:30", to: "2026-11-24T10:00" }],
    });
    expect(d.due).toBe("2026-11-24T13:30:00.000+00:00");
  });

  test("a pause before receipt does not count", () => {
    const d = deadline(copeland, "email.respond", "2026-11-23T10:00", {
      pauses: [{ from: "2026-11-20T10:00", to: "2026-11-20T12:00" }],
    });
    expect(d.dueDate).toBe("2026-11-26");
  });

  test("in evaluate(), pause time after completion does not count", () => {
    const [, respond] = evaluate(
      copeland,
      {
        channel: "email",
        receivedAt: "2026-11-23T10:00",
        respondedAt: "2026-11-24T09:00",
        pauses: [{ from: "2026-11-25T09:00", to: "2026-11-27T09:00" }],
      },
      { now: "2026-12-01" },
    );
    expect(respond?.dueDate).toBe("2026-11-26");
  });
});

describe("bad input names the field and the value", () => {
  test("an unknown standard lists the valid ids", () => {
    expect(() => deadline(copeland, "email.reply", "2026-11-23T10:00")).toThrow(RangeError);
    expect(() => deadline(copeland, "email.reply", "2026-11-23T10:00")).toThrow(
      /email\.acknowledge, email\.respond.*got "email.reply"/,
    );
  });

  test.each<[string, Partial<Contact> | Record<string, unknown>, RegExp]>([
    ["a contact without receivedAt", { receivedAt: undefined }, /`contact.receivedAt`/],
    [
      "an event before receipt",
      { respondedAt: "2026-11-22T10:00" },
      /`contact.respondedAt`.*before `contact.receivedAt`/,
    ],
    [
      "overlapping pauses",
      {
        pauses: [
          { from: "2026-11-24T10:00", to: "2026-11-25T10:00" },
          { from: "2026-11-25T09:00", to: "2026-11-26T10:00" },
        ],
      },
      /`contact.pauses` overlap/,
    ],
    ["a string that is not a date", { respondedAt: "next Tuesday" }, /`contact.respondedAt`.*"next Tuesday"/],
    ["an unknown channel", { channel: "carrier-pigeon" }, /`contact.channel`.*"carrier-pigeon"/],
  ])("%s", (_what, change, message) => {
    const contact = { channel: "email", receivedAt: "2026-11-23T10:00", ...change } as Contact;
    expect(() => evaluate(copeland, contact, { now: "2026-12-01" })).toThrow(message);
  });

  test("now is required, and warnAt is a share from 0 to 1", () => {
    const contact: Contact = { channel: "email", receivedAt: "2026-11-23T10:00" };
    expect(() => evaluate(copeland, contact, {} as never)).toThrow(/`options.now`/);
    expect(() => evaluate(copeland, contact, { now: "2026-12-01", warnAt: 1.5 })).toThrow(/`options.warnAt`/);
  });
});

describe("explain()", () => {
  test("the issue's example: Friday 19 December 2025 at 17:42, 5 working days", () => {
    const five = extendCharter(copeland, {
      id: "five",
      name: "Five",
      extends: "copeland",
      standards: {
        replace: [
          std(
            "email.respond",
            "respond",
            { workingDays: 5 },
            { reason: "the issue's example", variation: { quote: "test" } },
          ),
        ],
      },
    });
    expect(explain(deadline(five, "email.respond", "2025-12-19T17:42"))).toBe(
      "Received Friday 19 December 2025 at 17:42. Day 1 is Monday 22 December. Saturday 20 December (weekend), Sunday 21 December (weekend), " +
        "Thursday 25 December (Christmas Day), Friday 26 December (Boxing Day), Saturday 27 December (weekend) and Sunday 28 December (weekend) are not working days. " +
        "Due by the end of Tuesday 30 December 2025: 5 working days.",
    );
  });

  test("names substitute days, the cut-off and the rule", () => {
    const text = explain(deadline(lab, "fax.respond", "2026-12-24T17:30"));
    expect(text).toContain("at or after the 17:00 cut-off, so it counts as received on Friday 25 December 2026");
    expect(text).toContain("Monday 28 December (substitute day for Boxing Day)");
    expect(text).toContain("Due by close of business (17:00) on Wednesday 30 December 2026: 2 working days.");
  });

  test("an evaluation adds the outcome", () => {
    const [r] = evaluate(
      dartford,
      { channel: "telephone", receivedAt: "2026-11-23T10:00:00", answeredAt: "2026-11-23T10:00:31" },
      { now: "2026-11-24" },
    );
    expect(explain(r as never)).toBe(
      "telephone.answer: Received Monday 23 November 2026 at 10:00. Due by Monday 23 November 2026 at 10:00:20: 20 seconds after receipt. Breached: answered on Monday 23 November 2026 at 10:00:31, 11 seconds late. " +
        "The charter says it aims to meet this standard: a target, not a firm promise.",
    );
  });

  test("a result that has been through JSON, a spread or structuredClone explains exactly as the original", () => {
    const [r] = evaluate(
      kawarthaLakes,
      { channel: "letter", receivedAt: "2026-04-02T10:00" },
      { now: "2026-04-03T10:00" },
    );
    const text = explain(r as never);
    expect(text).toMatch(/^letter.respond: Received Thursday 2 April 2026 at 10:00\..*Pending/);
    expect(explain(JSON.parse(JSON.stringify(r)) as never)).toBe(text);
    expect(explain({ ...r } as never)).toBe(text);
    expect(explain(structuredClone(r) as never)).toBe(text);
    const d = deadline(copeland, "email.respond", "2025-12-19T17:42");
    expect(explain({ ...d })).toBe(explain(d));
    expect(explain(structuredClone(d))).toBe(explain(d));
    expect(explain(JSON.parse(JSON.stringify(d)) as never)).toBe(explain(d));
  });

  test("results with the same day 0 share no state a caller can change: a shared step is frozen, each trace array is its own", () => {
    // Both emails arrive on Friday 19 December 2025 before the cutoff, so their reasoning from day 0 on is the same.
    const a = deadline(copeland, "email.respond", "2025-12-19T09:00");
    const b = deadline(copeland, "email.respond", "2025-12-19T11:30");
    const before = JSON.stringify(b);
    expect(a.trace.slice(1)).toEqual(b.trace.slice(1));
    expect(() => {
      (a.trace[2] as { date: string }).date = "1999-01-01";
    }).toThrow(TypeError);
    (a.trace as unknown[]).push({ step: "added by the caller" });
    expect(JSON.stringify(b)).toBe(before);
    expect(b.trace).not.toBe(a.trace);
  });

  test.each([
    ["an empty object", {}],
    ["null", null],
    ["a string", "email.respond"],
    [
      "a deadline without its trace",
      { standardId: "email.respond", receivedAt: "2025-12-19T17:42:00.000+00:00", due: "x" },
    ],
    [
      "an evaluation with an unknown status",
      { standardId: "email.respond", receivedAt: "x", judgedAt: "x", status: "late", trace: [] },
    ],
  ])("anything else, such as %s, is a TypeError naming `result`", (_what, value) => {
    expect(() => explain(value as never)).toThrow(TypeError);
    expect(() => explain(value as never)).toThrow(/`result`/);
  });

  test("every property of a result is its own and enumerable", () => {
    const d = deadline(copeland, "email.respond", "2025-12-19T17:42");
    const [e] = evaluate(copeland, { channel: "email", receivedAt: "2025-12-19T17:42" }, { now: "2026-01-10" });
    for (const r of [d, e] as object[]) {
      expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
      expect(Object.keys({ ...r })).toEqual(Object.keys(r));
      expect(r).toHaveProperty("trace");
      expect(Object.keys(r)).toContain("trace");
    }
  });
});

describe("laws (fast-check)", () => {
  const ref = referenceCalendar("GB-ENG");
  const MS_DAY = 86_400_000;
  const anyReceipt = fc.integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2030, 11, 1) });
  const dayStandards = ["email.acknowledge", "email.respond", "letter.complaint.respond", "voicemail.respond"] as const;
  const anyDayStandard = fc.constantFrom(...dayStandards);

  /** Slow reference: London local date of the instant, then count working days one by one. */
  function referenceDueDate(receivedMs: number, n: number): string {
    const local = new Date(receivedMs).toLocaleDateString("en-CA", { timeZone: "Europe/London" });
    return fromDay(ref.add(toDay(local), n));
  }

  prop.prop([anyReceipt, anyDayStandard])("agrees with a slow reference evaluator on the due date", (t, id) => {
    const n = copeland.standards.find((s) => s.id === id)?.limit.workingDays as number;
    expect(deadline(copeland, id, t).dueDate).toBe(referenceDueDate(t, n));
  });

  prop.prop([anyReceipt, anyDayStandard])(
    "every day-based due date is a working day, and due is never before the start",
    (t, id) => {
      const d = deadline(copeland, id, t);
      expect(ref.isWorking(toDay(d.dueDate as string))).toBe(true);
      expect(Date.parse(d.due)).toBeGreaterThanOrEqual(t);
    },
  );

  prop.prop([
    anyReceipt,
    fc.integer({ min: 0, max: 20 * MS_DAY }),
    fc.constantFrom("email.respond", "telephone.answer", "visit.attend"),
  ])("a later receipt never gives an earlier due", (t, gap, id) => {
    expect(Date.parse(deadline(copeland, id, t + gap).due)).toBeGreaterThanOrEqual(
      Date.parse(deadline(copeland, id, t).due),
    );
  });

  prop.prop([
    anyReceipt,
    fc.integer({ min: 0, max: 10 * MS_DAY }),
    fc.integer({ min: 1, max: 5 * MS_DAY }),
    fc.constantFrom("email.respond", "telephone.answer"),
  ])("a pause never makes a deadline earlier", (t, offset, length, id) => {
    const plain = Date.parse(deadline(copeland, id, t).due);
    const paused = Date.parse(
      deadline(copeland, id, t, { pauses: [{ from: t + offset, to: t + offset + length }] }).due,
    );
    expect(paused).toBeGreaterThanOrEqual(plain);
  });

  prop.prop([anyReceipt, fc.integer({ min: 0, max: 12 * MS_DAY }), fc.integer({ min: 0, max: 15 * MS_DAY })])(
    "breached exactly when the completion (or now, if not completed) is after due",
    (t, doneAfter, nowAfter) => {
      const done = t + doneAfter;
      const now = t + nowAfter;
      const due = Date.parse(deadline(copeland, "email.respond", t).due);
      const [, r] = evaluate(copeland, { channel: "email", receivedAt: t, respondedAt: done }, { now });
      const end = Math.min(done, now);
      expect(r?.status === "breached").toBe(end > due);
      expect(r?.status === "met").toBe(done <= now && done <= due);
      expect(r?.status === "pending").toBe(done > now && now <= due);
    },
  );
});
