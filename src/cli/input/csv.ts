/**
 * CSV per RFC 4180, streamed, with every record accounted for. A scanner of our own finds
 * where each record begins and ends, and which are malformed (papaparse and csv-parse both
 * read the rest of their input into the field after a quoted field followed by text, `"X"Y`,
 * and neither recovers from an unclosed quote): it follows quotes across chunks, reads each
 * record's line ending on its own (LF, CRLF or CR, mixed in one file), counts true line
 * numbers, and cuts the good records into blocks of one line ending each. papaparse (the one
 * module that imports it) splits a block into fields when a judge (this thread's or a
 * worker's) takes it.
 *
 * The rules, stated in the README:
 * - The delimiter is `,`, `;`, tab or `|`: the one that occurs most often in the header line
 *   outside quotes (a comma when none does), or the one given.
 * - A quoted field closed by a quote that is followed by anything but a delimiter or the end
 *   of the line (`"X"Y`) makes its record malformed: one skipped record, and reading goes on
 *   at the next one.
 * - A quoted field that runs over line breaks must close within {@link LOOKAHEAD_LINES} lines
 *   and the record must have the header's number of fields; otherwise it is an unclosed quote:
 *   the record's first line is one skipped row, and reading goes on at the line after it.
 * - A line longer than {@link MAX_ROW} characters is one skipped row; reading goes on after it.
 * - Blank lines, and lines of nothing but delimiters and spaces, are passed over.
 *
 * @module
 */
import Papa from "papaparse";
import { cli } from "../words.js";
import type { Newline, RawRow, RowVisitor, TextBlock } from "./rows.js";
import { Failure } from "./source.js";

/** The longest row or line read, in characters; a longer one is one skipped row. */
export const MAX_ROW = 1_000_000;
/** How many lines a quoted field may run over before it is taken for an unclosed quote. */
export const LOOKAHEAD_LINES = 1_000;

/** The delimiters a CSV file may use. */
export const DELIMITERS: readonly string[] = Object.freeze([",", ";", "\t", "|"]);

export interface CsvOptions {
  /** `,`, `;`, `\t` or `|`; detected from the header line when absent. */
  readonly delimiter?: string;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** The delimiter of a header line: the one most often outside quotes, a comma on a tie or when none is there. */
export function delimiterOf(line: string): string {
  const counts = new Map<number, number>(DELIMITERS.map((d) => [d.charCodeAt(0), 0]));
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted) {
      const n = counts.get(c);
      if (n !== undefined) counts.set(c, n + 1);
    }
  }
  let best = ",";
  let most = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d.charCodeAt(0)) ?? 0;
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

/** How a record ended: the line ending that closes it, or "" at the end of the input. */
type Ending = Newline | "";

/** What scanning one record found. */
type Scan =
  | {
      readonly kind: "record";
      readonly end: number;
      readonly ending: Ending;
      readonly breaks: number;
      readonly fields: number;
    }
  | { readonly kind: "malformed"; readonly at: number }
  | { readonly kind: "unclosed" }
  | { readonly kind: "more" };

/**
 * Where the next `\n`, `\r`, `"` or delimiter is at or after a position: remembered until
 * passed, so that each is found once per text however often it is asked for.
 */
class Finder {
  #text = "";
  /** The position last searched from, and what was found there (-1: none after it). */
  #from = Number.POSITIVE_INFINITY;
  #at = -1;
  #char: string;

  constructor(char: string) {
    this.#char = char;
  }

  reset(text: string, char = this.#char): void {
    this.#text = text;
    this.#char = char;
    this.#from = Number.POSITIVE_INFINITY;
  }

  from(i: number): number {
    if (this.#from <= i && (this.#at === -1 || this.#at >= i)) return this.#at;
    this.#from = i;
    this.#at = this.#text.indexOf(this.#char, i);
    return this.#at;
  }
}

/** The line breaks in `text` from `a` to `b`: `\r\n`, `\n` and `\r` each one. */
function breaksIn(text: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/** A good record kept for the block being built. */
interface Run {
  start: number;
  end: number;
  lines: number[];
  newline: Newline;
}

/**
 * Cuts CSV text, given in chunks, into the header, blocks of good records and the
 * records that are malformed, each at its true line.
 */
export class CsvScanner {
  #text = "";
  /** The line the kept text starts on. */
  #line = 1;
  #delimiter: number;
  #delimiterText: string | undefined;
  /** Fields in the header (0 until it is read). */
  #fields = 0;
  /** A line longer than MAX_ROW being passed over: the line it began on. */
  #dropping: number | undefined;
  readonly #lf = new Finder("\n");
  readonly #cr = new Finder("\r");
  readonly #quote = new Finder('"');
  readonly #delimiterFinder = new Finder(",");
  header: string[] | undefined;

  constructor(delimiter: string | undefined) {
    this.#delimiterText = delimiter;
    this.#delimiter = delimiter === undefined ? -1 : delimiter.charCodeAt(0);
  }

  /** The delimiter in use (once the header has been read, or when given). */
  get delimiter(): string {
    return this.#delimiterText ?? ",";
  }

  /** The end of the physical line that starts at or contains `i`: the next `\n` or `\r`, or -1. */
  #lineEnd(i: number): number {
    const lf = this.#lf.from(i);
    const cr = this.#cr.from(i);
    return lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
  }

  /** The ending at a line break found at `at`, or undefined when `\r` is the text's last character and more may come. */
  #endingAt(text: string, at: number, last: boolean): { ending: Newline; length: number } | undefined {
    if (text.charCodeAt(at) === LF) return { ending: "\n", length: 1 };
    if (at + 1 >= text.length && !last) return undefined;
    return text.charCodeAt(at + 1) === LF ? { ending: "\r\n", length: 2 } : { ending: "\r", length: 1 };
  }

