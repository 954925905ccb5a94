/**
 * Rendering reports for the terminal, CSV and Markdown (the HTML page is html.ts).
 *
 * @module
 */
import type { Charter } from "../charter/schema.js";
import type { ComplianceReport, ReportRow } from "../rules/report.js";
import { reportHtml, standardTitle } from "./html.js";
import { safe } from "./messages.js";
import type { PartialReport } from "./report.js";

/** The output formats of `report` and `merge`. */
export const REPORT_FORMATS = ["table", "json", "csv", "html", "md"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A report in one of the formats. */
export function reportFormat(format: ReportFormat, report: PartialReport, charter: Charter): string {
  switch (format) {
    case "json":
      return JSON.stringify(report, null, 2);
    case "csv":
      return reportCsv(report);
    case "html":
      return reportHtml(report, charter);
    case "md":
      return reportMarkdown(report, charter);
    default:
      return reportTable(report, charter);
  }
}

const FIRMNESS_WORDS: Readonly<Record<string, string>> = {
  will: "we will",
  aim: "we aim to",
  "general-rule": "as a general rule",
};

/** What the input held and what became of it, in a sentence. */
function accounting(report: PartialReport): string {
  const i = report.input;
  const skipped = i.skipped.reasons.map((s) => `${s.count} ${s.reason} (first at ${s.first.join(", ")})`).join("; ");
  const sheets = i.sources.flatMap((s) =>
    s.sheet === undefined ? [] : [` Sheet read: ${JSON.stringify(s.sheet)} of ${s.name}.`],
  );
  const repeated =
    i.duplicates.count === 0
      ? ""
      : ` ${i.duplicates.count} rows repeat an earlier row's id (first at ${i.duplicates.first.join(", ")}).`;
  const unmatched = i.unmatched.map(
    (u) =>
      ` ${u.count} rows have the ${u.field} ${JSON.stringify(u.value)}, which reaches no standard (first at ${u.first.join(", ")}).`,
  );
  return `${i.read} rows read, ${i.judged} judged, ${i.skipped.total} skipped${skipped === "" ? "" : `: ${skipped}`}, ${i.future} received after the moment of judgement (not judged).${repeated}${unmatched.join("")}${sheets.join("")}`;
}

function percent(share: number | null): string {
  return share === null ? "–" : `${(share * 100).toFixed(1)}%`;
}

function verdict(row: ReportRow): string {
  return row.achieved === null ? "no data" : row.achieved ? "yes" : "NO";
}

/** A plain-text table with aligned columns. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], textColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i < textColumns ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function reportTable(report: PartialReport, charter: Charter): string {
  const withPeriod = report.by !== null;
  const header = [
    "standard",
    ...(withPeriod ? ["period"] : []),
    "promise",
    "in scope",
    "met",
    "breached",
    "pending",
    "n/a",
    "met %",
    "target",
    "achieved",
    "95% CI",
  ];
  const rows = report.rows.map((r) => [
    r.standardId,
    ...(withPeriod ? [r.period ?? ""] : []),
    r.firmness === null ? "" : (FIRMNESS_WORDS[r.firmness] ?? ""),
    String(r.inScope),
    String(r.met),
    String(r.breached),
    String(r.pending),
    String(r.notApplicable),
    percent(r.metShare),
    `${r.target.percent}%`,
    verdict(r),
    r.ci95 === null ? "–" : `${(r.ci95.low * 100).toFixed(1)}-${(r.ci95.high * 100).toFixed(1)}%`,
  ]);
  const title = safe(
    `${charter.name} (${charter.id}): judged at ${report.now}${report.input.now === "clock" ? " (the current time)" : ""}`,
  );
  const body =
    charter.standards.length === 0
      ? "This charter has no measurable standards (it gives no timescales)."
      : table(
          header,
          rows.map((r) => r.map(safe)),
          withPeriod ? 3 : 2,
        );
  return `${title}\n\n${body}\n\n${safe(accounting(report))}`;
}

/**
 * A CSV cell, quoted when needed, and protected against formula injection as OWASP
 * advises: text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is
 * prefixed with `'`, so a spreadsheet shows it instead of running it.
 */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(report: Pick<ComplianceReport, "rows">): string {
  const header = [
    "standardId",
    "period",
    "inScope",
    "met",
    "breached",
    "pending",
    "notApplicable",
    "metShare",
    "targetPercent",
    "achieved",
    "ci95Low",
    "ci95High",
  ];
  const lines = report.rows.map((r) =>
    [
      r.standardId,
      r.period ?? "",
      r.inScope,
      r.met,
      r.breached,
      r.pending,
      r.notApplicable,
      r.metShare ?? "",
      r.target.percent,
      r.achieved ?? "",
      r.ci95?.low ?? "",
      r.ci95?.high ?? "",
    ]
      .map((v) => (typeof v === "number" ? String(v) : csvCell(String(v))))
      .join(","),
  );
  return [header.join(","), ...lines].join("\n");
}

/** The report as Markdown tables, for committee papers and issue trackers. */
export function reportMarkdown(report: PartialReport, charter: Charter): string {
  const cell = (text: string) => safe(text).replace(/\|/g, "\\|").replace(/\n/g, " ");
  const pct = (n: number | null) => (n === null ? "–" : `${(n * 100).toFixed(1)}%`);
  const withPeriod = report.by !== null;
  const head = [
    "Standard",
    ...(withPeriod ? ["Period"] : []),
    "Promise",
    "Met",
    "Breached",
    "Pending",
    "Not applicable",
    "Share met",
    "95% interval",
    "Target",
    "Achieved",
  ];
  const lines = report.rows.map((r) =>
    [
      r.standardId,
      ...(withPeriod ? [r.period ?? ""] : []),
      r.firmness === null ? "not stated" : (FIRMNESS_WORDS[r.firmness] ?? ""),
      String(r.met),
      String(r.breached),
      String(r.pending),
      String(r.notApplicable),
      pct(r.metShare),
      r.ci95 === null ? "–" : `${pct(r.ci95.low)} to ${pct(r.ci95.high)}`,
      `${r.target.percent}%`,
      r.achieved === null ? "no data" : r.achieved ? "✔ yes" : "✘ no",
    ].map(cell),
  );
  const table = [head, head.map(() => "---"), ...lines].map((row) => `| ${row.join(" | ")} |`).join("\n");
  const quotes = charter.standards
    .map((s) => `- **${cell(standardTitle(s))}** (${cell(s.id)}): “${cell(s.quote)}”`)
    .join("\n");
  return `# ${cell(charter.name)}: charter compliance\n\nJudged at ${report.now}. ${cell(accounting(report))}\n\n${table}\n\n## The standards\n\n${quotes}\n`;
}
