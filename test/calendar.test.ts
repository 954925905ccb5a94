import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { CharterError, calendarFor, type HolidayTable } from "../src/index.js";
import { NINE_TO_FIVE, england, fromDay, ontario, referenceCalendar, toDay, weekdays } from "./support.js";

const cal = calendarFor(england);

describe("working days in England and Wales", () => {
  test("Friday + 1 working day is the Monday", () => {
    expect(cal.addWorkingDays("2026-11-20", 1)).toBe("2026-11-23");
  });

  test("a Saturday start: the first working day after it is the Monday", () => {
    expect(cal.addWorkingDays("2026-11-21", 1)).toBe("2026-11-23");
    expect(cal.workingDaysBetween("2026-11-21", "2026-11-23")).toBe(1);
  });

  test("0 working days is the date itself, even a Sunday", () => {
    expect(cal.addWorkingDays("2026-11-22", 0)).toBe("2026-11-22");
  });

  test("Christmas 2026: Friday 25th, weekend, Monday 28th substitute Boxing Day, so Thursday 24th + 1 is Tuesday 29th", () => {
    expect(cal.addWorkingDays("2026-12-24", 1)).toBe("2026-12-29");
    expect(cal.nonWorkingDays("2026-12-24", "2026-12-29")).toEqual([
      { date: "2026-12-25", reason: "holiday", name: "Christmas Day" },
      { date: "2026-12-26", reason: "weekend" },
      { date: "2026-12-27", reason: "weekend" },
      { date: "2026-12-28", reason: "holiday", name: "Boxing Day (substitute day)" },
    ]);
  });

  test("Christmas 2027: Saturday and Sunday, so Monday 27th and Tuesday 28th are substitutes; Friday 24th + 1 is Wednesday 29th", () => {
    expect(cal.isWorkingDay("2027-12-27")).toBe(false);
    expect(cal.isWorkingDay("2027-12-28")).toBe(false);
    expect(cal.addWorkingDays("2027-12-24", 1)).toBe("2027-12-29");
    expect(cal.workingDaysBetween("2027-12-24", "2027-12-31")).toBe(3);
  });

  test("Easter 2027: Good Friday 26 March and Easter Monday 29 March, so Thursday 25th + 1 is Tuesday 30th", () => {
    expect(cal.addWorkingDays("2027-03-25", 1)).toBe("2027-03-30");
    expect(cal.nonWorkingDays("2027-03-26", "2027-03-29").map((d) => d.name ?? d.reason)).toEqual([
      "Good Friday",
      "weekend",
      "weekend",
      "Easter Monday",
    ]);
  });

  test("2022-09-19, the State Funeral of Queen Elizabeth II, was a one-off bank holiday", () => {
    expect(cal.addWorkingDays("2022-09-16", 1)).toBe("2022-09-20");
    expect(cal.nonWorkingDays("2022-09-19", "2022-09-19")).toEqual([
      { date: "2022-09-19", reason: "holiday", name: "Bank Holiday for the State Funeral of Queen Elizabeth II" },
    ]);
  });

  test("2023-05-08, the coronation of King Charles III, was a one-off bank holiday", () => {
    expect(cal.addWorkingDays("2023-05-05", 1)).toBe("2023-05-09");
  });

  test("counting back: 1 working day before Tuesday 29 December 2026 is Thursday 24th", () => {
    expect(cal.addWorkingDays("2026-12-29", -1)).toBe("2026-12-24");
    expect(cal.workingDaysBetween("2026-12-29", "2026-12-24")).toBe(-1);
  });

  test("10,000 working days either way and back", () => {
    const ahead = cal.addWorkingDays("2050-06-15", 10_000);
    expect(cal.workingDaysBetween("2050-06-15", ahead)).toBe(10_000);
    const back = cal.addWorkingDays("2050-06-15", -10_000);
    expect(cal.workingDaysBetween(back, "2050-06-15")).toBe(10_000);
  });
});

