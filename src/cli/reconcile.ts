/**
 * `council-sla reconcile`: a system's own due dates and verdicts (its SLA timer's) against
 * the charter's. Every row where they disagree is listed with the reason in words, found by
 * recomputing the due the way the system might have: without the charter's holidays and
 * closures (a bank holiday counted as a working day), with a pause over a holiday counted
 * differently, in another offset across a clock change, without the promise that extended
 * the due, or counting the day of receipt. Totals by reason follow. A disagreement none of
 * those explains is listed as unexplained, with how far apart the two dues are.
 *
 * @module
 */
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { civilFromDays, readDate, weekdayIndex } from "../calendar/civil.js";
import { MONTH_NAMES, WEEKDAY_NAMES } from "../words.js";
import { toEpochMs } from "../calendar/instant.js";
import type { CalendarEngine } from "../calendar/working-calendar.js";
import { engineOf } from "../calendar/calendar-for.js";
import { checkedCharter } from "../charter/parse.js";
import type { Charter, Contact } from "../charter/schema.js";
import { isDayBased } from "../charter/units.js";
import type { Channel } from "../concepts.js";
import { bundledHolidays, isHolidayRegion } from "../holidays/index.js";
import { computeDue, type Pauses } from "../rules/clocks.js";
import { type ReadContact, readContact } from "../rules/contact.js";
import { evaluationOf } from "../rules/evaluate.js";
import { coverOf, type CompiledStandard, standardById, standardsInAnyVersion } from "../rules/standard.js";
import {
  COMMAND_OPTIONS,
  isMember,
  RECONCILE_FORMATS,
  type ReconcileReason,
  type Skip,
  type VerdictWord,
} from "./concepts.js";
import { csvCell, table } from "./format.js";
import { readCsvBlock } from "./input/csv.js";
import { hasDateOnly, withDates } from "./input/date-only.js";
import { readNdjsonBlock } from "./input/json.js";
import {
  type CompareSpec,
  compareLayer,
  compareOf,
  contactOrError,
  type Mapping,
  planOfHeader,
  RowError,
  type RowPlan,
  readyToRead,
  timeOfRow,
  wordKey,
} from "./input/mapping.js";
import { inputOption, mappingFromOptions } from "./input/options.js";
import type { RawRow } from "./input/rows.js";
import { Failure } from "./input/source.js";
import { columnsOf } from "./input/sources.js";
import { cli, print } from "./words.js";
import type { Io } from "./partial.js";
import { inputOf } from "./report.js";

/** One row where the system and the charter disagree. */
export interface Disagreement {
  readonly line: number;
  readonly id: string | null;
  readonly standardId: string;
  readonly receivedAt: string;
  readonly charterDue: string;
  readonly systemDue: string | null;
  readonly charterVerdict: string;
  readonly systemVerdict: string | null;
  readonly reason: ReconcileReason;
  readonly explanation: string;
}

/** A due as the charter or the system has it: its instant, and its local date. */
interface Due {
  readonly ms: number;
  readonly day: number;
}

/** The calendar of a charter without its holidays or closures: weekdays of its working week only. */
function weekdaysOnly(charter: Charter): { charter: Charter; engine: CalendarEngine } {
  const { closures: _c, recurringClosures: _r, extraWorkingDates: _e, ...rest } = charter.calendar;
  const plain = checkedCharter({
    ...charter,
    calendar: { ...rest, closures: [], recurringClosures: [], extraWorkingDates: [] },
  });
  const region = charter.calendar.holidays;
  const bundled = isHolidayRegion(region) ? bundledHolidays(region) : undefined;
  const table = {
    region,
    title: "no holidays",
    firstYear: bundled?.firstYear ?? 2000,
    lastYear: bundled?.lastYear ?? 2099,
    source: "none: weekdays only",
    days: new Map<number, string>(),
  };
  return { charter: plain, engine: engineOf(plain, { holidays: table }) };
}

