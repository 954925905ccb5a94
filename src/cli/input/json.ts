/**
 * JSON arrays and NDJSON, streamed: each element or line is cut out of the text
 * as it arrives and parsed alone, so time is linear in the file and memory holds
 * one element at a time (none longer than the limit).
 *
 * @module
 */
import { cli } from "../words.js";
import { MAX_ROW } from "./csv.js";
import type { RawRow, RowVisitor, TextBlock } from "./rows.js";

import type { Skip } from "../concepts.js";

const NOT_JSON: Skip = Object.freeze({ code: "not_json" });
const ROW_TOO_LONG: Skip = Object.freeze({ code: "row_too_long" });

/** Why a text is not JSON (JSON.parse never gives one of these, so it marks a failure). */
class NotJson {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

/** The value of a JSON text, or a NotJson that says why it is none. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return new NotJson(cli.badJsonRow((error as Error).message));
  }
}

function parseOne(text: string, line: number): RawRow {
  const value = parseJson(text);
  return value instanceof NotJson ? { line, error: value.message, skip: NOT_JSON } : { line, value };
}

/** Reads a block of whole NDJSON lines, line by line, into `visitor`: each value, or why it is not JSON. */
export function readNdjsonBlock(block: Extract<TextBlock, { format: "ndjson" }>, visitor: RowVisitor): void {
  let line = block.firstLine;
  let start = 0;
  const text = block.text;
  for (let nl = text.indexOf("\n", start); ; nl = text.indexOf("\n", start)) {
    const end = nl === -1 ? text.length : nl;
    const one = text.slice(start, end);
    if (one.trim() !== "") {
      const value = parseJson(one);
      if (value instanceof NotJson) visitor.problem(line, NOT_JSON, value.message);
      else visitor.value(line, value);
    }
    if (nl === -1) break;
    line++;
    start = nl + 1;
  }
}

/**
 * NDJSON as blocks of whole lines, left as text: the judges (this thread's, or a
 * worker's) parse them with {@link readNdjsonBlock}, so a line's value lives only as long
 * as judging it takes.
 */
export async function* ndjsonRows(chunks: AsyncIterable<string>): AsyncGenerator<RawRow[]> {
  let carry = "";
  let line = 0;
  /** Set while a line longer than MAX_ROW is passed over to its end. */
  let dropping = false;
  for await (const chunk of chunks) {
    let text = carry + chunk;
    if (dropping) {
      const end = text.indexOf("\n");
      if (end === -1) {
        carry = "";
        continue;
      }
      dropping = false;
      yield [{ line: line + 1, error: cli.rowTooLong(MAX_ROW), skip: ROW_TOO_LONG }];
      line++;
      text = text.slice(end + 1);
    }
    const last = text.lastIndexOf("\n");
    if (last !== -1) {
      const whole = text.slice(0, last);
      let count = 1;
      for (let i = whole.indexOf("\n"); i !== -1; i = whole.indexOf("\n", i + 1)) count++;
      yield [{ line: line + 1, block: { format: "ndjson", text: whole, firstLine: line + 1 } }];
      line += count;
      carry = text.slice(last + 1);
    } else carry = text;
    if (carry.length > MAX_ROW) {
      // Too long to hold: pass over the rest of the line, and count it as one skipped row.
      dropping = true;
      carry = "";
    }
  }
  if (dropping) yield [{ line: line + 1, error: cli.rowTooLong(MAX_ROW), skip: ROW_TOO_LONG }];
  else if (carry.trim() !== "") yield [parseOne(carry, line + 1)];
}

const NONE = Number.POSITIVE_INFINITY;

/**
 * The elements of a JSON array, one by one. The text must start with `[` (after
 * white space); a value that is not an array is a fatal problem. Linear in the text:
 * strings are crossed with indexOf (each next quote, backslash and line break found
 * once and kept until passed), the few characters between them are looked at one by one.
 */
export async function* jsonArrayRows(chunks: AsyncIterable<string>, name: string): AsyncGenerator<RawRow[]> {
  let text = "";
  let pos = 0;
  let line = 1;
  let depth = 0;
  let inString = false;
  let started = false;
  let closed = false;
  let elementStart = -1;
  let elementLine = 1;
  /** Where reading resumes when more text comes. */
  let scan = 0;
  /** The line of an element longer than MAX_ROW, being passed over to its end. */
  let oversized: number | undefined;
  /** An element ends: its value, or why it has none. */
  const element = (start: number, end: number, at: number): RawRow => {
    if (oversized === undefined) return parseOne(text.slice(start, end), at);
    const line = oversized;
    oversized = undefined;
    return { line, error: cli.rowTooLong(MAX_ROW), skip: ROW_TOO_LONG };
  };
  for await (const chunk of chunks) {
    text += chunk;
    const batch: RawRow[] = [];
    const n = text.length;
    const find = (c: string, from: number) => {
      const at = text.indexOf(c, from);
      return at === -1 ? NONE : at;
    };
    let quote = -1;
    let slash = -1;
    let newline = -1;
    let i = scan;
    while (i < n) {
      if (inString) {
        if (quote < i) quote = find('"', i);
        if (slash < i) slash = find("\\", i);
        if (newline < i) newline = find("\n", i);
        const next = Math.min(quote, slash, newline);
        if (next === NONE) {
          i = n;
          break;
        }
        if (next === newline) {
          line++;
          i = newline + 1;
        } else if (next === slash) {
          // An escape: the character after the backslash is never the string's end.
          if (slash + 1 >= n) {
            i = slash;
            break;
          }
          i = slash + 2;
        } else {
          inString = false;
          i = quote + 1;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        i++;
        continue;
      }
      if (c === 32 || c === 9 || c === 13) {
        i++;
        continue;
      }
      if (!started) {
        if (c !== 91) {
          const got = text.slice(i, i + 20);
          yield [
            {
              line,
              error: cli.jsonNotArray(name, got.startsWith("{") ? "an object" : JSON.stringify(got)),
              fatal: true,
            },
          ];
          return;
        }
        started = true;
        depth = 1;
        pos = i + 1;
        i++;
        continue;
      }
      if (depth === 1 && elementStart === -1 && c !== 44 && c !== 93) {
        elementStart = i;
        elementLine = line;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        depth--;
        if (depth === 0) {
          if (elementStart !== -1 || oversized !== undefined || text.slice(pos, i).trim() !== "")
            batch.push(element(elementStart === -1 ? pos : elementStart, i, elementStart === -1 ? line : elementLine));
          closed = true;
          elementStart = -1;
          pos = i + 1;
          i++;
          break;
        }
      } else if (c === 44 && depth === 1) {
        const start = elementStart === -1 ? pos : elementStart;
        batch.push(element(start, i, elementStart === -1 ? line : elementLine));
        elementStart = -1;
        pos = i + 1;
      }
      i++;
    }
    scan = i;
    if (batch.length > 0) yield batch;
    if (closed) break;
    // Keep only the element being read.
    const keep = Math.min(elementStart === -1 ? pos : elementStart, scan);
    if (keep > 0) {
      text = text.slice(keep);
      if (elementStart !== -1) elementStart -= keep;
      pos = Math.max(0, pos - keep);
      scan -= keep;
    }
    if (oversized === undefined && text.length - (elementStart === -1 ? pos : elementStart) > MAX_ROW) {
      // Too long to hold: pass over the rest of the element, and count it as one skipped row.
      oversized = elementLine;
    }
    if (oversized !== undefined) {
      text = text.slice(scan);
      elementStart = -1;
      pos = 0;
      scan = 0;
    }
  }
  if (!started) return;
  if (!closed) {
    yield [
      {
        line: elementStart === -1 ? line : elementLine,
        error: cli.truncatedJson(name),
        skip: { code: "truncated_json" },
      },
    ];
  }
}
