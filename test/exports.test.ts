// Issue 21: the exports council systems really write. Each field a council's export can
// express (a constant, a date and a time in two columns, a duration after another field, a
// flag that sets an event, codes as values, formats tried in order per column, UTC columns,
// dates without a time), the refusals of what a mapping does not understand, the profiles
// (each fixture written from its system's documented names, with its report worked out by
// hand), interval counts through the command, --check-mapping, standards, reconcile and
// progress on a terminal.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { beforeAll, describe, expect, test } from "vitest";
import { resolveCharter } from "../src/cli/commands.js";
import { cmdReport, type Io } from "../src/cli/report.js";
import { scratchDir } from "./support.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const FIXTURES = new URL("./fixtures/profiles/", import.meta.url).pathname;
const dir = scratchDir("council-sla-exports-");

beforeAll(() => {
  if (!existsSync(CLI)) spawnSync("npx", ["tsup", "--silent"], { stdio: "inherit" });
}, 120_000);

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function cli(args: readonly string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

interface Row {
  standardId: string;
  inScope: number;
  met: number;
  breached: number;
  pending: number;
  notApplicable: number;
  late: number;
  outstanding: number;
  basis?: string;
  thresholds?: number[];
  worst: { contactId: string | number | null }[];
}
interface Report {
  rows: Row[];
  received: { first: string; last: string } | null;
  intervals?: { judged: number; calls: number };
  input: {
    read: number;
    judged: number;
    skipped: { total: number; reasons: { reason: string; count: number; first: string[] }[] };
    unmatched: { field: string; value: string; count: number }[];
  };
}

/** `report --format json`: the exit status, the report (when one was written) and standard error. */
function report(charter: string, path: string, args: readonly string[], now = "2026-11-30T23:59") {
  const r = cli(["report", "--charter", charter, "--now", now, "--format", "json", ...args, path]);
  let json: Report | undefined;
  try {
    json = JSON.parse(r.out) as Report;
  } catch {
    json = undefined;
  }
  return { status: r.status, report: json, err: r.err };
}

/** The rows that judged anything, with their figures (and the ids of their worst breaches). */
const judged = (rows: readonly Row[] | undefined) =>
  (rows ?? [])
    .filter((r) => r.inScope + r.notApplicable > 0)
    .map(({ standardId, inScope, met, breached, pending, notApplicable, late, outstanding, worst, basis }) => ({
      standardId,
      inScope,
      met,
      breached,
      pending,
      notApplicable,
      late,
      outstanding,
      worst: worst.map((w) => w.contactId),
      ...(basis === undefined ? {} : { basis }),
    }));

const row = (
  standardId: string,
  [inScope, met, breached, pending, notApplicable, late, outstanding]: number[],
  worst: (string | number)[] = [],
  basis?: string,
) => ({
  standardId,
  inScope,
  met,
  breached,
  pending,
  notApplicable,
  late,
  outstanding,
  worst,
  ...(basis === undefined ? {} : { basis }),
});

describe("fields a council's export can express", () => {
  // Dartford aims to answer 65% of calls within 20 seconds, 09:00-17:00 on working days.
  const calls = [
    "Ref,Queue,Date,Time,Wait (s),Abandoned (Y/N)",
    "C1,Main,23/11/2026,09:00:05,12,N",
    "C2,Main,23/11/2026,09:01:00,25,N",
    "C3,Main,23/11/2026,09:02,4,Y",
    "C4,Main,23/11/2026,09:03:00,30,Y",
    "C5,Main,23/11/2026,17:30:00,3,N",
  ].join("\n");
  const map = [
    "--map",
    "id=Ref",
    "--ignore",
    "Queue",
    "--set",
    "channel=telephone",
    "--map",
    "receivedAt.date=Date",
    "--map",
    "receivedAt.time=Time",
    "--date-format",
    "receivedAt=dd/MM/yyyy HH:mm:ss",
    "--date-format",
    "receivedAt=dd/MM/yyyy HH:mm",
    "--map",
    "answeredAt.flag=Abandoned (Y/N)",
    "--map",
    "answeredAt.yes=N",
    "--map",
    "answeredAt.after=receivedAt",
    "--map",
    "answeredAt.duration=Wait (s)",
    "--map",
    "abandonedAt.flag=Abandoned (Y/N)",
    "--map",
    "abandonedAt.yes=Y",
    "--map",
    "abandonedAt.after=receivedAt",
    "--map",
    "abandonedAt.duration=Wait (s)",
  ];

  test("a telephony export with no channel, two date columns, a wait in seconds and an abandoned flag, on the command line", () => {
    const r = report("dartford", file("calls.csv", calls), map);
    expect(r.status).toBe(0);
    // C1 met (12 s); C2 late (25 s); C3 hung up after 4 s (not applicable); C4 after 30 s (missed); C5 after 17:00.
    expect(judged(r.report?.rows)).toEqual([row("telephone.answer", [3, 1, 2, 0, 2, 1, 1], ["C4", "C2"])]);
    // The abandoned call tops the worst breaches by its 10 seconds late, not by the weeks since.
    expect(r.report?.rows[0]?.worst[0]).toMatchObject({ contactId: "C4", lateMs: 10_000 });
    expect(r.report?.input).toMatchObject({ read: 5, judged: 5, skipped: { total: 0 } });
  });

  test("the same mapping in a map file gives the same report", () => {
    const mapFile = file(
      "calls-map.json",
      JSON.stringify({
        set: { channel: "telephone" },
        columns: {
          id: "Ref",
          receivedAt: { date: "Date", time: "Time", formats: ["dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm"] },
          answeredAt: { flag: "Abandoned (Y/N)", yes: ["N"], after: "receivedAt", duration: "Wait (s)" },
          abandonedAt: {
            flag: "Abandoned (Y/N)",
            yes: "Y",
            after: "receivedAt",
            duration: "Wait (s)",
            unit: "seconds",
          },
        },
        ignore: ["Queue"],
      }),
    );
    const fromFile = report("dartford", file("calls2.csv", calls), ["--map-file", mapFile]);
    const fromOptions = report("dartford", file("calls3.csv", calls), map);
    expect(fromFile.status).toBe(0);
    expect(judged(fromFile.report?.rows)).toEqual(judged(fromOptions.report?.rows));
  });

  test("durations in minutes and h:mm:ss; a flag of yes/true/1 words by default", () => {
    const text = [
      "id,channel,receivedAt,FirstReplyMins,HandledIn,Resolved",
      "E1,email,2026-11-23T10:00,90,26:00:00,true",
      "E2,email,2026-11-20T16:30,4000,100:00:00,1",
      "E3,email,2026-11-24T09:00,,,no",
    ].join("\n");
    const args = [
      "--map",
      "acknowledgedAt.after=receivedAt",
      "--map",
      "acknowledgedAt.duration=FirstReplyMins",
      "--map",
      "acknowledgedAt.unit=minutes",
      "--map",
      "respondedAt.flag=Resolved",
      "--map",
      "respondedAt.after=receivedAt",
      "--map",
      "respondedAt.duration=HandledIn",
      "--map",
      "respondedAt.unit=hh:mm:ss",
    ];
    const r = report("copeland", file("durations.csv", text), args);
    expect(r.status).toBe(0);
    // E1: acknowledged 11:30 Monday, responded 12:00 Tuesday; E2 (Friday 16:30): acknowledged Monday 11:10, responded
    // Wednesday 20:30, after its due (Wednesday's end? no: 3 working days from Friday is Wednesday 25th, 100 h is
    // Wednesday 20:30: met); E3: nothing by the end of November.
    expect(judged(r.report?.rows)).toEqual([
      row("email.acknowledge", [3, 2, 1, 0, 0, 0, 1], ["E3"]),
      row("email.respond", [3, 2, 1, 0, 0, 0, 1], ["E3"]),
    ]);
  });

  test("numeric codes and words as values: caseorigincode 2 is email, 3 web-form, in JSON and CSV alike", () => {
    const values = ["--map-value", "channel:2=email", "--map-value", "channel:3=web-form"];
    const json = JSON.stringify([
      { id: "A", channel: 2, receivedAt: "2026-11-02T10:00", respondedAt: "2026-11-03T10:00" },
      { id: "B", channel: 3, receivedAt: "2026-11-02T10:00", respondedAt: "2026-11-03T10:00" },
    ]);
    const csv =
      "id,channel,receivedAt,respondedAt\nA,2,2026-11-02T10:00,2026-11-03T10:00\nB, 3 ,2026-11-02T10:00,2026-11-03T10:00\n";
    const fromJson = report("dartford", file("codes.json", json), values);
    const fromCsv = report("dartford", file("codes.csv", csv), values);
    expect(fromJson.status).toBe(0);
    expect(judged(fromJson.report?.rows).map((r) => [r.standardId, r.met])).toEqual([
      ["web-form.respond", 1],
      ["letter.respond", 1],
    ]);
    expect(judged(fromCsv.report?.rows)).toEqual(judged(fromJson.report?.rows));
  });

  test("a column of UTC times is read as UTC: 07:59:50 UTC in October is 08:59:50 in London, before the lines open", () => {
    const text =
      "id,channel,Start (UTC),answeredAt\nU1,telephone,2026-10-05 07:59:50,2026-10-05T08:59:55\nU2,telephone,2026-10-05 08:00:10,2026-10-05T09:00:25\n";
    const args = [
      "--map",
      "receivedAt=Start (UTC)",
      "--map",
      "receivedAt.zone=UTC",
      "--date-format",
      "receivedAt=yyyy-MM-dd HH:mm:ss",
    ];
    const r = report("dartford", file("utc.csv", text), args);
    expect(judged(r.report?.rows)).toEqual([row("telephone.answer", [1, 1, 0, 0, 1, 0, 0])]);
  });

  test("dates without a time: accepted where a standard counts working days only, a located skip where it needs the time", () => {
    const text = [
      "id,channel,receivedAt,respondedAt,answeredAt",
      "L1,letter,2026-11-02,2026-11-16,",
      "L2,letter,2026-11-02T15:00,2026-11-02,",
      "L3,letter,02/11/2026,17/11/2026,",
      "T1,telephone,2026-11-23,,2026-11-23T10:00",
    ].join("\n");
    const r = report("dartford", file("dates.csv", text), [
      "--date-format",
      "yyyy-MM-dd'T'HH:mm",
      "--date-format",
      "yyyy-MM-dd",
      "--date-format",
      "dd/MM/yyyy",
    ]);
    expect(r.status).toBe(1);
    // L1 responded on its due date (10 working days from Monday 2 November: Monday 16th): met. L2's response the same
    // day as its receipt is the end of that day, after the receipt. L3 a day late. T1: a call needs its time.
    expect(judged(r.report?.rows)).toEqual([row("letter.respond", [3, 2, 1, 0, 0, 1, 0], ["L3"])]);
    expect(r.report?.input.skipped).toEqual({
      total: 1,
      reasons: [
        {
          reason: "receivedAt without a time",
          code: "date_without_time",
          field: "receivedAt",
          count: 1,
          first: ["dates.csv:5"],
        },
      ],
    });
    expect(r.err).toContain(
      "dates.csv:5: skipped: receivedAt is a date without a time (2026-11-23), and telephone.answer (20 seconds) is counted in real time, so it needs the time of day",
    );
  });

  test.each([
    [["--map", "answeredAt.after=receivedAt"], /the command line: answeredAt: "after" needs "duration"/],
    [["--map", "answeredAt.duration=Wait"], /"duration" needs "after"/],
    [["--map", "answeredAt.flag=Done"], /a flag sets an event at a time/],
    [["--map", "receivedAt.zone=Europe/Paris", "--map", "receivedAt=Start"], /"zone" may only be UTC/],
    [
      ["--map", "answeredAt.after=receivedAt", "--map", "answeredAt.duration=W", "--map", "answeredAt.unit=fortnights"],
      /"unit" must be seconds, minutes, hours or hh:mm:ss, got "fortnights"/,
    ],
    [["--map", "answeredAt.colour=W"], /"answeredAt.colour": "colour" is not a key of a field's source/],
    [["--map", "channel.date=D", "--map", "channel.time=T"], /channel is not a time/],
    [
      [
        "--map",
        "answeredAt.after=respondedAt",
        "--map",
        "answeredAt.duration=A",
        "--map",
        "respondedAt.after=answeredAt",
        "--map",
        "respondedAt.duration=B",
      ],
      /go round in a circle \(answeredAt after respondedAt after answeredAt\)/,
    ],
    [["--map", "answeredAt.after=channel", "--map", "answeredAt.duration=W"], /"after" must name a time field/],
    [
      ["--set", "channel=telephone", "--map", "channel=Channel"],
      /the field channel is both set to a constant and read from a column/,
    ],
    [
      ["--profile", "teams"],
      /unknown profile "teams": the profiles are avaya-cms-split-interval, dynamics-365-incident/,
    ],
    [["--input", "calls"], /--input must be csv, json, ndjson, xlsx or intervals, got "calls"/],
  ])("refused by name: %j", (args, message) => {
    const r = cli([
      "report",
      "--charter",
      "dartford",
      "--now",
      "2026-11-30T23:59",
      ...args,
      file("any.csv", "id,channel,receivedAt\n"),
    ]);
    expect([r.status, r.err]).toEqual([2, expect.stringMatching(message)]);
  });

  test("a map file's source with an unknown key is refused by name", () => {
    const path = file(
      "bad-source.json",
      JSON.stringify({ columns: { answeredAt: { after: "receivedAt", seconds: "Wait" } } }),
    );
    const r = cli([
      "report",
      "--charter",
      "dartford",
      "--now",
      "2026-11-30T23:59",
      "--map-file",
      path,
      file("a.csv", "x\n"),
    ]);
    expect([r.status, r.err]).toEqual([
      2,
      expect.stringMatching(
        /columns.answeredAt: unknown key "seconds" \(a field's source has column, date, time, after, duration/,
      ),
    ]);
  });
});

/** Each profile's fixture, written from the documented names, and its report worked out by hand (see each case). */
const GOLDEN: Record<string, { charter: string; rows: ReturnType<typeof row>[]; read: number; unmatched?: string[] }> =
  {
    // T1 12 s, T2 20 s (at the limit: met), T10 19 s (08:00:10 UTC is 09:00:10 BST), T12 8 s: met. T3 answered after
    // 21 s, T4 timed out, T6 abandoned after 35 s, T11 overflowed: missed. T5 abandoned after 4 s, T7 after 17:00, T8 a
    // Saturday, T9 08:59:50 BST: not applicable. The worst: never answered first (T4, then T11), then 15 s, 1 s late.
    "teams-call-queue": {
      charter: "dartford",
      rows: [row("telephone.answer", [8, 4, 4, 0, 4, 1, 3], ["T4", "T11", "T6", "T3"])],
      read: 12,
    },
    // 1001 (10 s), 1006 (20 s), 1007 (8 s, a time without seconds): met. 1002 (45 s) and 1008 (21 s) answered late, 1004
    // abandoned after 40 s: missed. 1003 abandoned after 3 s, 1005 at 08:45: not applicable.
    "nice-cxone-call-detail": {
      charter: "dartford",
      rows: [row("telephone.answer", [6, 3, 3, 0, 2, 2, 1], ["1002", "1004", "1008"])],
      read: 8,
    },
    // Web forms (2 working days): CAS-01002 (Thursday 5 November, resolved Tuesday 10th, due Monday 9th) late; CAS-01004
    // (Monday 23rd, due Wednesday 25th) still open. Emails (10 working days): CAS-01001 and CAS-01005 resolved in time,
    // CAS-01003 (Friday 20th, due Friday 4 December) pending. CAS-01006 came by Facebook: Dartford has no standard for it.
    "dynamics-365-incident": {
      charter: "dartford",
      rows: [
        row("web-form.respond", [2, 0, 2, 0, 0, 1, 1], ["CAS-01004-G7H8", "CAS-01002-C3D4"]),
        row("letter.respond", [3, 2, 0, 1, 0, 0, 1]),
      ],
      read: 6,
      unmatched: ["social-media"],
    },
    // 00001002 (Tuesday 3rd, closed Thursday 5th, due 5th) met; 00001003 (Friday 6th, closed Wednesday 11th, due Tuesday
    // 10th) late. 00001001 met; 00001004 (Thursday 26th, due 10 December) pending.
    "salesforce-case": {
      charter: "dartford",
      rows: [
        row("web-form.respond", [2, 1, 1, 0, 0, 1, 0], ["00001003"]),
        row("letter.respond", [2, 1, 0, 1, 0, 0, 1]),
      ],
      read: 4,
    },
    // INC0010002 (Wednesday 17:30, resolved Friday 09:00, due Friday) met; INC0010003 (on hold since Monday 16th, due
    // Wednesday 18th) open. INC0010001 met; INC0010005 (Monday 9th, due Monday 23rd, resolved 24th) late; INC0010004
    // (Friday 27th) pending.
    "servicenow-incident": {
      charter: "dartford",
      rows: [
        row("web-form.respond", [2, 1, 1, 0, 0, 0, 1], ["INC0010003"]),
        row("letter.respond", [3, 1, 1, 1, 0, 1, 1], ["INC0010005"]),
      ],
      read: 5,
    },
    // Copeland: acknowledged within 1 working day (first reply: 101 after 90 min, 102 after 4,000 min on Monday 11:10,
    // 106 after 20 min), 103 never; responded within 3 (101 Wednesday, due Thursday; 102 Thursday, due Wednesday 25th; 103
    // never; 106 pending). 104, a voicemail, answered the next day. 105 came by the web: Copeland has no standard for it.
    "zendesk-tickets": {
      charter: "copeland",
      rows: [
        row("email.acknowledge", [4, 3, 1, 0, 0, 0, 1], ["103"]),
        row("email.respond", [4, 1, 2, 1, 0, 1, 2], ["103", "102"]),
        row("voicemail.respond", [1, 1, 0, 0, 0, 0, 0]),
      ],
      read: 6,
      unmatched: ["web-form"],
    },
    // 09:00: 20 offered, 12 within 20 s, 1 short abandon, so 7 missed (5 answered late); 09:30: 25, 20 within, 5 missed
    // (4 late); 17:00 (closed) and Saturday: 7 not applicable; Tuesday 10:00: 9 within, 1 short abandon. 41 of 53: 77%.
    "avaya-cms-split-interval": {
      charter: "dartford",
      rows: [row("telephone.answer", [53, 41, 12, 0, 9, 9, 3], [], "intervals")],
      read: 5,
    },
  };

describe("profiles: with only --profile and --now, each fixture gives its golden report", () => {
  test("every shipped profile has a fixture and a golden report, and cites its documentation", () => {
    const shipped = readdirSync(new URL("../profiles/", import.meta.url)).map((f) => f.replace(/\.json$/, ""));
    expect(shipped.sort()).toEqual(Object.keys(GOLDEN).sort());
    const listed = JSON.parse(cli(["profiles", "--json"]).out) as { name: string; source: { url: string } }[];
    expect(listed.map((p) => p.name).sort()).toEqual(shipped.sort());
    for (const p of listed) expect(p.source.url).toMatch(/^https:\/\//);
  });

  test.each(Object.entries(GOLDEN))("%s", (name, golden) => {
    const r = report(golden.charter, join(FIXTURES, `${name}.csv`), ["--profile", name]);
    expect([r.status, r.err]).toEqual([0, ""]);
    expect(judged(r.report?.rows)).toEqual(golden.rows);
    expect(r.report?.input).toMatchObject({ read: golden.read, judged: golden.read, skipped: { total: 0 } });
    expect(r.report?.input.unmatched.map((u) => u.value)).toEqual(golden.unmatched ?? []);
  });

  test("--map and --set override a profile's entries; the profiles table lists each with its system", () => {
    // Teams' ConferenceID as the id replaced by DialogID; the channel set to voicemail instead of telephone.
    const path = join(FIXTURES, "teams-call-queue.csv");
    const r = report("dartford", path, ["--profile", "teams-call-queue", "--map", "id=DialogID"]);
    expect(r.report?.rows[0]?.worst.map((w) => w.contactId)).toEqual(["d4", "d11", "d6", "d3"]);
    const v = report("copeland", path, ["--profile", "teams-call-queue", "--set", "channel=voicemail"]);
    expect(judged(v.report?.rows).map((x) => x.standardId)).toEqual(["voicemail.respond"]);
    const table = cli(["profiles"]);
    expect(table.out).toMatch(/teams-call-queue\s+Microsoft Teams call queues/);
    expect(table.out).toMatch(/avaya-cms-split-interval\s+Avaya Call Management System.*intervals/);
  });

  test("a profile's otherColumns: ignore leaves out columns it does not name, and says which", () => {
    const text = readFileSync(join(FIXTURES, "salesforce-case.csv"), "utf8")
      .replace(/\n/g, ",x\n")
      .replace("IsViolated,x", "IsViolated,OwnerId");
    const r = report("dartford", file("sf-extra.csv", text), ["--profile", "salesforce-case"]);
    expect(r.status).toBe(0);
    expect(r.err).toContain('sf-extra.csv: left out, as the profile says of columns it does not name: "OwnerId"');
  });
});

describe("interval counts through the command", () => {
  /** Calls of a day: received each minute from 09:00, answered or abandoned after 0 to 40 seconds. */
  const calls = Array.from({ length: 240 }, (_, i) => {
    const t = Date.UTC(2026, 10, 23, 9, 0) + i * 60_000 + (i % 7) * 1000;
    const after = (i * 13) % 41;
    return {
      at: new Date(t).toISOString().slice(0, 19),
      after,
      outcome: i % 5 === 0 ? "abandoned" : i % 11 === 0 ? "lost" : "answered",
    };
  });
  const plus = (wall: string, s: number) => new Date(Date.parse(`${wall}Z`) + s * 1000).toISOString().slice(0, 19);
  const contactCsv = [
    "id,channel,receivedAt,answeredAt,abandonedAt",
    ...calls.map(
      (c, i) =>
        `C${i},telephone,${c.at},${c.outcome === "answered" ? plus(c.at, c.after) : ""},${c.outcome === "abandoned" ? plus(c.at, c.after) : ""}`,
    ),
  ].join("\n");
  const byInterval = new Map<string, number[]>();
  for (const c of calls) {
    const start = `${c.at.slice(0, 14)}${String(Math.floor(Number(c.at.slice(14, 16)) / 15) * 15).padStart(2, "0")}`;
    const n = byInterval.get(start) ?? [0, 0, 0, 0, 0];
    byInterval.set(start, n);
    n[0] = (n[0] as number) + 1;
    if (c.outcome === "answered") {
      n[1] = (n[1] as number) + 1;
      if (c.after <= 20) n[2] = (n[2] as number) + 1;
    }
    if (c.outcome === "abandoned") {
      n[3] = (n[3] as number) + 1;
      if (c.after < 20) n[4] = (n[4] as number) + 1;
    }
  }
  const intervalCsv = [
    "Interval,Calls,Answered,Within SL,Abandoned,Short abandons",
    ...[...byInterval].map(([start, n]) => [start, ...n].join(",")),
  ].join("\n");
  const intervalArgs = [
    "--input",
    "intervals",
    "--set",
    "channel=telephone",
    "--set",
    "intervalMinutes=15",
    "--set",
    "thresholdSeconds=20",
    "--map",
    "intervalStart=Interval",
    "--map",
    "offered=Calls",
    "--map",
    "answered=Answered",
    "--map",
    "answeredWithin=Within SL",
    "--map",
    "abandoned=Abandoned",
    "--map",
    "abandonedWithin=Short abandons",
  ];

  test.each(["by-limit", "missed", "excluded"])(
    "interval rows built from a contact-level file give its met and breached counts: --abandoned %s",
    (policy) => {
      const fromCalls = report("dartford", file("day.csv", contactCsv), ["--abandoned", policy]);
      const fromIntervals = report("dartford", file("day-intervals.csv", intervalCsv), [
        ...intervalArgs,
        "--abandoned",
        policy,
      ]);
      expect(fromIntervals.status).toBe(0);
      const figures = (rows: Row[] | undefined) => judged(rows).map(({ worst: _w, basis: _b, ...counts }) => counts);
      expect(figures(fromIntervals.report?.rows)).toEqual(figures(fromCalls.report?.rows));
      expect(fromIntervals.report?.rows[0]?.basis).toBe("intervals");
      expect(fromIntervals.report?.input).toMatchObject({ read: byInterval.size, judged: byInterval.size });
    },
  );

  test("an interval's start without a time is a located skip; an interval not over at --now too", () => {
    const text =
      "Interval,Calls,Answered,Within SL,Abandoned,Short abandons\n2026-11-23,4,4,4,0,0\n2026-11-30T23:45,4,4,4,0,0\n";
    const r = report("dartford", file("dated-intervals.csv", text), intervalArgs);
    expect(r.status).toBe(1);
    expect(r.report?.input.skipped.reasons.map((x) => [x.reason, x.first])).toEqual([
      ["intervalStart without a time", ["dated-intervals.csv:2"]],
      ["invalid contact", ["dated-intervals.csv:3"]],
    ]);
    expect(r.err).toContain("intervalStart is a date without a time (2026-11-23)");
    expect(r.err).toContain("had not ended at 2026-11-30T23:59:00.000+00:00");
  });

  test("with --jobs 2 the workers read derived fields and interval counts as this thread does: the same report, byte for byte", () => {
    const results = ["agent_joined_conference", "transferred_to_agent", "timed_out", "failed", "overflown"];
    const lines = [
      "ConferenceID,Call Start Time UTC,Call Queue Call Result,IsAbandoned,Average Call Queue Duration (Sec),Average Call Duration (Seconds)",
    ];
    for (let i = 0; i < 45_000; i++) {
      const at = new Date(Date.UTC(2026, 9, 1, 8) + i * 97_000).toISOString().slice(0, 19).replace("T", " ");
      const result = results[i % 5] as string;
      lines.push(`X${i},${at},${result},${result === "failed" ? "True" : "False"},${i % 40},${i % 30}`);
    }
    const path = file("teams-big.csv", `${lines.join("\n")}\n`);
    const args = [
      "report",
      "--charter",
      "dartford",
      "--profile",
      "teams-call-queue",
      "--now",
      "2026-12-31T23:59",
      "--format",
      "json",
    ];
    const one = cli([...args, "--jobs", "1", path]);
    const two = cli([...args, "--jobs", "2", path]);
    expect([one.status, two.status]).toEqual([0, 0]);
    expect(two.out).toBe(one.out);
    expect((JSON.parse(one.out) as Report).input).toMatchObject({ read: 45_000, judged: 45_000 });
  });

  test("interval rows and contact rows of one charter merge into one report", () => {
    const a = cli([
      "report",
      "--charter",
      "dartford",
      "--now",
      "2026-11-30T23:59",
      "--format",
      "json",
      join(FIXTURES, "teams-call-queue.csv"),
      "--profile",
      "teams-call-queue",
    ]);
    const b = cli([
      "report",
      "--charter",
      "dartford",
      "--now",
      "2026-11-30T23:59",
      "--format",
      "json",
      join(FIXTURES, "avaya-cms-split-interval.csv"),
      "--profile",
      "avaya-cms-split-interval",
    ]);
    const merged = cli(["merge", file("calls.json", a.out), file("intervals.json", b.out), "--format", "json"]);
    expect(merged.status).toBe(0);
    const whole = JSON.parse(merged.out) as Report;
    expect(judged(whole.rows)[0]).toMatchObject({
      met: 45,
      breached: 16,
      notApplicable: 13,
      basis: "contacts and intervals",
    });
    expect(whole.input).toMatchObject({ read: 17, judged: 17 });
    expect(cli(["merge", file("calls-again.json", a.out), file("intervals-again.json", b.out)]).out).toContain(
      "telephone.answer: judged from contacts and interval counts.",
    );
  });

  test("a threshold column other than the limit: each row skipped naming both; --allow-threshold judges it and the report says so", () => {
    const text =
      "row_date,starttime,intrvl,callsoffered,acdcalls,abncalls,acceptable,servicelevel,slvlabns\n2026-11-23,900,30,20,17,3,12,30,1\n";
    const refused = report("dartford", file("sl30.csv", text), ["--profile", "avaya-cms-split-interval"]);
    expect(refused.status).toBe(1);
    expect(refused.err).toContain(
      "`interval.thresholdSeconds` is 30 seconds, but telephone.answer has a limit of 20 seconds",
    );
    const allowed = report("dartford", file("sl30b.csv", text), [
      "--profile",
      "avaya-cms-split-interval",
      "--allow-threshold",
    ]);
    expect(allowed.status).toBe(0);
    expect(allowed.report?.rows[0]).toMatchObject({ met: 12, basis: "intervals", thresholds: [30] });
    const table = cli([
      "report",
      "--charter",
      "dartford",
      "--now",
      "2026-11-30T23:59",
      "--profile",
      "avaya-cms-split-interval",
      "--allow-threshold",
      file("sl30c.csv", text),
    ]);
    expect(table.out).toContain(
      "telephone.answer: judged from interval counts, with counts within 30 s, which is not its limit (--allow-threshold).",
    );
  });
});

describe("finding the words", () => {
  test("standards --charter lists each standard's channels, category, stage, limit, firmness and the events it reads", () => {
    const r = cli(["standards", "--charter", "dartford"]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(
      /letter\.complaint\.respond\s+letter, email, web-form\s+complaint\s+respond\s+10 working days\s+we aim to\s+respondedAt, acknowledgedAt \(the clock starts\), promisedBy, pauses/,
    );
    expect(r.out).toMatch(
      /telephone\.answer\s+telephone\s+\(any\)\s+answer\s+20 seconds\s+65%\s+we aim to\s+answeredAt, abandonedAt, pauses, \(office hours only\)/,
    );
    expect(r.out).toContain("Judged from interval counts (--input intervals): telephone.answer.");
    const json = JSON.parse(cli(["standards", "--charter", "dartford", "--json"]).out) as {
      id: string;
      reads: string[];
    }[];
    expect(json.find((s) => s.id === "letter.respond")?.reads).toEqual([
      "respondedAt",
      "promisedBy",
      "acknowledgedAt",
      "pauses",
    ]);
  });

  test("report --check-mapping shows which field each column feeds and the values with the standards they reach, then stops", () => {
    const text = [
      "Ref,Type,Kind,Received,Answered",
      ...Array.from(
        { length: 1200 },
        (_, i) =>
          `R${i},${i % 3 === 0 ? "Letter" : "E-mail"},${i % 4 === 0 ? "Complaint (Stage 1)" : ""},2026-11-02T10:00,`,
      ),
    ].join("\n");
    const args = [
      "--map",
      "id=Ref",
      "--map",
      "channel=Type",
      "--map",
      "category=Kind",
      "--map",
      "receivedAt=Received",
      "--map",
      "respondedAt=Answered",
    ];
    const values = ["--map-value", "channel:Letter=letter", "--map-value", "channel:E-mail=email"];
    const r = cli([
      "report",
      "--charter",
      "dartford",
      "--now",
      "2026-11-30T23:59",
      ...args,
      ...values,
      "--check-mapping",
      file("check.csv", text),
    ]);
    expect([r.status, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("check.csv: the header and the first 1,000 rows, read as contacts");
    expect(r.out).toMatch(/Type\s+channel/);
    // The category words reach none of the complaint standards: the emails and letters reach letter.respond only.
    expect(r.out).toMatch(/email\s+letter\.respond\s+666\n/);
    expect(r.out).toMatch(/letter\s+letter\.respond\s+334\n/);
    expect(r.out).toMatch(
      /Complaint \(Stage 1\)\s+letter\.respond \(no standard has this category: only the channel's general standards judge it\)\s+250/,
    );
    expect(r.out).toContain("Nothing was judged (--check-mapping)");
  });
});

describe("reconcile", () => {
  /** A weekdays-only clock, as some systems keep: N weekdays after the receipt's date, no holidays. */
  function weekdaysAfter(date: string, n: number): string {
    let t = Date.parse(`${date}T12:00:00Z`);
    for (let left = n; left > 0; ) {
      t += 86_400_000;
      const day = new Date(t).getUTCDay();
      if (day !== 0 && day !== 6) left--;
    }
    return new Date(t).toISOString().slice(0, 10);
  }
  // Letters to Dartford (10 working days) received on each weekday from 1 December 2026 to 29 January 2027 (Christmas,
  // Boxing Day's substitute and New Year's Day among them), answered on the weekday-only due; every seventh with an
  // acknowledgement promising a date, every fifth paused for two weeks over the holidays.
  const lines: string[] = ["Ref,Channel,Received,Acknowledged,Promised,Responded,Paused,Due (system),Status (system)"];
  for (
    let t = Date.parse("2026-12-01T10:00:00Z"), i = 0;
    t < Date.parse("2027-01-30T00:00:00Z");
    t += 86_400_000, i++
  ) {
    const date = new Date(t).toISOString().slice(0, 10);
    const day = new Date(t).getUTCDay();
    if (day === 0 || day === 6) continue;
    const due = weekdaysAfter(date, 10);
    const promise = i % 7 === 0 ? weekdaysAfter(due, 5) : "";
    const ack = promise === "" ? "" : `${weekdaysAfter(date, 1)}T09:00`;
    const paused = i % 5 === 0 && date < "2026-12-20" ? "2026-12-21T00:00/2027-01-04T00:00" : "";
    const responded = promise === "" ? `${due}T15:00` : `${promise}T15:00`;
    const status = responded.slice(0, 10) <= due ? "Met" : "Breached";
    lines.push(`L${i},letter,${date}T10:00,${ack},${promise},${responded},${paused},${due},${status}`);
  }
  const path = file("weekdays.csv", lines.join("\n"));
  const args = [
    "--map",
    "id=Ref",
    "--map",
    "channel=Channel",
    "--map",
    "receivedAt=Received",
    "--map",
    "acknowledgedAt=Acknowledged",
    "--map",
    "promisedBy=Promised",
    "--map",
    "respondedAt=Responded",
    "--map",
    "pauses=Paused",
    "--compare",
    "dueDate=Due (system)",
    "--compare",
    "verdict=Status (system)",
    "--verdict-word",
    "Met=met",
    "--verdict-word",
    "Breached=breached",
  ];

  test("explains every disagreement on a fixture built with a weekdays-only clock, with totals by reason", () => {
    const r = cli([
      "reconcile",
      "--charter",
      "dartford",
      "--now",
      "2027-03-31T23:59",
      "--format",
      "json",
      ...args,
      path,
    ]);
    expect([r.status, r.err]).toEqual([0, ""]);
    const result = JSON.parse(r.out) as {
      rows: number;
      compared: number;
      agreed: number;
      disagreements: { reason: string; explanation: string; id: string }[];
      byReason: Record<string, number>;
    };
    expect(result.rows).toBe(lines.length - 1);
    expect(result.compared).toBe(result.rows);
    expect(result.disagreements.length).toBeGreaterThan(20);
    expect(result.disagreements.filter((d) => d.reason === "unexplained")).toEqual([]);
    expect(Object.keys(result.byReason).sort()).toEqual([
      "holiday counted as a working day",
      "pause over a holiday",
      "promise",
    ]);
    expect(Object.values(result.byReason).reduce((a, b) => a + b, 0)).toBe(result.disagreements.length);
    expect(result.agreed + result.disagreements.length).toBe(result.compared);
    // A letter of Monday 21 December: the system's tenth weekday is 4 January; the charter's skips Christmas Day, the
    // substitute for Boxing Day and New Year's Day.
    const christmas = result.disagreements.find((d) => d.id === "L20");
    expect(christmas?.explanation).toBe(
      "Christmas Day (Friday 25 December 2026), Boxing Day (substitute day) (Monday 28 December 2026) and New Year’s Day (Friday 1 January 2027) counted as working days by the system; the charter's calendar does not work them",
    );
    const table = cli(["reconcile", "--charter", "dartford", "--now", "2027-03-31T23:59", ...args, path]);
    expect(table.out).toMatch(/holiday counted as a working day\s+\d+\n/);
  });

  test("a clock change: a system that adds the limit on the wall clock has its due an hour off", () => {
    const charter = JSON.parse(readFileSync(new URL("../charters/dartford.json", import.meta.url), "utf8"));
    charter.id = "hours";
    charter.customerObligations = [];
    charter.standards = [
      { id: "email.respond", channels: ["email"], stage: "respond", limit: { hours: 48 }, quote: "within 48 hours" },
    ];
    const charterPath = file("hours.json", JSON.stringify(charter));
    const text =
      "id,channel,receivedAt,respondedAt,due\nH1,email,2026-03-27T12:00,2026-03-29T12:30,2026-03-29T12:00\nH2,email,2026-03-02T12:00,2026-03-04T11:00,2026-03-04T12:00\n";
    const r = cli([
      "reconcile",
      "--charter",
      charterPath,
      "--now",
      "2026-04-30",
      "--compare",
      "dueDate=due",
      "--format",
      "json",
      file("dst.csv", text),
    ]);
    const result = JSON.parse(r.out) as {
      disagreements: { id: string; reason: string; explanation: string }[];
      agreed: number;
    };
    expect(result.agreed).toBe(1);
    expect(result.disagreements).toEqual([
      expect.objectContaining({
        id: "H1",
        reason: "clock change",
        explanation:
          "a clock change between receipt and due: the system counted the limit on the wall clock, so its due is 1 hour earlier",
      }),
    ]);
  });

  test("every profile whose system writes a verdict maps it: reconcile --profile needs nothing else", () => {
    for (const name of ["nice-cxone-call-detail", "dynamics-365-incident", "salesforce-case", "servicenow-incident"]) {
      const r = cli([
        "reconcile",
        "--charter",
        "dartford",
        "--now",
        "2026-11-30T23:59",
        "--profile",
        name,
        "--format",
        "json",
        join(FIXTURES, `${name}.csv`),
      ]);
      expect([name, r.status, r.err]).toEqual([name, 0, ""]);
      expect((JSON.parse(r.out) as { disagreements: unknown[] }).disagreements).toEqual([]);
    }
    const none = cli([
      "reconcile",
      "--charter",
      "dartford",
      "--now",
      "2026-11-30T23:59",
      "--profile",
      "teams-call-queue",
      join(FIXTURES, "teams-call-queue.csv"),
    ]);
    expect([none.status, none.err]).toEqual([2, expect.stringMatching(/reconcile needs what to compare/)]);
  });
});

describe("progress for long runs", () => {
  /** A writable that keeps what it is given, and says it is a terminal or not. */
  function sink(isTTY: boolean) {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }) as Writable & { isTTY?: boolean };
    stream.isTTY = isTTY;
    return { stream, text: () => chunks.join(""), chunks };
  }
  const big = file(
    "big.csv",
    [
      "id,channel,receivedAt,respondedAt",
      ...Array.from({ length: 60_000 }, (_, i) => `E${i},email,2026-11-02T10:00,2026-11-03T10:00`),
    ].join("\n"),
  );

  async function run(isTTY: boolean, env: Record<string, string>, extra: string[] = []) {
    const out = sink(false);
    const err = sink(isTTY);
    let t = 0;
    // A clock that moves 150 ms each time it is read: progress may show from the second second, ten times a second at most.
    const io: Io = { stdout: out.stream, stderr: err.stream, stdin: process.stdin, env, clock: () => (t += 150) };
    const code = await cmdReport(
      ["--charter", "copeland", "--now", "2026-11-30T23:59", ...extra, big],
      io,
      resolveCharter,
      () => 0,
    );
    return { code, out: out.text(), err: err.text(), writes: err.chunks, elapsed: t };
  }

  test("on a terminal without CI: rows read, rows a second, the share of the file and the time left, on one line, then cleared", async () => {
    const r = await run(true, {});
    expect(r.code).toBe(0);
    const updates = r.writes.filter((w) => w.startsWith("\r") && w.length > 4);
    expect(updates.length).toBeGreaterThan(1);
    // Each update returns to the start of the line, and erases what a longer one left after it.
    const ERASE = "\u001b[K";
    expect(updates[0]?.endsWith(ERASE)).toBe(true);
    expect(updates[0]?.slice(1, -ERASE.length)).toMatch(
      /^[\d,]+ rows read, [\d,]+ a second, \d+% of the file, about \d+ (s|min) left$/,
    );
    // At most ten a second of the clock, none in its first second.
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(r.elapsed / 100));
    expect(r.writes.at(-1)).toBe("\r\u001b[K");
    expect(r.out).not.toMatch(/rows read, [\d,]+ a second/);
    expect(r.out).toContain("60000 rows read, 60000 judged");
  });

  test("never with CI set, never in a pipe, never with --quiet", async () => {
    expect((await run(true, { CI: "true" })).err).toBe("");
    expect((await run(false, {})).err).toBe("");
    expect((await run(true, {}, ["--quiet"])).err).toBe("");
  });
});
