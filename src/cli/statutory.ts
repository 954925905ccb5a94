/**
 * The statutory tables: where a charter has standards for freedom of information
 * requests (a category `foi` or `eir`) or for complaints (a category that starts
 * with `complaint`), the figures their returns ask for, per stage and period:
 * received, answered in time, answered within an extension (a valid promise),
 * answered late, and outstanding at the end of the period. Built from the report's
 * rows, so they are the same numbers as every other output.
 *
 * @module
 */
import type { Charter, Standard } from "../charter/schema.js";
import type { ReportRow } from "../rules/report.js";
import { asCount, type Count } from "./account.js";
import { finite, periodInWords, standardTitle } from "./publication.js";
import type { PartialReport } from "./partial.js";

export type StatutoryKind = "foi" | "complaints";

/** Which standards each table takes: a full response to a request of its category. */
const KINDS: readonly { kind: StatutoryKind; category: RegExp; title: string; note: string }[] = [
  {
    kind: "foi",
    category: /^(?:foi|eir)(?:-|$)/,
    title: "Freedom of information requests",
    note: "As the section 45 code of practice asks councils to publish: requests received in each period, those answered within the time limit, within an extension, late, and those still outstanding at the end of the period.",
  },
  {
    kind: "complaints",
    category: /^complaint(?:-|$)/,
    title: "Complaints",
    note: "Complaints received in each period: those answered in full within the time limit, within a date we promised when we acknowledged them, late, and those still outstanding at the end of the period (some may have been answered since).",
  },
];

export interface StatutoryRow {
  /** The standard's plain-English title (its stage). */
  readonly stage: string;
  /** The period in words, when the report has periods. */
  readonly period: string | undefined;
  readonly received: Count;
  readonly inTime: Count;
  readonly extended: Count;
  readonly late: Count;
  readonly outstanding: Count;
}

export interface StatutoryTable {
  readonly kind: StatutoryKind;
  readonly title: string;
  readonly note: string;
  readonly rows: readonly StatutoryRow[];
}

/** The sum, or difference, of counts when they are all numbers; "?" otherwise. */
function arithmetic(values: readonly unknown[], signs: readonly number[]): Count {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = finite(values[i]);
    if (v === undefined) return "?";
    n += (signs[i] ?? 1) * v;
  }
  return n;
}

/** "Stage one (15 working days)": the stage, from the category, and the limit. */
function stageOf(s: Standard, standards: readonly Standard[]): string {
  const category = s?.category ?? "";
  const limit = standardTitle(s).replace(/^.* within /, "");
  const staged = standards.some((t) => /stage-two/.test(t?.category ?? ""));
  const stage = /stage-two/.test(category)
    ? "Stage two"
    : staged
      ? "Stage one"
      : /^complaint/.test(category)
        ? "Complaints"
        : "Requests";
  return `${stage} (${limit})`;
}

function rowOf(s: Standard, standards: readonly Standard[], row: ReportRow, by: PartialReport["by"]): StatutoryRow {
  return {
    stage: stageOf(s, standards),
    period: by === null ? undefined : periodInWords(row, by).replace(/:.*$/, ""),
    received: arithmetic([row.met, row.breached, row.pending, row.notApplicable], [1, 1, 1, 1]),
    inTime: arithmetic([row.met, row.extended], [1, -1]),
    extended: asCount(row.extended),
    late: asCount(row.late),
    outstanding: asCount(row.outstanding),
  };
}

/** The statutory tables a charter's standards call for, with the report's figures (none when it has no such standards). */
export function statutoryTables(report: PartialReport, charter: Charter): StatutoryTable[] {
  const tables: StatutoryTable[] = [];
  for (const k of KINDS) {
    const standards = charter.standards.filter((s) => {
      const category = s?.category;
      return s.stage === "respond" && category !== undefined && k.category.test(category);
    });
    if (standards.length === 0) continue;
    const rows: StatutoryRow[] = [];
    // Period by period, each stage in the charter's order.
    const periods = [...new Set(report.rows.map((r) => r.period))].sort((a, b) => {
      const x = report.rows.find((r) => r.period === a)?.periodStart ?? String(a);
      const y = report.rows.find((r) => r.period === b)?.periodStart ?? String(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    for (const period of periods)
      for (const s of standards) {
        const row = report.rows.find((r) => r.standardId === s.id && r.period === period);
        if (row !== undefined) rows.push(rowOf(s, standards, row, report.by));
      }
    tables.push({ kind: k.kind, title: k.title, note: k.note, rows });
  }
  return tables;
}
