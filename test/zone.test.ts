import { TZDate } from "@date-fns/tz";
import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { toEpochMs } from "../src/calendar/instant.js";
import { getZone } from "../src/calendar/zone.js";

const ZONES = ["Europe/London", "America/Toronto", "Europe/Dublin", "Australia/Lord_Howe", "Pacific/Chatham"];
const anyInstant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 11, 31) });

/** Wall time of an instant read through @date-fns/tz, as ms since 1970-01-01T00:00 local. */
function oracleWall(ms: number, zone: string): number {
  const d = new TZDate(ms, zone);
  return Date.UTC(
    d.getFullYear(),
    d.getMonth(),
    d.getDate(),
    d.getHours(),
    d.getMinutes(),
    d.getSeconds(),
    d.getMilliseconds(),
  );
}

describe("instant to wall time agrees with @date-fns/tz", () => {
  for (const name of ZONES) {
    prop.prop([anyInstant])(`${name}, random instants 1990-2060`, (ms) => {
      expect(getZone(name).toWall(ms)).toBe(oracleWall(ms, name));
    });
  }

  test.each(ZONES)("%s: every transition 1990-2060 is found to the second", (name) => {
    const zone = getZone(name);
    // Hourly probes either side of each change agree with the oracle; sample a year densely.
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 15 * 60_000) {
      expect(zone.toWall(ms)).toBe(oracleWall(ms, name));
    }
  });
});

describe("wall time to instant", () => {
  for (const name of ZONES) {
    prop.prop([anyInstant])(
      `${name}: reading an instant's wall time back gives the same wall time, never a later instant`,
      (ms) => {
        const zone = getZone(name);
        const wall = zone.toWall(ms);
        const back = zone.fromWall(wall);
        expect(zone.toWall(back)).toBe(wall);
        expect(back).toBeLessThanOrEqual(ms);
      },
    );
  }

  test.each([
    [
      "Europe/London",
      "2026-03-29T01:30",
      "2026-03-29T02:30:00.000+01:00",
      "skipped at spring forward: moves on by the hour",
    ],
    [
      "Europe/London",
      "2026-10-25T01:30",
      "2026-10-25T01:30:00.000+01:00",
      "repeated at fall back: the earlier (BST) instant",
    ],
    ["America/Toronto", "2026-03-08T02:30", "2026-03-08T03:30:00.000-04:00", "skipped at spring forward"],
    ["America/Toronto", "2026-11-01T01:30", "2026-11-01T01:30:00.000-04:00", "repeated: the earlier (EDT) instant"],
    ["Australia/Lord_Howe", "2026-10-04T02:15", "2026-10-04T02:45:00.000+11:00", "skipped in a 30-minute change"],
    ["Pacific/Chatham", "2026-09-27T03:00", "2026-09-27T04:00:00.000+13:45", "skipped at 02:45 standard time"],
  ])("%s %s becomes %s (%s)", (name, wall, iso) => {
    const zone = getZone(name);
    expect(zone.format(toEpochMs(wall, zone, "t"))).toBe(iso);
  });
});

describe("reading instants", () => {
  const london = getZone("Europe/London");

  test("a string with Z or an offset is that instant", () => {
    expect(toEpochMs("2026-12-19T17:42:00Z", london, "t")).toBe(Date.UTC(2026, 11, 19, 17, 42));
    expect(toEpochMs("2026-07-01T09:00:00+05:30", london, "t")).toBe(Date.UTC(2026, 6, 1, 3, 30));
    expect(toEpochMs("2026-07-01T09:00-0400", london, "t")).toBe(Date.UTC(2026, 6, 1, 13));
  });

  test("a string without an offset is wall time in the zone; a date alone is its midnight", () => {
    expect(toEpochMs("2026-07-01T09:00", london, "t")).toBe(Date.UTC(2026, 6, 1, 8));
    expect(toEpochMs("2026-07-01", london, "t")).toBe(Date.UTC(2026, 5, 30, 23));
    expect(toEpochMs("2026-07-01 09:00:00.123456", london, "t")).toBe(Date.UTC(2026, 6, 1, 8, 0, 0, 123));
  });

  test("Dates and epoch milliseconds are taken as they are", () => {
    expect(toEpochMs(new Date(Date.UTC(2026, 0, 1)), london, "t")).toBe(Date.UTC(2026, 0, 1));
    expect(toEpochMs(0, london, "t")).toBe(0);
  });

  test.each([
    "2026-02-29T10:00",
    "2026-13-01",
    "2026-07-01T24:00",
    "2026-07-01T10:60",
    "1 July 2026",
    "",
    "2026-07-01T10:00+25:00",
  ])("%j is a RangeError naming the argument", (value) => {
    expect(() => toEpochMs(value, london, "receivedAt")).toThrow(RangeError);
    expect(() => toEpochMs(value, london, "receivedAt")).toThrow(/`receivedAt`/);
  });

  test.each([Number.NaN, 1.5, 9e15, new Date(Number.NaN)])("%s is a RangeError", (value) => {
    expect(() => toEpochMs(value, london, "t")).toThrow(RangeError);
  });

  test.each([null, undefined, {}, true])("%s is a TypeError", (value) => {
    expect(() => toEpochMs(value, london, "t")).toThrow(TypeError);
  });

  test("outputs carry milliseconds and a numeric offset, never Z", () => {
    expect(london.format(Date.UTC(2026, 0, 15, 12))).toBe("2026-01-15T12:00:00.000+00:00");
    expect(getZone("Asia/Kolkata").format(Date.UTC(2026, 0, 15, 12))).toBe("2026-01-15T17:30:00.000+05:30");
    expect(getZone("America/Toronto").format(Date.UTC(2026, 0, 15, 12, 0, 0, 7))).toBe("2026-01-15T07:00:00.007-05:00");
  });

  test("historical offsets with seconds keep them (Dublin Mean Time, 1900)", () => {
    expect(getZone("Europe/Dublin").format(Date.UTC(1900, 0, 1, 12))).toBe("1900-01-01T11:34:39.000-00:25:21");
  });

  test("an unknown zone is a RangeError naming the value", () => {
    expect(() => getZone("Mars/Olympus_Mons")).toThrow(/Mars\/Olympus_Mons/);
    expect(() => getZone("+05:00")).toThrow(RangeError);
  });
});