  /** Scans the record that starts at `p`, which has a quote at a field start somewhere on its first line. */
  #scanQuoted(text: string, p: number, last: boolean): Scan {
    const n = text.length;
    const delimiter = this.#delimiter;
    let i = p;
    let fields = 1;
    let breaks = 0;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        let q: number;
        for (;;) {
          q = text.indexOf('"', j);
          if (q === -1) {
            breaks += breaksIn(text, j, n);
            if (last || breaks > LOOKAHEAD_LINES || n - p > MAX_ROW) return { kind: "unclosed" };
            return { kind: "more" };
          }
          if (q + 1 >= n && !last) return { kind: "more" };
          breaks += breaksIn(text, j, q);
          if (breaks > LOOKAHEAD_LINES) return { kind: "unclosed" };
          if (text.charCodeAt(q + 1) === QUOTE) {
            j = q + 2;
            continue;
          }
          break;
        }
        const after = q + 1;
        if (after >= n) return { kind: "record", end: n, ending: "", breaks, fields };
        const c = text.charCodeAt(after);
        if (c === delimiter) {
          fields++;
          i = after + 1;
          continue;
        }
        if (c === LF || c === CR) {
          const e = this.#endingAt(text, after, last);
          if (e === undefined) return { kind: "more" };
          return { kind: "record", end: after + e.length, ending: e.ending, breaks, fields };
        }
        // A closing quote followed by text: on the record's first line it is one malformed
        // record; after a line break inside the quotes, the quote was probably never closed.
        return breaks === 0 ? { kind: "malformed", at: after } : { kind: "unclosed" };
      }
      // An unquoted field: a quote inside it is text; it ends at the next delimiter or line end.
      const end = this.#lineEnd(i);
      const d = this.#delimiterFinder.from(i);
      if (d !== -1 && (end === -1 || d < end)) {
        fields++;
        i = d + 1;
        continue;
      }
      if (end === -1) {
        if (!last) return n - p > MAX_ROW ? { kind: "unclosed" } : { kind: "more" };
        return { kind: "record", end: n, ending: "", breaks, fields };
      }
      const e = this.#endingAt(text, end, last);
      if (e === undefined) return { kind: "more" };
      return { kind: "record", end: end + e.length, ending: e.ending, breaks, fields };
    }
  }

  /** Whether the line from `p` to `end` has a quote at the start of a field. */
  #quotedField(text: string, p: number, end: number): boolean {
    for (let q = this.#quote.from(p); q !== -1 && q < end; q = text.indexOf('"', q + 1)) {
      if (q === p || text.charCodeAt(q - 1) === this.#delimiter) return true;
    }
    return false;
  }

  /**
   * The rows of the text so far: the header, blocks of good records, and problems, in
   * order; the rest (a record not yet complete) is kept for the next chunk.
   */
  push(chunk: string, last: boolean): RawRow[] {
    const text = this.#text + chunk;
    const n = text.length;
    this.#lf.reset(text);
    this.#cr.reset(text);
    this.#quote.reset(text);
    this.#delimiterFinder.reset(text, this.delimiter);
    const out: RawRow[] = [];
    let p = 0;
    let line = this.#line;
    let run: Run | undefined;
    const flush = () => {
      if (run !== undefined && run.lines.length > 0) {
        out.push({
          line: run.lines[0] as number,
          block: {
            format: "csv",
            text: text.slice(run.start, run.end),
            lines: run.lines,
            delimiter: this.delimiter,
            newline: run.newline,
            fields: this.#fields,
          },
        });
      }
      run = undefined;
    };
    const keep = (start: number, end: number, ending: Ending, at: number) => {
      if (run !== undefined && (run.end !== start || (ending !== "" && ending !== run.newline))) flush();
      if (run === undefined) run = { start, end, lines: [at], newline: ending === "" ? "\n" : ending };
      else {
        run.end = end;
        run.lines.push(at);
      }
    };
    /** The end of the line `p` starts, with its ending: where reading goes on after a bad row. */
    const skipLine = (from: number): number | undefined => {
      const end = this.#lineEnd(from);
      if (end === -1) return last ? n : undefined;
      const e = this.#endingAt(text, end, last);
      return e === undefined ? undefined : end + e.length;
    };

    while (p < n) {
      if (this.#dropping !== undefined) {
        const next = skipLine(p);
        if (next === undefined) {
          p = n;
          break;
        }
        flush();
        out.push({ line: this.#dropping, error: cli.rowTooLong(MAX_ROW), skip: { code: "row_too_long" } });
        this.#dropping = undefined;
        p = next;
        line++;
        continue;
      }
      const end = this.#lineEnd(p);
      if (end === -1 && !last) {
        if (n - p > MAX_ROW) {
          this.#dropping = line;
          p = n;
        }
        break;
      }
      const lineEnd = end === -1 ? n : end;
      if (this.header === undefined) {
        if (text.slice(p, lineEnd).trim() === "") {
          const next = skipLine(p);
          if (next === undefined) break;
          p = next;
          line++;
          continue;
        }
        if (this.#delimiter === -1) {
          this.#delimiterText = delimiterOf(text.slice(p, lineEnd));
          this.#delimiter = this.#delimiterText.charCodeAt(0);
          this.#delimiterFinder.reset(text, this.#delimiterText);
        }
      }
      let scan: Scan;
      if (!this.#quotedField(text, p, lineEnd)) {
        if (end === -1) scan = { kind: "record", end: n, ending: "", breaks: 0, fields: 0 };
        else {
          const e = this.#endingAt(text, end, last);
          if (e === undefined) break;
          scan = { kind: "record", end: end + e.length, ending: e.ending, breaks: 0, fields: 0 };
        }
      } else scan = this.#scanQuoted(text, p, last);
      if (scan.kind === "more") break;
      if (scan.kind === "record" && scan.breaks > 0 && this.#fields > 0 && scan.fields !== this.#fields) {
        scan = { kind: "unclosed" };
      }
      if (scan.kind === "record") {
        if (this.header === undefined) {
          this.header = this.#split(text.slice(p, scan.end), scan.ending === "" ? "\n" : scan.ending);
          this.#fields = this.header.length;
          out.push({ line, header: this.header });
        } else keep(p, scan.end, scan.ending, line);
        line += scan.breaks + (scan.ending === "" ? 0 : 1);
        p = scan.end;
        continue;
      }
      // A malformed record, or an unclosed quote: one skipped row, and on from the next.
      const resume = scan.kind === "malformed" ? skipLine(scan.at) : skipLine(p);
      if (resume === undefined) break;
      if (this.header === undefined)
        throw new Failure(
          cli.badHeader(scan.kind === "malformed" ? cli.malformedQuote() : cli.unclosedQuote(LOOKAHEAD_LINES)),
        );
      flush();
      out.push(
        scan.kind === "malformed"
          ? { line, error: cli.malformedQuote(), skip: { code: "malformed_quote" } }
          : { line, error: cli.unclosedQuote(LOOKAHEAD_LINES), skip: { code: "unclosed_quote" } },
      );
      p = resume;
      line++;
    }
    flush();
    this.#text = text.slice(p);
    this.#line = line;
    return out;
  }

  /** The header's cells. */
  #split(record: string, newline: Newline): string[] {
    const first = splitRows(record, this.delimiter, newline).data[0] ?? [""];
    return first.map((c) => c.trim());
  }
}