describe("closures and extra working dates", () => {
  const closed = {
    calendar: {
      ...england.calendar,
      closures: [{ from: "2026-08-03", to: "2026-08-14", name: "Office move" }],
      extraWorkingDates: [{ date: "2026-12-28", name: "Open on the substitute Boxing Day" }],
    },
  };
  const c = calendarFor(closed);

  test("a closure of two weeks: Friday 31 July + 1 working day is Monday 17 August", () => {
    expect(c.addWorkingDays("2026-07-31", 1)).toBe("2026-08-17");
    const days = c.nonWorkingDays("2026-08-03", "2026-08-14");
    expect(days.filter((d) => d.reason === "closure")).toHaveLength(10);
    expect(days.find((d) => d.date === "2026-08-03")).toEqual({
      date: "2026-08-03",
      reason: "closure",
      name: "Office move",
    });
    expect(days.find((d) => d.date === "2026-08-08")).toEqual({ date: "2026-08-08", reason: "weekend" });
  });

  test("an extra working date overrides the holiday table", () => {
    expect(c.isWorkingDay("2026-12-28")).toBe(true);
    expect(c.addWorkingDays("2026-12-24", 1)).toBe("2026-12-28");
  });

  test("a date both closed and an extra working date is a charter error at its path", () => {
    const bad = {
      calendar: {
        ...england.calendar,
        closures: [{ from: "2026-12-28", name: "x" }],
        extraWorkingDates: [{ date: "2026-12-28" }],
      },
    };
    expect(() => calendarFor(bad)).toThrow(CharterError);
    try {
      calendarFor(bad);
    } catch (e) {
      expect((e as CharterError).issues).toEqual([
        expect.objectContaining({ code: "conflict", path: ["calendar", "extraWorkingDates", 0, "date"] }),
      ]);
    }
  });
});

describe("office hours", () => {
  const lunch = calendarFor({
    calendar: {
      ...england.calendar,
      officeHours: weekdays([
        ["09:00", "12:30"],
        ["13:30", "17:00"],
      ]),
    },
  });

  test("with a lunch break: open until 12:29:59.999, closed at 12:30, open again at 13:30", () => {
    expect(lunch.isOpen("2026-11-23T12:29:59.999")).toBe(true);
    expect(lunch.isOpen("2026-11-23T12:30")).toBe(false);
    expect(lunch.isOpen("2026-11-23T13:30")).toBe(true);
    expect(lunch.nextOpening("2026-11-23T12:45")).toBe("2026-11-23T13:30:00.000+00:00");
  });

  test("an hour of office time from 12:00 runs past lunch to 14:00", () => {
    expect(lunch.addOfficeTime("2026-11-23T12:00", 3_600_000)).toBe("2026-11-23T14:00:00.000+00:00");
    expect(lunch.officeTimeBetween("2026-11-23T00:00", "2026-11-24T00:00")).toBe(7 * 3_600_000);
  });

  test("office time that runs out exactly at closing ends at closing, not next morning", () => {
    expect(lunch.addOfficeTime("2026-11-23T16:00", 3_600_000)).toBe("2026-11-23T17:00:00.000+00:00");
  });

  test("a Friday-evening start runs on Monday morning; the weekend does not count", () => {
    expect(cal.addOfficeTime("2026-11-20T18:00", 2 * 3_600_000)).toBe("2026-11-23T11:00:00.000+00:00");
    expect(cal.officeTimeBetween("2026-11-20T16:00", "2026-11-23T10:00")).toBe(2 * 3_600_000);
    expect(cal.officeTimeBetween("2026-11-23T10:00", "2026-11-20T16:00")).toBe(-2 * 3_600_000);
  });

  test("closed all day on a bank holiday: next opening after Christmas Eve 2026 closing is Tuesday 29th", () => {
    expect(cal.isOpen("2026-12-28T10:00")).toBe(false);
    expect(cal.nextOpening("2026-12-24T17:00")).toBe("2026-12-29T09:00:00.000+00:00");
  });

  test("isOpen is true from opening (inclusive) to closing (exclusive)", () => {
    expect(cal.isOpen("2026-11-23T09:00")).toBe(true);
    expect(cal.isOpen("2026-11-23T08:59:59.999")).toBe(false);
    expect(cal.isOpen("2026-11-23T17:00")).toBe(false);
    expect(cal.nextOpening("2026-11-23T10:00")).toBe("2026-11-23T10:00:00.000+00:00");
  });
});

