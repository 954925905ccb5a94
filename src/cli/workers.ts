/**
 * Judging a stream of work items: batches of contacts, or blocks of rows still
 * as text (`--jobs N` on CSV and NDJSON, so that the workers parse too). Each
 * item is judged as a partition from index 0, and the results are taken in
 * order: indexes shifted by the contacts before, rows accounted, reports
 * merged. So one thread or N give the same report, byte for byte.
 *
 * @module
 */
import { Worker } from "node:worker_threads";
import type { Charter, Contact } from "../charter/schema.js";
import type { ContactField } from "../charter/vocabulary.js";
import { mergeReports } from "../rules/merge.js";
import { complianceReport, type ComplianceReport, type ReportOptions, type SkippedContact } from "../rules/report.js";
import { csvBlockRows } from "./input/csv.js";
import { ndjsonBlockRows } from "./input/json.js";
import { contactOfRow, mappingData, type Mapping } from "./input/mapping.js";
import type { TextBlock } from "./input/rows.js";

/** Consecutive contacts with their lines, or a block of rows for the worker to read. */
export type Work =
  | { readonly contacts: Contact[]; readonly lines: number[] }
  | { readonly block: TextBlock; readonly fields: readonly (ContactField | undefined)[] };

export type Options = Omit<ReportOptions, "onSkip" | "firstIndex">;

/** What judging one item gives: its report (indexes from 0) and what to account for. */
export interface Judged {
  readonly report: ComplianceReport;
  /** Rows the item held (for blocks: also those that could not be read). */
  readonly rows: number;
  readonly problems: readonly { readonly line: number; readonly reason: string; readonly message: string }[];
  readonly skipped: readonly { readonly skipped: SkippedContact; readonly line: number }[];
}

/** Judges one item: reads a block first when it is one. */
export function judgeWork(charter: Charter, work: Work, options: Options, mapping: Mapping): Judged {
  let contacts: Contact[];
  let lines: number[];
  const problems: { line: number; reason: string; message: string }[] = [];
  let rows: number;
  if ("block" in work) {
    contacts = [];
    lines = [];
    const raw = work.block.format === "csv" ? csvBlockRows(work.block) : ndjsonBlockRows(work.block);
    rows = raw.length;
    for (const row of raw) {
      if ("error" in row) {
        problems.push({ line: row.line, reason: row.reason, message: row.error });
        continue;
      }
      if (!("cells" in row) && !("value" in row)) continue;
      const read = contactOfRow(row, work.fields, mapping);
      if ("contact" in read) {
        contacts.push(read.contact as Contact);
        lines.push(read.line);
      } else if ("error" in read) problems.push({ line: read.line, reason: read.reason, message: read.error });
    }
  } else {
    ({ contacts, lines } = work);
    rows = 0;
  }
  const skipped: { skipped: SkippedContact; line: number }[] = [];
  const report = complianceReport(charter, contacts, { ...options, onSkip: (s) => skipped.push({ skipped: s, line: lines[s.index] ?? 0 }) });
  return { report, rows, problems, skipped };
}

/** Takes judged items in order: shifts their indexes by the contacts before them, and merges. */
class InOrder {
  #report: ComplianceReport;
  #contacts = 0;
  readonly #take: (judged: Judged) => void;

  constructor(empty: ComplianceReport, take: (judged: Judged) => void) {
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
 * The report of all the work, judged here (`jobs` 1) or in `jobs` worker threads, at most
 * two items in flight each; `take` sees each item's accounting in input order.
 */
export async function judgeAll(charter: Charter, work: AsyncIterable<Work>, options: Options, mapping: Mapping, jobs: number, take: (judged: Judged) => void): Promise<ComplianceReport> {
  const inOrder = new InOrder(complianceReport(charter, [], options), take);
  if (jobs === 1) {
    for await (const item of work) inOrder.add(judgeWork(charter, item, options, mapping));
    return inOrder.report;
  }
  const url = new URL("./cli-worker.js", import.meta.url);
  const data = { charter: JSON.parse(JSON.stringify(charter)) as unknown, options, mapping: mappingData(mapping) };
  const workers = Array.from({ length: jobs }, () => new Worker(url, { workerData: data }));
  const done = new Map<number, Judged>();
  const busy = workers.map(() => 0);
  const waiting: (() => void)[] = [];
  let failure: unknown;
  let next = 0;
  const wake = () => waiting.shift()?.();
  for (const [w, worker] of workers.entries()) {
    worker.on("message", (message: { id: number; judged: Judged }) => {
      busy[w] = (busy[w] ?? 1) - 1;
      done.set(message.id, message.judged);
      for (let item = done.get(next); item !== undefined; item = done.get(next)) {
        done.delete(next);
        inOrder.add(item);
        next++;
      }
      wake();
    });
    worker.on("error", (error) => {
      failure = error;
      wake();
    });
  }
  const idle = async (): Promise<number> => {
    for (;;) {
      if (failure !== undefined) throw failure;
      const w = busy.findIndex((b) => b < 2);
      if (w !== -1) return w;
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  let id = 0;
  try {
    for await (const item of work) {
      const w = await idle();
      busy[w] = (busy[w] ?? 0) + 1;
      (workers[w] as Worker).postMessage({ id: id++, work: item });
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