/**
 * Splits a block of good records into fields with papaparse's core Parser (the
 * delimiter and the block's one line ending known): Papa.parse around it guesses the
 * line break for every call and keeps its input alive long enough to be promoted.
 */
function splitRows(text: string, delimiter: string, newline: Newline): Papa.ParseResult<string[]> {
  return new Papa.Parser({ delimiter, newline }).parse(text, 0, false) as Papa.ParseResult<string[]>;
}

/** True for a row of empty cells, or of spaces: a blank line, or one of bare delimiters. */
function blank(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== "" && c.trim() !== "") return false;
  return true;
}

/** Reads a block of whole CSV records, row by row, into `visitor`. */
export function readCsvBlock(block: Extract<TextBlock, { format: "csv" }>, visitor: RowVisitor): void {
  const result = splitRows(block.text, block.delimiter, block.newline);
  const { lines, fields } = block;
  for (let r = 0; r < result.data.length; r++) {
    const cells = result.data[r] as string[];
    const line = lines[r] ?? (lines[lines.length - 1] as number);
    const first = cells[0] as string;
    if ((first === "" || first.charCodeAt(0) <= 32) && blank(cells)) continue;
    if (cells.length !== fields) visitor.problem(line, { code: "field_count" }, cli.fieldCount(cells.length, fields));
    else visitor.cells(line, cells);
  }
}

/**
 * The rows of a CSV text given in chunks: the header first, then blocks of good records
 * and the records that could not be read, each at its line.
 */
export async function* csvRows(chunks: AsyncIterable<string>, options: CsvOptions): AsyncGenerator<RawRow[]> {
  const scanner = new CsvScanner(options.delimiter);
  for await (const chunk of chunks) {
    const rows = scanner.push(chunk, false);
    if (rows.length > 0) yield rows;
  }
  const rows = scanner.push("", true);
  if (rows.length > 0) yield rows;
}
