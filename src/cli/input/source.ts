/**
 * Opening a contact file (or standard input) as text: the bytes decoded as UTF-8 (with or
 * without a byte-order mark), UTF-16 with its mark, or the encoding `--encoding` names
 * (anything `TextDecoder` knows, such as windows-1252); bytes that are not valid in it stop
 * the read with their place in the file. A zip (an Excel workbook) or other binary data is
 * named as such. The bytes are hashed as they pass: the SHA-256 is the input's identity,
 * which `merge` uses to refuse the same partial report twice.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import type { Readable } from "node:stream";
import { TextDecoder } from "node:util";
import type { InputFormat } from "../concepts.js";
import { cli } from "../words.js";

/** A problem with what the command was given: exit 2, one message. */
export class Failure extends Error {}

export function formatFromName(name: string): InputFormat | undefined {
  if (/\.(csv|tsv|txt|psv)$/i.test(name)) return "csv";
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

/** The text of an input, and what identifies it once read. */
export interface InputText {
  /** Text chunks, without a byte-order mark. */
  readonly chunks: AsyncGenerator<string>;
  /** The SHA-256 of every byte read, in hex: known once `chunks` has ended. */
  digest(): string;
  /** The encoding the text was decoded from (`utf-8`, `utf-16le`, ...). */
  encoding(): string;
}

/** The encodings a byte-order mark names, and the mark's length. */
function byBom(bytes: Buffer): { encoding: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  return undefined;
}

/** Why the first bytes are not text in the encoding assumed, if they plainly are not: a zip, UTF-16 without a mark, binary. */
function notText(bytes: Buffer, name: string): Failure | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return new Failure(cli.zipNotCsv(name));
  const head = bytes.subarray(0, 4096);
  const zeros = head.indexOf(0);
  if (zeros === -1) return undefined;
  // ASCII text in UTF-16 without a mark: every other byte is zero.
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 === 0 ? even++ : odd++;
  if (odd > head.length / 4 && even === 0) return new Failure(cli.utf16WithoutBom(name, "utf-16le"));
  if (even > head.length / 4 && odd === 0) return new Failure(cli.utf16WithoutBom(name, "utf-16be"));
  return new Failure(cli.binary(name));
}

/** The offset of the first byte of `bytes` that does not begin (or continue) a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if ((c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** Line breaks in a text (`\n`, `\r\n` and a lone `\r` each one). */
function lineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  for (let i = text.indexOf("\r"); i !== -1; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) count++;
  return count;
}

/**
 * The text of a stream, decoded: by its byte-order mark, else by `encoding`, else as
 * UTF-8, strictly (a byte that is not valid stops the read with its offset and line).
 */
export function readText(
  input: Readable,
  name: string,
  encoding: string | undefined,
  onBytes?: (n: number) => void,
): InputText {
  const hash = createHash("sha256");
  let used = encoding ?? "utf-8";
  let digest: string | undefined;
  async function* chunks(): AsyncGenerator<string> {
    let decoder: TextDecoder | undefined;
    let offset = 0;
    let lines = 0;
    let carry: Buffer | undefined;
    try {
      for await (const raw of input) {
        let bytes = typeof raw === "string" ? Buffer.from(raw) : (raw as Buffer);
        hash.update(bytes);
        onBytes?.(bytes.length);
        if (decoder === undefined) {
          // The first bytes decide: wait for at least four of them (a mark, a zip's signature).
          if (carry !== undefined) bytes = Buffer.concat([carry, bytes]);
          if (bytes.length < 4) {
            carry = bytes;
            continue;
          }
          carry = undefined;
          const bom = byBom(bytes);
          if (
            bom !== undefined &&
            (encoding === undefined || encoding.toLowerCase().replace("_", "-") === bom.encoding)
          ) {
            used = bom.encoding;
            bytes = bytes.subarray(bom.skip);
            offset = bom.skip;
          } else if (encoding === undefined) {
            const failure = notText(bytes, name);
            if (failure !== undefined) throw failure;
          }
          decoder = decoderFor(used);
        }
        yield* decode(decoder, bytes, false);
        offset += bytes.length;
      }
      if (decoder === undefined && carry !== undefined) {
        const failure = encoding === undefined && byBom(carry) === undefined ? notText(carry, name) : undefined;
        if (failure !== undefined) throw failure;
        const bom = byBom(carry);
        if (bom !== undefined) used = bom.encoding;
        decoder = decoderFor(used);
        yield* decode(decoder, bom === undefined ? carry : carry.subarray(bom.skip), false);
      }
      if (decoder !== undefined) yield* decode(decoder, Buffer.alloc(0), true);
    } catch (error) {
      if (error instanceof Failure) throw error;
      throw new Failure(cli.cannotRead(name, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
    }
    digest = hash.digest("hex");

    function* decode(d: TextDecoder, bytes: Buffer, end: boolean): Generator<string> {
      let text: string;
      try {
        text = d.decode(bytes, { stream: !end });
      } catch {
        const at = used === "utf-8" ? firstInvalidUtf8(bytes) : 0;
        const partial = used === "utf-8" ? new TextDecoder("utf-8").decode(bytes.subarray(0, at)) : "";
        throw new Failure(cli.badEncoding(name, used, offset + at, lines + lineBreaks(partial) + 1, bytes[at]));
      }
      if (text.length === 0) return;
      if (lines === 0 && offset <= 3 && text.includes("\u0000")) throw new Failure(cli.binary(name));
      lines += lineBreaks(text);
      yield text;
    }
  }
  return {
    chunks: chunks(),
    digest: () => digest ?? "",
    encoding: () => used,
  };
}

function decoderFor(encoding: string): TextDecoder {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    throw new Failure(cli.unknownEncoding(encoding));
  }
}

/** Checks `--encoding` names one TextDecoder knows. */
export function checkEncoding(encoding: string | undefined): void {
  if (encoding !== undefined) decoderFor(encoding);
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
