/**
 * A worker of `report --jobs N`: judges the batches of contacts it is sent
 * against the charter it was started with, and returns each batch's report
 * and the contacts it skipped.
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkedCharter } from "../charter/parse.js";
import type { Contact } from "../charter/schema.js";
import { complianceReport, type ReportOptions, type SkippedContact } from "../rules/report.js";

interface Start {
  readonly charter: unknown;
  readonly options: Omit<ReportOptions, "onSkip" | "firstIndex">;
}

const { charter, options } = workerData as Start;
const parsed = checkedCharter(charter);

parentPort?.on("message", (message: { id: number; firstIndex: number; contacts: Contact[] }) => {
  const skipped: SkippedContact[] = [];
  const report = complianceReport(parsed, message.contacts, { ...options, firstIndex: message.firstIndex, onSkip: (s) => skipped.push(s) });
  parentPort?.postMessage({ id: message.id, report, skipped });
});
