// Hostile and careless input: a clear error that names the argument, never a crash,
// a hang or a silently wrong answer.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { daysFromCivil, formatDate } from "../src/calendar/civil.js";
import { copeland, dartford } from "../src/charters/index.js";
import {
  CharterError,
  calendarFor,
  complianceReport,
  deadline,
  evaluate,
  extendCharter,
  mergeReports,
  safeParseCharter,
  type Charter,
  type Contact,
  type HolidayTable,
} from "../src/index.js";

const rawCopeland = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL("../charters/copeland.json", import.meta.url), "utf8"));
const empty = (region: string, firstYear: number, lastYear: number): HolidayTable => ({
  region,
  title: region,
  firstYear,
  lastYear,
  source: "test",
  days: new Map(),
});

describe("charters that have not been through parseCharter", () => {
  test("JSON.parse of charters/copeland.json gives the same answers as the bundled charter", () => {
    const raw = rawCopeland() as unknown as Charter;
    expect(deadline(raw, "email.respond", "2025-12-19T17:42")).toEqual(
      deadline(copeland, "email.respond", "2025-12-19T17:42"),
    );
    const contacts: Contact[] = [{ channel: "email", receivedAt: "2026-11-23T10:00", respondedAt: "2026-11-30T10:00" }];
    expect(complianceReport(raw, contacts, { now: "2026-12-31" })).toEqual(
      complianceReport(copeland, contacts, { now: "2026-12-31" }),
    );
  });

  test("a raw charter with limit { workingDays: -3 } is a CharterError at its path, not a deadline before receipt", () => {
    const raw = rawCopeland();
    ((raw.standards as { limit: unknown }[])[2] as { limit: unknown }).limit = { workingDays: -3 };
    const attempt = () => deadline(raw as unknown as Charter, "email.respond", "2026-11-23T10:00");
    expect(attempt).toThrow(CharterError);
    expect(attempt).toThrow(/standards\[2\]\.limit\.workingDays/);
  });

  test("130,000 bad channels are one located issue (a list too long to check), never a stack overflow", () => {
    const raw = rawCopeland();
    ((raw.standards as { channels: unknown }[])[0] as { channels: unknown }).channels = Array.from(
      { length: 130_000 },
      () => "pigeon",
    );
    const result = safeParseCharter(raw);
    expect(result.success ? [] : result.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["too_large", "standards.0.channels"],
    ]);
  });

  test("1,500 bad standards give the first 100 issues and one that counts the rest", () => {
    const raw = rawCopeland();
    raw.standards = Array.from({ length: 1_500 }, () => ({}));
    const result = safeParseCharter(raw);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.issues.length).toBe(101);
      expect(result.issues[100]?.code).toBe("too_many_issues");
    }
  });

  test("a layer may not take its base's id", () => {
    expect(() => extendCharter(copeland, { id: "copeland", name: "x", extends: "copeland" })).toThrow(
      /needs an id of its own/,
    );
  });
});

describe("instants and tables outside what can be counted", () => {
  test.each([8.64e15, -8.64e15, "9999-12-31T23:00", "2150-01-01T10:00"])(
    "receivedAt %s is a RangeError naming receivedAt and the years covered",
    (value) => {
      expect(() => deadline(copeland, "email.respond", value)).toThrow(RangeError);
      expect(() => deadline(copeland, "email.respond", value)).toThrow(/`receivedAt`.*2000 to 2099/);
    },
  );

  test("an elapsed standard names receivedAt too (Dartford's telephone answering, 1 June 1999)", () => {
    expect(() => deadline(dartford, "telephone.answer", "1999-06-01T10:00")).toThrow(/`receivedAt`/);
  });

  test("a holiday table spanning more than 400 years is a RangeError naming options.holidays", () => {
    const charter = {
      calendar: {
        timeZone: "Europe/London",
        holidays: "XX",
        officeHours: { mon: [["09:00", "17:00"]] },
        workingWeek: ["mon"],
      },
    } as const;
    expect(() => calendarFor(charter, { holidays: empty("XX", 1, 9999) })).toThrow(
      /`options\.holidays`.*1 to 400 years/,
    );
    expect(calendarFor(charter, { holidays: empty("XX", 1900, 2299) }).addWorkingDays("2200-01-01", 1)).toBe(
      "2200-01-06",
    );
  });

  test("a Date subclass with a fractional getTime is read by its internal time value", () => {
    class Odd extends Date {
      override getTime(): number {
        return 1.5;
      }
    }
    expect(deadline(copeland, "email.respond", new Odd("2025-12-19T17:42:00Z")).receivedAt).toBe(
      "2025-12-19T17:42:00.000+00:00",
    );
  });

  test("years outside 0000-9999 are written as ISO expanded years", () => {
    expect(formatDate(daysFromCivil(-1, 12, 31))).toBe("-000001-12-31");
    expect(formatDate(daysFromCivil(33658, 9, 27))).toBe("+033658-09-27");
  });
});

