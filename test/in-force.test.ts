// Charters that change over time (DESIGN section 3, "Rules in force") and promises with
// limits, worked by hand on a small charter in England (Europe/London, GB-ENG, Monday to
// Friday 09:00-17:00). Its email standard changed on Tuesday 1 April 2025: 5 working
// days (target 80%) until Monday 31 March, then 3 working days, with a promised date
// allowed at most 2 further working days.
import { describe, expect, test } from "vitest";
import {
  CharterError,
  calendarFor,
  complianceReport,
  deadline,
  evaluate,
  explain,
  extendCharter,
  mergeReports,
  parseCharter,
  safeParseCharter,
  type CharterIssue,
  type Contact,
} from "../src/index.js";

const hours = [["09:00", "17:00"]];
const week = { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours };
const base = {
  id: "riverside",
  name: "Riverside District Council",
  sources: [{ title: "Our customer promise", publisher: "Riverside District Council" }],
  calendar: { timeZone: "Europe/London", holidays: "GB-ENG", officeHours: week },
};
const before = {
  id: "email.respond",
  channels: ["email"],
  stage: "respond",
  limit: { workingDays: 5 },
  target: { percent: 80 },
  quote: "We reply to emails within 5 working days.",
  inForce: { to: "2025-03-31" },
};
const after = {
  id: "email.respond",
  channels: ["email"],
  stage: "respond",
  limit: { workingDays: 3 },
  allowPromise: true,
  promiseLimit: { workingDays: 2, quote: "A new date will be at most 2 working days later." },
  quote: "From 1 April 2025 we reply to emails within 3 working days.",
  inForce: { from: "2025-04-01" },
};
const riverside = parseCharter({ ...base, standards: [before, after] });

const issuesOf = (input: unknown): CharterIssue[] => {
  const result = safeParseCharter(input);
  return result.success ? [] : [...result.issues];
};
const email = (contact: Partial<Contact>): Contact => ({
  channel: "email",
  receivedAt: "2025-03-31T10:00",
  ...contact,
});

