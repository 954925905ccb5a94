/**
 * Compliance reports: how a council is doing against its whole charter over
 * any number of contacts. Streaming: memory does not grow with the input.
 *
 * @module
 */
import { fieldOf, messageOf, problemOf, rangeError, typeError } from "../problems.js";
import { MS_PER_DAY, formatDate } from "../calendar/civil.js";
import type { CalendarEngine } from "../calendar/working-calendar.js";
import { engineOf } from "../calendar/calendar-for.js";
import { checkedCharter } from "../charter/parse.js";
import type { Charter, Contact, IntervalCounts } from "../charter/schema.js";
import { ABANDONED_POLICIES, type AbandonedPolicy, type ReportBy, type Status } from "../concepts.js";
import { text } from "../words.js";
import { own } from "../own.js";
import { readContact, type ReadContact } from "./contact.js";
import { evaluationOf, judge, readNow, readWarnAt, type Outcome } from "./evaluate.js";
import { explain } from "./explain.js";
import { judgedByIntervals, judgeInterval, readInterval, type IntervalOutcome } from "./intervals.js";
import { periodDates, periodOf, readBy, readYearStart, yearStartText, type YearStart } from "./periods.js";
import type { ComplianceReport, ReportOptions, ReportRow, SkippedContact, WorstBreach } from "./report-types.js";
import { coverOf, standardsIn, versionsById, type Cover, type CompiledStandard } from "./standard.js";
import {
  MAX_ERRORS,
  addVersions,
  addTally,
  addThreshold,
  charterFingerprint,
  emptyTally,
  keepWorst,
  sortRows,
  toRow,
  withYearToDate,
  type RowPeriod,
  type Tally,
} from "./tally.js";

export type {
  ComplianceReport,
  ReportOptions,
  ReportRow,
  SkippedContact,
  VersionCount,
  WorstBreach,
  YearToDate,
} from "./report-types.js";

/** A breach that may be kept among the worst, with what is needed to explain it later. */
type Candidate = WorstBreach & { readonly read: ReadContact; readonly rule: CompiledStandard; readonly period: string };

/**
 * How each abandoned-call policy counts a call abandoned before an answer: as judge() decided
 * (not applicable when abandoned before the due time, missed after it), all missed, or all excluded.
 */
const ABANDONED_STATUS: Readonly<Record<AbandonedPolicy, (judged: Status) => Status>> = {
  "by-limit": (judged) => judged,
  missed: () => "breached",
  excluded: () => "not-applicable",
};

/** A period as the accumulator keeps it: its row's dates, and the instant it ends (outstanding is counted at it). */
interface KeptPeriod {
  readonly row: RowPeriod;
  readonly endMs: number;
}

/** The running state of a report: `add` contacts one by one, then `report()` (the command feeds one as it reads). */
export class Accumulator {
  readonly #charter: Charter;
  readonly #engine: CalendarEngine;
  /** Which standards cover which contacts, looked up once instead of per contact. */
  readonly #cover: Cover;
  readonly #now: number;
  readonly #warnAt: number;
  readonly #by: ReportBy | undefined;
  readonly #yearStart: YearStart;
  /** Periods by key, and the last local day looked up with its period (receipts come in runs of a day). */
  readonly #periods = new Map<string, KeptPeriod>();
  #lastDay = Number.NaN;
  #lastPeriod: KeptPeriod | undefined;
  #firstMs = Number.POSITIVE_INFINITY;
  #lastMs = Number.NEGATIVE_INFINITY;
  readonly #worst: number;
  readonly #abandoned: AbandonedPolicy;
  readonly #onSkip: ((skipped: SkippedContact) => void) | undefined;
  readonly #firstIndex: number;
  /** Per standard, per period ("" without `by`). */
  readonly #tallies = new Map<CompiledStandard, Map<string, Tally>>();
  /**
   * Per standard id, its worst breaches so far, whatever their period: at most `worst` of
   * them, so memory does not grow with the periods either (each period's row lists those
   * received in it).
   */
  readonly #worstOf = new Map<string, WorstBreach[]>();
  readonly #errors: SkippedContact[] = [];
  /** The outcomes of the contact being added, written from 0 each time: no array per contact (bench/RESULTS.md). */
  readonly #outcomes: Outcome[] = [];
  readonly #allowThreshold: boolean;
  /** The outcomes of the interval being added, written from 0 each time, as the contacts' are. */
  readonly #intervalOutcomes: IntervalOutcome[] = [];
  contacts = 0;
  skipped = 0;
  future = 0;
  /** Interval counts judged (among `contacts`), and the calls they held. */
  intervalsJudged = 0;
  intervalCalls = 0;

