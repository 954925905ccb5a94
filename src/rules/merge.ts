/**
 * mergeReports(): the reports of partitions combined into the report of the whole.
 *
 * @module
 */
import { rangeError } from "../problems.js";
import { checkReport } from "./report-check.js";
import type { ComplianceReport, ReportRow, WorstBreach } from "./report-types.js";
import {
  MAX_ERRORS,
  addRow,
  compareWorst,
  emptyTally,
  sortRows,
  toRow,
  withYearToDate,
  type RowPeriod,
  type Tally,
} from "./tally.js";

/**
 * Combines the reports of two partitions of the contacts into the report of
 * the whole. Associative and commutative; both must be for the same charter
 * (id and fingerprint), `now`, `by`, `worst` limit and `abandoned` policy.
 *
 * @throws TypeError naming `a` or `b` for anything that is not a report; RangeError when they differ.
 */
export function mergeReports(a: ComplianceReport, b: ComplianceReport): ComplianceReport {
  checkReport(a, "a");
  checkReport(b, "b");
  for (const key of ["charterId", "charterFingerprint", "now", "by", "yearStart", "worstLimit", "abandoned"] as const) {
    if (a[key] !== b[key]) throw rangeError("cannot_merge", { key, a: a[key], b: b[key] });
  }
  const rows = new Map<string, { row: ReportRow; tally: Tally }>();
  /** Each standard's worst breaches, whatever their period: the worst `worstLimit` of both are kept. */
  const worst = new Map<string, { breach: WorstBreach; key: string }[]>();
  for (const row of [...a.rows, ...b.rows]) {
    const key = `${row.standardId}\u0000${row.period ?? ""}`;
    const known = rows.get(key);
    const tally: Tally = known?.tally ?? emptyTally();
    addRow(tally, row, 0);
    rows.set(key, { row, tally });
    const pool = worst.get(row.standardId) ?? [];
    worst.set(row.standardId, pool);
    for (const breach of row.worst) pool.push({ breach, key });
  }
  for (const pool of worst.values()) {
    pool.sort((x, y) => compareWorst(x.breach, y.breach));
    for (const { breach, key } of pool.slice(0, a.worstLimit)) rows.get(key)?.tally.worst.push(breach);
  }
  const merged = [...rows.values()].map(({ row, tally }) =>
    toRow(row.standardId, periodOfRow(row), row.target.percent, row.firmness, tally),
  );
  const errors = [...a.errors, ...b.errors]
    .sort((x, y) => x.index - y.index || (x.message < y.message ? -1 : x.message > y.message ? 1 : 0))
    .slice(0, MAX_ERRORS);
  return {
    charterId: a.charterId,
    charterFingerprint: a.charterFingerprint,
    abandoned: a.abandoned,
    now: a.now,
    by: a.by,
    yearStart: a.yearStart,
    received: earliestAndLatest(a.received, b.received),
    standards: a.standards,
    contacts: a.contacts + b.contacts,
    skipped: a.skipped + b.skipped,
    future: a.future + b.future,
    errors,
    intervals: {
      judged: (a.intervals?.judged ?? 0) + (b.intervals?.judged ?? 0),
      calls: (a.intervals?.calls ?? 0) + (b.intervals?.calls ?? 0),
    },
    worstLimit: a.worstLimit,
    rows: withYearToDate(sortRows(merged, a.standards)),
  };
}

/** A row's period as the report gave it (reports with the same `by` and `yearStart` give a key the same dates). */
function periodOfRow(row: ReportRow): RowPeriod | undefined {
  if (row.period === undefined) return undefined;
  return {
    key: row.period,
    periodStart: row.periodStart ?? "",
    periodEnd: row.periodEnd ?? "",
    yearFrom: row.yearToDate?.from ?? "",
  };
}

type Received = ComplianceReport["received"];

function earliestAndLatest(a: Received, b: Received): Received {
  if (a === null || b === null) return a ?? b;
  // Dates written YYYY-MM-DD sort as text.
  const [first] = [a.first, b.first].sort();
  const [, last] = [a.last, b.last].sort();
  return { first: first ?? a.first, last: last ?? a.last };
}
