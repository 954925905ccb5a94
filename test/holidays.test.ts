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
  return new Map(events.map((e) => [e.date, e.notes === "Substitute day" ? `${e.title} (substitute day)` : e.title]));
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
    const mismatches = weekdays2018to2027().filter((date) => lists.some((l) => l.has(date)) !== union.has(toDay(date)));
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

  test("no weekend day is listed for the UK (date-holidays lists the day behind each substitute)", () => {
    for (const region of ["GB-ENG", "GB-SCT", "GB-NIR"] as const) {
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
    const esa = new Set([
      "New Year's Day",
      "Family Day",
      "Good Friday",
      "Victoria Day",
      "Canada Day",
      "Labour Day",
      "Thanksgiving",
      "Christmas Day",
      "Boxing Day",
    ]);
    const missing: string[] = [];
    for (let year = 2000; year <= 2099; year++) {
      for (const h of hd.getHolidays(year)) {
        const date = h.date.slice(0, 10);
        const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
        if (h.name === "Family Day" && year < 2008) continue;
        if (esa.has(h.name) && h.type === "public" && dow !== 0 && dow !== 6 && !on.has(toDay(date)))
          missing.push(date);
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

// A rule-based reference for the UK bank holidays, written from the Banking and
// Financial Dealings Act 1971 (Schedule 1 and the substitute-day rule), the St Andrew's Day
// Bank Holiday (Scotland) Act 2007 and the one-off proclamations, to sweep 2000-2099.
describe("the UK tables agree with the rules of the Acts, every weekday 2000-2099", () => {
  const DAY = 86_400_000;
  const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;
  const dow = (d: number) => new Date(d * DAY).getUTCDay(); // 0 Sunday
  const nthMonday = (y: number, m: number, n: number) => {
    const first = day(y, m, 1);
    return first + ((8 - dow(first)) % 7) + (n - 1) * 7;
  };
  const lastMonday = (y: number, m: number) => {
    const last = day(y, m + 1, 1) - 1;
    return last - ((dow(last) + 6) % 7);
  };
  function easter(y: number): number {
    const a = y % 19,
      b = Math.floor(y / 100),
      c = y % 100,
      d = Math.floor(b / 4),
      e = b % 4;
    const f = Math.floor((b + 8) / 25),
      g = Math.floor((b - f + 1) / 3),
      h = (19 * a + b - d - g + 15) % 30;
    const i = Math.floor(c / 4),
      k = c % 4,
      l = (32 + 2 * e + 2 * i - h - k) % 7,
      m = Math.floor((a + 11 * h + 22 * l) / 451);
    const month = Math.floor((h + l - 7 * m + 114) / 31);
    return day(y, month, ((h + l - 7 * m + 114) % 31) + 1);
  }
  /** Fixed dates in order, each moved to the first weekday not already taken when it falls on a weekend. */
  function withSubstitutes(dates: number[], taken: Set<number>): number[] {
    const out: number[] = [];
    for (const d of dates) {
      let s = d;
      while (dow(s) === 0 || dow(s) === 6 || taken.has(s)) s++;
      taken.add(s);
      out.push(s);
    }
    return out;
  }
  const ONE_OFF: Record<number, number[]> = {
    2002: [day(2002, 6, 3)],
    2011: [day(2011, 4, 29)],
    2012: [day(2012, 6, 5)],
    2022: [day(2022, 6, 3), day(2022, 9, 19)],
    2023: [day(2023, 5, 8)],
  };
  const SPRING_MOVED: Record<number, number> = { 2002: day(2002, 6, 4), 2012: day(2012, 6, 4), 2022: day(2022, 6, 2) };
  const EARLY_MAY_MOVED: Record<number, number> = { 2020: day(2020, 5, 8) };

  function reference(division: "GB-ENG" | "GB-SCT" | "GB-NIR", y: number): Set<number> {
    const out = new Set<number>(ONE_OFF[y] ?? []);
    const e = easter(y);
    out.add(e - 2);
    if (division !== "GB-SCT") out.add(e + 1);
    out.add(EARLY_MAY_MOVED[y] ?? nthMonday(y, 5, 1));
    out.add(SPRING_MOVED[y] ?? lastMonday(y, 5));
    out.add(division === "GB-SCT" ? nthMonday(y, 8, 1) : lastMonday(y, 8));
    const taken = new Set(out);
    const fixed = division === "GB-SCT" ? [day(y, 1, 1), day(y, 1, 2)] : [day(y, 1, 1)];
    for (const d of withSubstitutes(fixed, taken)) out.add(d);
    if (division === "GB-NIR") for (const d of withSubstitutes([day(y, 3, 17), day(y, 7, 12)], taken)) out.add(d);
    if (division === "GB-SCT" && y >= 2007) for (const d of withSubstitutes([day(y, 11, 30)], taken)) out.add(d);
    if (division === "GB-SCT" && y === 2026) out.add(day(2026, 6, 15));
    for (const d of withSubstitutes([day(y, 12, 25), day(y, 12, 26)], taken)) out.add(d);
    return out;
  }

  for (const division of ["GB-ENG", "GB-SCT", "GB-NIR"] as const) {
    test(`${division}: the same weekdays as the rules (St Andrew's Day in Scotland only from 2007)`, () => {
      const table = new Set(bundledHolidays(division).days.keys());
      const missing: string[] = [];
      const extra: string[] = [];
      for (let y = 2000; y <= 2099; y++) {
        const want = reference(division, y);
        for (let d = day(y, 1, 1); d < day(y + 1, 1, 1); d++) {
          if (dow(d) === 0 || dow(d) === 6) continue;
          if (want.has(d) && !table.has(d)) missing.push(fromDay(d));
          if (!want.has(d) && table.has(d)) extra.push(fromDay(d));
        }
      }
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });
  }

  test("GB-UK, which the FOI Act uses, has no St Andrew's Day before 2007: 30 November 2006 is a working day, 30 November 2007 is not", () => {
    const uk = new Set(bundledHolidays("GB-UK").days.keys());
    expect([
      uk.has(day(2006, 11, 30)),
      uk.has(day(2007, 11, 30)),
      uk.has(day(2002, 12, 2)),
      uk.has(day(2003, 12, 1)),
    ]).toEqual([false, true, false, false]);
  });
});
