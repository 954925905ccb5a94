// The library's edges that issue 19 found open: a charter check that threw on a key named
// `length`, shared tables that could be changed, a contact from the future called pending,
// reports whose counts were taken on trust, and worst-breach lists that grew with periods.
import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { copeland, dartford } from "../src/charters/index.js";
import {
  bundledHolidays,
  CHANNELS,
  CONTACT_EVENTS,
  CONTACT_FIELD_NAMES,
  calendarFor,
  complianceReport,
  evaluate,
  explain,
  HOLIDAY_REGIONS,
  LIMIT_UNITS,
  mergeReports,
  STAGES,
  safeParseCharter,
} from "../src/index.js";

describe("safeParseCharter never throws, whatever JSON it is given", () => {
  test.each([
    ["a quote that is an object with a length key", { standards: [{ quote: { length: {} } }] }],
    ["an id with toString and valueOf keys", { id: { toString: {}, valueOf: {} } }],
    ["channels as an object with a length", { standards: [{ channels: { length: 2 } }] }],
    ["a time zone with a length", { calendar: { timeZone: { length: 3 } } }],
  ])("%s: issues, not an exception", (_what, value) => {
    const result = safeParseCharter(value);
    expect(result.success).toBe(false);
  });

  const hostileKey = fc.constantFrom("length", "toString", "valueOf", "constructor", "__proto__", "hasOwnProperty");
  const hostile = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.jsonValue({ maxDepth: 2 }),
      fc.dictionary(fc.oneof(hostileKey, fc.string()), tie("value"), { maxKeys: 4 }),
      fc.array(tie("value"), { maxLength: 3 }),
    ),
  })).value;
  const charterish = fc.record(
    {
      id: hostile,
      name: hostile,
      sources: hostile,
      calendar: hostile,
      standards: fc.array(
        fc.dictionary(fc.oneof(hostileKey, fc.constantFrom("quote", "limit", "id", "channels", "stage")), hostile, {
          maxKeys: 5,
        }),
      ),
    },
    { requiredKeys: [] },
  );
  prop.prop([fc.oneof(hostile, charterish)], { numRuns: 300 })("any JSON value, hostile keys included", (value) => {
    const result = safeParseCharter(value);
    expect(typeof result.success).toBe("boolean");
  });
});

describe("what the library hands out cannot be changed", () => {
  test("a bundled holiday table is frozen: changing its days is a TypeError, and later calendars are untouched", () => {
    const table = bundledHolidays("GB-ENG");
    const monday = Date.UTC(2026, 10, 23) / 86_400_000;
    expect(() => (table.days as Map<number, string>).set(monday, "Made up")).toThrow(TypeError);
    expect(() => (table.days as Map<number, string>).delete(monday)).toThrow(TypeError);
    expect(() => (table.days as Map<number, string>).clear()).toThrow(TypeError);
    expect(Object.isFrozen(table)).toBe(true);
    const fresh = { calendar: { ...copeland.calendar } };
    expect(calendarFor(fresh).isWorkingDay("2026-11-23")).toBe(true);
  });

  test.each([
    ["CHANNELS", CHANNELS],
    ["CONTACT_EVENTS", CONTACT_EVENTS],
    ["CONTACT_FIELD_NAMES", CONTACT_FIELD_NAMES],
    ["LIMIT_UNITS", LIMIT_UNITS],
    ["STAGES", STAGES],
    ["HOLIDAY_REGIONS", HOLIDAY_REGIONS],
  ])("%s is frozen", (_name, list) => {
    expect(Object.isFrozen(list)).toBe(true);
  });
});

describe("a contact received after now is future, in evaluate() as in reports", () => {
  const email = { channel: "email", receivedAt: "2026-12-10T10:00", respondedAt: "2026-12-11T10:00" } as const;

  test("evaluate() says future, never pending, for every standard that covers it", () => {
    const results = evaluate(copeland, email, { now: "2026-12-03T12:00" });
    expect(results.map((e) => [e.standardId, e.status, e.completedAt, e.atRisk])).toEqual([
      ["email.acknowledge", "future", null, false],
      ["email.respond", "future", null, false],
    ]);
    expect(explain(results[0] as (typeof results)[number])).toMatch(
      /Not yet received at Thursday 3 December 2026 at 12:00/,
    );
  });

  test("a report counts the same contact as future, not judged", () => {
    const report = complianceReport(copeland, [email], { now: "2026-12-03T12:00" });
    expect([report.contacts, report.future, report.rows.every((r) => r.inScope + r.notApplicable === 0)]).toEqual([
      1,
      1,
      true,
    ]);
  });
});