/** The words of a date: "Friday 25 December 2026". */
function dayWords(day: number): string {
  const [year, month, date] = civilFromDays(day);
  return `${WEEKDAY_NAMES[weekdayIndex(day)]} ${date} ${MONTH_NAMES[month - 1]} ${year}`;
}

/**
 * The non-working days between two dates (exclusive, inclusive) that are holidays or
 * closures, in words: those outside pauses, or (`inside`) those within one.
 */
function holidaysBetween(
  engine: CalendarEngine,
  from: number,
  to: number,
  paused: (day: number) => boolean = () => false,
  inside = false,
): string[] {
  const out: string[] = [];
  for (let d = Math.min(from, to) + 1; d <= Math.max(from, to); d++) {
    const why = engine.days.reasonFor(d);
    if (why !== undefined && why.reason !== "weekend" && paused(d) === inside)
      out.push(`${why.name ?? why.reason} (${dayWords(d)})`);
  }
  return out;
}

const joinWords = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

interface Judged {
  readonly rule: CompiledStandard;
  readonly read: ReadContact;
  readonly due: Due;
  /** The charter's own due, before any promise extended it. */
  readonly ownDue: Due;
  readonly completedMs: number | undefined;
  readonly status: string;
  readonly by: string | undefined;
}

/** Whether a system's due equals a due, as the standard counts: by date for day-based limits, by instant otherwise. */
function same(rule: CompiledStandard, system: Due, due: Due): boolean {
  return isDayBased(rule.unit) ? system.day === due.day : system.ms === due.ms;
}

/** The verdict a due would give the contact at now. */
function verdictAt(j: Judged, dueMs: number, now: number): "met" | "breached" | "pending" {
  if (j.completedMs !== undefined) return j.completedMs <= dueMs ? "met" : "breached";
  return now > dueMs ? "breached" : "pending";
}

interface Candidate {
  readonly reason: ReconcileReason;
  readonly due: Due;
  readonly words: string;
}