  constructor(charter: Charter, options: ReportOptions) {
    this.#charter = charter;
    this.#engine = engineOf(charter);
    this.#cover = coverOf(charter);
    this.#now = readNow(this.#engine, options);
    this.#warnAt = readWarnAt(own(options, "warnAt"));
    this.#by = readBy(own(options, "by"));
    this.#yearStart = readYearStart(own(options, "yearStart"), this.#by);
    const worst = own(options, "worst") ?? 5;
    if (typeof worst !== "number" || !Number.isInteger(worst) || worst < 0 || worst > 1000)
      throw rangeError("invalid", { name: "options.worst", expected: text.worst, value: worst });
    this.#worst = worst;
    const abandoned = own(options, "abandoned") ?? "by-limit";
    if (!(ABANDONED_POLICIES as readonly unknown[]).includes(abandoned))
      throw rangeError("invalid", { name: "options.abandoned", expected: text.abandoned, value: abandoned });
    this.#abandoned = abandoned as AbandonedPolicy;
    const onSkip = own(options, "onSkip");
    this.#onSkip = typeof onSkip === "function" ? (onSkip as (skipped: SkippedContact) => void) : undefined;
    const firstIndex = own(options, "firstIndex") ?? 0;
    if (typeof firstIndex !== "number" || !Number.isSafeInteger(firstIndex) || firstIndex < 0)
      throw rangeError("integer_range", {
        name: "options.firstIndex",
        min: 0,
        max: Number.MAX_SAFE_INTEGER,
        value: firstIndex,
      });
    this.#firstIndex = firstIndex;
    const allowThreshold = own(options, "allowThreshold") ?? false;
    if (typeof allowThreshold !== "boolean")
      throw rangeError("invalid", { name: "options.allowThreshold", expected: "true or false", value: allowThreshold });
    this.#allowThreshold = allowThreshold;
  }

