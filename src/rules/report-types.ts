/**
 * The shapes of a compliance report: plain data, JSON-ready.
 *
 * @module
 */
import type { Instant } from "../calendar/instant.js";
import type { ProblemCode } from "../problems.js";
import type { AbandonedPolicy, Firmness, ReportBy } from "../concepts.js";

export type { ReportBy } from "../concepts.js";

export interface WorstBreach {
  readonly contactId: string | number | null;
  readonly lateMs: number;
  readonly receivedAt: string;
  readonly due: string;
  readonly completedAt: string | null;
  /** What explain() says of the breach. */
  readonly explanation: string;
}

/** The figures of a year to date: every contact of the standard from the start of the row's reporting year to the end of its period. */
export interface YearToDate {
  /** The first local date counted (`YYYY-MM-DD`): the start of the reporting year (for weeks, the Monday of its first week). */
  readonly from: string;
  /** The last: the end of the row's period. */
  readonly to: string;
  readonly inScope: number;
  readonly met: number;
  readonly breached: number;
  readonly pending: number;
  readonly notApplicable: number;
  readonly metShare: number | null;
  readonly achieved: boolean | null;
  readonly ci95: { readonly low: number; readonly high: number } | null;
}

/** Counts for one standard (and, with `by`, one period). */
export interface ReportRow {
  readonly standardId: string;
  /**
   * The period of the receipt's local date: `YYYY-MM` (by month), `YYYY-Www` (by ISO
   * week), `2026/27 Q1` (by quarter of the reporting year; `2026 Q1` for a calendar
   * year) or `2026/27` (by financial year; `2026` for a calendar year).
   */
  readonly period?: string;
  /** With `period`: its first and last local dates, `YYYY-MM-DD`. */
  readonly periodStart?: string;
  readonly periodEnd?: string;
  /** With `period`: the same figures from the start of its reporting year to the end of the period. */
  readonly yearToDate?: YearToDate;
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
  /** How firmly the charter promises the standard (`will`, `aim`, `general-rule`), or null when it does not say. */
  readonly firmness: Firmness | null;
  /** `100 * met >= percent * (met + breached)`, in integers; null when nothing is decided. */
  readonly achieved: boolean | null;
  /** Breached and completed: answered, but late. */
  readonly late: number;
  /** Met by a valid promise: answered within the date the council promised, after its own limit. */
  readonly extended: number;
  /** In scope and not completed by the end of the period (or by `now`, when that is earlier). */
  readonly outstanding: number;
  /** 95% Wilson score interval for the share met; null when nothing is decided. */
  readonly ci95: { readonly low: number; readonly high: number } | null;
  readonly worst: readonly WorstBreach[];
  /**
   * For a standard with periods in force: the versions that judged the row's contacts,
   * each with its period, target and counts (two or more when the row spans a change).
   * Each contact counts against the target of the version that judged it, so `achieved`
   * is `100 * met >= Σ percent × (met + breached)` over the versions; `target` and
   * `firmness` are the latest version's.
   */
  readonly versions?: readonly VersionCount[];
  /**
   * Present when interval counts were judged for the row: `"intervals"` when all its counts
   * come from them, `"contacts and intervals"` when contacts were judged too.
   */
  readonly basis?: "intervals" | "contacts and intervals";
  /**
   * Thresholds of interval counts (seconds) that are not the standard's limit, judged as if
   * they were because `allowThreshold` said the difference is deliberate; absent when none.
   */
  readonly thresholds?: readonly number[];
}

/** What one version of a standard judged in a report row. */
export interface VersionCount {
  /** Its period in force (local dates, inclusive); null for an open end. */
  readonly from: string | null;
  readonly to: string | null;
  readonly target: { readonly percent: number };
  readonly firmness: Firmness | null;
  readonly met: number;
  readonly breached: number;
  readonly pending: number;
  readonly notApplicable: number;
}

/** A problem contact, skipped and counted. */
export interface SkippedContact {
  /** Position in the input, from 0. */
  readonly index: number;
  readonly contactId: string | number | null;
  /** What was wrong, as a code to branch on (the thrown error's `code`). */
  readonly code: ProblemCode;
  /** The contact's (or interval's) field the problem is in, `respondedAt` for `contact.respondedAt`; undefined when none. */
  readonly field: string | undefined;
  readonly message: string;
}

export interface ComplianceReport {
  readonly charterId: string;
  /** A fingerprint of the charter's calendar and standards: reports merge only when theirs agree. */
  readonly charterFingerprint: string;
  /** How abandoned calls were counted. */
  readonly abandoned: AbandonedPolicy;
  /** The moment of judgement. */
  readonly now: string;
  readonly by: ReportBy | null;
  /** With `by`: the first day of the reporting year, `MM-DD` (`04-01`, the UK financial year, by default). */
  readonly yearStart: string | null;
  /** The local dates of the first and the last receipt judged (skipped and future contacts aside), or null when none was. */
  readonly received: { readonly first: string; readonly last: string } | null;
  /** The charter's standard ids, in its order (rows follow it). */
  readonly standards: readonly string[];
  /** Contacts read, including skipped ones. */
  readonly contacts: number;
  /** Contacts skipped because they were not valid. */
  readonly skipped: number;
  /** Contacts received after `now`: counted apart, never judged (they are not pending, they have not happened). */
  readonly future: number;
  /** The first problems (at most 20), in input order. */
  readonly errors: readonly SkippedContact[];
  /**
   * Interval counts judged (intervalReport(); they are among `contacts`, which counts every
   * record read) and the calls they hold. Absent in reports made before intervals were judged.
   */
  readonly intervals?: { readonly judged: number; readonly calls: number };
  /** How many worst breaches each row keeps. */
  readonly worstLimit: number;
  readonly rows: readonly ReportRow[];
}

export interface ReportOptions {
  /** The moment of judgement: events after it have not happened yet. */
  readonly now: Instant;
  readonly warnAt?: number;
  /** Split rows by the local month, ISO week, quarter or financial year of receipt. */
  readonly by?: ReportBy;
  /**
   * The first day of the reporting year, `MM-DD`: quarters, financial years and every
   * row's year to date count from it. `"04-01"` (the UK financial year) when absent;
   * `"01-01"` for the calendar year. Its day is from 01 to 28, and 01 with `by: "month"`.
   */
  readonly yearStart?: string;
  /** How many of the worst breaches to keep per row; 5 when absent. */
  readonly worst?: number;
  /**
   * Abandoned calls: `"by-limit"` (default) excludes those abandoned before the limit and
   * counts the rest as missed; `"missed"` counts all as missed; `"excluded"` excludes all.
   */
  readonly abandoned?: AbandonedPolicy;
  /**
   * Interval counts only: judge counts whose threshold is not the standard's limit as if it
   * were (each row lists such thresholds). An error naming both otherwise.
   */
  readonly allowThreshold?: boolean;
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