/** The dues the system might have computed, each with its reason in words. */
function candidates(
  engine: CalendarEngine,
  plain: { charter: Charter; engine: CalendarEngine },
  j: Judged,
): Candidate[] {
  const out: Candidate[] = [];
  const { rule, read } = j;
  const zone = engine.zone;
  const at = (ms: number): Due => ({ ms, day: zone.localDay(ms) });
  if (j.by === "promise")
    out.push({
      reason: "promise",
      due: j.ownDue,
      words: cli.reasonPromise(dayWords(j.ownDue.day), dayWords(j.due.day)),
    });
  if (isDayBased(rule.unit)) {
    const plainRule = standardById(plain.charter, rule.id);
    const start = rule.fromAcknowledgement ? (read.events.acknowledgedAt ?? read.receivedAt) : read.receivedAt;
    const times = computeDue({
      engine: plain.engine,
      rule: plainRule,
      receivedMs: read.receivedAt,
      startMs: start,
      pauses: read.pauses,
      trace: undefined,
    });
    // A working-day clock disregards every day from a pause's first local date to its last.
    const paused = (day: number) =>
      read.pauses.some(([from, to]) => day >= zone.localDay(from) && day <= zone.localDay(to - 1));
    const receipt = zone.localDay(read.receivedAt);
    const holidays = holidaysBetween(engine, receipt, j.ownDue.day, paused);
    if (times.dueDay !== undefined && holidays.length > 0)
      out.push({
        reason: "holiday counted as a working day",
        due: at(times.dueMs),
        words: cli.reasonHoliday(joinWords(holidays)),
      });
    // A pause over a holiday: the system counts the holiday inside the pause as a paused working day, or not at all.
    const inPauses = holidaysBetween(engine, receipt, j.ownDue.day, paused, true);
    // A system whose clock does not stop for the pause, with the charter's calendar or with weekdays only.
    if (read.pauses.length > 0) {
      for (const [engineFor, ruleFor] of [
        [engine, rule],
        [plain.engine, plainRule],
      ] as const) {
        const unpaused = computeDue({
          engine: engineFor,
          rule: ruleFor,
          receivedMs: read.receivedAt,
          startMs: start,
          pauses: [],
          trace: undefined,
        });
        const [from, to] = read.pauses[0] as [number, number];
        out.push({
          reason: inPauses.length > 0 ? "pause over a holiday" : "pause not counted",
          due: at(unpaused.dueMs),
          words: cli.reasonUnpaused(
            dayWords(zone.localDay(from)),
            dayWords(zone.localDay(to - 1)),
            joinWords(inPauses),
            engineFor === engine ? "" : joinWords(holidaysBetween(engine, receipt, j.ownDue.day)),
          ),
        });
      }
    }
    if (inPauses.length > 0) {
      const n = inPauses.length;
      for (const sign of [1, -1]) {
        const day = engine.addDays(j.ownDue.day, sign * n);
        out.push({
          reason: "pause over a holiday",
          due: { ms: j.ownDue.ms + (day - j.ownDue.day) * 86_400_000, day },
          words: cli.reasonPause(joinWords(inPauses), sign > 0 ? "later" : "earlier", n),
        });
      }
    }
    const receiptDay = zone.localDay(read.receivedAt);
    if (engine.days.isWorking(receiptDay) && !rule.standard.countReceiptDay) {
      const day = engine.addDays(j.ownDue.day, -1);
      out.push({
        reason: "receipt day counted",
        due: { ms: j.ownDue.ms - (j.ownDue.day - day) * 86_400_000, day },
        words: cli.reasonReceiptDay(dayWords(receiptDay)),
      });
    }
  }
  // A clock change between receipt and due: a system that adds the limit on the wall clock is off by the change.
  const shift = zone.offsetAt(j.ownDue.ms) - zone.offsetAt(read.receivedAt);
  if (shift !== 0) {
    out.push({
      reason: "clock change",
      due: at(j.ownDue.ms - shift),
      words: cli.reasonClockChange(shift > 0 ? "earlier" : "later", Math.abs(shift) / 3_600_000),
    });
  }
  return out;
}

/** Runs `reconcile`; resolves to the exit status (1 when rows could not be read). */
export async function cmdReconcile(
  args: string[],
  io: Io,
  resolveCharter: (value: string | undefined) => Charter,
  help: () => number,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: COMMAND_OPTIONS.reconcile,
  });
  if (values.help) return help();
  const charter = resolveCharter(values.charter);
  const path = positionals[0];
  if (path === undefined || positionals.length > 1) throw new Failure(cli.reconcileNeedsFile());
  if (values.now === undefined) throw new Failure(cli.nowRequired());
  const format = values.format ?? "table";
  if (!isMember(RECONCILE_FORMATS, format)) throw new Failure(cli.oneOf("--format", RECONCILE_FORMATS, format));
  const engine = engineOf(charter);
  const now = engine.instant(values.now === "now" ? new Date().toISOString() : values.now, "--now");
  const { format: fileFormat, kind } = inputOption(values.input);
  if (kind === "intervals") throw new Failure(cli.reconcileIntervals());
  const { mapping: read, layers, delimiter } = mappingFromOptions(values, charter, kind);
  const compare = compareOf([...layers, compareLayer(values.compare, values["verdict-word"], values.stage)], read.kind);
  if (compare === undefined || (compare.dueDate === undefined && compare.verdict === undefined))
    throw new Failure(cli.reconcileNeedsCompare());
  const compareColumns = [
    ...(compare.dueDate === undefined ? [] : columnsOf(compare.dueDate).map((c) => c.column)),
    ...(compare.verdict === undefined ? [] : [compare.verdict.column]),
  ];
  // The system's columns are read by the comparison, not mapped to contact fields.
  const mapping: Mapping = { ...read, ignore: new Set([...read.ignore, ...compareColumns]) };
  await readyToRead(mapping);
  const name = path === "-" ? "stdin" : basename(path);
  const source = await inputOf(
    path,
    fileFormat,
    io,
    { delimiter: values.delimiter ?? delimiter, sheet: values.sheet, encoding: values.encoding },
    name,
  );
  const result = await reconcile(charter, source.rows, mapping, compare, now, name);
  const zone = engine.zone;
  if (format === "json") print(io.stdout, JSON.stringify({ ...result, now: zone.format(now) }, null, 2));
  else if (format === "csv") {
    const header = [
      "line",
      "id",
      "standard",
      "received",
      "charter due",
      "system due",
      "charter verdict",
      "system verdict",
      "reason",
      "explanation",
    ];
    const lines = result.disagreements.map((d) =>
      [
        d.line,
        d.id ?? "",
        d.standardId,
        d.receivedAt,
        d.charterDue,
        d.systemDue ?? "",
        d.charterVerdict,
        d.systemVerdict ?? "",
        d.reason,
        d.explanation,
      ]
        .map((v) => csvCell(String(v)))
        .join(","),
    );
    print(io.stdout, [header.join(","), ...lines].join("\n"));
  } else print(io.stdout, reconcileTable(result, name));
  for (const p of result.problems.slice(0, 20)) print(io.stderr, cli.skippedLine(name, p.line, undefined, p.message));
  return result.problemCount > 0 ? 1 : 0;
}