  add(contact: Contact): void {
    const index = this.#firstIndex + this.contacts++;
    let read: ReadContact;
    const outcomes = this.#outcomes;
    let n = 0;
    try {
      read = readContact(this.#engine, contact);
      if (read.receivedAt > this.#now) {
        this.future++;
        return;
      }
      // Every standard is judged before any is counted: a contact that throws counts for none.
      for (const rule of standardsIn(this.#cover, read.channel, read.category, read.receivedAt, this.#engine.zone))
        outcomes[n++] = judge(this.#engine, rule, read, this.#now, this.#warnAt);
    } catch (error) {
      this.#skip(index, contact, error);
      return;
    }
    const at = read.receivedAt;
    if (at < this.#firstMs) this.#firstMs = at;
    if (at > this.#lastMs) this.#lastMs = at;
    const period = this.#by === undefined ? undefined : this.#periodAt(at);
    const key = period === undefined ? "" : period.row.key;
    const endMs = period === undefined ? this.#now : period.endMs;
    for (let i = 0; i < n; i++) this.#count(outcomes[i] as Outcome, read, key, endMs);
  }

  /**
   * One interval's counts: each standard that covers its channel (and category) and can be
   * judged from counts (an `answer` standard with an elapsed limit) counts its calls. An
   * interval that began after `now` is future; one not yet over at `now`, or whose counts
   * cannot judge a standard, is skipped with its reason, as an invalid contact is.
   */
  addInterval(interval: IntervalCounts): void {
    const index = this.#firstIndex + this.contacts++;
    const outcomes = this.#intervalOutcomes;
    let n = 0;
    let read: ReturnType<typeof readInterval>;
    try {
      read = readInterval(this.#engine, interval);
      if (read.startMs > this.#now) {
        this.future++;
        return;
      }
      if (read.endMs > this.#now) {
        const zone = this.#engine.zone;
        throw rangeError("interval_not_over", {
          start: zone.format(read.startMs),
          minutes: read.minutes,
          now: zone.format(this.#now),
        });
      }
      for (const rule of standardsIn(this.#cover, read.channel, read.category, read.startMs, this.#engine.zone)) {
        if (judgedByIntervals(rule))
          outcomes[n++] = judgeInterval(this.#engine, rule, read, this.#abandoned, this.#allowThreshold);
      }
    } catch (error) {
      this.#skip(index, interval, error);
      return;
    }
    this.intervalsJudged++;
    this.intervalCalls += read.offered;
    const at = read.startMs;
    if (at < this.#firstMs) this.#firstMs = at;
    if (at > this.#lastMs) this.#lastMs = at;
    const key = this.#by === undefined ? "" : this.#periodAt(at).row.key;
    for (let i = 0; i < n; i++) {
      const o = outcomes[i] as IntervalOutcome;
      let byPeriod = this.#tallies.get(o.rule);
      if (byPeriod === undefined) {
        byPeriod = new Map();
        this.#tallies.set(o.rule, byPeriod);
      }
      let tally = byPeriod.get(key);
      if (tally === undefined) {
        tally = emptyTally();
        byPeriod.set(key, tally);
      }
      tally.met += o.met;
      tally.breached += o.breached;
      tally.notApplicable += o.notApplicable;
      tally.late += o.late;
      tally.outstanding += o.outstanding;
      tally.intervals++;
      tally.intervalCalls += o.met + o.breached + o.notApplicable;
      for (const t of o.thresholds) addThreshold(tally, t);
    }
  }

  /** The period of a receipt, looked up once per local day in a run. */
  #periodAt(receivedAt: number): KeptPeriod {
    const zone = this.#engine.zone;
    const day = zone.localDay(receivedAt);
    if (day === this.#lastDay && this.#lastPeriod !== undefined) return this.#lastPeriod;
    const p = periodOf(day, this.#by as ReportBy, this.#yearStart);
    let kept = this.#periods.get(p.key);
    if (kept === undefined) {
      // The period ends at the start of the day after its last; outstanding is counted then, or at now.
      const next = zone.fromWall((p.end + 1) * MS_PER_DAY);
      kept = { row: { key: p.key, ...periodDates(p) }, endMs: Math.min(next - 1, this.#now) };
      this.#periods.set(p.key, kept);
    }
    this.#lastDay = day;
    this.#lastPeriod = kept;
    return kept;
  }

  #count(o: Outcome, read: ReadContact, period: string, endMs: number): void {
    const status = o.abandoned ? ABANDONED_STATUS[this.#abandoned](o.status) : o.status;
    let byPeriod = this.#tallies.get(o.rule);
    if (byPeriod === undefined) {
      byPeriod = new Map();
      this.#tallies.set(o.rule, byPeriod);
    }
    let tally = byPeriod.get(period);
    if (tally === undefined) {
      tally = emptyTally();
      byPeriod.set(period, tally);
    }
    if (o.promiseIgnored !== undefined) tally.promisesIgnored++;
    // Outstanding: in scope and not completed by the period's end (endMs is never after now).
    if (status === "met") {
      tally.met++;
      if (o.by === "promise") tally.extended++;
      if ((o.completedMs ?? 0) > endMs) tally.outstanding++;
    } else if (status === "pending") {
      tally.pending++;
      tally.outstanding++;
    } else if (status === "not-applicable") tally.notApplicable++;
    else {
      tally.breached++;
      if (o.completedMs === undefined) tally.outstanding++;
      else {
        tally.late++;
        if (o.completedMs > endMs) tally.outstanding++;
      }
      if (o.dueMs !== undefined && this.#worst > 0) {
        const lateMs = o.lateMs ?? Math.max(0, (read.abandonedAt ?? this.#now) - o.dueMs);
        // By standard id: the versions of a standard share one list, as they share its rows.
        let list = this.#worstOf.get(o.rule.id);
        if (list === undefined) {
          list = [];
          this.#worstOf.set(o.rule.id, list);
        }
        const last = list[list.length - 1];
        // Format the strings only for a breach that may be kept.
        if (list.length < this.#worst || last === undefined || lateMs >= last.lateMs) {
          const zone = this.#engine.zone;
          const candidate: Candidate = {
            contactId: read.id ?? null,
            lateMs,
            receivedAt: zone.format(read.receivedAt),
            due: zone.format(o.dueMs),
            completedAt: o.completedMs === undefined ? null : zone.format(o.completedMs),
            // Written when the report is made, for the breaches still kept then.
            explanation: "",
            read,
            rule: o.rule,
            period,
          };
          keepWorst(list, candidate, this.#worst);
        }
      }
    }
  }

  #skip(index: number, contact: unknown, error: unknown): void {
    this.skipped++;
    let id: unknown;
    try {
      id = own(contact, "id");
    } catch {
      id = undefined;
    }
    // council-sla's own problems carry their code; anything else (a getter that throws, a revoked Proxy) is
    // a contact that cannot be read.
    const ours = problemOf(error);
    const problem =
      ours ??
      ({
        code: "unreadable",
        params: { reason: error instanceof Error ? error.message : typeof error === "string" ? error : "it threw" },
      } as const);
    const skipped: SkippedContact = {
      index,
      contactId: typeof id === "string" || (typeof id === "number" && Number.isFinite(id)) ? id : null,
      code: problem.code,
      field: fieldOf(problem),
      message: ours === undefined ? messageOf(problem) : (error as Error).message,
    };
    if (this.#errors.length < MAX_ERRORS) this.#errors.push(skipped);
    this.#onSkip?.(skipped);
  }

  /**
   * The tallies by standard id and period. A standard without periods in force has one
   * rule, whose tallies are its rows'; the versions of one with periods are summed into
   * one row per period, with each version's counts (so the hot path counts per rule, as
   * for any standard, and the versions meet only here).
   */
  #byStandard(): Map<string, Map<string, Tally>> {
    const out = new Map<string, Map<string, Tally>>();
    for (const [rule, byPeriod] of this.#tallies) {
      if (rule.inForce === undefined) {
        out.set(rule.id, byPeriod);
        continue;
      }
      const rows = out.get(rule.id) ?? new Map<string, Tally>();
      out.set(rule.id, rows);
      for (const [period, t] of byPeriod) {
        const sum = rows.get(period) ?? { ...emptyTally(), versions: [] };
        rows.set(period, sum);
        addTally(sum, t);
        addVersions(sum, [
          {
            from: rule.inForce.from ?? null,
            to: rule.inForce.to ?? null,
            target: { percent: rule.percent },
            firmness: rule.firmness ?? null,
            met: t.met,
            breached: t.breached,
            pending: t.pending,
            notApplicable: t.notApplicable,
          },
        ]);
      }
    }
    return out;
  }

  /** A standard's kept breaches received in one period, as plain data, each with what explain() says of it. */
  #explained(id: string, period: string): WorstBreach[] {
    const out: WorstBreach[] = [];
    for (const w of this.#worstOf.get(id) ?? []) {
      const { read, rule, period: when, ...breach } = w as Candidate;
      if (when !== period) continue;
      out.push({ ...breach, explanation: explain(evaluationOf(this.#engine, rule, read, this.#now, this.#warnAt)) });
    }
    return out;
  }

  report(): ComplianceReport {
    const rows: ReportRow[] = [];
    for (const [id, byPeriod] of this.#byStandard()) {
      const rule = latestVersion(versionsById(this.#charter, id));
      for (const [period, tally] of byPeriod)
        rows.push(
          toRow(
            id,
            this.#by === undefined ? undefined : this.#periods.get(period)?.row,
            rule.percent,
            rule.firmness ?? null,
            {
              ...tally,
              worst: this.#explained(id, period),
            },
          ),
        );
    }
    // Standards nothing was judged against still get a row: "no data" is an answer.
    if (this.#by === undefined) {
      const judged = new Set([...this.#tallies.keys()].map((r) => r.id));
      for (const id of new Set(this.#charter.standards.map((s) => s.id))) {
        if (judged.has(id)) continue;
        const versions = versionsById(this.#charter, id);
        const rule = latestVersion(versions);
        const tally = emptyTally();
        if (versions.some((r) => r.inForce !== undefined)) tally.versions = [];
        rows.push(toRow(id, undefined, rule.percent, rule.firmness ?? null, tally));
      }
    }
    const order = [...new Set(this.#charter.standards.map((s) => s.id))];
    const zone = this.#engine.zone;
    return {
      charterId: this.#charter.id,
      charterFingerprint: charterFingerprint(this.#charter),
      abandoned: this.#abandoned,
      now: zone.format(this.#now),
      by: this.#by ?? null,
      yearStart: this.#by === undefined ? null : yearStartText(this.#yearStart),
      received:
        this.#firstMs > this.#lastMs
          ? null
          : { first: formatDate(zone.localDay(this.#firstMs)), last: formatDate(zone.localDay(this.#lastMs)) },
      standards: order,
      contacts: this.contacts,
      skipped: this.skipped,
      future: this.future,
      errors: [...this.#errors],
      intervals: { judged: this.intervalsJudged, calls: this.intervalCalls },
      worstLimit: this.#worst,
      rows: withYearToDate(sortRows(rows, order)),
    };
  }
}

/** Of a standard's versions, the one in force last (the only one, for a standard without periods). */
function latestVersion(versions: readonly CompiledStandard[]): CompiledStandard {
  let latest = versions[0] as CompiledStandard;
  for (const r of versions)
    if (r.toDay > latest.toDay || (r.toDay === latest.toDay && r.fromDay > latest.fromDay)) latest = r;
  return latest;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Contact> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/**
 * How a charter's standards fare over many contacts, as things stood at
 * `options.now`. Streaming: memory holds counts and the worst few breaches per
 * row, never the contacts. Invalid contacts are skipped and counted, never
 * dropped silently. Returns the report for an Iterable, a Promise of it for an
 * AsyncIterable.
 *
 * @example
 * import { complianceReport } from "council-sla";
 * import { dartford } from "council-sla/charters";
 *
 * const contacts = [
 *   { id: "c1", channel: "telephone", receivedAt: "2027-01-04T10:00", answeredAt: "2027-01-04T10:00:15" },
 *   { id: "c2", channel: "telephone", receivedAt: "2027-01-04T10:05", answeredAt: "2027-01-04T10:06" },
 * ];
 * const report = complianceReport(dartford, contacts, { now: "2027-01-31T00:00" });
 * // Dartford aims to answer 65% of calls within 20 seconds: one of two is 50%.
 * report.rows.filter((r) => r.inScope > 0).map((r) => [r.standardId, r.met, r.breached, r.metShare, r.achieved]);
 * //=> [["telephone.answer", 1, 1, 0.5, false]]
 */
export function complianceReport(
  charter: Charter,
  contacts: Iterable<Contact>,
  options: ReportOptions,
): ComplianceReport;
export function complianceReport(
  charter: Charter,
  contacts: AsyncIterable<Contact>,
  options: ReportOptions,
): Promise<ComplianceReport>;
export function complianceReport(
  charter: Charter,
  contacts: Iterable<Contact> | AsyncIterable<Contact>,
  options: ReportOptions,
): ComplianceReport | Promise<ComplianceReport> {
  const acc = new Accumulator(checkedCharter(charter), options);
  const every = (own(options, "progressEvery") as number | undefined) ?? 10_000;
  const onProgress = own(options, "onProgress");
  const progress = typeof onProgress === "function" ? (onProgress as (read: number) => void) : undefined;
  if (isAsyncIterable(contacts)) {
    return (async () => {
      for await (const contact of contacts) {
        acc.add(contact);
        if (progress !== undefined && acc.contacts % every === 0) progress(acc.contacts);
      }
      return acc.report();
    })();
  }
  if (typeof contacts !== "object" || contacts === null || !(Symbol.iterator in contacts)) {
    throw typeError("invalid", { name: "contacts", expected: text.contacts, value: contacts });
  }
  for (const contact of contacts) {
    acc.add(contact);
    if (progress !== undefined && acc.contacts % every === 0) progress(acc.contacts);
  }
  return acc.report();
}

/**
 * How a charter's telephone standards fare over interval counts (a system's report per
 * 15, 30 or 60 minutes: calls offered, answered, answered within a threshold, abandoned,
 * and the short abandons) instead of calls: the same report as complianceReport(), whose
 * rows say `basis: "intervals"`, so that it merges with the report of contacts. Each
 * standard that covers the interval's channel, measures answering and has an elapsed limit
 * is judged; the threshold must be its limit (`allowThreshold` judges another, and the row
 * lists it). The abandoned-call policy applies as for calls: `by-limit` needs the short
 * abandons (`abandonedWithin`, before a threshold that is the limit). An interval that
 * began after `now` is `future`; one not over at `now`, or whose counts do not add up, is
 * skipped and counted with its reason.
 *
 * @example
 * import { intervalReport } from "council-sla";
 * import { dartford } from "council-sla/charters";
 *
 * const intervals = [
 *   { intervalStart: "2026-11-23T09:00", intervalMinutes: 15, channel: "telephone", offered: 20, answered: 18,
 *     answeredWithin: 12, thresholdSeconds: 20, abandoned: 2, abandonedWithin: 1 },
 * ];
 * const report = intervalReport(dartford, intervals, { now: "2026-11-24T00:00" });
 * // 12 met; the short abandon is excluded; the 6 late answers and the other abandon are missed.
 * report.rows.filter((r) => r.inScope > 0).map((r) => [r.standardId, r.met, r.breached, r.notApplicable, r.basis]);
 * //=> [["telephone.answer", 12, 7, 1, "intervals"]]
 */
export function intervalReport(
  charter: Charter,
  intervals: Iterable<IntervalCounts>,
  options: ReportOptions,
): ComplianceReport;
export function intervalReport(
  charter: Charter,
  intervals: AsyncIterable<IntervalCounts>,
  options: ReportOptions,
): Promise<ComplianceReport>;
export function intervalReport(
  charter: Charter,
  intervals: Iterable<IntervalCounts> | AsyncIterable<IntervalCounts>,
  options: ReportOptions,
): ComplianceReport | Promise<ComplianceReport> {
  const acc = new Accumulator(checkedCharter(charter), options);
  if (typeof intervals === "object" && intervals !== null && Symbol.asyncIterator in intervals) {
    return (async () => {
      for await (const interval of intervals as AsyncIterable<IntervalCounts>) acc.addInterval(interval);
      return acc.report();
    })();
  }
  if (typeof intervals !== "object" || intervals === null || !(Symbol.iterator in intervals))
    throw typeError("invalid", {
      name: "intervals",
      expected: "an Iterable or AsyncIterable of interval counts",
      value: intervals,
    });
  for (const interval of intervals as Iterable<IntervalCounts>) acc.addInterval(interval);
  return acc.report();
}
