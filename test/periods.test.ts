// Report periods: months, ISO weeks, quarters and financial years inside a reporting year
// (1 April by default, 1 January for Ontario), each row with its year to date; merging
// stays associative and commutative.
import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { daysFromCivil, formatDate } from "../src/calendar/civil.js";
import { copeland, dartford } from "../src/charters/index.js";
import { complianceReport, mergeReports, type Contact, type ReportBy } from "../src/index.js";
import { periodOf, readYearStart } from "../src/rules/periods.js";

const day = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return daysFromCivil(y, m, d);
};
const period = (iso: string, by: ReportBy, start = "04-01") => {
  const p = periodOf(day(iso), by, readYearStart(start, by));
  return [p.key, formatDate(p.start), formatDate(p.end), formatDate(p.yearFrom)];
};

describe("periods of the reporting year", () => {
  test("the UK financial year starts on 1 April: January 2026 is the fourth quarter of 2025/26", () => {
    expect(period("2026-01-15", "quarter")).toEqual(["2025/26 Q4", "2026-01-01", "2026-03-31", "2025-04-01"]);
    expect(period("2026-04-01", "quarter")).toEqual(["2026/27 Q1", "2026-04-01", "2026-06-30", "2026-04-01"]);
    expect(period("2026-03-31", "financial-year")).toEqual(["2025/26", "2025-04-01", "2026-03-31", "2025-04-01"]);
    expect(period("2027-03-31", "financial-year")).toEqual(["2026/27", "2026-04-01", "2027-03-31", "2026-04-01"]);
  });

  test("with --year-start 01-01 (Ontario municipalities) quarters are calendar quarters and the year is the calendar year", () => {
    expect(period("2026-01-15", "quarter", "01-01")).toEqual(["2026 Q1", "2026-01-01", "2026-03-31", "2026-01-01"]);
    expect(period("2026-12-31", "quarter", "01-01")).toEqual(["2026 Q4", "2026-10-01", "2026-12-31", "2026-01-01"]);
    expect(period("2026-07-01", "financial-year", "01-01")).toEqual(["2026", "2026-01-01", "2026-12-31", "2026-01-01"]);
  });

  test("a year that starts on the 6th has quarters from the 6th to the 5th", () => {
    expect(period("2026-04-05", "quarter", "04-06")).toEqual(["2025/26 Q4", "2026-01-06", "2026-04-05", "2025-04-06"]);
    expect(period("2026-07-05", "quarter", "04-06")).toEqual(["2026/27 Q1", "2026-04-06", "2026-07-05", "2026-04-06"]);
  });

  test("a month's year to date runs from 1 April; a week's from the Monday of the first week whose Thursday is in the year", () => {
    expect(period("2026-03-10", "month")).toEqual(["2026-03", "2026-03-01", "2026-03-31", "2025-04-01"]);
    expect(period("2026-04-10", "month")).toEqual(["2026-04", "2026-04-01", "2026-04-30", "2026-04-01"]);
    // 1 April 2026 is a Wednesday: the week of 30 March has its Thursday (2 April) in 2026/27.
    expect(period("2026-03-31", "week")).toEqual(["2026-W14", "2026-03-30", "2026-04-05", "2026-03-30"]);
    expect(period("2026-03-29", "week")).toEqual(["2026-W13", "2026-03-23", "2026-03-29", "2025-03-31"]);
  });

  test("a year start that is not MM-DD with a day from 01 to 28, or not the 1st by month, is a RangeError naming options.yearStart", () => {
    for (const bad of ["02-29", "4-1", "13-01", "00-10", 401])
      expect(() =>
        complianceReport(copeland, [], { now: "2027-01-01", by: "quarter", yearStart: bad as string }),
      ).toThrow(/`options.yearStart`/);
    expect(() => complianceReport(copeland, [], { now: "2027-01-01", by: "month", yearStart: "04-06" })).toThrow(
      /MM-01 when rows are by month/,
    );
    expect(() => complianceReport(copeland, [], { now: "2027-01-01", by: "year" as ReportBy })).toThrow(
      /`options.by` to be "month", "week", "quarter" or "financial-year"/,
    );
  });
});

// Dartford: letters, fax and e-mail answered in 10 working days, or by a promised date.
const letter = (received: string, responded?: string, extra: Partial<Contact> = {}): Contact => ({
  channel: "letter",
  receivedAt: received,
  ...(responded === undefined ? {} : { respondedAt: responded }),
  ...extra,
});