describe("a standard in force over a period", () => {
  test("a contact received on Monday 31 March 2025 is judged by the old version: 5 working days, due Monday 7 April", () => {
    const d = deadline(riverside, "email.respond", "2025-03-31T16:59");
    expect([d.due, d.inForce]).toEqual(["2025-04-07T23:59:59.999+01:00", { from: undefined, to: "2025-03-31" }]);
  });

  test("one received on Tuesday 1 April 2025 by the new: 3 working days, due Friday 4 April, before the old one's due", () => {
    const d = deadline(riverside, "email.respond", "2025-04-01T09:00");
    expect([d.due, d.inForce]).toEqual(["2025-04-04T23:59:59.999+01:00", { from: "2025-04-01", to: undefined }]);
  });

  test("the local date of receipt decides, not the UTC date: 00:30 BST on 1 April is 23:30 UTC on 31 March", () => {
    expect(deadline(riverside, "email.respond", "2025-03-31T23:30:00Z").inForce?.from).toBe("2025-04-01");
    expect(deadline(riverside, "email.respond", "2025-03-31T22:59:59.999Z").inForce?.to).toBe("2025-03-31");
  });

  test("a receipt cut-off moves day 0, not the version: received 31 March at 17:30 after a 17:00 cut-off is the old version, counted from 1 April", () => {
    const cutoff = parseCharter({
      ...base,
      calendar: { ...base.calendar, receiptCutoff: "17:00" },
      standards: [before, after],
    });
    const d = deadline(cutoff, "email.respond", "2025-03-31T17:30");
    // Day 0 is Tuesday 1 April; 5 working days: 2, 3, 4, 7, 8 April.
    expect([d.inForce?.to, d.dueDate]).toEqual(["2025-03-31", "2025-04-08"]);
  });

  test("explain() names the version that applied", () => {
    expect(explain(deadline(riverside, "email.respond", "2025-04-01T09:00"))).toContain(
      "The version of this standard in force from Tuesday 1 April 2025 applied.",
    );
    const [e] = evaluate(riverside, email({ respondedAt: "2025-04-02T10:00" }), { now: "2025-06-01" });
    expect(explain(e as never)).toContain("The version of this standard in force until Monday 31 March 2025 applied.");
  });

  test("a standard received outside every period is omitted by evaluate(), as one of another channel is", () => {
    const ended = parseCharter({
      ...base,
      standards: [{ ...before, inForce: { from: "2024-01-01", to: "2025-03-31" } }],
    });
    expect(evaluate(ended, email({ receivedAt: "2025-04-01T10:00" }), { now: "2025-06-01" })).toEqual([]);
    expect(evaluate(ended, email({ receivedAt: "2023-12-31T10:00" }), { now: "2025-06-01" })).toEqual([]);
    expect(evaluate(ended, email({}), { now: "2025-06-01" }).map((e) => e.standardId)).toEqual(["email.respond"]);
  });

  test("deadline() for a date no version was in force on is a RangeError naming the date and the periods", () => {
    const ended = parseCharter({
      ...base,
      standards: [{ ...before, inForce: { from: "2024-01-01", to: "2025-03-31" } }],
    });
    expect(() => deadline(ended, "email.respond", "2025-04-01T10:00")).toThrow(RangeError);
    expect(() => deadline(ended, "email.respond", "2025-04-01T10:00")).toThrow(
      "Standard email.respond was not in force on 2025-04-01 (`receivedAt`): it was in force from 2024-01-01 to 2025-03-31",
    );
  });

  test("a report over March and April 2025 keeps one row per standard and says which versions judged how many", () => {
    const contacts = [
      email({ id: 1, respondedAt: "2025-04-07T12:00" }), // old version: due 7 April, met
      email({ id: 2, respondedAt: "2025-04-08T12:00" }), // old version: breached
      email({ id: 3, receivedAt: "2025-04-01T10:00", respondedAt: "2025-04-04T12:00" }), // new: due 4 April, met
      email({ id: 4, receivedAt: "2025-04-01T10:00", respondedAt: "2025-04-07T12:00" }), // new: breached
    ];
    const report = complianceReport(riverside, contacts, { now: "2025-06-01" });
    expect(report.standards).toEqual(["email.respond"]);
    const [row] = report.rows;
    expect([
      row?.met,
      row?.breached,
      row?.versions?.map((v) => [v.from, v.to, v.target.percent, v.met, v.breached]),
    ]).toEqual([
      2,
      2,
      [
        [null, "2025-03-31", 80, 1, 1],
        ["2025-04-01", null, 100, 1, 1],
      ],
    ]);
    // Each contact counts against its version's target: 100 × 2 met < 80 × 2 + 100 × 2 owed.
    expect([row?.target.percent, row?.achieved]).toEqual([100, false]);
  });

  test("each contact counts against its own version's target: 4 of 5 met under 80% and 1 of 1 under 100% achieves (500 met × 100 >= 80 × 5 + 100 × 1 = 500 owed), though 5 of 6 is below the latest target", () => {
    const reply = (id: number, receivedAt: string, respondedAt: string) => email({ id, receivedAt, respondedAt });
    const old = [1, 2, 3, 4].map((i) => reply(i, "2025-03-31T10:00", "2025-04-01T10:00"));
    const late = email({ id: 5, respondedAt: "2025-05-01T10:00" });
    const fresh = reply(6, "2025-04-01T10:00", "2025-04-02T10:00");
    const row = complianceReport(riverside, [...old, late, fresh], { now: "2025-06-01" }).rows[0];
    expect([row?.met, row?.breached, row?.target.percent, row?.achieved]).toEqual([5, 1, 100, true]);
    // One fewer met under the old version: 400 against 80 × 4 + 100 × 1 = 420.
    const row2 = complianceReport(riverside, [...old.slice(1), late, fresh], { now: "2025-06-01" }).rows[0];
    expect([row2?.met, row2?.breached, row2?.achieved]).toEqual([4, 1, false]);
  });

  test("mergeReports keeps the versions, associatively and commutatively", () => {
    const parts = [
      [email({ id: 1, respondedAt: "2025-04-01T10:00" })],
      [email({ id: 2, receivedAt: "2025-04-02T10:00", respondedAt: "2025-04-30T10:00" })],
      [email({ id: 3, receivedAt: "2025-04-03T10:00" }), email({ id: 4, receivedAt: "2025-03-03T10:00" })],
    ].map((list) => complianceReport(riverside, list, { now: "2025-06-01", by: "month" }));
    const [a, b, c] = parts as [never, never, never];
    const left = mergeReports(mergeReports(a, b), c);
    expect(mergeReports(a, mergeReports(b, c))).toEqual(left);
    expect(mergeReports(c, mergeReports(b, a))).toEqual(left);
    const whole = complianceReport(
      riverside,
      [
        email({ id: 1, respondedAt: "2025-04-01T10:00" }),
        email({ id: 2, receivedAt: "2025-04-02T10:00", respondedAt: "2025-04-30T10:00" }),
        email({ id: 3, receivedAt: "2025-04-03T10:00" }),
        email({ id: 4, receivedAt: "2025-03-03T10:00" }),
      ],
      { now: "2025-06-01", by: "month" },
    );
    expect(left.rows).toEqual(whole.rows);
    expect(whole.rows.map((r) => [r.period, r.versions?.length])).toEqual([
      ["2025-03", 1],
      ["2025-04", 1],
    ]);
  });

  test("a standard without a period has no versions in its rows, as before", () => {
    const plain = parseCharter({ ...base, standards: [{ ...after, inForce: undefined }] });
    const [row] = complianceReport(plain, [email({})], { now: "2025-06-01" }).rows;
    expect(row).not.toHaveProperty("versions");
  });
});

