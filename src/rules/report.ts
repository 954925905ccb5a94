/**
 * Compliance reports: how a council is doing against its whole charter over
 * any number of contacts. Streaming (memory does not grow with the input) and
 * mergeable: reports of partitions combine into the report of the whole.
 *
 * @module
 */
import { civilFromDays, daysFromCivil, padded, weekdayIndex } from "../calendar/civil.js";
import type { Instant } from "../calendar/instant.js";
import type { CalendarEngine } from "../calendar/working-calendar.js";
import { engineOf } from "../charter/calendar.js";
import { checkedCharter } from "../charter/parse.js";
import type { Charter, Contact } from "../charter/schema.js";
import { cannotMerge, expected, integerRange, text, unreadableContact } from "../messages.js";
import { own } from "../own.js";
import { readContact, type ReadContact } from "./contact.js";
import { judge, readNow, readWarnAt, type Outcome } from "./evaluate.js";
import { rulesFor, type Rule } from "./standard.js";

/** One of the worst breaches: the latest, with the contact it concerns. */
export interface WorstBreach {
  readonly contactId: string | number | null;
  readonly lateMs: number;
  readonly due: string;
  readonly completedAt: string | null;
}

/** Counts for one standard (and, with `by`, one period). */
export interface ReportRow {
  readonly standardId: string;
  /** `YYYY-MM` (by month) or `YYYY-Www` (by ISO week) of the receipt's local date. */
  readonly period?: string;
  /** Contacts the standard applies to: met + breached + pending. */
  readonly inScope: number;
  readonly met: number;
  readonly breached: number;
  readonly pending: number;
  readonly notApplicable: number;
  /** met / (met + breached), or null when nothing is decided yet. */
  readonly metShare: number | null;
  readonly target: { readonly percent: number };
  /** Contacts whose `promisedBy` was not a valid promise for this standard, and was ignored. */
  readonly promisesIgnored: number;
  /** `100 * met >= percent * (met + breached)`, in integers; null when nothing is decided. */
  readonly achieved: boolean | null;
  /** 95% Wilson score interval for the share met; null when nothing is decided. */
  readonly ci95: { readonly low: number; readonly high: number } | null;
  readonly worst: readonly WorstBreach[];
}

/** A problem contact, skipped and counted. */
export interface SkippedContact {
  /** Position in the input, from 0. */
  readonly index: number;
  readonly contactId: string | number | null;
  readonly message: string;
}

export interface ComplianceReport {
  readonly charterId: string;
  /** A fingerprint of the charter's calendar and standards: reports merge only when theirs agree. */
  readonly charterFingerprint: string;
  /** How abandoned calls were counted. */
  readonly abandoned: "by-limit" | "missed" | "excluded";
  /** The moment of judgement. */
  readonly now: string;
  readonly by: "month" | "week" | null;
  /** The charter's standard ids, in its order (rows follow it). */
  readonly standards: readonly string[];
  /** Contacts read, including skipped ones. */
  readonly contacts: number;
  /** Contacts skipped because they were not valid. */
  readonly skipped: number;
  /** The first problems (at most 20), in input order. */
  readonly errors: readonly SkippedContact[];
  /** How many worst breaches each row keeps. */
  readonly worstLimit: number;
  readonly rows: readonly ReportRow[];
}

export interface ReportOptions {
  /** The moment of judgement: events after it have not happened yet. */
  readonly now: Instant;
  readonly warnAt?: number;
  /** Split rows by the local month or ISO week of receipt. */
  readonly by?: "month" | "week";
  /** How many of the worst breaches to keep per row; 5 when absent. */
  readonly worst?: number;
  /**
   * Abandoned calls: `"by-limit"` (default) excludes those abandoned before the limit and
   * counts the rest as missed; `"missed"` counts all as missed; `"excluded"` excludes all.
   */
  readonly abandoned?: "by-limit" | "missed" | "excluded";
  /** Called with the number of contacts read so far, every `progressEvery` contacts. */
  readonly onProgress?: (read: number) => void;
  readonly progressEvery?: number;
  /** Called for every contact skipped as invalid, as it is skipped (the report keeps the first 20). */
  readonly onSkip?: (skipped: SkippedContact) => void;
  /**
   * The index of the first contact in the whole input, 0 when absent: a partition's
   * report then gives its skipped contacts' indexes in the whole, and merged reports agree.
   */
  readonly firstIndex?: number;
}

