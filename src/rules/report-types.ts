/**
 * The shapes of a compliance report: plain data, JSON-ready.
 *
 * @module
 */
import type { Instant } from "../calendar/instant.js";

export interface WorstBreach {
  readonly contactId: string | number | null;
  readonly lateMs: number;
  readonly receivedAt: string;
  readonly due: string;
  readonly completedAt: string | null;
  /** What explain() says of the breach. */
  readonly explanation: string;
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
  /** How firmly the charter promises the standard (`will`, `aim`, `general-rule`), or null when it does not say. */
  readonly firmness: "will" | "aim" | "general-rule" | null;
  /** `100 * met >= percent * (met + breached)`, in integers; null when nothing is decided. */
  readonly achieved: boolean | null;
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
}

/** What one version of a standard judged in a report row. */
export interface VersionCount {
  /** Its period in force (local dates, inclusive); null for an open end. */
  readonly from: string | null;
  readonly to: string | null;
  readonly target: { readonly percent: number };
  readonly firmness: "will" | "aim" | "general-rule" | null;
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
  /** Contacts received after `now`: counted apart, never judged (they are not pending, they have not happened). */
  readonly future: number;
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