describe("promises with limits", () => {
  // Received Tuesday 1 April 2025: due Friday 4 April (3 working days); the limit allows a
  // promised date up to 2 further working days: the end of Tuesday 8 April.
  const promised = (promisedBy: string, respondedAt: string) =>
    evaluate(
      riverside,
      email({ receivedAt: "2025-04-01T10:00", acknowledgedAt: "2025-04-02T10:00", promisedBy, respondedAt }),
      { now: "2025-06-01" },
    )[0];

  test("a promised date within the limit (Tuesday 8 April), kept: met by the promise", () => {
    expect(promised("2025-04-08", "2025-04-08T16:00")).toMatchObject({
      status: "met",
      by: "promise",
      due: "2025-04-08T23:59:59.999+01:00",
      promiseIgnored: undefined,
      promiseLimit: { amount: 2, unit: "workingDays", latest: "2025-04-08T23:59:59.999+01:00" },
    });
  });

  test("a promised date beyond it (Wednesday 9 April) is ignored and noted: breached against the charter's own due", () => {
    const e = promised("2025-04-09", "2025-04-09T10:00");
    expect([e?.status, e?.due, e?.promiseIgnored]).toEqual([
      "breached",
      "2025-04-04T23:59:59.999+01:00",
      "beyond-limit",
    ]);
    expect(explain(e as never)).toContain(
      "The promised date was ignored: it is later than the charter lets a promise move the deadline (at most 2 working days further: by the end of Tuesday 8 April 2025).",
    );
  });

  test("a response by the charter's own due meets it whatever was promised", () => {
    expect(promised("2025-05-30", "2025-04-04T16:00")).toMatchObject({ status: "met", by: "response" });
  });

  test("reports count a promise beyond the limit among the ignored", () => {
    const report = complianceReport(
      riverside,
      [email({ receivedAt: "2025-04-01T10:00", acknowledgedAt: "2025-04-02T10:00", promisedBy: "2025-04-09" })],
      { now: "2025-06-01" },
    );
    expect(report.rows[0]?.promisesIgnored).toBe(1);
  });

  test("calendar days count every date: at most 7 further calendar days from Friday 4 April is Friday 11 April", () => {
    const weekLater = parseCharter({
      ...base,
      standards: [{ ...after, inForce: undefined, promiseLimit: { calendarDays: 7 } }],
    });
    const judge = (promisedBy: string) =>
      evaluate(weekLater, email({ receivedAt: "2025-04-01T10:00", acknowledgedAt: "2025-04-02T10:00", promisedBy }), {
        now: "2025-04-30",
      })[0]?.promiseIgnored;
    expect([judge("2025-04-11"), judge("2025-04-12")]).toEqual([undefined, "beyond-limit"]);
  });

  test('"agreed": a revised date agreed with the customer has no limit', () => {
    const agreed = parseCharter({
      ...base,
      standards: [
        { ...after, inForce: undefined, promiseLimit: { agreed: true, quote: "A revised date will be agreed." } },
      ],
    });
    const [e] = evaluate(
      agreed,
      email({
        receivedAt: "2025-04-01T10:00",
        acknowledgedAt: "2025-04-02T10:00",
        promisedBy: "2025-12-31",
        respondedAt: "2025-12-01T10:00",
      }),
      { now: "2026-01-31" },
    );
    expect([e?.status, e?.by, e?.promiseLimit]).toEqual(["met", "promise", undefined]);
  });
});

