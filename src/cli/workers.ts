/**
 * Judging the input as it is read. With `--jobs 1`, one accumulator is fed
 * each batch of contacts (or block of rows, which it reads) as it arrives, so a
 * contact lives only as long as it takes to judge it. With `--jobs N`, items of
 * about 20,000 rows (batches of contacts, or blocks of rows still as text, which
 * the judges parse) go to N-1 worker threads and, when they all have enough, to
 * this thread; each item is judged as a partition from index 0, and the results
 * are taken in order: indexes shifted by the contacts before, rows accounted,
 * reports merged. So one thread or N give the same report, byte
 * for byte.
 *
 * @module
 */
import { Worker } from "node:worker_threads";
import type { Charter, Contact } from "../charter/schema.js";
import type { ContactField } from "../charter/vocabulary.js";
import { mergeReports } from "../rules/merge.js";
import {
  Accumulator,
  complianceReport,
  type ComplianceReport,
  type ReportOptions,
  type SkippedContact,
} from "../rules/report.js";
import { readCsvBlock } from "./input/csv.js";
import { readNdjsonBlock } from "./input/json.js";
import { contactOrError, mappingData, RowError, type Mapping } from "./input/mapping.js";
import type { RowVisitor, TextBlock } from "./input/rows.js";

/** Consecutive contacts with their lines, or blocks of rows for the judge to read. */
export type Work =
  | { readonly contacts: readonly Contact[]; readonly lines: readonly number[] }
  | { readonly blocks: readonly TextBlock[]; readonly fields: readonly (ContactField | undefined)[] };

export type Options = Omit<ReportOptions, "onSkip" | "firstIndex">;

/** What judging some work gives to account for: rows held, rows that could not be read, contacts skipped. */
export interface Accounted {
  /** Rows read from blocks (contacts given as such are counted by the reader). */
  readonly rows: number;
  readonly problems: readonly { readonly line: number; readonly reason: string; readonly message: string }[];
  readonly skipped: readonly { readonly skipped: SkippedContact; readonly line: number }[];
}

/** An item's report (indexes from 0) and its accounting. */
export type Judged = Accounted & { readonly report: ComplianceReport };

/** One accumulator fed work after work: blocks are read row by row as they are judged, so their contacts die young. */
class Judge implements RowVisitor {
  readonly #acc: Accumulator;
  readonly #mapping: Mapping;
  #fields: readonly (ContactField | undefined)[] = [];
  #line = 0;
  #rows = 0;
  #problems: { line: number; reason: string; message: string }[] = [];
  #skipped: { skipped: SkippedContact; line: number }[] = [];

  constructor(charter: Charter, options: Options, mapping: Mapping) {
    this.#mapping = mapping;
    this.#acc = new Accumulator(charter, {
      ...options,
      onSkip: (s) => this.#skipped.push({ skipped: s, line: this.#line }),
    });
  }

  #add(contact: Contact, line: number): void {
    this.#line = line;
    this.#acc.add(contact);
  }

  cells(line: number, cells: readonly unknown[]): void {
    this.#read(line, cells, undefined);
  }

  value(line: number, value: unknown): void {
    this.#read(line, undefined, value);
  }

  problem(line: number, reason: string, message: string): void {
    this.#rows++;
    this.#problems.push({ line, reason, message });
  }

  /** The contact of a row of cells (or else of a JSON value), judged; a RowError is the row's problem. */
  #read(line: number, cells: readonly unknown[] | undefined, value: unknown): void {
    this.#rows++;
    const contact = contactOrError(cells, value, this.#fields, this.#mapping);
    if (contact instanceof RowError) this.#problems.push({ line, reason: contact.reason, message: contact.message });
    else this.#add(contact as Contact, line);
  }

  feed(work: Work): void {
    if ("contacts" in work) {
      const { contacts, lines } = work;
      for (let i = 0; i < contacts.length; i++) this.#add(contacts[i] as Contact, lines[i] ?? 0);
      return;
    }
    this.#fields = work.fields;
    for (const block of work.blocks) {
      if (block.format === "csv") readCsvBlock(block, this);
      else readNdjsonBlock(block, this);
    }
  }

  /** What was accounted since the last call. */
  accounted(): Accounted {
    const out = { rows: this.#rows, problems: this.#problems, skipped: this.#skipped };
    this.#rows = 0;
    this.#problems = [];
    this.#skipped = [];
    return out;
  }

  report(): ComplianceReport {
    return this.#acc.report();
  }
}

