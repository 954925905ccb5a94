// Problems as data: every error for bad input carries a code from a closed union and the parameters its
// message is built from, so code that handles it branches on the code (the command does), never on the text.
import { describe, expect, test } from "vitest";
import { copeland, dartford } from "../src/charters/index.js";
import {
  calendarFor,
  complianceReport,
  deadline,
  evaluate,
  intervalReport,
  type IntervalCounts,
  problemOf,
  safeParseCharter,
  type CharterIssue,
  type Contact,
  type ProblemCode,
} from "../src/index.js";
import { fieldOf, messageOf } from "../src/problems.js";
import { ISSUE_MESSAGES } from "../src/words.js";

const NOW = "2026-06-30T12:00";
const ok: Contact = { id: 1, channel: "email", receivedAt: "2026-06-01T10:00" };

/** A contact, one field spoiled, with the code and field the skip must carry. */
const SPOILED: readonly [string, Record<string, unknown>, ProblemCode, string | undefined][] = [
  ["an id that is an object", { id: {} }, "invalid", "id"],
  ["an unknown channel", { channel: "pigeon" }, "not_one_of", "channel"],
  ["no receipt", { receivedAt: "" }, "invalid", "receivedAt"],
  ["a category that is a number", { category: 7 }, "invalid", "category"],
  ["an instant that is not one", { receivedAt: "yesterday" }, "invalid", "receivedAt"],
  ["a receipt beyond the holiday table", { receivedAt: "2300-01-01T10:00" }, "year_out_of_range", "receivedAt"],
  ["a response in a year no table covers", { respondedAt: 1e17 }, "year_out_of_range", "respondedAt"],
  ["a response before the receipt", { respondedAt: "2026-05-01T10:00" }, "before", "respondedAt"],
  ["an email abandoned", { abandonedAt: "2026-06-01T11:00" }, "not_a_call", "abandonedAt"],
  ["pauses that are not a list", { pauses: "soon" }, "invalid", "pauses"],
  ["a pause that is a string", { pauses: ["soon"] }, "invalid", "pauses"],
  [
    "a pause that ends as it starts",
    { pauses: [{ from: "2026-06-02T10:00", to: "2026-06-02T10:00" }] },
    "empty_pause",
    "pauses",
  ],
  [
    "overlapping pauses",
    {
      pauses: [
        { from: "2026-06-02T10:00", to: "2026-06-03T10:00" },
        { from: "2026-06-02T12:00", to: "2026-06-04T10:00" },
      ],
    },
    "overlapping_pauses",
    "pauses",
  ],
];

describe("a skipped contact says what was wrong as a code and a field", () => {
  test.each(SPOILED)("%s", (_what, change, code, field) => {
    const report = complianceReport(copeland, [ok, { ...ok, id: 2, ...change }], { now: NOW });
    expect(report.skipped).toBe(1);
    const skipped = report.errors[0];
    expect(skipped?.code).toBe(code);
    expect(skipped?.field).toBe(field);
    // The same contact through evaluate() throws an error that carries the same code.
    const thrown = (() => {
      try {
        evaluate(copeland, { ...ok, ...change } as Contact, { now: NOW });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    const problem = problemOf(thrown);
    expect(problem?.code).toBe(code);
    // The message is built from the parameters the error carries, and from nothing else.
    expect(problem === undefined ? undefined : messageOf(problem)).toBe((thrown as Error).message);
    expect(skipped?.message).toBe((thrown as Error).message);
  });

  test("a contact whose fields cannot be read is unreadable, with the reason", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("revoked");
        },
        has() {
          throw new Error("revoked");
        },
        getOwnPropertyDescriptor() {
          throw new Error("revoked");
        },
      },
    );
    const report = complianceReport(copeland, [hostile as Contact], { now: NOW });
    expect(report.errors[0]).toMatchObject({ code: "unreadable", field: undefined });
    expect(report.errors[0]?.message).toContain("revoked");
  });

  test.each([
    ["more answered than offered", { answered: 50 }, "interval_counts", undefined],
    ["a count that is not one", { offered: -1 }, "invalid", "offered"],
    ["a threshold that is not the limit", { thresholdSeconds: 30 }, "interval_threshold", "thresholdSeconds"],
    [
      "no short abandons under by-limit",
      { abandonedWithin: undefined },
      "interval_needs_short_abandons",
      "abandonedWithin",
    ],
  ] as const)("an interval's counts: %s", (_what, change, code, field) => {
    const interval = {
      intervalStart: "2026-06-01T10:00",
      intervalMinutes: 30,
      channel: "telephone",
      offered: 40,
      answered: 34,
      answeredWithin: 25,
      thresholdSeconds: 20,
      abandoned: 5,
      abandonedWithin: 2,
      ...change,
    } as IntervalCounts;
    const report = intervalReport(dartford, [interval], { now: NOW });
    expect(report.errors[0]).toMatchObject({ code, field });
  });
});

