/**
 * Judging a stream of batches of contacts: in this thread, or with `--jobs N`
 * in N worker threads (node:worker_threads). Each batch is judged as a
 * partition that knows its contacts' indexes in the whole, and partition
 * reports merge exactly, so every way gives byte for byte the same report.
 *
 * @module
 */
import { Worker } from "node:worker_threads";
import type { Charter, Contact } from "../charter/schema.js";
import { mergeReports } from "../rules/merge.js";
import { complianceReport, type ComplianceReport, type ReportOptions, type SkippedContact } from "../rules/report.js";

/** Consecutive contacts with the line each came from. */
export interface Batch {
  readonly contacts: Contact[];
  readonly lines: number[];
}

type Options = Omit<ReportOptions, "onSkip" | "firstIndex">;
type OnSkip = (skipped: SkippedContact, line: number) => void;

interface Done {
  readonly id: number;
  readonly report: ComplianceReport;
  readonly skipped: readonly SkippedContact[];
}

/** Judges batches here, one after the other. */
async function inThisThread(charter: Charter, batches: AsyncIterable<Batch>, options: Options, onSkip: OnSkip): Promise<ComplianceReport> {
  let report = complianceReport(charter, [], options);
  let index = 0;
  for await (const batch of batches) {
    const first = index;
    const part = complianceReport(charter, batch.contacts, { ...options, firstIndex: first, onSkip: (s) => onSkip(s, batch.lines[s.index - first] ?? 0) });
    report = mergeReports(report, part);
    index += batch.contacts.length;
  }
  return report;
}

/** Judges batches in `jobs` worker threads, at most two batches in flight each. */
async function inWorkers(charter: Charter, batches: AsyncIterable<Batch>, options: Options, jobs: number, onSkip: OnSkip): Promise<ComplianceReport> {
  const url = new URL("./cli-worker.js", import.meta.url);
  const data = { charter: JSON.parse(JSON.stringify(charter)) as unknown, options };
  const workers = Array.from({ length: jobs }, () => new Worker(url, { workerData: data }));
  const results: ComplianceReport[] = [];
  const pending = new Map<number, { lines: readonly number[]; first: number }>();
  const busy = workers.map(() => 0);
  const waiting: (() => void)[] = [];
  let failure: unknown;
  const wake = () => waiting.shift()?.();
  for (const [w, worker] of workers.entries()) {
    worker.on("message", (done: Done) => {
      busy[w] = (busy[w] ?? 1) - 1;
      const batch = pending.get(done.id);
      for (const s of done.skipped) onSkip(s, batch?.lines[s.index - (batch?.first ?? 0)] ?? 0);
      pending.delete(done.id);
      results[done.id] = done.report;
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
  let index = 0;
  try {
    for await (const batch of batches) {
      const w = await idle();
      busy[w] = (busy[w] ?? 0) + 1;
      pending.set(id, { lines: batch.lines, first: index });
      (workers[w] as Worker).postMessage({ id, firstIndex: index, contacts: batch.contacts });
      index += batch.contacts.length;
      id++;
    }
    while (busy.some((b) => b > 0)) {
      if (failure !== undefined) throw failure;
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.reduce((a, b) => mergeReports(a, b), complianceReport(charter, [], options));
}

/** The report of all the batches, judged here (`jobs` 1) or in worker threads. */
export function judgeBatches(charter: Charter, batches: AsyncIterable<Batch>, options: Options, jobs: number, onSkip: OnSkip): Promise<ComplianceReport> {
  return jobs === 1 ? inThisThread(charter, batches, options, onSkip) : inWorkers(charter, batches, options, jobs, onSkip);
}