describe("a year to date, and the counts of the statutory tables, on hand-countable data", () => {
  const letters = [
    letter("2026-02-02T10:00", "2026-02-03T10:00"), // 2025/26 Q4: met
    letter("2026-03-30T10:00", "2026-04-20T10:00"), // Q4: breached, answered late (in Q1), outstanding at Q4's end
    letter("2026-04-06T10:00", "2026-04-07T10:00"), // 2026/27 Q1: met
    letter("2026-05-01T10:00", "2026-06-20T10:00"), // Q1: answered late
    letter("2026-06-29T10:00"), // Q1: outstanding, breached by now
    letter("2026-07-01T10:00", "2026-07-02T10:00"), // Q2: met
    letter("2026-07-06T10:00", "2026-07-30T10:00", {
      acknowledgedAt: "2026-07-07T10:00",
      promisedBy: "2026-07-31",
    }), // Q2: met within the promised date
  ];
  const report = complianceReport(dartford, letters, { now: "2026-09-30T17:00", by: "quarter" });
  const rows = report.rows.filter((r) => r.standardId === "letter.respond");

  test("each row has its period's dates, and the report its year start and the dates of its first and last receipt", () => {
    expect(rows.map((r) => [r.period, r.periodStart, r.periodEnd])).toEqual([
      ["2025/26 Q4", "2026-01-01", "2026-03-31"],
      ["2026/27 Q1", "2026-04-01", "2026-06-30"],
      ["2026/27 Q2", "2026-07-01", "2026-09-30"],
    ]);
    expect(report.yearStart).toBe("04-01");
    expect(report.received).toEqual({ first: "2026-02-02", last: "2026-07-06" });
  });

  test("the year to date starts again on 1 April", () => {
    expect(rows.map((r) => [r.yearToDate?.from, r.yearToDate?.to, r.yearToDate?.met, r.yearToDate?.breached])).toEqual([
      ["2025-04-01", "2026-03-31", 1, 1],
      ["2026-04-01", "2026-06-30", 1, 2],
      ["2026-04-01", "2026-09-30", 3, 2],
    ]);
    expect(rows[2]?.yearToDate?.metShare).toBe(0.6);
  });

  test("late is breached and answered; extended is met by a promise; outstanding is not answered by the period's end", () => {
    expect(rows.map((r) => [r.met, r.breached, r.late, r.extended, r.outstanding])).toEqual([
      [1, 1, 1, 0, 1],
      [1, 2, 1, 0, 1],
      [2, 0, 0, 1, 0],
    ]);
  });

  test("without periods, outstanding is counted at now, and there is no year start", () => {
    const flat = complianceReport(dartford, letters, { now: "2026-06-25T17:00" });
    const row = flat.rows.find((r) => r.standardId === "letter.respond");
    // At 25 June: the letter of 1 May (answered 20 June) is done; the one of 29 June is future.
    expect([row?.met, row?.breached, row?.pending, row?.outstanding, flat.future]).toEqual([2, 2, 0, 0, 3]);
    expect(flat.yearStart).toBeNull();
    expect(row?.yearToDate).toBeUndefined();
  });
});

// Letters and calls over two and a half years, from a seed: every row's year to date must
// equal a report without periods of the contacts received in its dates.
const anyContact = fc
  .record({
    day: fc.integer({ min: 0, max: 900 }),
    minute: fc.integer({ min: 0, max: 600 }),
    days: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    channel: fc.constantFrom("letter", "telephone"),
  })
  .map(({ day: d, minute, days, channel }): Contact => {
    const at = Date.UTC(2025, 0, 1, 8) + d * 86_400_000 + minute * 60_000;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
    if (channel === "telephone")
      return { channel, receivedAt: iso(at), ...(days === null ? {} : { answeredAt: iso(at + days * 1000) }) };
    return { channel, receivedAt: iso(at), ...(days === null ? {} : { respondedAt: iso(at + days * 86_400_000) }) };
  });
const anyPeriods = fc.record({
  by: fc.constantFrom<ReportBy>("month", "week", "quarter", "financial-year"),
  yearStart: fc.constantFrom("04-01", "01-01", "10-01", "04-06"),
});
const NOW = "2027-12-31T12:00";

describe("years to date and merging, for any contacts", () => {
  prop.prop([fc.array(anyContact, { maxLength: 80 }), anyPeriods])(
    "every row's year to date equals the report, without periods, of the contacts received from its first to its last date",
    (contacts, { by, yearStart }) => {
      const start = by === "month" ? yearStart.replace(/-\d\d$/, "-01") : yearStart;
      const report = complianceReport(dartford, contacts, { now: NOW, by, yearStart: start });
      for (const row of report.rows) {
        const ytd = row.yearToDate;
        expect(ytd).toBeDefined();
        if (ytd === undefined) continue;
        const inYear = contacts.filter((c) => {
          const date = String(c.receivedAt).slice(0, 10);
          return date >= ytd.from && date <= ytd.to;
        });
        const flat = complianceReport(dartford, inYear, { now: NOW }).rows.find((r) => r.standardId === row.standardId);
        expect([ytd.met, ytd.breached, ytd.pending, ytd.notApplicable, ytd.metShare, ytd.achieved]).toEqual([
          flat?.met,
          flat?.breached,
          flat?.pending,
          flat?.notApplicable,
          flat?.metShare,
          flat?.achieved,
        ]);
      }
    },
  );

  prop.prop([
    fc.array(anyContact, { maxLength: 30 }),
    fc.array(anyContact, { maxLength: 30 }),
    fc.array(anyContact, { maxLength: 30 }),
    anyPeriods,
  ])(
    "merging by quarter or financial year is associative and commutative, and equals the report of the whole",
    (x, y, z, p) => {
      const options = { now: NOW, by: p.by, yearStart: p.by === "month" ? "04-01" : p.yearStart, worst: 2 };
      const [a, b, c] = [x, y, z].map((part) => complianceReport(dartford, part, options)) as [never, never, never];
      expect(mergeReports(a, b)).toEqual(mergeReports(b, a));
      expect(mergeReports(mergeReports(a, b), c)).toEqual(mergeReports(a, mergeReports(b, c)));
      const whole = complianceReport(dartford, [...x, ...y, ...z], options);
      expect({ ...mergeReports(mergeReports(a, b), c), errors: [] }).toEqual({ ...whole, errors: [] });
    },
  );

  test("reports with different year starts cannot be merged", () => {
    expect(() =>
      mergeReports(
        complianceReport(dartford, [], { now: NOW, by: "quarter", yearStart: "04-01" }),
        complianceReport(dartford, [], { now: NOW, by: "quarter", yearStart: "01-01" }),
      ),
    ).toThrow(/`yearStart`/);
  });
});