/** What reconciling gives. */
export interface Reconciled {
  readonly rows: number;
  readonly compared: number;
  readonly agreed: number;
  readonly disagreements: readonly Disagreement[];
  readonly byReason: Readonly<Record<string, number>>;
  /** Rows not compared, by why (future, no standard of the stage, no system value, pending, not applicable). */
  readonly notCompared: Readonly<Record<string, number>>;
  /** The system's verdict words no --verdict-word names, with their counts. */
  readonly unknownWords: Readonly<Record<string, number>>;
  readonly problems: readonly { line: number; message: string }[];
  readonly problemCount: number;
}

/** Compares every row of an export. */
export async function reconcile(
  charter: Charter,
  rows: AsyncIterable<RawRow[]>,
  mapping: Mapping,
  compare: CompareSpec,
  now: number,
  name: string,
): Promise<Reconciled> {
  const engine = engineOf(charter);
  const zone = engine.zone;
  const cover = coverOf(charter);
  const cutoff = engine.receiptCutoffMinutes !== undefined;
  const plain = weekdaysOnly(charter);
  const stage = compare.stage ?? "respond";
  const disagreements: Disagreement[] = [];
  const byReason: Record<string, number> = {};
  const notCompared: Record<string, number> = {};
  const unknownWords: Record<string, number> = {};
  const problems: { line: number; message: string }[] = [];
  let problemCount = 0;
  let total = 0;
  let compared = 0;
  let agreed = 0;
  const skip = (why: string) => {
    notCompared[why] = (notCompared[why] ?? 0) + 1;
  };
  const problem = (line: number, message: string) => {
    problemCount++;
    if (problems.length < 100) problems.push({ line, message });
  };
  let header: readonly string[] = [];
  let plan: RowPlan | undefined;
  const dueColumns = compare.dueDate === undefined ? [] : columnsOf(compare.dueDate).map((c) => c.column);

  const row = (line: number, record: Record<string, unknown> | RowError, get: (column: string) => unknown) => {
    total++;
    if (record instanceof RowError) return problem(line, record.message);
    const channel = record.channel;
    const category = typeof record.category === "string" ? record.category : undefined;
    const covering = typeof channel === "string" ? standardsInAnyVersion(cover, channel as Channel, category) : [];
    let contact: Record<string, unknown> = record;
    if (hasDateOnly(record)) {
      const dated = withDates(record, covering, cutoff);
      if (dated instanceof RowError) return problem(line, dated.message);
      contact = dated;
    }
    let read: ReadContact;
    try {
      read = readContact(engine, contact as Contact);
    } catch (error) {
      return problem(line, (error as Error).message);
    }
    if (read.receivedAt > now) return skip("received after --now");
    // The standard of the stage that covers the row: its category's own, before the channel's general one.
    const ofStage = covering.filter((r) => r.standard.stage === stage);
    const rule = ofStage.find((r) => r.category !== undefined) ?? ofStage[0];
    if (rule === undefined) return skip(`no ${stage} standard covers the row`);
    let system: Due | undefined;
    if (compare.dueDate !== undefined) {
      let value: unknown;
      try {
        value = timeOfRow("dueDate", compare.dueDate, (k) => get(dueColumns[k] ?? ""), record, mapping);
      } catch (error) {
        return problem(line, (error as Error).message);
      }
      if (value !== undefined) {
        const day = typeof value === "string" ? readDate(value) : undefined;
        try {
          const ms = day === undefined ? toEpochMs(value, zone, "dueDate") : zone.fromWall((day + 1) * 86_400_000) - 1;
          system = { ms, day: day ?? zone.localDay(ms) };
        } catch (error) {
          return problem(line, (error as Error).message);
        }
      }
    }
    let systemVerdict: Exclude<VerdictWord, "none"> | undefined;
    if (compare.verdict !== undefined) {
      const raw = get(compare.verdict.column);
      const text = raw === undefined || raw === null ? "" : String(raw);
      if (text.trim() !== "") {
        const word = compare.verdict.words.get(wordKey(text));
        if (word === undefined) unknownWords[text.trim()] = (unknownWords[text.trim()] ?? 0) + 1;
        else if (word !== "none") systemVerdict = word;
      }
    }
    if (system === undefined && systemVerdict === undefined) return skip("no system due or verdict");
    const ev = evaluationOf(engine, rule, read, now, 0.75);
    if (ev.due === null) return skip("the clock has not started");
    const dueMs = Date.parse(ev.due);
    const own = computeDue({
      engine,
      rule,
      receivedMs: read.receivedAt,
      startMs: rule.fromAcknowledgement ? (read.events.acknowledgedAt ?? read.receivedAt) : read.receivedAt,
      pauses: clip(read.pauses, ev.completedAt === null ? now : Math.min(Date.parse(ev.completedAt), now)),
      trace: undefined,
    });
    const j: Judged = {
      rule,
      read,
      due: { ms: dueMs, day: zone.localDay(dueMs) },
      ownDue: { ms: own.dueMs, day: own.dueDay ?? zone.localDay(own.dueMs) },
      completedMs: ev.completedAt === null ? undefined : Date.parse(ev.completedAt),
      status: ev.status,
      by: ev.by,
    };
    if (systemVerdict !== undefined && system === undefined && ev.status !== "met" && ev.status !== "breached")
      return skip(ev.status === "pending" ? "pending at --now" : "not applicable under the charter");
    compared++;
    const dueDiffers = system !== undefined && !same(rule, system, j.due);
    const verdictDiffers =
      systemVerdict !== undefined && (ev.status === "met" || ev.status === "breached") && ev.status !== systemVerdict;
    if (!dueDiffers && !verdictDiffers) {
      agreed++;
      return;
    }
    const options = candidates(engine, plain, j);
    const found = options.find((c) =>
      dueDiffers ? system !== undefined && same(rule, system, c.due) : verdictAt(j, c.due.ms, now) === systemVerdict,
    );
    const reason: ReconcileReason = found?.reason ?? "unexplained";
    const explanation =
      found?.words ??
      (dueDiffers && system !== undefined
        ? cli.reasonUnexplained(
            isDayBased(rule.unit) ? engine.days.countBetween(j.due.day, system.day) : undefined,
            (system.ms - j.due.ms) / 1000,
          )
        : cli.reasonVerdictOnly());
    byReason[reason] = (byReason[reason] ?? 0) + 1;
    disagreements.push({
      line,
      id: read.id === undefined ? null : String(read.id),
      standardId: rule.id,
      receivedAt: zone.format(read.receivedAt),
      charterDue: isDayBased(rule.unit) ? engine.days.text(j.due.day) : zone.format(j.due.ms),
      systemDue:
        system === undefined ? null : isDayBased(rule.unit) ? engine.days.text(system.day) : zone.format(system.ms),
      charterVerdict: ev.status,
      systemVerdict: systemVerdict ?? null,
      reason,
      explanation,
    });
  };

  const visitor = (p: RowPlan) => {
    const at = (cells: readonly unknown[]) => (column: string) => cells[header.indexOf(column)];
    return {
      cells: (line: number, cells: readonly unknown[]) =>
        row(line, contactOrError(cells, undefined, p, mapping), at(cells)),
      value: (line: number, value: unknown) =>
        row(line, contactOrError(undefined, value, p, mapping), (k) => (value as Record<string, unknown>)?.[k]),
      problem: (line: number, _skip: Skip, message: string) => {
        total++;
        problem(line, message);
      },
    };
  };
  for await (const batch of rows) {
    for (const raw of batch) {
      if ("header" in raw) {
        header = raw.header;
        plan = planOfHeader(header, mapping, name);
        for (const column of [...dueColumns, ...(compare.verdict === undefined ? [] : [compare.verdict.column])])
          if (!header.includes(column)) throw new Failure(cli.compareColumnMissing(name, column, header));
        continue;
      }
      const v = visitor(plan ?? { steps: [], others: [] });
      if ("error" in raw) {
        if ("fatal" in raw) throw new Failure(raw.error);
        v.problem(raw.line, raw.skip, raw.error);
      } else if ("block" in raw) {
        if (raw.block.format === "csv") readCsvBlock(raw.block, v);
        else readNdjsonBlock(raw.block, v);
      } else if ("cells" in raw) v.cells(raw.line, raw.cells);
      else v.value(raw.line, raw.value);
    }
  }
  return { rows: total, compared, agreed, disagreements, byReason, notCompared, unknownWords, problems, problemCount };
}