const MAX_ERRORS = 20;
const Z = 1.959963984540054;

/** 95% Wilson score interval for `met` successes out of `n`. */
function wilson(met: number, n: number): { low: number; high: number } | null {
  if (n === 0) return null;
  const p = met / n;
  const z2 = Z * Z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

function compareWorst(a: WorstBreach, b: WorstBreach): number {
  if (a.lateMs !== b.lateMs) return b.lateMs - a.lateMs;
  const x = String(a.contactId);
  const y = String(b.contactId);
  if (x !== y) return x < y ? -1 : 1;
  return a.due < b.due ? -1 : a.due > b.due ? 1 : 0;
}

function keepWorst(list: WorstBreach[], item: WorstBreach, limit: number): void {
  if (limit === 0) return;
  if (list.length === limit && compareWorst(item, list[list.length - 1] as WorstBreach) >= 0) return;
  let i = list.length;
  while (i > 0 && compareWorst(item, list[i - 1] as WorstBreach) < 0) i--;
  list.splice(i, 0, item);
  if (list.length > limit) list.pop();
}

interface Tally {
  met: number;
  breached: number;
  pending: number;
  notApplicable: number;
  promisesIgnored: number;
  worst: WorstBreach[];
}

function emptyTally(): Tally {
  return { met: 0, breached: 0, pending: 0, notApplicable: 0, promisesIgnored: 0, worst: [] };
}

function periodOf(epochDay: number, by: "month" | "week"): string {
  if (by === "month") {
    const [y, m] = civilFromDays(epochDay);
    return `${y}-${padded(m, 2)}`;
  }
  // ISO week: the week's Thursday decides the year.
  const thursday = epochDay - weekdayIndex(epochDay) + 3;
  const year = civilFromDays(thursday)[0];
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${padded(week, 2)}`;
}

function toRow(standardId: string, period: string | undefined, percent: number, t: Tally): ReportRow {
  const decided = t.met + t.breached;
  return {
    standardId,
    ...(period === undefined ? {} : { period }),
    inScope: t.met + t.breached + t.pending,
    met: t.met,
    breached: t.breached,
    pending: t.pending,
    notApplicable: t.notApplicable,
    metShare: decided === 0 ? null : t.met / decided,
    target: { percent },
    promisesIgnored: t.promisesIgnored,
    achieved: decided === 0 ? null : 100 * t.met >= percent * decided,
    ci95: wilson(t.met, decided),
    worst: t.worst,
  };
}

const fingerprints = new WeakMap<Charter, string>();

/** FNV-1a over the charter's calendar and standards: equal for charters that judge alike. */
export function charterFingerprint(charter: Charter): string {
  let print = fingerprints.get(charter);
  if (print === undefined) {
    const json = JSON.stringify([charter.calendar, charter.standards]);
    let h = 0x811c9dc5;
    for (let i = 0; i < json.length; i++) {
      h ^= json.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    print = h.toString(16).padStart(8, "0");
    fingerprints.set(charter, print);
  }
  return print;
}

type Abandoned = ComplianceReport["abandoned"];
const ABANDONED: readonly Abandoned[] = ["by-limit", "missed", "excluded"];

/** The running state of a report. */
class Accumulator {
  readonly #charter: Charter;
  readonly #engine: CalendarEngine;
  readonly #now: number;
  readonly #warnAt: number;
  readonly #by: "month" | "week" | undefined;
  readonly #worst: number;
  readonly #abandoned: Abandoned;
  readonly #onSkip: ((skipped: SkippedContact) => void) | undefined;
  readonly #firstIndex: number;
  /** Per standard, per period ("" without `by`). */
  readonly #tallies = new Map<Rule, Map<string, Tally>>();
  readonly #errors: SkippedContact[] = [];
  contacts = 0;
  skipped = 0;

  constructor(charter: Charter, options: ReportOptions) {
    this.#charter = charter;
    this.#engine = engineOf(charter);
    this.#now = readNow(this.#engine, options);
    this.#warnAt = readWarnAt(own(options, "warnAt"));
    const by = own(options, "by");
    if (by !== undefined && by !== "month" && by !== "week") throw new RangeError(expected("options.by", text.by, by));
    this.#by = by;
    const worst = own(options, "worst") ?? 5;
    if (typeof worst !== "number" || !Number.isInteger(worst) || worst < 0 || worst > 1000) throw new RangeError(expected("options.worst", text.worst, worst));
    this.#worst = worst;
    const abandoned = own(options, "abandoned") ?? "by-limit";
    if (!ABANDONED.includes(abandoned as Abandoned)) throw new RangeError(expected("options.abandoned", text.abandoned, abandoned));
    this.#abandoned = abandoned as Abandoned;
    const onSkip = own(options, "onSkip");
    this.#onSkip = typeof onSkip === "function" ? (onSkip as (skipped: SkippedContact) => void) : undefined;
    const firstIndex = own(options, "firstIndex") ?? 0;
    if (typeof firstIndex !== "number" || !Number.isSafeInteger(firstIndex) || firstIndex < 0) throw new RangeError(integerRange("options.firstIndex", 0, Number.MAX_SAFE_INTEGER, firstIndex));
    this.#firstIndex = firstIndex;
  }

  add(contact: Contact): void {
    const index = this.#firstIndex + this.contacts++;
    let read: ReadContact;
    let outcomes: Outcome[];
    try {
      read = readContact(this.#engine, contact);
      outcomes = [];
      for (const rule of rulesFor(this.#charter, read.channel, read.category)) outcomes.push(judge(this.#engine, rule, read, this.#now, this.#warnAt));
    } catch (error) {
      this.#skip(index, contact, error);
      return;
    }
    const period = this.#by === undefined ? "" : periodOf(this.#engine.zone.localDay(read.receivedAt), this.#by);
    for (const o of outcomes) this.#count(o, read, period);
  }

  #count(o: Outcome, read: ReadContact, period: string): void {
    let status = o.status;
    // judge() treats a call abandoned before its due time as not applicable and after it
    // as missed ("by-limit"); the other policies count every abandoned call one way.
    if (o.abandoned && this.#abandoned !== "by-limit") status = this.#abandoned === "missed" ? "breached" : "not-applicable";
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
    if (status === "met") tally.met++;
    else if (status === "pending") tally.pending++;
    else if (status === "not-applicable") tally.notApplicable++;
    else {
      tally.breached++;
      if (o.dueMs !== undefined && this.#worst > 0) {
        const lateMs = o.lateMs ?? Math.max(0, (read.abandonedAt ?? this.#now) - o.dueMs);
        const list = tally.worst;
        const last = list[list.length - 1];
        // Format the strings only for a breach that may be kept.
        if (list.length < this.#worst || last === undefined || lateMs >= last.lateMs) {
          const zone = this.#engine.zone;
          keepWorst(
            list,
            { contactId: read.id ?? null, lateMs, due: zone.format(o.dueMs), completedAt: o.completedMs === undefined ? null : zone.format(o.completedMs) },
            this.#worst,
          );
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
    let message: string;
    if (error instanceof TypeError || error instanceof RangeError) message = error.message;
    else message = unreadableContact(error instanceof Error ? error.message : typeof error === "string" ? error : "it threw");
    const skipped: SkippedContact = {
      index,
      contactId: typeof id === "string" || (typeof id === "number" && Number.isFinite(id)) ? id : null,
      message,
    };
    if (this.#errors.length < MAX_ERRORS) this.#errors.push(skipped);
    this.#onSkip?.(skipped);
  }

  report(): ComplianceReport {
    const rows: ReportRow[] = [];
    for (const [rule, byPeriod] of this.#tallies) {
      for (const [period, tally] of byPeriod) rows.push(toRow(rule.id, this.#by === undefined ? undefined : period, rule.percent, tally));
    }
    // Standards nothing was judged against still get a row: "no data" is an answer.
    if (this.#by === undefined) {
      const judged = new Set([...this.#tallies.keys()].map((r) => r.id));
      for (const s of this.#charter.standards) if (!judged.has(s.id)) rows.push(toRow(s.id, undefined, s.target.percent, emptyTally()));
    }
    const order = this.#charter.standards.map((s) => s.id);
    return {
      charterId: this.#charter.id,
      charterFingerprint: charterFingerprint(this.#charter),
      abandoned: this.#abandoned,
      now: this.#engine.zone.format(this.#now),
      by: this.#by ?? null,
      standards: order,
      contacts: this.contacts,
      skipped: this.skipped,
      errors: [...this.#errors],
      worstLimit: this.#worst,
      rows: sortRows(rows, order),
    };
  }
}

function sortRows(rows: ReportRow[], order: readonly string[]): ReportRow[] {
  const position = new Map(order.map((id, i) => [id, i]));
  return rows.sort((a, b) => {
    const i = (position.get(a.standardId) ?? 0) - (position.get(b.standardId) ?? 0);
    if (i !== 0) return i;
    const p = a.period ?? "";
    const q = b.period ?? "";
    return p < q ? -1 : p > q ? 1 : 0;
  });
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
 * const report = complianceReport(dartford, contacts, { now: "2027-01-31T00:00" });
 * report.rows.map((r) => [r.standardId, r.metShare, r.achieved]);
 */
export function complianceReport(charter: Charter, contacts: Iterable<Contact>, options: ReportOptions): ComplianceReport;
export function complianceReport(charter: Charter, contacts: AsyncIterable<Contact>, options: ReportOptions): Promise<ComplianceReport>;
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
    throw new TypeError(expected("contacts", text.contacts, contacts));
  }
  for (const contact of contacts) {
    acc.add(contact);
    if (progress !== undefined && acc.contacts % every === 0) progress(acc.contacts);
  }
  return acc.report();
}

function isReport(value: unknown): value is ComplianceReport {
  const r = value as Partial<Record<keyof ComplianceReport, unknown>> | null;
  return (
    typeof r === "object" && r !== null && typeof r.charterId === "string" && typeof r.charterFingerprint === "string" && typeof r.now === "string" &&
    Array.isArray(r.rows) && Array.isArray(r.errors) && Array.isArray(r.standards) && typeof r.contacts === "number" && typeof r.skipped === "number"
  );
}

/**
 * Combines the reports of two partitions of the contacts into the report of
 * the whole. Associative and commutative; both must be for the same charter
 * (id and fingerprint), `now`, `by`, `worst` limit and `abandoned` policy.
 *
 * @throws TypeError naming `a` or `b` for anything that is not a report; RangeError when they differ.
 */
export function mergeReports(a: ComplianceReport, b: ComplianceReport): ComplianceReport {
  if (!isReport(a)) throw new TypeError(expected("a", text.report, a));
  if (!isReport(b)) throw new TypeError(expected("b", text.report, b));
  for (const key of ["charterId", "charterFingerprint", "now", "by", "worstLimit", "abandoned"] as const) {
    if (a[key] !== b[key]) throw new RangeError(cannotMerge(key, a[key], b[key]));
  }
  const rows = new Map<string, { row: ReportRow; tally: Tally }>();
  for (const row of [...a.rows, ...b.rows]) {
    const key = `${row.standardId}\u0000${row.period ?? ""}`;
    const known = rows.get(key);
    const tally: Tally = known?.tally ?? emptyTally();
    tally.met += row.met;
    tally.breached += row.breached;
    tally.pending += row.pending;
    tally.notApplicable += row.notApplicable;
    tally.promisesIgnored += row.promisesIgnored;
    for (const w of row.worst) keepWorst(tally.worst, w, a.worstLimit);
    rows.set(key, { row, tally });
  }
  const merged = [...rows.values()].map(({ row, tally }) => toRow(row.standardId, row.period, row.target.percent, tally));
  const errors = [...a.errors, ...b.errors]
    .sort((x, y) => x.index - y.index || (x.message < y.message ? -1 : x.message > y.message ? 1 : 0))
    .slice(0, MAX_ERRORS);
  return {
    charterId: a.charterId,
    charterFingerprint: a.charterFingerprint,
    abandoned: a.abandoned,
    now: a.now,
    by: a.by,
    standards: a.standards,
    contacts: a.contacts + b.contacts,
    skipped: a.skipped + b.skipped,
    errors,
    worstLimit: a.worstLimit,
    rows: sortRows(merged, a.standards),
  };
}
