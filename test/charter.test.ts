import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  charters,
  colchester,
  copeland,
  dartford,
  dartfordHousing,
  kawarthaLakes,
  norwich,
} from "../src/charters/index.js";
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
import {
  charterText,
  documentOf,
  normalise,
  quotesOf,
  sourcesAvailable,
  uncovered,
  webDocuments,
  webFilesOf,
  type Quote,
  type StoredDocument,
} from "./charter-sources.js";

/** A charter file in charters/, as written. */
const fileOf = (id: string) =>
  JSON.parse(readFileSync(new URL(`../charters/${id}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
/** The council charters and the departments' layers on them, by the bundled id. */
const LAYERS: Readonly<Record<string, string>> = { "dartford-housing": "dartford" };

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
      s.promiseLimit &&
        `promiseLimit=${s.promiseLimit.agreed ? "agreed" : `${s.promiseLimit.workingDays ?? s.promiseLimit.calendarDays}${s.promiseLimit.workingDays ? "wd" : "cd"}`}`,
      s.exceptCategories && `except=${s.exceptCategories.join("|")}`,
      s.inForce && `inForce=${s.inForce.from ?? ""}..${s.inForce.to ?? ""}`,
    ].filter(Boolean);
    return `${s.id} [${s.channels.join(",")}] ${s.stage} ${n} ${unit}${flags.length ? ` ${flags.join(" ")}` : ""}`;
  });
}

describe("the five bundled charters, and a department's layer", () => {
  test("each parses and is listed under its id", () => {
    expect(Object.keys(charters)).toEqual([
      "copeland",
      "colchester",
      "norwich",
      "dartford",
      "kawartha-lakes",
      "dartford-housing",
    ]);
    for (const [id, charter] of Object.entries(charters)) expect(charter.id).toBe(id);
  });

  test("each bundled charter is exactly what parseCharter (extendCharter, for a layer) makes of its file (run npm run generate:charters when this fails)", () => {
    for (const [id, charter] of Object.entries(charters)) {
      const base = LAYERS[id];
      expect(charter).toEqual(
        base === undefined ? parseCharter(fileOf(id)) : extendCharter(parseCharter(fileOf(base)), fileOf(id)),
      );
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

  test("Norwich: no timescales of its own; its complaint standards come from the corporate complaints policy it defers to, on every channel it offers", () => {
    const all = "letter,email,web-form,telephone,voicemail,visit";
    expect(golden(norwich)).toEqual([
      `letter.complaint.acknowledge [${all}] acknowledge 5 workingDays category=complaint`,
      `letter.complaint.respond [${all}] respond 15 workingDays category=complaint`,
      `letter.complaint-stage-two.acknowledge [${all}] acknowledge 5 workingDays category=complaint-stage-two`,
      `letter.complaint-stage-two.respond [${all}] respond 15 workingDays category=complaint-stage-two`,
    ]);
    expect(norwich.standards.every((s) => s.source === "norwich-complaints")).toBe(true);
    expect(calendarFor(norwich).isOpen("2025-12-24T15:30")).toBe(true);
    expect(calendarFor(norwich).isOpen("2025-12-24T16:30")).toBe(false);
    expect(norwich.commitments.find((c) => c.id === "complaints")?.measuredBy?.method).toBe("complaints-policy");
    expect(norwich.customerObligations).toHaveLength(5);
  });

  test("Dartford: 65% of calls in 20 seconds, visitors seen in 15 minutes, web forms 2 working days, letter/fax/e-mail 10 with a promise, complaints left to the procedure's stage one: 5 working days, then 10 from the acknowledgement, a revised timescale at most 10 further", () => {
    const except = "except=complaint|complaint-stage-two";
    expect(golden(dartford)).toEqual([
      "telephone.answer [telephone] answer 20 seconds scope=office-hours target=65%",
      "visit.attend [visit] attend 15 minutes scope=office-hours",
      `web-form.respond [web-form] respond 2 workingDays ${except}`,
      `letter.respond [letter,fax,email] respond 10 workingDays promise ${except}`,
      "letter.complaint.acknowledge [letter,email,web-form] acknowledge 5 workingDays category=complaint",
      "letter.complaint.respond [letter,email,web-form] respond 10 workingDays category=complaint promise from=acknowledged promiseLimit=10wd",
    ]);
    expect(dartford.review.cadence).toBe("annual");
  });

  test("Dartford's housing complaints, a layer: both stages counted from the acknowledgement, extensions at most 10 and 20 working days; the council's other standards kept", () => {
    expect(golden(dartfordHousing)).toEqual([
      ...golden(dartford).slice(0, 4),
      "letter.complaint.acknowledge [letter,email,web-form] acknowledge 5 workingDays category=complaint",
      "letter.complaint.respond [letter,email,web-form] respond 10 workingDays category=complaint promise from=acknowledged promiseLimit=10wd",
      "letter.complaint-stage-two.acknowledge [letter,email,web-form] acknowledge 5 workingDays category=complaint-stage-two",
      "letter.complaint-stage-two.respond [letter,email,web-form] respond 20 workingDays category=complaint-stage-two promise from=acknowledged promiseLimit=20wd",
    ]);
    expect(dartfordHousing.standards.filter((s) => s.replaced).map((s) => [s.id, s.source])).toEqual([
      ["letter.complaint.acknowledge", "dartford-housing-complaints"],
      ["letter.complaint.respond", "dartford-housing-complaints"],
    ]);
    expect(dartfordHousing.extends).toBe("dartford");
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

/** The charter files whose quotes are checked, each with the council whose stored texts it cites. */
const FILES = Object.keys(charters).map((id) => ({ id, council: LAYERS[id] ?? id, file: fileOf(id) }));
/** Whether CI runs this: there, missing sources are a failure, never a skip. */
const inCI = !["", "0", "false", undefined].includes(process.env.CI);
const MISSING = "../shared/charter-sources is not beside this clone, so the quotes cannot be checked";

describe("every quote is verbatim in the document its source names", () => {
  if (!sourcesAvailable) {
    if (inCI) test("the councils' stored texts are present (CI is set)", () => expect.fail(MISSING));
    else test.skip(`skipped: ${MISSING} (in CI, where process.env.CI is set, this fails instead)`, () => {});
    return;
  }
  for (const { id, council, file } of FILES) {
    const texts = {
      charter: id === council ? charterText(council) : undefined,
      web: webFilesOf(council).flatMap(webDocuments),
    };
    // One test per document looked in, named by it; a quote whose source names no stored copy fails on its own.
    const byDocument = new Map<string, { document: StoredDocument | string; quotes: Quote[] }>();
    for (const q of quotesOf(file as never)) {
      const document = documentOf(file as never, q.source, texts);
      const key = typeof document === "string" ? document : document.label;
      const entry = byDocument.get(key) ?? { document, quotes: [] };
      entry.quotes.push(q);
      byDocument.set(key, entry);
    }
    for (const [label, { document, quotes }] of byDocument) {
      test(`${id}: ${quotes.length} quote${quotes.length === 1 ? "" : "s"} looked for in ${label}`, () => {
        if (typeof document === "string") expect.fail(`${quotes.map((q) => q.path).join(", ")}: ${document}`);
        const missing = quotes.filter((q) => !document.text.includes(normalise(q.quote)));
        expect(missing.map((q) => `${q.path} is not in ${label}: ${JSON.stringify(q.quote)}`)).toEqual([]);
      });
    }
  }

  test("only no-break spaces and line breaks count as spaces: a doubled space, a tab or another apostrophe does not match", () => {
    const text = normalise("we will\u00a0process\nyour query  quickly");
    expect(["we will process your query", "your query  quickly"].every((q) => text.includes(normalise(q)))).toBe(true);
    expect(["we  will", "your query quickly", "we will\tprocess"].some((q) => text.includes(normalise(q)))).toBe(false);
  });

  test("a quote credited to another document of the same council is not found: Dartford's 7 working days are not on the stages page", () => {
    const web = webDocuments("web/dartford.txt");
    const stagesA = web.find((d) => d.version === "A");
    expect(stagesA?.text.includes("Acknowledgement of your complaint within 7 working days")).toBe(false);
  });
});

describe("every published fact in ../shared/charter-sources/web/ is encoded or set aside with a reason", () => {
  if (!sourcesAvailable) {
    if (inCI) test("the councils' stored texts are present (CI is set)", () => expect.fail(MISSING));
    else test.skip(`skipped: ${MISSING} (in CI, where process.env.CI is set, this fails instead)`, () => {});
    return;
  }
  for (const council of Object.keys(charters).filter((id) => LAYERS[id] === undefined)) {
    const files = FILES.filter((f) => f.council === council);
    test(`${council}: every sentence stored in ${webFilesOf(council).join(" and ")} is quoted by ${files.map((f) => `charters/${f.id}.json`).join(" or ")}`, () => {
      const quotes = files.flatMap((f) => quotesOf(f.file as never).map((q) => q.quote));
      const left = webFilesOf(council)
        .flatMap(webDocuments)
        .flatMap((d) => d.lines.map((line) => ({ line, left: uncovered(line, quotes), where: d.label })))
        .filter((x) => x.left !== "");
      expect(left.map((x) => `${x.where}: ${x.line}`)).toEqual([]);
    });
  }

  test("a sentence only partly quoted is not accounted for", () => {
    expect(
      uncovered("We aim to respond within 5 working days. Calls in 2 minutes.", [
        "We aim to respond within 5 working days.",
      ]),
    ).toBe("Callsin2minutes");
    expect(uncovered("Canada Day: July 2, 2018", ["Canada Day: July 2, 2018"])).toBe("");
  });

  test("each sentence set aside says why, with one of the reasons", () => {
    const unused = FILES.flatMap(({ id, file }) =>
      ((file.sources ?? []) as { unused?: { reason: string; note: string }[] }[]).flatMap((s) =>
        (s.unused ?? []).map((u) => [id, u.reason, u.note.length > 10] as const),
      ),
    );
    expect(unused.length).toBeGreaterThan(40);
    for (const [id, reason, noted] of unused) {
      expect([
        id,
        ["superseded", "contradicted", "weak-source", "no-bearing", "already-covered"].includes(reason),
      ]).toEqual([id, true]);
      expect([id, noted]).toEqual([id, true]);
    }
  });
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

  test("every bundled charter file points at it (a layer's file has a shape of its own)", () => {
    for (const id of Object.keys(charters).filter((id) => LAYERS[id] === undefined)) {
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
