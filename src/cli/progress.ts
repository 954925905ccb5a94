/**
 * Progress of a long run, on standard error: rows read, rows a second and, for a file, the
 * share read and the time left. Only when standard error is a terminal and `CI` is not set
 * (never in a pipe, a log or a CI run), not before the run has lasted a second, at most ten
 * times a second, each update over the last on one line; `--quiet` turns it off. Anything
 * else written to standard error first clears the line, so messages never mix with it, and
 * standard output is never touched.
 *
 * @module
 */
import type { Writable } from "node:stream";
import { cli } from "./words.js";

/** What progress needs of the command's streams and environment (injectable, for tests). */
export interface ProgressIo {
  readonly stderr: Writable & { isTTY?: boolean };
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Milliseconds on a monotonic clock. */
  readonly clock?: () => number;
}

const FIRST_AFTER_MS = 1000;
const EVERY_MS = 100;

/** The progress line of one run, and standard error as the run should write to it. */
export class Progress {
  readonly #out: Writable;
  readonly #clock: () => number;
  readonly #enabled: boolean;
  readonly #total: number | undefined;
  readonly #start: number;
  #last = Number.NEGATIVE_INFINITY;
  #shown = false;
  #bytes = 0;
  #rows = 0;
  /** Standard error for everything else the run says: each write clears the progress line first. */
  readonly stderr: { write(text: string): boolean };

  constructor(io: ProgressIo, options: { quiet: boolean; totalBytes: number | undefined }) {
    this.#out = io.stderr;
    this.#clock = io.clock ?? (() => performance.now());
    const env = io.env ?? process.env;
    this.#enabled = !options.quiet && io.stderr.isTTY === true && (env.CI === undefined || env.CI === "");
    this.#total = options.totalBytes;
    this.#start = this.#clock();
    this.stderr = {
      write: (text: string) => {
        this.#clear();
        return this.#out.write(text);
      },
    };
  }

  /** Bytes of the file read so far (added to). */
  bytes(n: number): void {
    this.#bytes += n;
  }

  /** Rows read so far; shows the line when it is time to. */
  rows(read: number): void {
    this.#rows = read;
    if (!this.#enabled) return;
    const now = this.#clock();
    const elapsed = now - this.#start;
    if (elapsed < FIRST_AFTER_MS || now - this.#last < EVERY_MS) return;
    this.#last = now;
    const rate = (this.#rows * 1000) / elapsed;
    const share = this.#total === undefined || this.#total === 0 ? undefined : Math.min(1, this.#bytes / this.#total);
    const left = share === undefined || share === 0 ? undefined : (elapsed * (1 - share)) / share;
    this.#out.write(`\r${cli.progress(this.#rows, rate, share, left)}\u001b[K`);
    this.#shown = true;
  }

  /** Clears the line at the end of the run. */
  done(): void {
    this.#clear();
  }

  #clear(): void {
    if (!this.#shown) return;
    this.#out.write("\r\u001b[K");
    this.#shown = false;
  }
}