describe("every error for a bad argument carries its code and parameters", () => {
  const cases: readonly [string, () => unknown, ProblemCode, Record<string, unknown>][] = [
    ["a date that is not one", () => calendarFor(copeland).isWorkingDay("2026-02-30"), "invalid", { name: "date" }],
    [
      "an unknown standard",
      () => deadline(copeland, "pigeon.respond", "2026-06-01T10:00"),
      "unknown_standard",
      { name: "standardId", value: "pigeon.respond" },
    ],
    [
      "a count past the table",
      () => calendarFor(copeland).addWorkingDays("2099-12-01", 400),
      "count_out_of_range",
      { n: 400 },
    ],
    [
      "a report option of no policy",
      () => complianceReport(copeland, [], { now: NOW, abandoned: "some" as "missed" }),
      "invalid",
      { name: "options.abandoned" },
    ],
  ];
  test.each(cases)("%s", (_what, run, code, params) => {
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const problem = problemOf(thrown);
    expect(problem?.code).toBe(code);
    expect(problem?.params).toMatchObject(params);
    expect(problem === undefined ? "" : messageOf(problem)).toBe((thrown as Error).message);
  });

  test("fieldOf reads the field from the name, whatever the index", () => {
    expect(fieldOf({ code: "invalid", params: { name: "contact.pauses[3].from", expected: "", value: 1 } })).toBe(
      "pauses",
    );
    expect(fieldOf({ code: "invalid", params: { name: "interval.offered", expected: "", value: 1 } })).toBe("offered");
    expect(fieldOf({ code: "invalid", params: { name: "options.now", expected: "", value: 1 } })).toBeUndefined();
    expect(fieldOf({ code: "interval_counts", params: { what: "x" } })).toBeUndefined();
  });

  test("an error that is not council-sla's has no problem", () => {
    expect(problemOf(new TypeError("x"))).toBeUndefined();
    expect(problemOf("x")).toBeUndefined();
    expect(problemOf(Object.assign(new TypeError("x"), { code: "ERR_SOMETHING", params: {} }))).toBeUndefined();
  });
});

describe("a charter issue carries the parameters its message was built from", () => {
  const issues = (value: unknown): readonly CharterIssue[] => {
    const result = safeParseCharter(value);
    return result.success ? [] : result.issues;
  };
  const broken = structuredClone(copeland) as unknown as {
    standards: Record<string, unknown>[];
    calendar: Record<string, unknown>;
  };

  test("a rule between fields: its message is ISSUE_MESSAGES[code](params)", () => {
    const charter = structuredClone(broken);
    (charter.standards[0] as Record<string, unknown>).id = (charter.standards[1] as Record<string, unknown>).id;
    const found = issues(charter).filter((i) => i.code !== "invalid_type");
    expect(found.length).toBeGreaterThan(0);
    for (const issue of found) {
      if (
        issue.code in ISSUE_MESSAGES &&
        !["invalid_value", "too_small", "too_big", "invalid_format", "invalid_union", "invalid_input"].includes(
          issue.code,
        )
      ) {
        const message = (ISSUE_MESSAGES[issue.code] as (p: unknown) => string)(issue.params);
        expect(message).toBe(issue.message);
      }
    }
  });

  test("a shape problem keeps zod's parameters: the value and what was expected", () => {
    const charter = structuredClone(broken);
    charter.calendar.workingWeek = ["mon", "funday"];
    const issue = issues(charter).find((i) => i.code === "invalid_value");
    expect(issue?.params).toMatchObject({ input: "funday" });
    expect(issue?.code === "invalid_value" ? issue.params.values : undefined).toContain("mon");
  });

  test("a field format (a date) carries the value", () => {
    const charter = structuredClone(broken);
    charter.calendar.closures = [{ from: "2026-13-01", name: "x", quote: "x" }];
    const issue = issues(charter).find((i) => i.code === "invalid_date");
    expect(issue?.params).toEqual({ input: "2026-13-01" });
  });
});
