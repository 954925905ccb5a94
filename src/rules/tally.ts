/**
 * The arithmetic of reports, shared by complianceReport and mergeReports: the
 * tally of one row, the row it gives (share met, exact target, Wilson interval),
 * the worst breaches kept, periods, row order and the charter's fingerprint.
 *
 * @module
 */
import { civilFromDays, daysFromCivil, padded, weekdayIndex } from "../calendar/civil.js";
import type { Charter } from "../charter/schema.js";
import type { ReportRow, VersionCount, WorstBreach } from "./report-types.js";

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

function compareWorst(a: WorstBreach, b: WorstBreach): number {
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
  worst: WorstBreach[];
  /** For a standard with periods in force: the counts of each version (undefined for one without). */
  versions: VersionCount[] | undefined;
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
  for (const w of row.worst) keepWorst(tally.worst, w, worstLimit);
  if (row.versions !== undefined) addVersions(tally, row.versions);
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
  return { met: 0, breached: 0, pending: 0, notApplicable: 0, promisesIgnored: 0, worst: [], versions: undefined };
}

export function periodOf(epochDay: number, by: "month" | "week"): string {
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

export function toRow(
  standardId: string,
  period: string | undefined,
  percent: number,
  firmness: ReportRow["firmness"],
  t: Tally,
): ReportRow {
  const decided = t.met + t.breached;
  const versions = t.versions === undefined ? undefined : [...t.versions].sort(byPeriod);
  const latest = versions?.[versions.length - 1];
  // Each contact counts against the target of the version that judged it.
  const owed =
    versions === undefined
      ? percent * decided
      : versions.reduce((n, v) => n + v.target.percent * (v.met + v.breached), 0);
  return {
    standardId,
    ...(period === undefined ? {} : { period }),
    inScope: t.met + t.breached + t.pending,
    met: t.met,
    breached: t.breached,
    pending: t.pending,
    notApplicable: t.notApplicable,
    metShare: decided === 0 ? null : t.met / decided,
    target: { percent: latest?.target.percent ?? percent },
    promisesIgnored: t.promisesIgnored,
    firmness: latest === undefined ? firmness : latest.firmness,
    achieved: decided === 0 ? null : 100 * t.met >= owed,
    ci95: wilson(t.met, decided),
    worst: t.worst,
    ...(versions === undefined ? {} : { versions }),
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

export function sortRows(rows: ReportRow[], order: readonly string[]): ReportRow[] {
  const position = new Map(order.map((id, i) => [id, i]));
  return rows.sort((a, b) => {
    const i = (position.get(a.standardId) ?? 0) - (position.get(b.standardId) ?? 0);
    if (i !== 0) return i;
    const p = a.period ?? "";
    const q = b.period ?? "";
    return p < q ? -1 : p > q ? 1 : 0;
  });
}
