/**
 * Rendering reports for the terminal, CSV and Markdown (the HTML page is html.ts).
 *
 * @module
 */
import type { Charter } from "../charter/schema.js";
import type { ComplianceReport, ReportRow } from "../rules/report.js";
import { accountOf, accountSentence, asCount, asText, countText } from "./account.js";
import { reportHtml } from "./html.js";
import { safe } from "./words.js";
import {
  byWords,
  coveredSentence,
  howWeCount,
  intervalSentence,
  judgedSentence,
  percent,
  periodInWords,
  standardViews,
  summarised,
  unreadSentence,
  verdictOf,
} from "./publication.js";
import type { PartialReport } from "./partial.js";
import type { Audience, ReportFormat } from "./concepts.js";
import { statutoryTables } from "./statutory.js";
import { FIRMNESS_SAYS, wordsFor } from "./words.js";

/** A report in one of the formats that print (every one but `dataset`). */
export function reportFormat(
  format: Exclude<ReportFormat, "dataset">,
  report: PartialReport,
  charter: Charter,
  audience: Audience = "public",
): string {
  switch (format) {
    case "json":
      return JSON.stringify(report, null, 2);
    case "csv":
      return reportCsv(report);
    case "html":
      return reportHtml(report, charter, audience);
    case "md":
      return reportMarkdown(report, charter, audience);
    case "table":
      return reportTable(report, charter);
    default:
      return format satisfies never;
  }
}

function verdict(row: ReportRow): string {
  return row.achieved === null
    ? "no data"
    : row.achieved === true
      ? "yes"
      : row.achieved === false
        ? "NO"
        : asText(row.achieved);
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

const interval = (r: ReportRow) =>
  r.ci95 === null || typeof r.ci95 !== "object"
    ? "–"
    : `${percent(r.ci95.low).replace(/%$/, "")}-${percent(r.ci95.high)}`;

/** A count as the terminal table writes it: plain digits, or the text it was. */
const plain = (value: unknown): string => String(asCount(value));

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
    ...(withPeriod ? ["ytd met %"] : []),
  ];
  const rows = report.rows.map((r) => [
    asText(r.standardId),
    ...(withPeriod ? [asText(r.period ?? "")] : []),
    r.firmness === null ? "" : wordsFor(FIRMNESS_SAYS, r.firmness),
    plain(r.inScope),
    plain(r.met),
    plain(r.breached),
    plain(r.pending),
    plain(r.notApplicable),
    percent(r.metShare),
    `${asText(r.target.percent)}%`,
    verdict(r),
    interval(r),
    ...(withPeriod ? [percent(r.yearToDate?.metShare)] : []),
  ]);
  const title = safe(
    `${charter.name} (${charter.id}): judged at ${asText(report.now)}${accountOf(report.input).now === "clock" ? " (the current time)" : ""}`,
  );
  const body =
    charter.standards.length === 0
      ? "This charter has no measurable standards (it gives no timescales)."
      : table(
          header,
          rows.map((r) => r.map(safe)),
          withPeriod ? 3 : 2,
        );
  const covered =
    withPeriod && report.yearStart !== null ? `By ${byWords(report.by)}, years from ${asText(report.yearStart)}. ` : "";
  return `${title}\n\n${body}\n\n${safe(basisNotes(report) + covered + accountSentence(accountOf(report.input)))}`;
}

/** What the rows judged from interval counts say of themselves: their basis, and thresholds allowed although not the limit. */
function basisNotes(report: PartialReport): string {
  const byStandard = new Map<string, { mixed: boolean; thresholds: Set<string> }>();
  for (const r of report.rows) {
    if (r.basis === undefined) continue;
    const id = asText(r.standardId);
    const entry = byStandard.get(id) ?? { mixed: false, thresholds: new Set<string>() };
    byStandard.set(id, entry);
    if (r.basis !== "intervals") entry.mixed = true;
    for (const t of r.thresholds ?? []) entry.thresholds.add(`${asText(t)} s`);
  }
  return [...byStandard]
    .map(([id, { mixed, thresholds }]) => {
      const within =
        thresholds.size === 0
          ? ""
          : `, with counts within ${[...thresholds].join(" and ")}, which is not its limit (--allow-threshold)`;
      return `${id}: judged from ${mixed ? "contacts and interval counts" : "interval counts"}${within}. `;
    })
    .join("");
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

/** A CSV field: a finite number as it is, anything else as protected text. */
export function csvValue(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value)
    ? String(value)
    : csvCell(value === null || value === undefined ? "" : asText(value));
}

export function reportCsv(report: Pick<ComplianceReport, "rows">): string {
  const header = [
    "standardId",
    "period",
    "periodStart",
    "periodEnd",
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
    "late",
    "extended",
    "outstanding",
    "ytdFrom",
    "ytdMet",
    "ytdBreached",
    "ytdMetShare",
  ];
  const lines = report.rows.map((r) =>
    [
      r.standardId,
      r.period,
      r.periodStart,
      r.periodEnd,
      r.inScope,
      r.met,
      r.breached,
      r.pending,
      r.notApplicable,
      r.metShare,
      r.target.percent,
      r.achieved,
      r.ci95?.low,
      r.ci95?.high,
      r.late,
      r.extended,
      r.outstanding,
      r.yearToDate?.from,
      r.yearToDate?.met,
      r.yearToDate?.breached,
      r.yearToDate?.metShare,
    ]
      .map(csvValue)
      .join(","),
  );
  return [header.join(","), ...lines].join("\n");
}

