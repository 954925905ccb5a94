// The fuzz and attack suite: arbitrary and mutated input never crashes, hangs or
// misleads. Each property runs thousands of inputs (over 20,000 in all); wide and
// deep input is answered in time linear in its size.
import { fc, test as prop } from "@fast-check/vitest";
import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { charters } from "../src/charters/index.js";
import { CHANNELS, CONTACT_EVENTS, evaluate, safeParseCharter, type Charter, type Contact } from "../src/index.js";

const bundled = Object.values(charters) as Charter[];
const NOW = "2026-12-31T12:00";

/** A JSON value that may be mutated into a charter anywhere. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof value !== "object" || value === null) return replacement;
  const [head, ...rest] = path as [number, ...number[]];
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const i = head % value.length;
    return value.map((v, j) => (j === i ? mutate(v, rest, replacement) : v));
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[head % keys.length] as string;
  return { ...value, [key]: mutate((value as Record<string, unknown>)[key], rest, replacement) };
}

describe("safeParseCharter: issues, never a throw", () => {
  prop.prop([fc.jsonValue()], { numRuns: 4000 })("arbitrary JSON", (value) => {
    const result = safeParseCharter(value);
    expect(result.success).toBe(false);
    if (!result.success) for (const issue of result.issues) expect(typeof issue.message).toBe("string");
  });

  prop.prop([fc.constantFrom(...bundled), fc.array(fc.nat(), { maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })], {
    numRuns: 6000,
  })("a bundled charter with one value anywhere replaced by arbitrary JSON", (charter, path, replacement) => {
    const result = safeParseCharter(mutate(JSON.parse(JSON.stringify(charter)), path, replacement));
    if (!result.success) {
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues)
        expect(issue.path.every((k) => typeof k === "string" || typeof k === "number")).toBe(true);
    }
  });
});

const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2027, 11, 31) }),
  fc
    .integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2027, 11, 31) })
    .map((ms) => new Date(ms).toISOString().slice(0, 16)),
  fc.constantFrom("", "not a date", "2026-02-30", "2026-13-01T10:00", 1.5, Number.NaN, -8.64e15, null, true, {}),
);
const contactArb = fc.record(
  {
    id: fc.oneof(fc.string(), fc.integer(), fc.constantFrom(null, true, {}, [], Number.POSITIVE_INFINITY)),
    channel: fc.oneof(fc.constantFrom(...CHANNELS), fc.string()),
    category: fc.oneof(fc.constantFrom("complaint", "foi"), fc.string(), fc.integer()),
    receivedAt: instant,
    ...Object.fromEntries(CONTACT_EVENTS.map((e) => [e, instant])),
    abandonedAt: instant,
    promisedBy: fc.oneof(instant, fc.constantFrom("2026-12-04")),
    pauses: fc.oneof(fc.array(fc.record({ from: instant, to: instant }), { maxLength: 3 }), fc.constantFrom("x", 3)),
  },
  { requiredKeys: ["channel", "receivedAt"] },
);

/** True when JSON keeps the value as it is. */
function jsonSafe(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (value instanceof Date) return false;
  if (typeof value === "object" && value !== null) return Object.values(value).every(jsonSafe);
  return true;
}

/** The error of a call, or its result. */
function outcome(f: () => unknown): { value: unknown } | { error: Error } {
  try {
    return { value: f() };
  } catch (error) {
    return { error: error as Error };
  }
}

describe("evaluate: a correct result, or a TypeError or RangeError naming the field", () => {
  prop.prop([fc.constantFrom(...bundled), contactArb], { numRuns: 6000 })("arbitrary contacts", (charter, contact) => {
    const r = outcome(() => evaluate(charter, contact as Contact, { now: NOW }));
    if ("error" in r) {
      expect(r.error).toSatisfy((e: Error) => e instanceof TypeError || e instanceof RangeError);
      expect(r.error.message).toMatch(/`contact(\.\w+)?(\[\d+\](\.\w+)?)?`/);
    } else {
      for (const e of r.value as ReturnType<typeof evaluate>) {
        expect(["met", "breached", "pending", "not-applicable"]).toContain(e.status);
        if (e.due !== null) expect(Date.parse(e.due)).toBeGreaterThanOrEqual(Date.parse(e.receivedAt));
      }
    }
  });

  prop.prop([fc.constantFrom(...bundled), contactArb], { numRuns: 4000 })(
    "a spread, a structuredClone and a JSON copy of a contact are judged alike",
    (charter, contact) => {
      const judge = (c: unknown) => {
        const r = outcome(() => evaluate(charter, c as Contact, { now: NOW }));
        return "error" in r ? `${r.error.name}: ${r.error.message}` : r.value;
      };
      const original = judge(contact);
      expect(judge({ ...contact })).toEqual(original);
      expect(judge(structuredClone(contact))).toEqual(original);
      // A JSON copy is the same contact when every value survives JSON (no Date, no NaN or Infinity anywhere).
      if (jsonSafe(contact)) expect(judge(JSON.parse(JSON.stringify(contact)))).toEqual(original);
    },
  );
});

describe("wide and deep input: time linear in its size", () => {
  function time(f: () => void): number {
    const t = performance.now();
    f();
    return Math.max(performance.now() - t, 0.5);
  }
  const charter = JSON.parse(JSON.stringify(charters.copeland)) as Record<string, unknown>;

  test("10^4 and 10^5 closures, and nesting 10^3 and 10^4 deep: each pair at most 20× apart", () => {
    const wide = (n: number) => ({
      ...charter,
      calendar: {
        ...(charter.calendar as object),
        closures: Array.from({ length: n }, () => ({ from: "2026-01-01", name: "x" })),
      },
    });
    const deep = (n: number) => {
      let v: unknown = {};
      for (let i = 0; i < n; i++) v = { a: v };
      return { ...charter, calendar: v };
    };
    for (const make of [wide, deep]) {
      safeParseCharter(make(100));
      const small = time(() => safeParseCharter(make(make === wide ? 10_000 : 1_000)));
      const large = time(() => safeParseCharter(make(make === wide ? 100_000 : 10_000)));
      expect(large / small).toBeLessThan(20);
    }
  });
});

test("a report of a million contacts with random categories leaves the heap within 10 MB of before", () => {
  const program = `
    const { complianceReport } = await import(${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)});
    const { copeland } = await import(${JSON.stringify(new URL("../dist/charters.js", import.meta.url).href)});
    function* contacts() {
      for (let i = 0; i < 1_000_000; i++) yield { id: i, channel: "letter", category: "c" + Math.random().toString(36).slice(2), receivedAt: 1767600000000 + (i % 100000) * 60000 };
    }
    complianceReport(copeland, [{ channel: "letter", receivedAt: 1767600000000 }], { now: "2026-12-31" });
    globalThis.gc(); globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    complianceReport(copeland, contacts(), { now: "2026-12-31" });
    globalThis.gc(); globalThis.gc();
    console.log(JSON.stringify({ grew: process.memoryUsage().heapUsed - before }));`;
  const r = spawnSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", program], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  expect((JSON.parse(r.stdout) as { grew: number }).grew).toBeLessThan(10 * 2 ** 20);
}, 120_000);