describe("clock changes", () => {
  const always = (timeZone: string) =>
    calendarFor({
      calendar: {
        timeZone,
        holidays: timeZone === "Europe/London" ? "GB-ENG" : "CA-ON",
        workingWeek: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        officeHours: Object.fromEntries(
          ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [["00:00", "24:00"]]]),
        ),
      },
    });

  test.each([
    ["Europe/London", "2026-03-29", 23],
    ["Europe/London", "2026-10-25", 25],
    ["America/Toronto", "2026-03-08", 23],
    ["America/Toronto", "2026-11-01", 25],
  ])("%s: %s, a clock-change day, has %i hours of office time in a 24-hour office", (zone, date, hours) => {
    const c = always(zone);
    const next = fromDay(toDay(date) + 1);
    expect(c.officeTimeBetween(`${date}T00:00`, `${next}T00:00`)).toBe(hours * 3_600_000);
  });

  test("London: the last minutes of the 23-hour day are still that local date", () => {
    expect(cal.localDate("2026-03-29T22:59:59.999Z")).toBe("2026-03-29");
    expect(cal.localDate("2026-03-29T23:00:00.000Z")).toBe("2026-03-30");
    expect(cal.localDate("2026-10-25T23:59:59.999Z")).toBe("2026-10-25");
  });

  test("Toronto: 23:30 local on the 25-hour day is 04:30Z the next UTC day", () => {
    const on = calendarFor(ontario);
    expect(on.localDate("2026-11-02T04:30:00Z")).toBe("2026-11-01");
    expect(on.localDate("2026-11-02T05:00:00Z")).toBe("2026-11-02");
  });

  test("office hours after spring forward are in summer time", () => {
    expect(cal.nextOpening("2026-03-29T12:00")).toBe("2026-03-30T09:00:00.000+01:00");
    expect(cal.isOpen("2026-03-30T08:00:00Z")).toBe(true);
  });
});

