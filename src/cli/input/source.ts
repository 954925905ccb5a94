/**
 * Opening a contact file (or standard input): text chunks without a byte-order
 * mark, and the format, from `--input`, the file name or the first character.
 * A missing file, a directory or an unreadable one is a Failure naming it.
 *
 * @module
 */
import { createReadStream, statSync } from "node:fs";
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { cli } from "../messages.js";

export type InputFormat = "csv" | "json" | "ndjson" | "xlsx";
export const INPUT_FORMATS: readonly InputFormat[] = ["csv", "json", "ndjson", "xlsx"];

/** A problem with what the command was given: exit 2, one message. */
export class Failure extends Error {}

export function formatFromName(name: string): InputFormat | undefined {
  if (/\.(csv|tsv|txt)$/i.test(name)) return "csv";
  if (/\.(ndjson|jsonl)$/i.test(name)) return "ndjson";
  if (/\.json$/i.test(name)) return "json";
  if (/\.xlsx$/i.test(name)) return "xlsx";
  return undefined;
}

/** Checks a path names a readable file, or fails naming it. */
export function checkFile(path: string): void {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Failure(
      code === "ENOENT" ? cli.noSuchFile(path) : cli.cannotRead(path, code ?? (error as Error).message),
    );
  }
  if (stat.isDirectory()) throw new Failure(cli.notAFile(path));
}

/** The text of a stream as chunks, decoded as UTF-8, a leading byte-order mark dropped. */
export async function* textOf(input: Readable, path: string): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let first = true;
  try {
    for await (const chunk of input) {
      let text = typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer);
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        if (text.includes("\u0000")) throw new Failure(cli.binary(path));
      }
      if (text.length > 0) yield text;
    }
  } catch (error) {
    if (error instanceof Failure) throw error;
    throw new Failure(cli.cannotRead(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

/** Looks at the first characters to pick a format, then gives back every chunk. */
export async function sniff(
  chunks: AsyncGenerator<string>,
): Promise<{ format: Exclude<InputFormat, "xlsx"> | undefined; chunks: AsyncGenerator<string> }> {
  const head: string[] = [];
  let first: string | undefined;
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    const trimmed = next.value.trimStart();
    if (trimmed !== "") {
      first = trimmed[0];
      break;
    }
  }
  const replay = (async function* () {
    yield* head;
    yield* chunks;
  })();
  return {
    format: first === undefined ? undefined : first === "[" ? "json" : first === "{" ? "ndjson" : "csv",
    chunks: replay,
  };
}

/** The stream of a path, or standard input for `-`. */
export function open(path: string, stdin: Readable): Readable {
  if (path === "-") return stdin;
  checkFile(path);
  return createReadStream(path);
}
