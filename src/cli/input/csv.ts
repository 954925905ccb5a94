/**
 * CSV per RFC 4180, streamed: a light scanner cuts the text into whole rows
 * (quotes followed across chunks, every row's line counted, none longer than
 * the limit), and papaparse (the one module that imports it) splits each block
 * of rows into fields: the first here, to read the header, the rest when a judge
 * (this thread's or a worker's) takes the block. `,`, `;` or tab, detected from the
 * header or given.
 *
 * @module
 */
import Papa from "papaparse";
import { cli } from "../messages.js";
import type { Newline, RawRow, RowVisitor, TextBlock } from "./rows.js";

/** The longest row or line read, in characters; a longer one is a located error. */
export const MAX_ROW = 1_000_000;

export interface CsvOptions {
  /** `,`, `;` or `\t`; detected from the header when absent. */
  readonly delimiter?: string;
}

/** Where a row starts: its line, and its offset in the block. */
interface Cut {
  readonly text: string;
  /** Line number of each row in the block, in order. */
  readonly lines: readonly number[];
}

/** Cuts text into blocks of whole rows, across chunks, following quotes as papaparse reads them. */
class RowCutter {
  #carry = "";
  #line = 1;
  #inQuotes = false;
  #rowStart = 0;
  #scanFrom = 0;
  #rowLine = 1;
  #delimiter: number;
  /** Set when a row ran past the limit: the line it started on. */
  tooLong: number | undefined;

  constructor(delimiter: string | undefined) {
    this.#delimiter = delimiter === undefined ? -1 : delimiter.charCodeAt(0);
  }

  set delimiter(d: string) {
    this.#delimiter = d.charCodeAt(0);
  }