describe("bad input", () => {
  test("a date that is not YYYY-MM-DD is a TypeError naming the argument and the value", () => {
    expect(() => cal.isWorkingDay("2026-02-30")).toThrow(
      new TypeError('Expected `date` to be a calendar date written YYYY-MM-DD, got "2026-02-30"'),
    );
    expect(() => cal.addWorkingDays("3/12/2026", 1)).toThrow(/`date`.*"3\/12\/2026"/);
    expect(() => cal.workingDaysBetween("2026-12-01", new Date() as unknown as string)).toThrow(/`b`.*a Date/);
  });

  test.each([2.5, Number.NaN, Infinity, 100_001, -100_001])("n = %s is a RangeError", (n) => {
    expect(() => cal.addWorkingDays("2026-12-01", n)).toThrow(RangeError);
    expect(() => cal.addWorkingDays("2026-12-01", n)).toThrow(/`n`/);
  });

  test("a year outside the holiday table says which years are covered and how to supply more", () => {
    expect(() => cal.isWorkingDay("2100-01-04")).toThrow(RangeError);
    expect(() => cal.isWorkingDay("2100-01-04")).toThrow(/2000 to 2099.*date-holidays/);
    expect(() => cal.addWorkingDays("2099-12-30", 5)).toThrow(/goes past 2099-12-31/);
  });

  test("a holiday table supplied by the caller covers more years", () => {
    const table: HolidayTable = {
      region: "GB-ENG",
      title: "England and Wales, extended",
      firstYear: 2100,
      lastYear: 2100,
      source: "test",
      days: new Map([[toDay("2100-01-01"), "New Year’s Day"]]),
    };
    const c = calendarFor(england, { holidays: table });
    expect(c.isWorkingDay("2100-01-01")).toBe(false);
    expect(c.addWorkingDays("2100-01-01", 1)).toBe("2100-01-04");
  });

  test("a bad instant is a RangeError naming the argument", () => {
    expect(() => cal.localDate("yesterday")).toThrow(RangeError);
    expect(() => cal.localDate("yesterday")).toThrow(/`t`.*"yesterday"/);
    expect(() => cal.localDate(Number.NaN)).toThrow(RangeError);
    expect(() => cal.localDate(new Date("nope"))).toThrow(/Invalid Date/);
    expect(() => cal.isOpen({} as unknown as string)).toThrow(TypeError);
    expect(() => cal.addOfficeTime("2026-11-23T10:00", -1)).toThrow(/`ms`/);
  });

  test.each([
    ["an unknown zone", { timeZone: "Europe/Londn" }, ["calendar", "timeZone"], /Europe\/Londn/],
    ["an unknown region", { holidays: "GB-WLS" }, ["calendar", "holidays"], /GB-WLS/],
    ["a misspelt key", { workingDay: ["mon"] }, ["calendar", "workingDay"], /Unknown key "workingDay"/],
    [
      "hours that end before they start",
      { officeHours: weekdays([["17:00", "09:00"]]) },
      ["calendar", "officeHours", "mon", 0],
      /17:00 to 09:00/,
    ],
    [
      "overlapping hours",
      {
        officeHours: weekdays([
          ["09:00", "13:00"],
          ["12:00", "17:00"],
        ]),
      },
      ["calendar", "officeHours", "mon", 1],
      /overlap/,
    ],
    [
      "a working weekday without hours",
      { officeHours: { mon: NINE_TO_FIVE } },
      ["calendar", "officeHours", "tue"],
      /no office hours/,
    ],
    ["a malformed time", { receiptCutoff: "5pm" }, ["calendar", "receiptCutoff"], /"5pm"/],
  ])("%s is a CharterError at its JSON path", (_what, change, path, message) => {
    const bad = { calendar: { ...england.calendar, ...change } };
    let error: unknown;
    try {
      calendarFor(bad as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CharterError);
    expect(error).toBeInstanceOf(TypeError);
    const issue = (error as CharterError).issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
    expect(issue?.message).toMatch(message);
  });

  test("the calendar is memoised per charter object", () => {
    expect(calendarFor(england)).toBe(cal);
  });

  test("the input is never mutated", () => {
    const input = JSON.parse(JSON.stringify(england)) as typeof england;
    const before = JSON.stringify(input);
    calendarFor(input).addWorkingDays("2026-12-24", 3);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe("laws (fast-check)", () => {
  const ref = referenceCalendar("GB-ENG");
  const anyDay = fc.integer({ min: toDay("2002-01-01"), max: toDay("2095-12-31") });
  const smallN = fc.integer({ min: 0, max: 400 });

  prop.prop([anyDay, smallN])("workingDaysBetween(d, addWorkingDays(d, n)) === n", (d, n) => {
    const date = fromDay(d);
    expect(cal.workingDaysBetween(date, cal.addWorkingDays(date, n))).toBe(n);
  });

  prop.prop([anyDay, smallN])(
    "counting back from a working day: workingDaysBetween(d, addWorkingDays(d, -n)) === -n",
    (d, n) => {
      const day = ref.isWorking(d) ? d : ref.add(d, 1);
      const date = fromDay(day);
      expect(cal.workingDaysBetween(date, cal.addWorkingDays(date, -n))).toBe(-n || 0);
    },
  );

  prop.prop([anyDay, smallN, smallN])(
    "addWorkingDays(d, a + b) === addWorkingDays(addWorkingDays(d, a), b)",
    (d, a, b) => {
      const date = fromDay(d);
      expect(cal.addWorkingDays(date, a + b)).toBe(cal.addWorkingDays(cal.addWorkingDays(date, a), b));
    },
  );

  prop.prop([anyDay, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 60 })])(
    "monotone: a later start never gives an earlier result",
    (d, gap, n) => {
      expect(cal.addWorkingDays(fromDay(d + gap), n) >= cal.addWorkingDays(fromDay(d), n)).toBe(true);
    },
  );

  prop.prop([anyDay, fc.integer({ min: -60, max: 60 })])("agrees with a day-by-day reference", (d, n) => {
    expect(cal.addWorkingDays(fromDay(d), n)).toBe(fromDay(ref.add(d, n)));
    expect(cal.isWorkingDay(fromDay(d))).toBe(ref.isWorking(d));
  });

  prop.prop([anyDay, fc.integer({ min: -90, max: 90 })])(
    "workingDaysBetween agrees with the reference and is antisymmetric",
    (a, gap) => {
      const x = fromDay(a);
      const y = fromDay(a + gap);
      expect(cal.workingDaysBetween(x, y)).toBe(ref.between(a, a + gap));
      expect(cal.workingDaysBetween(y, x)).toBe(-ref.between(a, a + gap) || 0);
    },
  );

  prop.prop([anyDay, fc.integer({ min: 1, max: 60 })])(
    "a positive count always lands on a later working day",
    (d, n) => {
      const result = cal.addWorkingDays(fromDay(d), n);
      expect(cal.isWorkingDay(result)).toBe(true);
      expect(result > fromDay(d)).toBe(true);
    },
  );

  const minute = 60_000;
  const anyMinute = fc.integer({ min: Date.UTC(2020, 0, 1) / minute, max: Date.UTC(2030, 0, 1) / minute });
  prop.prop([anyMinute, fc.integer({ min: 0, max: 3 * 24 * 60 })])(
    "officeTimeBetween agrees with minute-by-minute stepping",
    (start, length) => {
      const lunch = calendarFor({
        calendar: {
          ...england.calendar,
          officeHours: weekdays([
            ["09:00", "12:30"],
            ["13:30", "17:00"],
          ]),
        },
      });
      let open = 0;
      for (let m = start; m < start + length; m++) if (lunch.isOpen(m * minute)) open += minute;
      expect(lunch.officeTimeBetween(start * minute, (start + length) * minute)).toBe(open);
    },
  );

  prop.prop([anyMinute, fc.integer({ min: 0, max: 40 * 3_600_000 })])(
    "addOfficeTime then officeTimeBetween gives the time back",
    (start, ms) => {
      const end = cal.addOfficeTime(start * minute, ms);
      expect(cal.officeTimeBetween(start * minute, end)).toBe(ms);
      expect(Date.parse(end) >= start * minute).toBe(true);
    },
  );
});

describe("reading dates at the edges of the table", () => {
  test("the first and last covered dates are read; the days either side are out of range", () => {
    expect(cal.isWorkingDay("2000-01-04")).toBe(true);
    expect(cal.isWorkingDay("2099-12-31")).toBe(true);
    expect(() => cal.isWorkingDay("1999-12-31")).toThrow(RangeError);
    expect(() => cal.isWorkingDay("2100-01-01")).toThrow(RangeError);
  });

  test("29 February exists only in leap years; 31 April never", () => {
    expect(cal.isWorkingDay("2028-02-29")).toBe(true);
    expect(() => cal.isWorkingDay("2027-02-29")).toThrow(TypeError);
    expect(() => cal.isWorkingDay("2000-02-29")).not.toThrow();
    expect(() => cal.isWorkingDay("2026-04-31")).toThrow(TypeError);
    expect(() => cal.isWorkingDay("2026-00-10")).toThrow(TypeError);
    expect(() => cal.isWorkingDay("2026-1a-10")).toThrow(TypeError);
  });

  prop.prop([fc.integer({ min: toDay("2000-01-01"), max: toDay("2099-12-31") })])(
    "every covered date reads back as itself",
    (d) => {
      const date = fromDay(d);
      expect(cal.workingDaysBetween(date, date)).toBe(0);
      expect(cal.addWorkingDays(date, 0)).toBe(date);
      expect(cal.isWorkingDay(date)).toBe(referenceCalendar("GB-ENG").isWorking(d));
    },
  );
});

describe("office hours across clock-change gaps", () => {
  const ZONES = [
    "Europe/London",
    "America/Los_Angeles",
    "America/Toronto",
    "Pacific/Chatham",
    "Asia/Kolkata",
    "Pacific/Apia",
    "America/St_Johns",
    "Australia/Lord_Howe",
  ];
  const every = [
    ["00:30", "01:10"],
    ["01:30", "02:15"],
    ["02:30", "03:15"],
    ["09:00", "17:00"],
  ] as [string, string][];
  const week = { mon: every, tue: every, wed: every, thu: every, fri: every, sat: every, sun: every };
  const calendarIn = (timeZone: string) =>
    calendarFor(
      {
        calendar: {
          timeZone,
          holidays: "XX",
          workingWeek: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
          officeHours: week,
        },
      },
      { holidays: { region: "XX", title: "none", firstYear: 2000, lastYear: 2030, source: "test", days: new Map() } },
    );

  test("Los Angeles, Sunday 2 April 2006: office hours 02:30-03:15 open at 03:00 PDT, the first instant after the gap", () => {
    const cal = calendarFor(
      {
        calendar: {
          timeZone: "America/Los_Angeles",
          holidays: "XX",
          workingWeek: ["sun"],
          officeHours: { sun: [["02:30", "03:15"]] },
        },
      },
      { holidays: { region: "XX", title: "none", firstYear: 2000, lastYear: 2030, source: "test", days: new Map() } },
    );
    expect(cal.nextOpening("2006-04-02T01:00:00-08:00")).toBe("2006-04-02T03:00:00.000-07:00");
    expect(cal.isOpen("2006-04-02T03:00:00-07:00")).toBe(true);
    expect(cal.isOpen("2006-04-02T03:15:00-07:00")).toBe(false);
  });

  prop.prop([fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2000, 0, 2), max: Date.UTC(2029, 11, 30) })], {
    numRuns: 1000,
  })("nextOpening(t) is never before t, and the office is open then, in every zone of the suite", (zone, t) => {
    const cal = calendarIn(zone);
    const opening = cal.nextOpening(t);
    expect(Date.parse(opening)).toBeGreaterThanOrEqual(t);
    expect(cal.isOpen(opening)).toBe(true);
  });
});