describe("mergeReports checks the counts it is given", () => {
  const calls = [5, 25, 40].map((s, i) => ({
    id: `c${i}`,
    channel: "telephone" as const,
    receivedAt: `2026-11-23T10:0${i}:00`,
    answeredAt: `2026-11-23T10:0${i}:${String(s).padStart(2, "0")}`,
  }));
  const good = complianceReport(dartford, calls, { now: "2026-11-24T00:00" });
  const withRow = (change: Record<string, unknown>) => ({
    ...good,
    rows: good.rows.map((r, i) => (i === 0 ? { ...r, ...change } : r)),
  });

  test.each([
    ["a negative count", withRow({ met: -1, inScope: 1 }), /a\.rows\[0\]\.met/],
    ["a fractional count", withRow({ met: 1.5 }), /a\.rows\[0\]\.met.*1\.5/],
    ["an infinite count", withRow({ breached: Number.POSITIVE_INFINITY }), /a\.rows\[0\]\.breached.*Infinity/],
    ["a string count", withRow({ met: "<script>alert('rows')</script>" }), /a\.rows\[0\]\.met/],
    ["counts that do not add up", withRow({ inScope: 99 }), /inScope \(99\) is not met \+ breached \+ pending/],
    [
      "more contacts counted than judged",
      withRow({ met: 100, inScope: 102 }),
      /counts 102 contacts, more than the 3 judged/,
    ],
    ["contacts as a string", { ...good, contacts: "3" }, /a\.contacts/],
  ])("%s is a TypeError naming the field", (_what, tampered, message) => {
    expect(() => mergeReports(tampered as never, good)).toThrow(TypeError);
    expect(() => mergeReports(tampered as never, good)).toThrow(message);
  });
});

describe("worst breaches are kept per standard, whatever the periods", () => {
  // A call a week for a year, each answered a minute late: 52 breaches in 52 periods.
  const calls = Array.from({ length: 52 }, (_, i) => {
    const day = new Date(Date.UTC(2026, 0, 5 + 7 * i));
    const date = day.toISOString().slice(0, 10);
    return {
      id: `w${i}`,
      channel: "telephone" as const,
      receivedAt: `${date}T10:00:00`,
      answeredAt: `${date}T10:01:0${i % 10}`,
    };
  });

  test("with by week and worst 3, the 3 latest of the year are listed, each in its week's row", () => {
    const report = complianceReport(dartford, calls, { now: "2027-01-31T00:00", by: "week", worst: 3 });
    const rows = report.rows.filter((r) => r.standardId === "telephone.answer");
    expect(rows).toHaveLength(52);
    const kept = rows.flatMap((r) => r.worst.map((w) => [r.period, w.contactId]));
    // 10:01:09 is the latest answer (i % 10 === 9: w9, w19, w29, w39, w49); equal lateness is ordered
    // by id as text, so w19, w29 and w39 are kept: Mondays 18 May, 27 July and 5 October 2026.
    expect(kept).toEqual([
      ["2026-W21", "w19"],
      ["2026-W31", "w29"],
      ["2026-W41", "w39"],
    ]);
  });

  test("merging the halves keeps the same 3 as the whole", () => {
    const options = { now: "2027-01-31T00:00", by: "week", worst: 3 } as const;
    const whole = complianceReport(dartford, calls, options);
    const merged = mergeReports(
      complianceReport(dartford, calls.slice(0, 20), options),
      complianceReport(dartford, calls.slice(20), { ...options, firstIndex: 20 }),
    );
    expect(merged.rows).toEqual(whole.rows);
  });
});

describe("the calendar calendarFor() returns", () => {
  test("has the documented methods and properties, and nothing of the engine behind it", () => {
    const cal = calendarFor(copeland);
    expect(Object.keys(cal).sort()).toEqual([
      "firstYear",
      "holidayRegion",
      "lastYear",
      "receiptCutoffMinutes",
      "timeZone",
    ]);
    const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(cal))
      .filter((n) => n !== "constructor")
      .sort();
    expect(methods).toEqual([
      "addOfficeTime",
      "addWorkingDays",
      "isOpen",
      "isWorkingDay",
      "localDate",
      "nextOpening",
      "nonWorkingDays",
      "officeTimeBetween",
      "workingDaysBetween",
    ]);
    expect(["zone", "days", "office"].filter((k) => k in cal)).toEqual([]);
    expect(Object.isFrozen(cal)).toBe(true);
  });
});