/** Judges one item as a partition of its own (a worker's job). */
export function judgeWork(charter: Charter, work: Work, options: Options, mapping: Mapping): Judged {
  const judge = new Judge(charter, options, mapping);
  judge.feed(work);
  return { ...judge.accounted(), report: judge.report() };
}

/** Takes judged items in order: shifts their indexes by the contacts before them, and merges. */
class InOrder {
  #report: ComplianceReport;
  #contacts = 0;
  readonly #take: (accounted: Accounted) => void;

  constructor(empty: ComplianceReport, take: (accounted: Accounted) => void) {
    this.#report = empty;
    this.#take = take;
  }

  add(judged: Judged): void {
    const shift = this.#contacts;
    const shifted = (s: SkippedContact): SkippedContact => ({ ...s, index: s.index + shift });
    this.#take({ ...judged, skipped: judged.skipped.map((s) => ({ ...s, skipped: shifted(s.skipped) })) });
    this.#report = mergeReports(this.#report, { ...judged.report, errors: judged.report.errors.map(shifted) });
    this.#contacts += judged.report.contacts;
  }

  get report(): ComplianceReport {
    return this.#report;
  }
}

/**
 * The report of all the work, judged here as it comes (`jobs` 1), or by `jobs` judges:
 * `jobs - 1` worker threads, at most two items in flight each, and this thread, which
 * judges an item itself whenever every worker has its two. `take` sees the accounting
 * in input order.
 */
export async function judgeAll(
  charter: Charter,
  work: AsyncIterable<Work>,
  options: Options,
  mapping: Mapping,
  jobs: number,
  take: (accounted: Accounted) => void,
): Promise<ComplianceReport> {
  if (jobs === 1) {
    const judge = new Judge(charter, options, mapping);
    for await (const item of work) {
      judge.feed(item);
      take(judge.accounted());
    }
    return judge.report();
  }
  const inOrder = new InOrder(complianceReport(charter, [], options), take);
  const url = new URL("./cli-worker.js", import.meta.url);
  const data = { charter: JSON.parse(JSON.stringify(charter)) as unknown, options, mapping: mappingData(mapping) };
  const workers = Array.from({ length: jobs - 1 }, () => new Worker(url, { workerData: data }));
  const done = new Map<number, Judged>();
  const busy = workers.map(() => 0);
  const waiting: (() => void)[] = [];
  let failure: unknown;
  let next = 0;
  const wake = () => waiting.shift()?.();
  const finished = (id: number, judged: Judged) => {
    done.set(id, judged);
    for (let item = done.get(next); item !== undefined; item = done.get(next)) {
      done.delete(next);
      inOrder.add(item);
      next++;
    }
  };
  for (const [w, worker] of workers.entries()) {
    worker.on("message", (message: { id: number; judged: Judged }) => {
      busy[w] = (busy[w] ?? 1) - 1;
      finished(message.id, message.judged);
      wake();
    });
    worker.on("error", (error) => {
      failure = error;
      wake();
    });
  }
  let id = 0;
  try {
    for await (const item of work) {
      if (failure !== undefined) throw failure;
      const w = busy.findIndex((b) => b < 2);
      if (w === -1) finished(id++, judgeWork(charter, item, options, mapping));
      else {
        busy[w] = (busy[w] ?? 0) + 1;
        (workers[w] as Worker).postMessage({ id: id++, work: item });
      }
    }
    while (busy.some((b) => b > 0)) {
      if (failure !== undefined) throw failure;
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return inOrder.report;
}