describe("calendars at their edges", () => {
  const table = empty("WS", 2000, 2030);

  test("Pacific/Apia skipped Friday 30 December 2011: one working day from Thursday 29 is Monday 2 January", () => {
    const cal = calendarFor(
      {
        calendar: {
          timeZone: "Pacific/Apia",
          holidays: "WS",
          officeHours: {
            mon: [["09:00", "17:00"]],
            tue: [["09:00", "17:00"]],
            wed: [["09:00", "17:00"]],
            thu: [["09:00", "17:00"]],
            fri: [["09:00", "17:00"]],
          },
        },
      },
      { holidays: table },
    );
    expect(cal.isWorkingDay("2011-12-30")).toBe(false);
    expect(cal.addWorkingDays("2011-12-29", 1)).toBe("2012-01-02");
  });

  test("a calendar closed every day of its table answers 0 office time", () => {
    const cal = calendarFor(
      {
        calendar: {
          timeZone: "Europe/London",
          holidays: "WS",
          workingWeek: ["mon"],
          officeHours: { mon: [["09:00", "17:00"]] },
          closures: [{ from: "2026-01-01", to: "2026-12-31", name: "closed" }],
        },
      },
      { holidays: empty("WS", 2026, 2026) },
    );
    expect(cal.officeTimeBetween("2026-03-01T00:00", "2026-04-01T00:00")).toBe(0);
  });

  test("office hours opening in the spring-forward gap open when the gap ends (London, Sunday 29 March 2026, 01:30-02:15)", () => {
    const cal = calendarFor({
      calendar: {
        timeZone: "Europe/London",
        holidays: "GB-ENG",
        workingWeek: ["sun"],
        officeHours: { sun: [["01:30", "02:15"]] },
      },
    });
    const opening = cal.nextOpening("2026-03-29T00:30");
    expect(opening).toBe("2026-03-29T02:00:00.000+01:00");
    expect(cal.isOpen(opening)).toBe(true);
  });
});

describe("contacts", () => {
  const now = "2026-12-31";

  test("an id that is an object is a located error for that contact, and the report goes on", () => {
    const report = complianceReport(
      copeland,
      [
        { id: { toString: 1 }, channel: "email", receivedAt: "2026-11-23T10:00" } as unknown as Contact,
        { id: 7, channel: "email", receivedAt: "2026-11-23T10:00" },
      ],
      { now },
    );
    expect([report.contacts, report.skipped, report.errors[0]?.index, report.errors[0]?.message]).toEqual([
      2,
      1,
      0,
      expect.stringMatching(/`contact.id`/),
    ]);
  });

  test("a contact whose getters throw is skipped with its index", () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("no");
        },
        has: () => true,
        getOwnPropertyDescriptor: () => {
          throw new Error("no");
        },
      },
    );
    const report = complianceReport(copeland, [hostile as Contact], { now });
    expect([report.skipped, report.errors[0]?.index]).toEqual([1, 0]);
  });

  test("abandonedAt on an email is a located error, never a silent not-applicable", () => {
    expect(() =>
      evaluate(
        copeland,
        { channel: "email", receivedAt: "2026-11-23T10:00", abandonedAt: "2026-11-23T10:01" },
        { now },
      ),
    ).toThrow(/`contact.abandonedAt`.*email/);
  });

  test("20,000 and 200,000 touching pauses: judging takes time linear in their number (at most 20× for 10×)", () => {
    const pauses = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        from: Date.UTC(2026, 0, 5) + i * 1000,
        to: Date.UTC(2026, 0, 5) + (i + 1) * 1000,
      }));
    const time = (n: number) => {
      const contact: Contact = { channel: "email", receivedAt: Date.UTC(2026, 0, 5), pauses: pauses(n) };
      const t = performance.now();
      evaluate(copeland, contact, { now: "2026-06-01" });
      return performance.now() - t;
    };
    time(1000);
    const small = Math.max(time(20_000), 1);
    expect(time(200_000) / small).toBeLessThan(20);
  });
});

