/**
 * Reading contact files: CSV with a header (csv-parse), a JSON array, or NDJSON,
 * from a file or standard input, streamed row by row with line numbers.
 *
 * @module
 */
import { parse } from "csv-parse";
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { Contact } from "../charter/schema.js";
import { jsonErrorPosition, positionOf, skipValue, skipWhitespace } from "./locate.js";

export type ContactFormat = "csv" | "json" | "ndjson";

/** A row read from a contact file: the contact, or why the row could not be read. */
export type Row = { readonly line: number; readonly contact: Contact } | { readonly line: number; readonly error: string };

const INSTANT_FIELDS = ["receivedAt", "answeredAt", "attendedAt", "acknowledgedAt", "respondedAt", "voicemailAt", "abandonedAt", "promisedBy"];
const KNOWN = new Set(["id", "channel", "category", "pauses", ...INSTANT_FIELDS]);

export function formatFromName(name: string): ContactFormat | undefined {
  if (/\.csv$/i.test(name)) return "csv";
  if (/\.(ndjson|jsonl)$/i.test(name)) return "ndjson";
  if (/\.json$/i.test(name)) return "json";
  return undefined;
}

/** A CSV record as a contact: empty cells are absent; pauses are `from/to;from/to`. */
export function contactFromRecord(record: Record<string, string>): Contact {
  const unknown = Object.keys(record).filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) throw new Error(`unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => JSON.stringify(k)).join(", ")}`);
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(record)) {
    const value = raw.trim();
    if (value === "") continue;
    if (key === "pauses") {
      out.pauses = value.split(";").map((part, i) => {
        const [from, to, extra] = part.split("/").map((s) => s.trim());
        if (from === undefined || to === undefined || extra !== undefined || from === "" || to === "") {
          throw new Error(`pauses[${i}] must be written from/to, got ${JSON.stringify(part)}`);
        }
        return { from, to };
      });
    } else out[key] = value;
  }
  return out as Contact;
}

async function* csvRows(input: Readable): AsyncGenerator<Row> {
  const parser = input.pipe(parse({ columns: true, skip_empty_lines: true, bom: true, trim: false, info: true, relax_column_count: true }));
  for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; invalid_field_length: number } }>) {
    const line = item.info.lines;
    try {
      yield { line, contact: contactFromRecord(item.record) };
    } catch (error) {
      yield { line, error: (error as Error).message };
    }
  }
}

async function* ndjsonRows(input: Readable): AsyncGenerator<Row> {
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === "") continue;
    try {
      yield { line, contact: JSON.parse(text) as Contact };
    } catch (error) {
      yield { line, error: `not JSON: ${(error as Error).message}` };
    }
  }
}

function* jsonRows(text: string): Generator<Row> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    yield { line: jsonErrorPosition(text, error)?.line ?? 1, error: `not JSON: ${(error as Error).message}` };
    return;
  }
  if (!Array.isArray(data)) {
    yield { line: 1, error: "a JSON contact file must be an array of contacts" };
    return;
  }
  // Line numbers: find each element's start once, walking the text in step.
  let pos = text.indexOf("[") + 1;
  for (const contact of data) {
    pos = skipWhitespace(text, pos);
    if (text[pos] === ",") pos = skipWhitespace(text, pos + 1);
    const line = positionOf(text, pos).line;
    pos = skipValue(text, pos);
    yield { line, contact: contact as Contact };
  }
}

async function readAll(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The rows of a contact file (`-` for standard input). The format comes from
 * `format`, else the file name, else the first character (`[` JSON, `{` NDJSON, else CSV).
 */
export async function* readContacts(path: string, format: ContactFormat | undefined, stdin: Readable = process.stdin): AsyncGenerator<Row> {
  let kind = format ?? (path === "-" ? undefined : formatFromName(path));
  if (path !== "-" && kind === "json") {
    yield* jsonRows(readFileSync(path, "utf8"));
    return;
  }
  let input: Readable = path === "-" ? stdin : createReadStream(path);
  if (kind === undefined) {
    // Sniff: read what is there up to the first non-blank character, then put it back.
    const iterator = input[Symbol.asyncIterator]();
    const head: Buffer[] = [];
    let first: string | undefined;
    while (first === undefined) {
      const next = (await iterator.next()) as IteratorResult<Buffer | string>;
      if (next.done) break;
      const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
      head.push(chunk);
      const text = chunk.toString("utf8").replace(/^\uFEFF/, "").trimStart();
      if (text !== "") first = text[0];
    }
    kind = first === "[" ? "json" : first === "{" ? "ndjson" : "csv";
    input = Readable.from((async function* () {
      yield* head;
      for (;;) {
        const next = (await iterator.next()) as IteratorResult<Buffer | string>;
        if (next.done) return;
        yield next.value;
      }
    })());
  }
  if (kind === "json") yield* jsonRows(await readAll(input));
  else if (kind === "ndjson") yield* ndjsonRows(input);
  else yield* csvRows(input);
}
