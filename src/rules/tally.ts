/**
 * The arithmetic of reports, shared by complianceReport and mergeReports: the
 * tally of one row, the row it gives (share met, exact target, Wilson interval),
 * the worst breaches kept, periods, row order and the charter's fingerprint.
 *
 * @module
 */
import type { Charter } from "../charter/schema.js";
import type { ReportRow, VersionCount, WorstBreach, YearToDate } from "./report-types.js";

/** How many skipped contacts a report lists. */
export const MAX_ERRORS = 20;
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

/** The order of the worst breaches: latest first, then by every field, so that it is total and merging commutes. */
export function compareWorst(a: WorstBreach, b: WorstBreach): number {
  if (a.lateMs !== b.lateMs) return b.lateMs - a.lateMs;
  const x = String(a.contactId);
  const y = String(b.contactId);
  if (x !== y) return x < y ? -1 : 1;
  // Then every other field, so that the order is total and merging is commutative.
  for (const key of ["due", "receivedAt", "completedAt", "explanation"] as const) {
    const p = a[key] ?? "";
    const q = b[key] ?? "";
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

export function keepWorst(list: WorstBreach[], item: WorstBreach, limit: number): void {
  if (limit === 0) return;
  if (list.length === limit && compareWorst(item, list[list.length - 1] as WorstBreach) >= 0) return;
  let i = list.length;
  while (i > 0 && compareWorst(item, list[i - 1] as WorstBreach) < 0) i--;
  list.splice(i, 0, item);
  if (list.length > limit) list.pop();
}

export interface Tally {
  met: number;
  breached: number;
  pending: number;
  notApplicable: number;
  promisesIgnored: number;
  late: number;
  extended: number;
  outstanding: number;
  worst: WorstBreach[];
  /** For a standard with periods in force: the counts of each version (undefined for one without). */
  versions: VersionCount[] | undefined;
  /** Interval counts judged into the row (rows of a basis, when merging), and the calls counted from them. */
  intervals: number;
  intervalCalls: number;
  /** Thresholds judged although they are not the limit, sorted. */
  thresholds: number[];
}

const versionKey = (v: VersionCount): string => `${v.from ?? ""}..${v.to ?? ""}`;

/** Adds versions' counts into a tally's, version by version (a sum: merging stays associative and commutative). */
export function addVersions(tally: Tally, versions: readonly VersionCount[]): void {
  const list = (tally.versions ??= []);
  for (const v of versions) {
    const i = list.findIndex((w) => versionKey(w) === versionKey(v));
    const w = list[i];
    if (w === undefined) list.push({ ...v, target: { percent: v.target.percent } });
    else
      list[i] = {
        ...w,
        met: w.met + v.met,
        breached: w.breached + v.breached,
        pending: w.pending + v.pending,
        notApplicable: w.notApplicable + v.notApplicable,
      };
  }
}

/** Versions in the order they were in force. */
function byPeriod(a: VersionCount, b: VersionCount): number {
  const x = a.from ?? "";
  const y = b.from ?? "";
  if (x !== y) return x < y ? -1 : 1;
  const p = a.to ?? "\uffff";
  const q = b.to ?? "\uffff";
  return p < q ? -1 : p > q ? 1 : 0;
}

/** Adds a row's counts and worst breaches to a tally (merging reports, summing periods). */
export function addRow(tally: Tally, row: ReportRow, worstLimit: number): void {
  tally.met += row.met;
  tally.breached += row.breached;
  tally.pending += row.pending;
  tally.notApplicable += row.notApplicable;
  tally.promisesIgnored += row.promisesIgnored;
  tally.late += row.late;
  tally.extended += row.extended;
  tally.outstanding += row.outstanding;
  for (const w of row.worst) keepWorst(tally.worst, w, worstLimit);
  if (row.versions !== undefined) addVersions(tally, row.versions);
  // A row's basis says whether interval counts are in it: all of them ("intervals"), or some.
  if (row.basis === "intervals" || row.basis === "contacts and intervals") {
    tally.intervals++;
    if (row.basis === "intervals") tally.intervalCalls += row.met + row.breached + row.pending + row.notApplicable;
  }
  for (const t of row.thresholds ?? []) addThreshold(tally, t);
}

/** Adds one tally's counts (not its worst breaches or versions) into another's: a standard's versions summed into its row. */
export function addTally(sum: Tally, t: Tally): void {
  sum.met += t.met;
  sum.breached += t.breached;
  sum.pending += t.pending;
  sum.notApplicable += t.notApplicable;
  sum.promisesIgnored += t.promisesIgnored;
  sum.late += t.late;
  sum.extended += t.extended;
  sum.outstanding += t.outstanding;
  sum.intervals += t.intervals;
  sum.intervalCalls += t.intervalCalls;
  for (const seconds of t.thresholds) addThreshold(sum, seconds);
}

/** Adds a threshold judged although it is not the limit, keeping the list sorted and distinct. */
export function addThreshold(tally: Tally, seconds: number): void {
  if (!tally.thresholds.includes(seconds)) {
    tally.thresholds.push(seconds);
    tally.thresholds.sort((a, b) => a - b);
  }
}

/** The rows of one standard (its periods, say) summed into one row without a period. */
export function sumRows(rows: readonly ReportRow[], worstLimit: number): ReportRow | undefined {
  const first = rows[0];
  if (first === undefined) return undefined;
  const tally = emptyTally();
  for (const row of rows) addRow(tally, row, worstLimit);
  return toRow(first.standardId, undefined, first.target.percent, first.firmness, tally);
}

export function emptyTally(): Tally {
  return {
    met: 0,
    breached: 0,
    pending: 0,
    notApplicable: 0,
    promisesIgnored: 0,
    late: 0,
    extended: 0,
    outstanding: 0,
    worst: [],
    versions: undefined,
    intervals: 0,
    intervalCalls: 0,
    thresholds: [],
  };
}

/** The basis of a row's counts, when interval counts are among them. */
function basisOf(t: Tally): Pick<ReportRow, "basis" | "thresholds"> {
  if (t.intervals === 0) return {};
  const total = t.met + t.breached + t.pending + t.notApplicable;
  return {
    basis: total > t.intervalCalls ? "contacts and intervals" : "intervals",
    ...(t.thresholds.length === 0 ? {} : { thresholds: [...t.thresholds] }),
  };
}

/** A row's period: its key, its first and last dates and where its year to date starts (`YYYY-MM-DD`). */
export interface RowPeriod {
  readonly key: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly yearFrom: string;
}

/**
 * The share met, whether the target was achieved (in integers: `100 * met >= percent *
 * decided`) and the interval. With versions of a standard in force, each contact counts
 * against the target of the version that judged it.
 */
function share(met: number, breached: number, percent: number, versions?: readonly VersionCount[]) {
  const decided = met + breached;
  const owed =
    versions === undefined
      ? percent * decided
      : versions.reduce((n, v) => n + v.target.percent * (v.met + v.breached), 0);
  return {
    metShare: decided === 0 ? null : met / decided,
    achieved: decided === 0 ? null : 100 * met >= owed,
    ci95: wilson(met, decided),
  };
}

export function toRow(
  standardId: string,
  period: RowPeriod | undefined,
  percent: number,
  firmness: ReportRow["firmness"],
  t: Tally,
): ReportRow {
  const versions = t.versions === undefined ? undefined : [...t.versions].sort(byPeriod);
  const latest = versions?.[versions.length - 1];
  const { metShare, achieved, ci95 } = share(t.met, t.breached, percent, versions);
  return {
    standardId,
    ...(period === undefined
      ? {}
      : {
          period: period.key,
          periodStart: period.periodStart,
          periodEnd: period.periodEnd,
          // Filled in by withYearToDate once every row of the standard is known.
          yearToDate: yearToDate(period.yearFrom, period.periodEnd, emptyTally(), percent),
        }),
    inScope: t.met + t.breached + t.pending,
    met: t.met,
    breached: t.breached,
    pending: t.pending,
    notApplicable: t.notApplicable,
    metShare,
    target: { percent: latest?.target.percent ?? percent },
    promisesIgnored: t.promisesIgnored,
    firmness: latest === undefined ? firmness : latest.firmness,
    achieved,
    late: t.late,
    extended: t.extended,
    outstanding: t.outstanding,
    ci95,
    worst: t.worst,
    ...(versions === undefined ? {} : { versions }),
    ...basisOf(t),
  };
}

function yearToDate(from: string, to: string, t: Tally, percent: number): YearToDate {
  return {
    from,
    to,
    inScope: t.met + t.breached + t.pending,
    met: t.met,
    breached: t.breached,
    pending: t.pending,
    notApplicable: t.notApplicable,
    ...share(t.met, t.breached, percent),
  };
}

/**
 * Each row's year to date: the sum of the rows of its standard in the same reporting
 * year up to and including its own period. Every period lies in one reporting year, so
 * this is a function of the rows alone, and merged reports get it right by construction.
 * Rows must be sorted (sortRows).
 */
export function withYearToDate(rows: ReportRow[]): ReportRow[] {
  let standard: string | undefined;
  let from: string | undefined;
  let running = emptyTally();
  return rows.map((row) => {
    const ytd = row.yearToDate;
    if (ytd === undefined || row.periodEnd === undefined) return row;
    if (row.standardId !== standard || ytd.from !== from) {
      standard = row.standardId;
      from = ytd.from;
      running = emptyTally();
    }
    running.met += row.met;
    running.breached += row.breached;
    running.pending += row.pending;
    running.notApplicable += row.notApplicable;
    return { ...row, yearToDate: yearToDate(ytd.from, row.periodEnd, running, row.target.percent) };
  });
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

/** Rows in the charter's order of standards, then by period (its first date, then its key). */
export function sortRows(rows: ReportRow[], order: readonly string[]): ReportRow[] {
  const position = new Map(order.map((id, i) => [id, i]));
  const compare = (p: string, q: string) => (p < q ? -1 : p > q ? 1 : 0);
  return rows.sort(
    (a, b) =>
      (position.get(a.standardId) ?? 0) - (position.get(b.standardId) ?? 0) ||
      compare(a.periodStart ?? "", b.periodStart ?? "") ||
      compare(a.period ?? "", b.period ?? ""),
  );
}