describe("merging reports", () => {
  const contacts: Contact[] = [
    { channel: "telephone", receivedAt: "2026-11-23T10:00", abandonedAt: "2026-11-23T10:00:05" },
  ];
  const a = complianceReport(copeland, contacts, { now: "2026-12-31" });

  test("reports made with different abandoned policies do not merge", () => {
    expect(() =>
      mergeReports(a, complianceReport(copeland, contacts, { now: "2026-12-31", abandoned: "missed" })),
    ).toThrow(/`abandoned`/);
  });

  test("anything that is not a report is a TypeError naming the argument", () => {
    expect(() => mergeReports({} as never, a)).toThrow(/`a`/);
    expect(() => mergeReports(a, null as never)).toThrow(/`b`/);
  });

  test("a report whose period is none the library knows is a TypeError naming `by` and the period, not a page without titles", () => {
    const fortnightly = {
      ...complianceReport(copeland, contacts, { now: "2026-12-31", by: "month" }),
      by: "fortnight",
    };
    expect(() => mergeReports(fortnightly as never, fortnightly as never)).toThrow(/`a\.by`.*"month".*"fortnight"/s);
  });

  test("a partition's skipped contacts keep their index in the whole with firstIndex", () => {
    const bad = [{ channel: "email" } as Contact];
    const merged = mergeReports(
      complianceReport(copeland, bad, { now: "2026-12-31" }),
      complianceReport(copeland, bad, { now: "2026-12-31", firstIndex: 1 }),
    );
    expect(merged.errors.map((e) => e.index)).toEqual([0, 1]);
  });
});

describe("a polluted Object.prototype changes nothing", () => {
  const KEYS = [
    "id",
    "channel",
    "category",
    "receivedAt",
    "answeredAt",
    "attendedAt",
    "acknowledgedAt",
    "respondedAt",
    "voicemailAt",
    "abandonedAt",
    "promisedBy",
    "pauses",
    "now",
    "warnAt",
    "by",
    "worst",
    "abandoned",
    "onSkip",
    "firstIndex",
    "receiptCutoff",
    "stopsOn",
    "assumption",
    "to",
    "sat",
    "sun",
    "workingDays",
    "seconds",
    "hours",
    "extends",
    "holidays",
  ];
  const program = (pollute: boolean) => `
    ${pollute ? `for (const k of ${JSON.stringify(KEYS)}) Object.prototype[k] = k === "receiptCutoff" ? "00:00" : k === "respondedAt" || k === "abandonedAt" ? "2020-01-01T00:00" : k === "workingDays" ? 1 : "x";` : ""}
    const { deadline, evaluate, complianceReport, parseCharter } = await import(${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)});
    const { charters } = await import(${JSON.stringify(new URL("../dist/charters.js", import.meta.url).href)});
    const out = [];
    for (const c of Object.values(charters)) {
      for (const s of c.standards) out.push(deadline(c, s.id, "2025-12-19T17:42", { acknowledgedAt: "2025-12-20T09:00" }).due);
      const contacts = [{ id: 1, channel: "email", receivedAt: "2026-11-23T10:00" }, { id: 2, channel: "telephone", receivedAt: "2026-11-23T10:00", answeredAt: "2026-11-23T10:00:30" }, { id: 3, channel: "letter", category: "complaint", receivedAt: "2026-11-23T10:00" }];
      for (const contact of contacts) out.push(evaluate(c, contact, { now: "2026-12-01" }).map((e) => e.status));
      out.push(complianceReport(c, contacts, { now: "2026-12-01" }).rows.map((r) => [r.met, r.breached, r.pending, r.notApplicable]));
    }
    out.push(parseCharter(JSON.parse(${JSON.stringify(readFileSync(new URL("../charters/copeland.json", import.meta.url), "utf8"))})).standards.map((s) => s.id));
    console.log(JSON.stringify(out));`;

  test("every contact field, option and charter key on the prototype: identical answers for the bundled charters and parseCharter", () => {
    const run = (pollute: boolean) =>
      spawnSync(process.execPath, ["--input-type=module", "-e", program(pollute)], { encoding: "utf8" });
    const clean = run(false);
    const polluted = run(true);
    expect(clean.status, clean.stderr).toBe(0);
    expect(polluted.status, polluted.stderr).toBe(0);
    expect(polluted.stdout).toBe(clean.stdout);
  });
});