/**
 * Text made inert in Markdown (CommonMark and GitHub's): backslashes, emphasis, code,
 * link brackets and table pipes escaped; `<`, `>` and `&` as entities, so no raw HTML or
 * autolink; a scheme's colon and `www.` escaped, so no address becomes a link; control
 * characters and line breaks shown, never obeyed.
 */
export function markdownText(value: unknown): string {
  return safe(asText(value))
    .replace(/[\\`*_[\]|~!#]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([A-Za-z][\w+.-]*):(?=\S)/g, "$1\\:")
    .replace(/\b(www)\./gi, "$1\\.")
    .replace(/@/g, "\\@")
    .replace(/[\r\n]+/g, " ");
}

/** The report as Markdown, for committee papers and issue trackers: the public page's content, or the officer's. */
export function reportMarkdown(report: PartialReport, charter: Charter, audience: Audience = "public"): string {
  const m = markdownText;
  const officer = audience === "officer";
  const account = accountOf(report.input);
  const views = standardViews(report, charter);
  const withPeriod = report.by !== null;
  const head = [
    "Standard",
    "Promise",
    "Met",
    "Not met",
    "Pending",
    "Not applicable",
    "Share met",
    "95% interval",
    "Target",
    "Achieved",
  ];
  const rowOf = (title: string, firmness: string, r: ReportRow | undefined) =>
    [
      title,
      firmness,
      countText(r?.met ?? 0),
      countText(r?.breached ?? 0),
      countText(r?.pending ?? 0),
      countText(r?.notApplicable ?? 0),
      percent(r?.metShare ?? null),
      r === undefined || r.ci95 === null || typeof r.ci95 !== "object"
        ? "–"
        : `${percent(r.ci95.low)} to ${percent(r.ci95.high)}`,
      `${asText(r?.target.percent ?? "")}%`,
      r === undefined || r.achieved === null
        ? "no data"
        : r.achieved === true
          ? "✔ yes"
          : r.achieved === false
            ? "✘ no"
            : asText(r.achieved),
    ].map(m);
  const tableOf = (header: readonly string[], rows: readonly (readonly string[])[]) =>
    [header, header.map(() => "---"), ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
  const summary = tableOf(
    head,
    views.map((v) => rowOf(officer ? `${v.title} (${v.standard.id})` : v.title, v.firmness, v.total)),
  );
  const standards = views
    .map((v) => {
      const lines = [
        `### ${m(v.title)}`,
        "",
        `**${m(v.firmness)}:** “${m(v.standard.quote)}”${v.caveat === undefined ? "" : ` It adds: “${m(v.caveat)}”`}`,
        "",
      ];
      lines.push(
        `${m(verdictOf(v.total).words)}.${intervalSentence(v.total) === undefined ? "" : ` ${m(intervalSentence(v.total))}`}`,
      );
      if (withPeriod && v.periods.length > 0) {
        lines.push(
          "",
          tableOf(
            [
              byWords(report.by).replace(/^./, (c) => c.toUpperCase()),
              "Met",
              "Not met",
              "Pending",
              "Share met",
              "Year to date",
            ],
            v.periods.map((r) =>
              [
                periodInWords(r, report.by),
                countText(r.met),
                countText(r.breached),
                countText(r.pending),
                percent(r.metShare),
                percent(r.yearToDate?.metShare),
              ].map(m),
            ),
          ),
        );
      }
      if (officer && v.total !== undefined && Array.isArray(v.total.worst) && v.total.worst.length > 0) {
        lines.push(
          "",
          tableOf(
            ["Contact", "Received", "Due", "Completed", "How late (ms)", "Why"],
            v.total.worst.map((w) =>
              [
                w.contactId ?? "(no id)",
                w.receivedAt,
                w.due,
                w.completedAt ?? "not yet",
                countText(w.lateMs),
                summarised(asText(w.explanation)),
              ].map(m),
            ),
          ),
        );
      }
      return lines.join("\n");
    })
    .join("\n\n");
  const statutory = statutoryTables(report, charter)
    .map((t) =>
      [
        `### ${m(t.title)}`,
        "",
        tableOf(
          [
            ...(withPeriod ? ["Period"] : []),
            "Stage",
            "Received",
            "Answered in time",
            "Answered within an extension",
            "Answered late",
            "Outstanding at the end of the period",
          ],
          t.rows.map((r) =>
            [
              ...(withPeriod ? [r.period ?? ""] : []),
              r.stage,
              ...[r.received, r.inTime, r.extended, r.late, r.outstanding].map(countText),
            ].map(m),
          ),
        ),
        "",
        m(t.note),
      ].join("\n"),
    )
    .join("\n\n");
  const how = howWeCount(charter, report)
    .map((line) => `- ${m(line)}`)
    .join("\n");
  const accountText = officer ? `\n\n## Rows read and judged\n\n${m(accountSentence(account))}` : "";
  return `# ${m(charter.name)}: how we met our customer service standards\n\n${m(coveredSentence(report))} ${m(judgedSentence(report))} ${m(unreadSentence(account.skipped.total))}\n\n${summary}\n\n## The standards\n\n${standards}\n${statutory === "" ? "" : `\n## Statutory returns\n\n${statutory}\n`}\n## How we count\n\n${how}${accountText}\n`;
}
