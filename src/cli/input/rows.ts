/**
 * What the readers yield: a header (CSV and Excel), a row of cells, a JSON
 * value, or a located problem: a skipped row with its reason as data, or a
 * `fatal` problem that ends the file.
 *
 * @module
 */
import type { Skip } from "../concepts.js";

/**
 * A cell saved as a date (an Excel date cell, a database's `timestamp` or `date`): a wall time
 * `YYYY-MM-DDTHH:MM:SS.sss`, or a date `YYYY-MM-DD` (a database's `date`, which means what the same text means in a
 * file), not text to parse with `--date-format`.
 */
export class WallTime {
  readonly wall: string;
  constructor(wall: string) {
    this.wall = wall;
  }
}

/** A cell with no usable value (an error value such as #N/A, a formula with no saved value): a problem of the row that reads it. */
export class CellProblem {
  readonly message: string;
  readonly skip: Skip;
  constructor(message: string, skip: Skip) {
    this.message = message;
    this.skip = skip;
  }
}

/** The line break of a CSV file, as papaparse names it. */
export type Newline = "\n" | "\r\n" | "\r";

/** Whole rows of text left for a judge to parse as it judges them (this thread's, or a worker's with `--jobs N`). */
export type TextBlock =
  | {
      readonly format: "csv";
      readonly text: string;
      readonly lines: readonly number[];
      readonly delimiter: string;
      readonly newline: Newline;
      readonly fields: number;
    }
  | { readonly format: "ndjson"; readonly text: string; readonly firstLine: number };

export type RawRow =
  | { readonly line: number; readonly block: TextBlock }
  | { readonly line: number; readonly header: readonly string[] }
  | { readonly line: number; readonly cells: readonly unknown[] }
  | { readonly line: number; readonly value: unknown }
  | { readonly line: number; readonly error: string; readonly skip: Skip }
  | { readonly line: number; readonly error: string; readonly fatal: true };

/** What a judge does with each row of a block as the block is read: no row objects in between. */
export interface RowVisitor {
  /** A CSV row of the header's length. */
  cells(line: number, cells: readonly unknown[]): void;
  /** An NDJSON line's value. */
  value(line: number, value: unknown): void;
  /** A row that could not be read: why, as data, and the message that says so. */
  problem(line: number, skip: Skip, message: string): void;
}
