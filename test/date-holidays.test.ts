import { describe, expect, test } from "vitest";
import { holidayTable } from "../src/date-holidays/index.js";
import { calendarFor } from "../src/index.js";
import { NINE_TO_FIVE, weekdays } from "./support.js";

describe("council-sla/date-holidays", () => {
  const bavaria = holidayTable("DE-BY", { firstYear: 2026, lastYear: 2027 });
  const cal = calendarFor(
    { calendar: { timeZone: "Europe/Berlin", holidays: "DE-BY", officeHours: weekdays(NINE_TO_FIVE) } },
    { holidays: bavaria },
  );

  test("a region without a bundled table: Epiphany (6 January) is a holiday in Bavaria", () => {
    expect(cal.isWorkingDay("2026-01-06")).toBe(false);
    expect(cal.addWorkingDays("2026-01-05", 1)).toBe("2026-01-07");
    expect(cal.nonWorkingDays("2026-01-06", "2026-01-06")[0]).toMatchObject({
      reason: "holiday",
      name: "Heilige Drei Könige",
    });
  });

  test("the table covers exactly the years asked for", () => {
    expect(() => cal.isWorkingDay("2028-01-03")).toThrow(/2026 to 2027/);
  });

  test("an unknown country or region is a RangeError naming it", () => {
    expect(() => holidayTable("XX")).toThrow(/"XX"/);
    expect(() => holidayTable("GB-ZZZ")).toThrow(/ENG/);
    expect(() => holidayTable("gb")).toThrow(TypeError);
  });

  test("a table for a region the calendar does not name is refused", () => {
    expect(() =>
      calendarFor(
        { calendar: { timeZone: "Europe/London", holidays: "GB-ENG", officeHours: weekdays(NINE_TO_FIVE) } },
        { holidays: bavaria },
      ),
    ).toThrow(/GB-ENG.*DE-BY/);
  });
});