  /** The whole rows of the text so far (the rest is kept for the next chunk). */
  push(chunk: string, last: boolean): Cut {
    const text = this.#carry + chunk;
    const lines: number[] = [];
    let i = this.#scanFrom;
    let rowStart = this.#rowStart;
    let cut = 0;
    const n = text.length;
    // The next quote at or after i, found once and kept until passed (rows rarely quote).
    let nextQuote = text.indexOf('"', i);
    while (i < n) {
      if (this.#inQuotes) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          this.#line += countLines(text, i, n);
          i = n;
          break;
        }
        this.#line += countLines(text, i, q);
        if (text.charCodeAt(q + 1) === 34) {
          i = q + 2;
          continue;
        }
        if (q + 1 === n && !last) {
          // A quote at the end of the chunk may be the first of an escaped pair.
          i = q;
          break;
        }
        this.#inQuotes = false;
        i = q + 1;
        continue;
      }
      const nl = text.indexOf("\n", i);
      if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
      const q = nextQuote;
      if (q !== -1 && (nl === -1 || q < nl)) {
        const before = q === rowStart ? -1 : text.charCodeAt(q - 1);
        if (
          before === -1 ||
          before === this.#delimiter ||
          (this.#delimiter === -1 && (before === 44 || before === 59 || before === 9))
        )
          this.#inQuotes = true;
        i = q + 1;
        continue;
      }
      if (nl === -1) {
        i = n;
        break;
      }
      lines.push(this.#rowLine);
      this.#line++;
      this.#rowLine = this.#line;
      rowStart = nl + 1;
      cut = rowStart;
      i = rowStart;
    }
    if (last && rowStart < n) {
      lines.push(this.#rowLine);
      cut = n;
      rowStart = n;
    }
    if (n - rowStart > MAX_ROW && this.tooLong === undefined) this.tooLong = this.#rowLine;
    this.#carry = text.slice(cut);
    this.#rowStart = rowStart - cut;
    this.#scanFrom = i - cut;
    return { text: text.slice(0, cut), lines };
  }

  get inQuotes(): boolean {
    return this.#inQuotes;
  }
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

const DELIMITERS = [",", ";", "\t"];

/**
 * Splits whole rows into fields with papaparse's core Parser, once the delimiter and the
 * line break are known from the first rows. Papa.parse around it guesses the line break
 * for every call and keeps its input alive long enough to be promoted: measured on a
 * million rows, the core alone spends a tenth of the time in the garbage collector.
 */
function splitRows(text: string, delimiter: string, newline: Newline): Papa.ParseResult<string[]> {
  return new Papa.Parser({ delimiter, newline }).parse(text, 0, false) as Papa.ParseResult<string[]>;
}

const newlineOf = (linebreak: string): Newline => (linebreak === "\r\n" || linebreak === "\r" ? linebreak : "\n");

/**
 * Each row of one papaparse result, given to `visitor`: cells, or a located problem.
 * Blank rows are passed over; `onHeader` may take a row first (the header).
 */
function visitResult(
  result: Papa.ParseResult<string[]>,
  lines: readonly number[],
  fields: () => number,
  visitor: RowVisitor,
  onHeader?: (cells: string[], line: number) => boolean,
): void {
  const errors = new Set<number>();
  for (const error of result.errors)
    if (error.row !== undefined && error.code === "MissingQuotes") errors.add(error.row);
  for (let r = 0; r < result.data.length; r++) {
    const line = lines[r] ?? lines[lines.length - 1] ?? 1;
    const cells = result.data[r] as string[];
    if (cells.length === 1 && cells[0] === "") continue;
    if (onHeader?.(cells, line) === true) continue;
    if (errors.has(r)) visitor.problem(line, "unclosed quote", cli.unclosedQuote());
    else if (cells.length !== fields())
      visitor.problem(line, "wrong number of fields", cli.fieldCount(cells.length, fields()));
    else visitor.cells(line, cells);
  }
}

/** Reads a block of whole CSV rows, row by row, into `visitor`. */
export function readCsvBlock(block: Extract<TextBlock, { format: "csv" }>, visitor: RowVisitor): void {
  visitResult(splitRows(block.text, block.delimiter, block.newline), block.lines, () => block.fields, visitor);
}

/**
 * The rows of a CSV text given in chunks: the header first (`line` 1, or the line of the
 * first non-empty row), then each row as cells, with its line. Blank lines are passed over.
 */
export async function* csvRows(chunks: AsyncIterable<string>, options: CsvOptions): AsyncGenerator<RawRow[]> {
  const cutter = new RowCutter(options.delimiter);
  let delimiter = options.delimiter;
  let newline: Newline | undefined;
  let header: string[] | undefined;
  const parse = (cut: Cut): RawRow[] => {
    if (cut.lines.length === 0) return [];
    if (header !== undefined && delimiter !== undefined && newline !== undefined) {
      return [
        {
          line: cut.lines[0] as number,
          block: { format: "csv", text: cut.text, lines: cut.lines, delimiter, newline, fields: header.length },
        },
      ];
    }
    let result: Papa.ParseResult<string[]>;
    if (delimiter === undefined || newline === undefined) {
      // The first rows: papaparse finds the line break, and the delimiter unless given.
      result = Papa.parse<string[]>(cut.text, { delimiter: delimiter ?? "", skipEmptyLines: false, header: false });
      newline = newlineOf(result.meta.linebreak);
      if (delimiter === undefined) {
        delimiter = DELIMITERS.includes(result.meta.delimiter) ? result.meta.delimiter : ",";
        cutter.delimiter = delimiter;
      }
    } else result = splitRows(cut.text, delimiter, newline);
    const out: RawRow[] = [];
    const collect: RowVisitor = {
      cells: (line, cells) => out.push({ line, cells }),
      value: (line, value) => out.push({ line, value }),
      problem: (line, reason, error) => out.push({ line, error, reason }),
    };
    visitResult(
      result,
      cut.lines,
      () => header?.length ?? 0,
      collect,
      (cells, line) => {
        if (header !== undefined) return false;
        header = cells.map((c) => c.trim());
        out.push({ line, header });
        return true;
      },
    );
    return out;
  };
  for await (const chunk of chunks) {
    const rows = parse(cutter.push(chunk, false));
    if (rows.length > 0) yield rows;
    if (cutter.tooLong !== undefined) {
      yield [{ line: cutter.tooLong, error: cli.rowTooLong(MAX_ROW), reason: "row too long", fatal: true }];
      return;
    }
  }
  const unclosed = cutter.inQuotes;
  const rest = cutter.push("", true);
  if (unclosed && rest.lines.length > 0) {
    // Everything from the row with the open quote to the end is one unreadable row.
    yield [{ line: rest.lines[0] as number, error: cli.unclosedQuote(), reason: "unclosed quote" }];
    return;
  }
  const rows = parse(rest);
  if (rows.length > 0) yield rows;
}
