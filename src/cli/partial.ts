/**
 * The shapes the command's parts share: its streams (`Io`), and a report as
 * `report --format json` writes it, with the one account of its input. Types only, so that
 * the outputs and the commands depend on them, not on one another.
 *
 * @module
 */
import type { Readable, Writable } from "node:stream";
import type { ComplianceReport } from "../rules/report.js";
import type { NowSource, SkipReason, UnmatchedField } from "./concepts.js";

export interface Io {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly stdin: Readable;
  /** The environment (progress reads `CI`); `process.env` when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A monotonic clock in milliseconds (progress only); `performance.now` when absent. */
  readonly clock?: () => number;
}

/** An input a report was made from: its name, the SHA-256 of its bytes, and the sheet read (.xlsx). */
export interface Source {
  readonly name: string;
  readonly sha256: string;
  readonly sheet?: string;
}

/**
 * Rows skipped for one reason: its code and the field it names (as data), its words (as
 * the command writes them), how many rows, and the first lines (file:line). A report
 * written before codes has the words alone; merged, the entries group by their words.
 */
export interface SkippedRows {
  readonly reason: string;
  readonly code?: SkipReason;
  readonly field?: string;
  readonly count: number;
  readonly first: readonly string[];
}

/**
 * How the rows of the input were accounted for, summable across partitions:
 * `read = judged + skipped.total + future`, always.
 */
export interface InputAccount {
  /** Rows read (records of a CSV file, lines of NDJSON, elements of a JSON array, rows of a sheet), the header excluded. */
  readonly read: number;
  /** Rows judged against the charter. */
  readonly judged: number;
  /** Rows not judged, by reason, with the first lines (file:line) of each. */
  readonly skipped: { readonly total: number; readonly reasons: readonly SkippedRows[] };
  /** Rows received after `now`: counted apart, never judged. */
  readonly future: number;
  /** Rows whose id an earlier row had: skipped (unless --keep-duplicates, which judges them all). */
  readonly duplicates: { readonly count: number; readonly first: readonly string[] };
  /** Channel and category values that reach no standard of the charter, with their counts and first lines. */
  readonly unmatched: readonly {
    readonly field: UnmatchedField;
    readonly value: string;
    readonly count: number;
    readonly first: readonly string[];
  }[];
  /** Where `now` came from: the `--now` option, or the clock (`--now now`). */
  readonly now: NowSource;
  /** The inputs, each once: merging refuses an input twice. */
  readonly sources: readonly Source[];
}

/** A report as the command writes it with `--format json`: the library's figures and the input's one account. */
export type PartialReport = Omit<ComplianceReport, "contacts" | "skipped" | "future" | "errors"> & {
  readonly input: InputAccount;
};
