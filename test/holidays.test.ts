import Holidays from "date-holidays";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { bundledHolidays, type HolidayRegion } from "../src/holidays/index.js";
import { fromDay, toDay } from "./support.js";

interface GovUkEvent {
  title: string;
  date: string;
  notes?: string;
}
const govuk = JSON.parse(
  readFileSync(new URL("./fixtures/govuk-bank-holidays-2018-2027.json", import.meta.url), "utf8"),
) as Record<string, { events: GovUkEvent[] }>;

const DIVISIONS: [HolidayRegion, string][] = [
  ["GB-ENG", "england-and-wales"],
  ["GB-SCT", "scotland"],
  ["GB-NIR", "northern-ireland"],
];

/** GOV.UK's names, written as the tables write them. */
function govukDays(division: string): Map<string, string> {
  const events = govuk[division]?.events ?? [];
  return new Map(
    events.map((e) => [e.date, e.notes === "Substitute day" ? `${e.title} (substitute day)` : e.title]),
  );
}

function weekdays2018to2027(): string[] {
  const out: string[] = [];
  for (let d = toDay("2018-01-01"); d <= toDay("2027-12-31"); d++) {
    const dow = new Date(d * 86_400_000).getUTCDay();
    if (dow !== 0 && dow !== 6) out.push(fromDay(d));
  }
  return out;
}

describe("UK tables agree with GOV.UK on every weekday 2018-2027", () => {
  for (const [region, division] of DIVISIONS) {
    test(`${region} names exactly the days GOV.UK's ${division} list names, with its titles`, () => {
      const official = govukDays(division);
      const table = bundledHolidays(region).days;
      const mismatches = weekdays2018to2027().filter((date) => official.get(date) !== table.get(toDay(date)));
      expect(mismatches.map((d) => `${d}: GOV.UK ${official.get(d)}, table ${table.get(toDay(d))}`)).toEqual([]);
    });
  }

  test("GB-UK is a holiday exactly when any division's list has one (the FOI Act's working day)", () => {
    const lists = DIVISIONS.map(([, division]) => govukDays(division));
    const union = bundledHolidays("GB-UK").days;
    const mismatches = weekdays2018to2027().filter(
      (date) => lists.some((l) => l.has(date)) !== union.has(toDay(date)),
    );
    expect(mismatches).toEqual([]);
  });

  test("GB-UK names say where a holiday is only partial", () => {
    const union = bundledHolidays("GB-UK").days;
    expect(union.get(toDay("2026-06-15"))).toBe("World Cup bank holiday (Scotland)");
    expect(union.get(toDay("2026-12-25"))).toBe("Christmas Day");
    expect(union.get(toDay("2026-08-03"))).toBe("Summer bank holiday (Scotland)");
  });
});

describe("corrections to date-holidays", () => {
  test("Scotland's World Cup bank holiday, Monday 15 June 2026", () => {
    expect(bundledHolidays("GB-SCT").days.get(toDay("2026-06-15"))).toBe("World Cup bank holiday");
    expect(bundledHolidays("GB-ENG").days.has(toDay("2026-06-15"))).toBe(false);
  });

  test("the moved Spring bank holidays of 2002 and 2012 and the royal days", () => {
    const eng = bundledHolidays("GB-ENG").days;
    expect(eng.has(toDay("2002-05-27"))).toBe(false);
    expect(eng.get(toDay("2002-06-03"))).toBe("Golden Jubilee bank holiday");
    expect(eng.get(toDay("2002-06-04"))).toBe("Spring bank holiday");
    expect(eng.get(toDay("2011-04-29"))).toBe("Royal wedding bank holiday");
    expect(eng.has(toDay("2012-05-28"))).toBe(false);
    expect(eng.get(toDay("2012-06-04"))).toBe("Spring bank holiday");
  });

  test("no weekend day is listed (date-holidays lists the day behind each substitute)", () => {
    for (const region of ["GB-ENG", "GB-SCT", "GB-NIR", "CA-ON"] as const) {
      const weekend = [...bundledHolidays(region).days.keys()].filter((d) => {
        const dow = new Date(d * 86_400_000).getUTCDay();
        return dow === 0 || dow === 6;
      });
      expect(weekend.map(fromDay)).toEqual([]);
    }
  });
});

describe("Ontario (CA-ON): Employment Standards Act public holidays, Legislation Act weekend rules", () => {
  const on = bundledHolidays("CA-ON").days;
  const name = (date: string) => on.get(toDay(date));

  test("Canada Day 2029 falls on Sunday 1 July, so it is Monday 2 July (Legislation Act s.88(4))", () => {
    expect(name("2029-07-02")).toBe("Canada Day");
  });

  test("Christmas Day 2022 on a Sunday: Boxing Day is Monday 26th and Tuesday 27th is also a holiday (s.88(5))", () => {
    expect(name("2022-12-26")).toBe("Boxing Day");
    expect(name("2022-12-27")).toBe("Christmas Day (observed)");
  });

  test("Christmas Day 2021 on a Saturday: the following Monday is also a holiday (s.88(5))", () => {
    expect(name("2021-12-27")).toBe("Christmas Day (observed)");
    expect(name("2021-12-28")).toBeUndefined();
  });

  test("New Year's Day 2023 on a Sunday: Monday 2 January is also a holiday (s.88(3))", () => {
    expect(name("2023-01-02")).toBe("New Year’s Day (observed)");
  });

  test("Easter Monday, the Civic Holiday and Remembrance Day are not ESA public holidays", () => {
    expect(name("2026-04-06")).toBeUndefined();
    expect(name("2026-08-03")).toBeUndefined();
    expect(name("2026-11-11")).toBeUndefined();
  });

  test("Family Day (third Monday of February) exists from 2008", () => {
    expect(name("2008-02-18")).toBe("Family Day");
    expect(name("2007-02-19")).toBeUndefined();
  });

  test("every weekday ESA holiday date-holidays gives (not Easter Monday, not Family Day before 2008) is in the table, 2000-2099", () => {
    const hd = new Holidays("CA", "ON");
    const esa = new Set(["New Year's Day", "Family Day", "Good Friday", "Victoria Day", "Canada Day", "Labour Day", "Thanksgiving", "Christmas Day", "Boxing Day"]);
    const missing: string[] = [];
    for (let year = 2000; year <= 2099; year++) {
      for (const h of hd.getHolidays(year)) {
        const date = h.date.slice(0, 10);
        const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
        if (h.name === "Family Day" && year < 2008) continue;
        if (esa.has(h.name) && h.type === "public" && dow !== 0 && dow !== 6 && !on.has(toDay(date))) missing.push(date);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("the generated tables", () => {
  test("are what the generator writes today (run npm run generate:holidays when this fails)", () => {
    const out = execFileSync(process.execPath, ["scripts/generate-holidays.mjs", "--check"], { encoding: "utf8" });
    expect(out).toMatch(/up to date/);
  });

  test("cover 2000 to 2099", () => {
    for (const region of ["GB-ENG", "GB-SCT", "GB-NIR", "GB-UK", "CA-ON"] as const) {
      const table = bundledHolidays(region);
      expect([table.firstYear, table.lastYear]).toEqual([2000, 2099]);
      expect(table.days.size).toBeGreaterThan(800);
    }
  });
});