/** Pauses as the clock counts them: only up to the completion (or now). */
function clip(pauses: Pauses, stop: number): Pauses {
  const out: [number, number][] = [];
  for (const [from, to] of pauses) if (from < stop) out.push([from, Math.min(to, stop)]);
  return out;
}

function reconcileTable(r: Reconciled, name: string): string {
  const out: string[] = [cli.reconcileTitle(name, r.rows, r.compared, r.agreed, r.disagreements.length)];
  if (r.disagreements.length > 0) {
    out.push(
      "",
      table(
        ["line", "id", "standard", "charter due", "system due", "charter", "system", "reason"],
        r.disagreements.map((d) => [
          String(d.line),
          d.id ?? "",
          d.standardId,
          d.charterDue,
          d.systemDue ?? "",
          d.charterVerdict,
          d.systemVerdict ?? "",
          d.explanation,
        ]),
        8,
      ),
    );
    out.push(
      "",
      table(
        ["reason", "rows"],
        Object.entries(r.byReason).map(([k, v]) => [k, String(v)]),
        1,
      ),
    );
  }
  const notCompared = Object.entries(r.notCompared);
  if (notCompared.length > 0) out.push("", cli.notCompared(notCompared.map(([k, v]) => `${v} ${k}`)));
  const words = Object.entries(r.unknownWords);
  if (words.length > 0) out.push("", cli.unknownVerdictWords(words.map(([k, v]) => `${JSON.stringify(k)} (${v})`)));
  if (r.problemCount > 0) out.push("", cli.reconcileProblems(r.problemCount));
  return out.join("\n");
}
