import { existsSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { charters, colchester, copeland, dartford, kawarthaLakes, norwich } from "../src/charters/index.js";
import {
  CharterError,
  calendarFor,
  charterJsonSchema,
  extendCharter,
  formatIssues,
  parseCharter,
  safeParseCharter,
  type Charter,
  type CharterIssue,
} from "../src/index.js";

const SOURCES = new URL("../../shared/charter-sources/", import.meta.url);

/** The measurable shape of each standard, as a golden line. */
function golden(charter: Charter): string[] {
  return charter.standards.map((s) => {
    const [unit, n] = Object.entries(s.limit).find(([, v]) => v !== undefined) ?? [];
    const flags = [
      s.category && `category=${s.category}`,
      s.scope !== "always" && `scope=${s.scope}`,
      s.target.percent !== 100 && `target=${s.target.percent}%`,
      s.allowPromise && "promise",
      s.stopsOn && `stopsOn=${s.stopsOn.join("|")}`,
      s.startsFrom !== "received" && `from=${s.startsFrom}`,
      s.dueAt !== "end-of-day" && `dueAt=${s.dueAt}`,
    ].filter(Boolean);
    return `${s.id} [${s.channels.join(",")}] ${s.stage} ${n} ${unit}${flags.length ? ` ${flags.join(" ")}` : ""}`;
  });
}

describe("the five bundled charters", () => {
  test("each parses and is listed under its id", () => {
    expect(Object.keys(charters)).toEqual(["copeland", "colchester", "norwich", "dartford", "kawartha-lakes"]);
    for (const [id, charter] of Object.entries(charters)) expect(charter.id).toBe(id);
  });

  test("each bundled charter is exactly what parseCharter makes of its file (run npm run generate:charters when this fails)", () => {
    for (const [id, charter] of Object.entries(charters)) {
      const source = JSON.parse(readFileSync(new URL(`../charters/${id}.json`, import.meta.url), "utf8")) as unknown;
      expect(charter).toEqual(parseCharter(source));
    }
  });

  test("Copeland: reception 5 minutes, calls 15 seconds in office hours, emails 1 and 3 working days, complaint letters 3 and 10, all letters 10, voice messages 1", () => {
    expect(golden(copeland)).toEqual([
      "visit.attend [visit] attend 5 minutes scope=office-hours",
      "telephone.answer [telephone] answer 15 seconds scope=office-hours",
      "email.acknowledge [email] acknowledge 1 workingDays",
      "email.respond [email] respond 3 workingDays",
      "letter.complaint.acknowledge [letter] acknowledge 3 workingDays category=complaint",
      "letter.complaint.respond [letter] respond 10 workingDays category=complaint",
      "letter.respond [letter] respond 10 workingDays",
      "voicemail.respond [voicemail] respond 1 workingDays",
    ]);
    expect(copeland.commitments.filter((c) => c.measuredBy?.method === "survey")).toHaveLength(3);
  });

  test("Colchester: emails 2 working days or a promise, calls answered or sent to voicemail within 2 minutes, voicemail by the next working day", () => {
    expect(golden(colchester)).toEqual([
      "email.respond [email] respond 2 workingDays promise",
      "telephone.answer [telephone] answer 2 minutes scope=office-hours stopsOn=answeredAt|voicemailAt",
      "voicemail.respond [voicemail] respond 1 workingDays",
    ]);
    expect(colchester.customerObligations.length).toBeGreaterThanOrEqual(5);
  });

  test("Norwich: no timescales of its own; its complaint standards come from the corporate complaints policy it defers to", () => {
    expect(golden(norwich)).toEqual([
      "letter.complaint.acknowledge [letter,email,web-form] acknowledge 5 workingDays category=complaint",
      "letter.complaint.respond [letter,email,web-form] respond 15 workingDays category=complaint",
      "letter.complaint-stage-two.acknowledge [letter,email,web-form] acknowledge 5 workingDays category=complaint-stage-two",
      "letter.complaint-stage-two.respond [letter,email,web-form] respond 15 workingDays category=complaint-stage-two",
    ]);
    expect(norwich.standards.every((s) => s.source === "norwich-complaints")).toBe(true);
    expect(calendarFor(norwich).isOpen("2025-12-24T15:30")).toBe(true);
    expect(calendarFor(norwich).isOpen("2025-12-24T16:30")).toBe(false);
    expect(norwich.commitments.find((c) => c.id === "complaints")?.measuredBy?.method).toBe("complaints-policy");
    expect(norwich.customerObligations).toHaveLength(5);
  });

  test("Dartford: 65% of calls in 20 seconds, visitors seen in 15 minutes, web forms 2 working days, letter/fax/e-mail 10 with a promise", () => {
    expect(golden(dartford)).toEqual([
      "telephone.answer [telephone] answer 20 seconds scope=office-hours target=65%",
      "visit.attend [visit] attend 15 minutes scope=office-hours",
      "web-form.respond [web-form] respond 2 workingDays",
      "letter.respond [letter,fax,email] respond 10 workingDays promise",
      "letter.complaint.acknowledge [letter,email,web-form] acknowledge 7 workingDays category=complaint",
      "letter.complaint.respond [letter,email,web-form] respond 15 workingDays category=complaint",
      "letter.complaint-stage-two.respond [letter,email,web-form] respond 21 workingDays category=complaint-stage-two",
    ]);
    expect(dartford.review.cadence).toBe("annual");
  });

  test("Kawartha Lakes: calls returned in 2 business days, letters 5, emails first answered in 2, in Ontario", () => {
    expect(golden(kawarthaLakes)).toEqual([
      "voicemail.acknowledge [voicemail] acknowledge 2 workingDays",
      "letter.respond [letter] respond 5 workingDays",
      "email.acknowledge [email] acknowledge 2 workingDays",
    ]);
    expect(kawarthaLakes.calendar).toMatchObject({ timeZone: "America/Toronto", holidays: "CA-ON" });
  });

  test("every office-hours value the texts do not give is marked as an assumption", () => {
    for (const charter of Object.values(charters)) {
      expect(charter.calendar.assumptions?.flatMap((a) => a.fields)).toContain("officeHours");
    }
  });

  test("they are deeply frozen", () => {
    expect(Object.isFrozen(copeland)).toBe(true);
    expect(Object.isFrozen(copeland.standards[0]?.limit)).toBe(true);
    expect(() => (copeland.standards as unknown as unknown[]).push({})).toThrow(TypeError);
  });

  test("their calendars work: Copeland, Thursday 24 December 2026 + 3 working days is Thursday 31st (25th, weekend, 28th substitute skipped)", () => {
    expect(calendarFor(copeland).addWorkingDays("2026-12-24", 3)).toBe("2026-12-31");
    expect(calendarFor(kawarthaLakes).addWorkingDays("2029-06-29", 1)).toBe("2029-07-03");
  });
});

describe("every quote appears verbatim in its source", () => {
  const available = existsSync(SOURCES);
  const normalise = (s: string) => s.replace(/\s+/g, " ").trim();
  function quotes(value: unknown): string[] {
    if (Array.isArray(value)) return value.flatMap(quotes);
    if (typeof value === "object" && value !== null) {
      return Object.entries(value).flatMap(([k, v]) =>
        (k === "quote" || k === "caveat") && typeof v === "string" ? [v] : quotes(v),
      );
    }
    return [];
  }
  for (const id of Object.keys(charters)) {
    test.skipIf(!available)(
      `${id} (whitespace runs compared as one space)${available ? "" : ": skipped, ../shared/charter-sources is not beside this clone"}`,
      () => {
        // The charter's text, and what the council published elsewhere (web/), each as stored.
        const text = normalise(
          [`${id}.txt`, `web/${id}.txt`, "web/ontario.txt"]
            .map((f) => readFileSync(new URL(f, SOURCES), "utf8"))
            .join("\n"),
        );
        const found = quotes(charters[id]);
        expect(found.length).toBeGreaterThan(5);
        expect(found.filter((q) => !text.includes(normalise(q)))).toEqual([]);
      },
    );
  }
});

describe("broken charters: a specific issue at the right path, never a crash", () => {
  const base = JSON.parse(readFileSync(new URL("../charters/copeland.json", import.meta.url), "utf8")) as Record<
    string,
    unknown
  >;
  const withStandard = (change: Record<string, unknown>) => ({
    ...base,
    standards: [
      { id: "email.respond", channels: ["email"], stage: "respond", limit: { workingDays: 3 }, quote: "q", ...change },
    ],
  });
  const issuesOf = (input: unknown): CharterIssue[] => {
    const result = safeParseCharter(input);
    expect(result.success).toBe(false);
    return result.success ? [] : [...result.issues];
  };
  const cases: [string, unknown, string, (string | number)[], RegExp][] = [
    [
      "a number of working days written as a word",
      withStandard({ limit: { workingDays: "three" } }),
      "invalid_type",
      ["standards", 0, "limit", "workingDays"],
      /Expected a number of working days, got "three"/,
    ],
    [
      "a misspelt unit",
      withStandard({ limit: { workingDay: 3 } }),
      "unrecognized_key",
      ["standards", 0, "limit", "workingDay"],
      /Unknown key "workingDay"/,
    ],
    [
      "a fractional limit",
      withStandard({ limit: { workingDays: 2.5 } }),
      "invalid_type",
      ["standards", 0, "limit", "workingDays"],
      /whole number of working days, got 2.5/,
    ],
    [
      "two units",
      withStandard({ limit: { workingDays: 3, hours: 2 } }),
      "limit_units",
      ["standards", 0, "limit"],
      /one unit, got hours and workingDays|one unit, got workingDays and hours|one unit/,
    ],
    [
      "a unit that does not suit the stage",
      withStandard({ id: "telephone.answer", channels: ["telephone"], stage: "answer", limit: { workingDays: 1 } }),
      "unit_for_stage",
      ["standards", 0, "limit", "workingDays"],
      /does not suit the "answer" stage/,
    ],
    [
      "a missing quote",
      withStandard({ quote: undefined }),
      "invalid_type",
      ["standards", 0, "quote"],
      /Missing the sentence/,
    ],
    [
      "a percent of 0",
      withStandard({ target: { percent: 0 } }),
      "too_small",
      ["standards", 0, "target", "percent"],
      /1 to 100, got 0/,
    ],
    [
      "a percent of 101",
      withStandard({ target: { percent: 101 } }),
      "too_big",
      ["standards", 0, "target", "percent"],
      /1 to 100, got 101/,
    ],
    [
      "stopsOn naming an event contacts do not have",
      withStandard({ stopsOn: ["closedAt"] }),
      "invalid_value",
      ["standards", 0, "stopsOn", 0],
      /"closedAt"/,
    ],
    [
      "an unknown channel",
      withStandard({ channels: ["pigeon"] }),
      "invalid_value",
      ["standards", 0, "channels", 0],
      /"pigeon"/,
    ],
    [
      "an id against the convention",
      withStandard({ id: "email.acknowledge" }),
      "id_stage",
      ["standards", 0, "id"],
      /stage is "respond"/,
    ],
    [
      "a promise on an acknowledgement",
      withStandard({ id: "email.acknowledge", stage: "acknowledge", allowPromise: true }),
      "promise_for_stage",
      ["standards", 0, "allowPromise"],
      /respond/,
    ],
    [
      "a wrong type at the top",
      { ...base, standards: "none" },
      "invalid_type",
      ["standards"],
      /Expected an array, got "none"/,
    ],
    ["an unknown top-level key", { ...base, standard: [] }, "unrecognized_key", ["standard"], /Unknown key "standard"/],
    [
      "duplicate standard ids",
      { ...base, standards: [...(base.standards as unknown[]), (base.standards as unknown[])[0]] },
      "duplicate_id",
      ["standards", 8, "id"],
      /Duplicate id "visit.attend"/,
    ],
    [
      "overlapping office hours",
      {
        ...base,
        calendar: {
          ...(base.calendar as object),
          officeHours: {
            mon: [
              ["09:00", "13:00"],
              ["12:00", "17:00"],
            ],
          },
        },
      },
      "overlap",
      ["calendar", "officeHours", "mon", 1],
      /overlap/,
    ],
    [
      "a date both closed and worked",
      {
        ...base,
        calendar: {
          ...(base.calendar as object),
          closures: [{ from: "2026-12-24", to: "2026-12-31", name: "x" }],
          extraWorkingDates: [{ date: "2026-12-30" }],
        },
      },
      "conflict",
      ["calendar", "extraWorkingDates", 0, "date"],
      /both a closure/,
    ],
    ["not an object at all", "copeland", "invalid_type", [], /Expected an object, got "copeland"/],
  ];
  test.each(cases)("%s", (_what, input, code, path, message) => {
    const issues = issuesOf(input);
    const issue = issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.code).toBe(code);
    expect(issue?.message).toMatch(message);
  });

  test('"__proto__" and "constructor" keys are unknown keys, and Object.prototype is untouched', () => {
    const input = JSON.parse(
      `{"id":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`,
    ) as unknown;
    const issues = issuesOf(input);
    expect(issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(["__proto__", "constructor"]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  test("a 5 MB string is reported briefly, not echoed", () => {
    const issues = issuesOf({ ...base, calendar: { ...(base.calendar as object), timeZone: "x".repeat(5_000_000) } });
    const issue = issues.find((i) => i.path.join(".") === "calendar.timeZone");
    expect(issue?.message.length).toBeLessThan(200);
  });

  test("nesting 10,000 deep is an issue, not a stack overflow", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(issuesOf({ ...base, standards: deep }).length).toBeGreaterThan(0);
    let deepObject: unknown = {};
    for (let i = 0; i < 10_000; i++) deepObject = { a: deepObject };
    expect(issuesOf({ ...base, calendar: deepObject }).length).toBeGreaterThan(0);
  });

  test("parseCharter throws a CharterError whose message has one line per issue with its path", () => {
    expect(() => parseCharter({ ...base, standards: "none" })).toThrow(CharterError);
    try {
      parseCharter(withStandard({ limit: { workingDays: "three" } }));
    } catch (e) {
      expect((e as Error).message).toContain(
        '✖ Expected a number of working days, got "three" → at standards[0].limit.workingDays',
      );
    }
  });

  test("the input is not mutated and the result is a new object", () => {
    const input = structuredClone(base);
    const before = JSON.stringify(input);
    const parsed = parseCharter(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(parsed).not.toBe(input);
  });
});

describe("charter.schema.json", () => {
  test("is what the zod schema gives today (run npm run generate:schema when this fails)", () => {
    const committed = JSON.parse(
      readFileSync(new URL("../charters/charter.schema.json", import.meta.url), "utf8"),
    ) as unknown;
    expect(committed).toEqual(charterJsonSchema());
  });

  test("every bundled charter file points at it", () => {
    for (const id of Object.keys(charters)) {
      const file = JSON.parse(readFileSync(new URL(`../charters/${id}.json`, import.meta.url), "utf8")) as {
        $schema?: string;
      };
      expect(file.$schema).toBe("./charter.schema.json");
    }
  });

  test("rejects unknown keys, so editors flag typos", () => {
    const schema = charterJsonSchema() as { additionalProperties?: boolean };
    expect(schema.additionalProperties).toBe(false);
  });
});

describe("extendCharter", () => {
  const layer = (change: Record<string, unknown>) => ({
    id: "dartford-housing",
    name: "Dartford: Housing",
    extends: "dartford",
    ...change,
  });
  const std = {
    id: "letter.respond",
    channels: ["letter"],
    stage: "respond",
    limit: { workingDays: 5 },
    quote: "Housing answers letters in 5 working days.",
  };
  const issuesOf = (fn: () => unknown): CharterIssue[] => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(CharterError);
      return [...(e as CharterError).issues];
    }
    throw new Error("expected a CharterError");
  };

  const tighter = { ...std, channels: ["letter", "fax", "email"], reason: "Housing answers its letters sooner." };

  test("a layer that tightens a standard (10 working days to 5) replaces it, with its reason recorded", () => {
    const housing = extendCharter(dartford, layer({ standards: { replace: [tighter] } }));
    const letter = housing.standards.find((s) => s.id === "letter.respond");
    expect([letter?.limit.workingDays, letter?.replaced]).toEqual([
      5,
      { by: "dartford-housing", reason: "Housing answers its letters sooner." },
    ]);
    expect(housing.standards).toHaveLength(dartford.standards.length);
    expect(housing.id).toBe("dartford-housing");
  });

  test("a layer that loosens a standard (2 working days to 20) is a CharterError, unless it declares the variation with its quote", () => {
    const looser = {
      id: "web-form.respond",
      channels: ["web-form"],
      stage: "respond",
      limit: { workingDays: 20 },
      quote: "Housing answers web forms within 20 working days.",
      reason: "Housing is busy.",
    };
    const issues = issuesOf(() => extendCharter(dartford, layer({ standards: { replace: [looser] } })));
    expect(issues[0]).toMatchObject({ code: "loosened", path: ["standards", "replace", 0] });
    expect(issues[0]?.message).toMatch(/a longer limit: 20 working days instead of 2 working days/);
    const approved = extendCharter(
      dartford,
      layer({ standards: { replace: [{ ...looser, variation: { quote: "Approved by the CAO and Council." } }] } }),
    );
    expect(approved.standards.find((s) => s.id === "web-form.respond")?.replaced?.variation?.quote).toBe(
      "Approved by the CAO and Council.",
    );
  });

  test("a replacement without a reason is reported at its path", () => {
    const issues = issuesOf(() => extendCharter(dartford, layer({ standards: { replace: [std] } })));
    expect(issues[0]).toMatchObject({ path: ["standards", "replace", 0, "reason"] });
  });

  test("adds closures on top of the base's", () => {
    const housing = extendCharter(
      dartford,
      layer({ calendar: { closures: [{ from: "2026-11-23", name: "Training day" }] } }),
    );
    expect(calendarFor(housing).isWorkingDay("2026-11-23")).toBe(false);
    expect(calendarFor(dartford).isWorkingDay("2026-11-23")).toBe(true);
  });

  test("replacing an id the base lacks is an error that lists the base's ids", () => {
    const issues = issuesOf(() =>
      extendCharter(
        dartford,
        layer({ standards: { replace: [{ ...tighter, id: "letter.noise.respond", category: "noise" }] } }),
      ),
    );
    expect(issues[0]).toMatchObject({ code: "unknown_standard", path: ["standards", "replace", 0, "id"] });
    expect(issues[0]?.message).toMatch(/telephone\.answer, visit\.attend/);
  });

  test("adding an id the base has is an error that says to replace it", () => {
    const issues = issuesOf(() => extendCharter(dartford, layer({ standards: { add: [std] } })));
    expect(issues[0]?.message).toMatch(/standards\.replace/);
  });

  test("changing the time zone is an error naming both zones", () => {
    const issues = issuesOf(() => extendCharter(dartford, layer({ calendar: { timeZone: "Europe/Dublin" } })));
    expect(issues[0]).toMatchObject({ code: "time_zone_changed", path: ["calendar", "timeZone"] });
    expect(issues[0]?.message).toMatch(/Europe\/London.*Europe\/Dublin/);
  });

  test("a layer for another charter is an error", () => {
    const issues = issuesOf(() => extendCharter(copeland, layer({})));
    expect(issues[0]?.code).toBe("wrong_base");
  });

  test("a misspelt key in a layer is reported at its path", () => {
    const issues = issuesOf(() => extendCharter(dartford, layer({ standards: { replaces: [std] } })));
    expect(formatIssues(issues)).toContain('Unknown key "replaces" → at standards.replaces');
  });
});