describe("hours and closures in force over a period", () => {
  const closedToThePublic = parseCharter({
    ...base,
    calendar: {
      ...base.calendar,
      schedules: {
        reception: [
          { ...week, inForce: { to: "2020-03-22" } },
          { ...week, wed: [["10:00", "17:00"]], inForce: { from: "2021-07-19" } },
        ],
      },
      closures: [{ from: "2020-12-21", to: "2021-01-08", name: "Winter closure", inForce: { from: "2021-01-04" } }],
      recurringClosures: [
        {
          name: "Staff day",
          every: { month: 6, weekday: "fri", nth: 1 },
          inForce: { from: "2022-01-01", to: "2023-12-31" },
        },
      ],
      datedHours: [
        { date: "2021-12-24", hours: [["09:00", "12:00"]], name: "Christmas Eve", inForce: { from: "2021-07-19" } },
      ],
    },
    standards: [
      {
        id: "visit.attend",
        channels: ["visit"],
        stage: "attend",
        limit: { minutes: 5 },
        scope: "office-hours",
        schedule: "reception",
        quote: "We see visitors within 5 minutes.",
      },
    ],
  });
  const cal = calendarFor(closedToThePublic);

  test("between a schedule's versions it is closed: a walk-in on Wednesday 1 April 2020 is not applicable, and the day is still a working day", () => {
    const [e] = evaluate(
      closedToThePublic,
      { channel: "visit", receivedAt: "2020-04-01T10:00" },
      { now: "2020-05-01" },
    );
    expect([e?.status, e?.reason]).toEqual(["not-applicable", "outside-office-hours"]);
    expect(cal.isWorkingDay("2020-04-01")).toBe(true);
    expect(deadline(closedToThePublic, "visit.attend", "2020-04-01T10:00").inScope).toBe(false);
  });

  test("each version's own hours: open at 09:30 on Wednesday 18 March 2020, not until 10:00 on Wednesday 21 July 2021", () => {
    const seen = (at: string) =>
      evaluate(
        closedToThePublic,
        { channel: "visit", receivedAt: at, attendedAt: `${at}:30` },
        { now: "2022-01-01" },
      )[0]?.status;
    expect([seen("2020-03-18T09:30"), seen("2021-07-21T09:30"), seen("2021-07-21T10:30")]).toEqual([
      "met",
      "not-applicable",
      "met",
    ]);
  });

  test("a closure closes only its dates within its period in force: 4 to 8 January 2021, not 21 to 31 December 2020", () => {
    expect(cal.isWorkingDay("2020-12-22")).toBe(true);
    expect(cal.isWorkingDay("2021-01-05")).toBe(false);
    expect(cal.addWorkingDays("2020-12-31", 1)).toBe("2021-01-11");
  });

  test("a recurring closure recurs only in its years: Friday 3 June 2022 and 2 June 2023, not 4 June 2021 or 7 June 2024", () => {
    expect(["2021-06-04", "2022-06-03", "2023-06-02", "2024-06-07"].map((d) => cal.isWorkingDay(d))).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  test("dated hours apply within their period: reception closes at 12:00 on Christmas Eve 2021", () => {
    expect([cal.isOpen("2021-12-24T11:00"), cal.isOpen("2021-12-24T12:30")]).toEqual([true, false]);
  });
});

describe("the rules of periods, versions and limits: a specific issue at the right path", () => {
  const cases: [string, unknown, string, (string | number)[], RegExp][] = [
    [
      "two versions of a standard in force on the same dates",
      { ...base, standards: [before, { ...after, inForce: { from: "2025-03-01" } }] },
      "overlapping_versions",
      ["standards", 1, "inForce"],
      /Standard "email\.respond" is in force from 2025-03-01, which overlaps the version at standards\[0\] \(in force until 2025-03-31\)/,
    ],
    [
      "a version without a period beside one with",
      { ...base, standards: [before, { ...after, inForce: undefined }] },
      "overlapping_versions",
      ["standards", 1, "id"],
      /in force at all times, which overlaps the version at standards\[0\]/,
    ],
    [
      "a period that ends before it starts",
      { ...base, standards: [{ ...before, inForce: { from: "2025-04-01", to: "2025-03-31" } }] },
      "empty_period",
      ["standards", 0, "inForce", "to"],
      /end on or after its first date, got 2025-04-01 to 2025-03-31/,
    ],
    [
      "a promise limit without allowPromise",
      { ...base, standards: [{ ...after, allowPromise: false }] },
      "promise_limit_without_promise",
      ["standards", 0, "promiseLimit"],
      /needs allowPromise: true/,
    ],
    [
      "a promise limit with two forms",
      { ...base, standards: [{ ...after, promiseLimit: { workingDays: 2, agreed: true } }] },
      "promise_limit_form",
      ["standards", 0, "promiseLimit"],
      /got workingDays and agreed/,
    ],
    [
      "exceptCategories on a standard that has a category",
      {
        ...base,
        standards: [
          { ...before, id: "email.complaint.respond", category: "complaint", exceptCategories: ["complaint"] },
        ],
      },
      "except_with_category",
      ["standards", 0, "exceptCategories"],
      /covers only "complaint"/,
    ],
    [
      "two versions of a schedule in force on the same dates",
      {
        ...base,
        calendar: {
          ...base.calendar,
          schedules: {
            reception: [
              { ...week, inForce: { to: "2020-03-22" } },
              { ...week, inForce: { from: "2020-03-01" } },
            ],
          },
        },
      },
      "overlapping_versions",
      ["calendar", "schedules", "reception", 1, "inForce"],
      /Schedule "reception" is in force from 2020-03-01/,
    ],
    [
      "a misspelt weekday inside a schedule version, reported at its own path",
      { ...base, calendar: { ...base.calendar, schedules: { reception: [{ ...week, mno: hours }] } } },
      "unrecognized_key",
      ["calendar", "schedules", "reception", 0, "mno"],
      /Unknown key "mno"/,
    ],
    [
      "a closure none of whose dates is in force",
      {
        ...base,
        calendar: { ...base.calendar, closures: [{ from: "2020-12-21", name: "x", inForce: { from: "2021-01-01" } }] },
      },
      "never_in_force",
      ["calendar", "closures", 0, "inForce"],
      /falls outside its own period in force \(from 2021-01-01\)/,
    ],
    [
      "a period citing a source the charter does not have",
      { ...base, standards: [{ ...before, inForce: { to: "2025-03-31", source: "gazette" } }] },
      "unknown_source",
      ["standards", 0, "inForce", "source"],
      /"gazette" is not the id of one of the charter's sources/,
    ],
  ];
  test.each(cases)("%s", (_what, input, code, path, message) => {
    const issues = issuesOf(input);
    const issue = issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.code).toBe(code);
    expect(issue?.message).toMatch(message);
  });
});

describe("exceptCategories: a general standard leaves some categories to a more specific one", () => {
  const charter = parseCharter({
    ...base,
    standards: [
      { ...after, inForce: undefined, exceptCategories: ["complaint"] },
      {
        id: "email.complaint.respond",
        channels: ["email"],
        category: "complaint",
        stage: "respond",
        limit: { workingDays: 15 },
        quote: "We answer complaints within 15 working days.",
      },
    ],
  });
  const ids = (category?: string) =>
    evaluate(charter, email(category === undefined ? {} : { category }), { now: "2025-06-01" }).map(
      (e) => e.standardId,
    );

  test("a complaint is judged by the complaint standard only; any other category, or none, by the general one", () => {
    expect([ids("complaint"), ids("noise"), ids()]).toEqual([
      ["email.complaint.respond"],
      ["email.respond"],
      ["email.respond"],
    ]);
  });
});

describe("layers and periods", () => {
  const layer = {
    id: "riverside-planning",
    name: "Riverside: planning",
    extends: "riverside",
    standards: {
      replace: [
        {
          ...after,
          limit: { workingDays: 2 },
          inForce: { from: "2025-06-01" },
          quote: "From June 2025 planning replies within 2 working days.",
          reason: "Planning answers sooner from June 2025.",
        },
      ],
    },
  };

  test("a replacement with a period replaces the base's standard on its dates only", () => {
    const planning = extendCharter(riverside, layer);
    expect(planning.standards.map((s) => [s.id, s.limit.workingDays, s.inForce?.from, s.inForce?.to])).toEqual([
      ["email.respond", 2, "2025-06-01", undefined],
      ["email.respond", 5, undefined, "2025-03-31"],
      ["email.respond", 3, "2025-04-01", "2025-05-31"],
    ]);
    expect(deadline(planning, "email.respond", "2025-05-30T10:00").dueDate).toBe("2025-06-04");
    expect(deadline(planning, "email.respond", "2025-06-02T10:00").dueDate).toBe("2025-06-04");
  });

  test("a replacement that lets a promise move the due date further loosens it, unless the variation is declared", () => {
    const looser = { ...layer.standards.replace[0], limit: { workingDays: 3 }, promiseLimit: { workingDays: 5 } };
    try {
      extendCharter(riverside, { ...layer, standards: { replace: [looser] } });
      throw new Error("expected a CharterError");
    } catch (e) {
      expect(e).toBeInstanceOf(CharterError);
      expect((e as CharterError).issues[0]?.message).toMatch(
        /a promised date may move the due date further: at most 5 working days further instead of at most 2 working days further/,
      );
    }
  });

  test("a layer's added standards may carry periods too", () => {
    const added = extendCharter(riverside, {
      id: "riverside-housing",
      name: "Riverside: housing",
      extends: "riverside",
      standards: {
        add: [
          {
            id: "letter.respond",
            channels: ["letter"],
            stage: "respond",
            limit: { workingDays: 10 },
            quote: "Housing answers letters within 10 working days.",
            inForce: { from: "2025-01-01" },
          },
        ],
      },
    });
    const at = (receivedAt: string) =>
      evaluate(added, { channel: "letter", receivedAt }, { now: "2025-06-01" }).map((e) => e.standardId);
    expect([at("2024-12-31T10:00"), at("2025-01-02T10:00")]).toEqual([[], ["letter.respond"]]);
  });
});
