/**
 * The compliance page a council can publish: one self-contained HTML file
 * (inline CSS and SVG, no script, no request), accessible (WCAG 2.2 AA) and
 * readable from a phone to A4 paper. Two audiences: `public`, for the council's
 * website (no case references, standard ids, file names or notes for charter
 * authors), and `officer`, which adds the worst breaches, the charter's
 * assumptions and the whole input account. Every string that reaches the page
 * is escaped, and figures are drawn only when they are numbers.
 *
 * @module
 */
import { formatDate, readDate } from "../calendar/civil.js";
import type { Charter } from "../charter/schema.js";
import type { ReportBy } from "../concepts.js";
import { periodOf, readYearStart } from "../rules/periods.js";
import type { ReportRow, WorstBreach } from "../rules/report.js";
import { accountOf, asText, countText, type AccountView } from "./account.js";
import { dateInWords, safe } from "./words.js";
import {
  byWords,
  coveredSentence,
  finite,
  howWeCount,
  instantInWords,
  intervalSentence,
  judgedSentence,
  percent,
  periodInWords,
  periodTick,
  standardViews,
  summarised,
  unreadSentence,
  verdictOf,
  type StandardView,
} from "./publication.js";
import type { Audience } from "./concepts.js";
import type { PartialReport } from "./partial.js";
import { statutoryTables, type StatutoryTable } from "./statutory.js";

/** Text made safe for HTML element content and attribute values; control characters shown as escapes. */
export function escapeHtml(text: string): string {
  return safe(text).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}
/** Any value from a report or a charter, as escaped text. */
const h = (value: unknown) => escapeHtml(asText(value));
/** A count, written for people and escaped (a value that is not a count shows as the text it is). */
const n = (value: unknown) => escapeHtml(countText(value));
/**
 * Text for a table cell: escaped, and each word that holds a hyphen or a slash kept on
 * one line (a browser may break after either, which cuts ids and dates in two).
 */
const cell = (value: unknown) =>
  h(value).replace(/[^\s<>]*[-/\u2010-\u2014][^\s<>]*/g, (word) => `<span class="nowrap">${word}</span>`);

function duration(ms: unknown): string {
  const t = finite(ms);
  if (t === undefined) return asText(ms);
  const minutes = Math.round(t / 60_000);
  if (t < 60_000) return `${Math.round(t / 1000)} s`;
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(t / 3_600_000);
  return hours < 48 ? `${hours} h` : `${Math.round(t / 86_400_000)} days`;
}

/** The share met as a bar, with its 95% interval and the target marked. */
function bar(row: ReportRow, label: string): string {
  const clamp = (v: unknown, fallback: number) => Math.min(100, Math.max(0, (finite(v) ?? fallback / 100) * 100));
  const share = clamp(row.metShare, 0);
  const low = row.ci95 === null ? share : clamp(row.ci95.low, share);
  const high = row.ci95 === null ? share : clamp(row.ci95.high, share);
  const target = Math.min(99.4, Math.max(0, finite(row.target.percent) ?? 100));
  const v = verdictOf(row);
  return `<svg class="bar" viewBox="0 0 100 12" preserveAspectRatio="none" role="img" aria-label="${h(`${label}: ${percent(row.metShare)} met; target ${asText(row.target.percent)}%`)}">
<rect x="0" y="2" width="100" height="8" class="track"/><rect x="0" y="2" width="${share.toFixed(2)}" height="8" class="fill ${v.css}"/>
<rect x="${low.toFixed(2)}" y="5.5" width="${Math.max(0, high - low).toFixed(2)}" height="1" class="ci"/><rect x="${target.toFixed(2)}" y="0" width="0.6" height="12" class="target"/></svg>`;
}

/**
 * One sentence when a standard changed during the report's period (its row was judged by
 * two or more versions in force one after another): which versions, and how many contacts
 * each judged. Nothing otherwise.
 */
export function versionChangeNote(row: ReportRow): string {
  const versions = row.versions ?? [];
  if (versions.length < 2) return "";
  const judged = (v: (typeof versions)[number]) => v.met + v.breached + v.pending + v.notApplicable;
  const period = (v: (typeof versions)[number]) =>
    v.from !== null && v.to !== null
      ? `from ${dateInWords(v.from)} to ${dateInWords(v.to)}`
      : v.from !== null
        ? `from ${dateInWords(v.from)}`
        : v.to !== null
          ? `until ${dateInWords(v.to)}`
          : "at all times";
  const parts = versions.map(
    (v, i) =>
      `${judged(v).toLocaleString("en-GB")} ${i === 0 ? `contact${judged(v) === 1 ? " was" : "s were"} judged by the version` : "by the version"} in force ${period(v)} (target ${v.target.percent}%)`,
  );
  const list = parts.length === 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return `<p class="meta versions">This standard changed during the period: ${h(list)}. Each contact was judged by the version in force when it was received.</p>`;
}

/** The counts of a row as a list that wraps: it never needs a table's width. */
function counts(row: ReportRow, index: number): string {
  const items: [string, string, string][] = [
    ["Met", "met", n(row.met)],
    ["Not met", "breached", n(row.breached)],
    ["Pending", "pending", n(row.pending)],
    ["Not applicable", "notApplicable", n(row.notApplicable)],
  ];
  return `<dl class="counts" data-row="${index}">${items.map(([term, field, value]) => `<div><dt>${term}</dt><dd data-field="${field}">${value}</dd></div>`).join("")}</dl>`;
}

/** Every period from the first row's to the last row's, missing ones included (a gap is a gap). */
function periodRange(
  rows: readonly ReportRow[],
  by: ReportBy,
  yearStart: string | null,
): { start: number; end: number }[] {
  const days = rows.flatMap((r) => {
    const s = readDate(String(r.periodStart ?? ""));
    const e = readDate(String(r.periodEnd ?? ""));
    return s === undefined || e === undefined ? [] : [[s, e] as const];
  });
  if (days.length === 0) return [];
  let start: YearStartOrUndefined;
  try {
    start = readYearStart(yearStart ?? undefined, by);
  } catch {
    start = undefined;
  }
  const first = Math.min(...days.map((d) => d[0]));
  const last = Math.max(...days.map((d) => d[1]));
  const out: { start: number; end: number }[] = [];
  for (let d = first; d <= last && out.length < 600; ) {
    const p = start === undefined ? { start: d, end: last } : periodOf(d, by, start);
    out.push({ start: p.start, end: p.end });
    d = p.end + 1;
  }
  return out;
}
type YearStartOrUndefined = ReturnType<typeof readYearStart> | undefined;

const CHART = { width: 440, height: 122, left: 52, right: 430, top: 8, bottom: 82 };

/**
 * The share met per period on a true time axis: each period's point at the middle of
 * its dates, a tick at the first date of every period, no line across a period with no
 * figures, and the target line labelled.
 */
function trend(view: StandardView, by: ReportBy, yearStart: string | null): string {
  const periods = periodRange(view.periods, by, yearStart);
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) return "";
  const d0 = first.start;
  const d1 = last.end + 1;
  const { left, right, top, bottom } = CHART;
  const x = (day: number) => left + ((day - d0) / Math.max(1, d1 - d0)) * (right - left);
  const y = (share: number) => bottom - share * (bottom - top);
  const byStart = new Map(view.periods.map((r) => [readDate(String(r.periodStart ?? "")), r]));
  // Runs of consecutive periods with a share: a missing period breaks the line.
  const runs: string[][] = [];
  let run: string[] = [];
  const dots: string[] = [];
  for (const p of periods) {
    const row = byStart.get(p.start);
    const share = finite(row?.metShare);
    if (row === undefined || share === undefined) {
      if (run.length > 0) runs.push(run);
      run = [];
      continue;
    }
    const cx = x((p.start + p.end + 1) / 2).toFixed(1);
    const cy = y(share).toFixed(1);
    run.push(`${cx},${cy}`);
    dots.push(`<circle cx="${cx}" cy="${cy}" r="3.2" class="dot"/>`);
  }
  if (run.length > 0) runs.push(run);
  // Label every period when they fit, otherwise every few.
  const every = Math.max(1, Math.ceil(periods.length / 13));
  const ticks = periods.map((p, i) => {
    const row = byStart.get(p.start) ?? ({ period: "", periodStart: formatDate(p.start) } as ReportRow);
    const label = byStart.has(p.start) ? periodTick(row, by) : tickOfMissing(p.start, by, yearStart);
    const tx = x(p.start).toFixed(1);
    const mid = x((p.start + p.end + 1) / 2).toFixed(1);
    return `<line x1="${tx}" y1="${bottom}" x2="${tx}" y2="${bottom + 5}" class="tick" data-date="${formatDate(p.start)}"/>${i % every === 0 ? `<text x="${mid}" y="${bottom + 18}" class="label" text-anchor="middle">${h(label)}</text>` : ""}`;
  });
  const groups = groupLabels(periods, by, yearStart).map(
    (g) => `<text x="${x(g.day).toFixed(1)}" y="${bottom + 34}" class="label group">${h(g.label)}</text>`,
  );
  const target = Math.min(100, Math.max(0, finite(view.standard.target.percent) ?? 100));
  const ty = y(target / 100);
  const targetLabel = `<text x="${right}" y="${(target > 85 ? ty + 13 : ty - 4).toFixed(1)}" class="label target-label" text-anchor="end">Target ${target}%</text>`;
  return `<svg class="trend" viewBox="0 0 ${CHART.width} ${CHART.height}" role="img" aria-label="${h(`${view.title}: share met by ${byWords(by)}, against the ${target}% target. The figures are in the table below.`)}">
<text x="${left - 6}" y="${top + 4}" class="label" text-anchor="end">100%</text><text x="${left - 6}" y="${(y(0.5) + 4).toFixed(1)}" class="label" text-anchor="end">50%</text><text x="${left - 6}" y="${bottom + 4}" class="label" text-anchor="end">0%</text>
<line x1="${left}" y1="${top}" x2="${right}" y2="${top}" class="grid"/><line x1="${left}" y1="${y(0.5).toFixed(1)}" x2="${right}" y2="${y(0.5).toFixed(1)}" class="grid"/><line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" class="axis"/>
<line x1="${left}" y1="${ty.toFixed(1)}" x2="${right}" y2="${ty.toFixed(1)}" class="target-line"/>${targetLabel}
${runs.map((r) => (r.length === 1 ? "" : `<polyline points="${r.join(" ")}" class="line"/>`)).join("")}${dots.join("")}
${ticks.join("")}${groups.join("")}</svg>`;
}

/** The short name of a period with no row (a gap), from its first date. */
function tickOfMissing(day: number, by: ReportBy, yearStart: string | null): string {
  try {
    const p = periodOf(day, by, readYearStart(yearStart ?? undefined, by));
    return periodTick({ period: p.key, periodStart: formatDate(p.start) } as ReportRow, by);
  } catch {
    return formatDate(day);
  }
}

/** The year under the ticks: the calendar year for months and weeks, the financial year for quarters. */
function groupLabels(
  periods: readonly { start: number }[],
  by: ReportBy,
  yearStart: string | null,
): { day: number; label: string }[] {
  if (by === "financial-year") return [];
  const out: { day: number; label: string }[] = [];
  let seen = "";
  for (const p of periods) {
    let label = formatDate(p.start).slice(0, 4);
    if (by === "quarter") {
      try {
        const key = periodOf(p.start, by, readYearStart(yearStart ?? undefined, by)).key;
        label = key.slice(0, key.lastIndexOf(" "));
      } catch {
        // The year start is not one the library reads: the calendar year stands.
      }
    }
    if (label !== seen) out.push({ day: p.start, label });
    seen = label;
  }
  return out;
}

/** The figures behind the chart, with each period's year to date, for those who cannot see it. */
function periodTable(view: StandardView, by: ReportBy): string {
  const head = byWords(by).replace(/^./, (c) => c.toUpperCase());
  return `<details class="figures"><summary>The figures by ${byWords(by)}</summary>
<table class="periods"><caption>${cell(view.title)}, by ${byWords(by)}</caption>
<thead><tr><th scope="col">${head}</th><th scope="col">Met</th><th scope="col">Not met</th><th scope="col">Pending</th><th scope="col">Share met</th><th scope="col">Year to date</th></tr></thead>
<tbody>${view.periods
    .map((r) => {
      const ytd = r.yearToDate;
      return `<tr><th scope="row" data-label="${head}">${cell(periodInWords(r, by))}</th><td data-label="Met">${n(r.met)}</td><td data-label="Not met">${n(r.breached)}</td><td data-label="Pending">${n(r.pending)}</td><td data-label="Share met">${cell(percent(r.metShare))}</td><td data-label="Year to date">${ytd === undefined ? "–" : `${cell(percent(ytd.metShare))} <span class="of">(${n(ytd.met)} of ${n(countOrText([ytd.met, ytd.breached]))})</span>`}</td></tr>`;
    })
    .join("\n")}</tbody></table></details>`;
}

const countOrText = (values: readonly unknown[]) =>
  values.every((v) => finite(v) !== undefined) ? values.reduce<number>((a, v) => a + (v as number), 0) : "?";

function worst(list: readonly WorstBreach[], title: string): string {
  if (!Array.isArray(list) || list.length === 0) return "";
  return `<table class="worst"><caption>The worst breaches: ${cell(title)}</caption>
<thead><tr><th scope="col">Contact</th><th scope="col">Received</th><th scope="col">Due</th><th scope="col">Completed</th><th scope="col">How late</th><th scope="col">Why</th></tr></thead>
<tbody>${list
    .map(
      (w) =>
        `<tr><th scope="row" data-label="Contact" class="ref">${cell(w.contactId === null ? "(no id)" : w.contactId)}</th><td data-label="Received">${cell(instantInWords(asText(w.receivedAt)))}</td><td data-label="Due">${cell(instantInWords(asText(w.due)))}</td><td data-label="Completed">${w.completedAt === null ? "not yet" : h(instantInWords(asText(w.completedAt)))}</td><td data-label="How late" class="nowrap">${cell(duration(w.lateMs))}</td><td data-label="Why" class="why">${cell(summarised(asText(w.explanation)))}</td></tr>`,
    )
    .join("\n")}</tbody></table>`;
}

/** A standard id that may wrap only after its dots, never inside a part. */
const idHtml = (id: string) =>
  id
    .split(/(?<=\.)/)
    .map((part) => `<span class="nowrap">${h(part)}</span>`)
    .join("<wbr>");

function standardSection(view: StandardView, report: PartialReport, audience: Audience): string {
  const { index: i, standard: s, title, total: row } = view;
  const v = verdictOf(row);
  const interval = intervalSentence(row);
  const by = report.by;
  return `<section class="standard" aria-labelledby="s${i}" data-row="${i}"${audience === "officer" ? ` data-standard="${h(s.id)}"` : ""}>
<h2 id="s${i}">${h(title)}</h2>
<p class="promise"><strong>${h(view.firmness)}:</strong> <q>${h(s.quote)}</q>${view.caveat === undefined ? "" : ` It adds: <q>${h(view.caveat)}</q>`}${audience === "officer" ? ` <span class="meta">(standard <code class="id">${idHtml(s.id)}</code>)</span>` : ""}</p>
<p class="verdict ${v.css}"><span class="symbol" aria-hidden="true">${v.symbol}</span>${h(v.words)}.</p>
${row === undefined ? "" : versionChangeNote(row)}
${row === undefined ? "" : `${bar(row, title)}${interval === undefined ? "" : `<p class="interval">${h(interval)}</p>`}${counts(row, i)}`}
${by === null || view.periods.length === 0 ? "" : `${trend(view, by, report.yearStart)}${periodTable(view, by)}`}
${audience === "officer" && row !== undefined ? worst(row.worst, title) : ""}
</section>`;
}

function statutory(table: StatutoryTable, withPeriod: boolean): string {
  const heads = [
    ...(withPeriod ? ["Period"] : []),
    "Stage",
    "Received",
    "Answered in time",
    "Answered within an extension",
    "Answered late",
    "Outstanding at the end of the period",
  ];
  return `<table class="statutory" data-kind="${table.kind}"><caption>${cell(table.title)}</caption>
<thead><tr>${heads.map((x) => `<th scope="col">${x}</th>`).join("")}</tr></thead>
<tbody>${table.rows
    .map((r) => {
      const cells = [r.received, r.inTime, r.extended, r.late, r.outstanding];
      const names = ["received", "inTime", "extended", "late", "outstanding"];
      return `<tr>${withPeriod ? `<td data-label="Period" class="period">${cell(r.period ?? "")}</td>` : ""}<th scope="row" data-label="Stage">${cell(r.stage)}</th>${cells.map((c, k) => `<td data-label="${heads[k + (withPeriod ? 2 : 1)]}" data-field="${names[k]}">${n(c)}</td>`).join("")}</tr>`;
    })
    .join("\n")}</tbody></table>
<p class="legend">${h(table.note)}</p>`;
}

function accountSection(a: AccountView): string {
  const line = (label: string, value: string) => `<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  // Labels and values below are escaped as cells where they come from the report.
  const firsts = (first: readonly string[]) =>
    first.length === 0
      ? ""
      : ` <span class="of">(first at ${first.map((f) => `<span class="nowrap">${h(f)}</span>`).join(", ")})</span>`;
  return `<table class="account"><caption>The input account</caption><tbody>
${line("Rows read", n(a.read))}${a.sheet === undefined ? "" : line("Sheet", h(a.sheet))}
${line("Judged", n(a.judged))}
${line("Skipped", n(a.skipped.total))}
${a.skipped.reasons.map((s) => line(`Skipped: ${cell(s.reason)}`, `${n(s.count)}${firsts(s.first)}`)).join("\n")}
${line("Received after the moment of judgement (not judged)", n(a.future))}
${line("Repeating an earlier row's id", `${n(a.duplicates.count)}${firsts(a.duplicates.first)}`)}
${a.unmatched.map((u) => line(`${cell(u.field)} ${cell(JSON.stringify(u.value))}: no standard covers it`, `${n(u.count)}${firsts(u.first)}`)).join("\n")}
${line("The moment of judgement", a.now === "clock" ? cell("the clock (--now now)") : cell("given (--now)"))}
</tbody></table>`;
}

const CSS = `
:root{color:#1b1b1b;background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
body{margin:0 auto;padding:1rem;max-width:76rem}
a{color:#0b57d0}a:focus-visible,summary:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}h2{font-size:1.15rem;line-height:1.3;margin:0 0 .35rem}h3{font-size:1.05rem;margin:1rem 0 .25rem}
td,th,caption,dd,dt,summary{overflow-wrap:normal;word-break:normal;hyphens:manual}
p,li{overflow-wrap:break-word;hyphens:manual}
p{margin:.25rem 0}
.meta,.of{color:#4a4a4a}.summary{font-size:1.05rem;border-left:4px solid #0b57d0;padding-left:.75rem}
.nowrap,.ref,code{white-space:nowrap}code{font-size:.85em}code.id{white-space:normal}
.standards{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,21rem),1fr));column-gap:1.75rem}
.standards.officer{display:block}
.standard{border-top:1px solid #c8c8c8;padding:.5rem 0 .6rem;min-width:0;container-type:inline-size}
.promise q{font-style:italic}
.verdict{font-weight:600}.verdict .symbol{display:inline-block;width:1.5em}
.verdict.ok{color:#1a6b2c}.verdict.miss{color:#a3211a}.verdict.none{color:#4a4a4a}
.interval,.legend,.how{font-size:.9rem;color:#4a4a4a}.how h2{color:#1b1b1b}.how ul{padding-left:1.1rem;margin:.25rem 0}
svg.bar{display:block;width:100%;height:1.25rem;margin:.35rem 0}svg.trend{display:block;width:100%;max-width:28rem;height:auto;margin:.35rem 0 0}
.track{fill:#ececec;stroke:#767676;stroke-width:.2}.fill.ok{fill:#1a6b2c}.fill.miss{fill:#a3211a}.fill.none{fill:#767676}
.ci{fill:#1b1b1b}.target{fill:#1b1b1b}.axis{stroke:#1b1b1b;stroke-width:1}.grid{stroke:#c8c8c8;stroke-width:1}.tick{stroke:#1b1b1b;stroke-width:1}
.target-line{stroke:#1b1b1b;stroke-width:1.5;stroke-dasharray:6 3}.line{fill:none;stroke:#0b57d0;stroke-width:2.5}.dot{fill:#0b57d0}
.label{font-size:12px;fill:#4a4a4a}.label.group{font-weight:600}.target-label{fill:#1b1b1b;font-weight:600}
dl.counts{display:flex;flex-wrap:wrap;gap:.1rem .9rem;margin:.25rem 0;font-size:.95rem}dl.counts div{display:flex;gap:.35rem}dl.counts dt{color:#4a4a4a}dl.counts dd{margin:0;font-weight:600}
details.figures{margin:.25rem 0}details.figures summary{cursor:pointer;color:#0b57d0}
table{border-collapse:collapse;margin:.5rem 0;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #1b1b1b}
td.why{font-size:.9rem;min-width:16rem}
.statutory td,.periods td{text-align:right}.statutory td.period{text-align:left}.statutory tbody th,.statutory td.period{white-space:nowrap}
@media (max-width:40rem){
  table.worst,table.periods,table.statutory,table.worst tbody,table.periods tbody,table.statutory tbody,table.worst tr,table.periods tr,table.statutory tr,table.worst td,table.periods td,table.statutory td,table.worst tbody th,table.periods tbody th,table.statutory tbody th{display:block;width:auto;min-width:0;text-align:left;white-space:normal}
  table.worst caption,table.periods caption,table.statutory caption{display:block;width:auto}
  table.worst thead,table.periods thead,table.statutory thead{position:absolute;left:-9999px}
  table.worst tr,table.periods tr,table.statutory tr{border-bottom:2px solid #c8c8c8;padding:.25rem 0}
  table.worst td,table.periods td,table.statutory td,table.worst tbody th,table.periods tbody th,table.statutory tbody th{border:0;padding:.1rem 0}
  table.worst td::before,table.periods td::before,table.statutory td::before,table.worst tbody th::before,table.periods tbody th::before,table.statutory tbody th::before{content:attr(data-label) ": ";font-weight:600}
  svg.trend .label{font-size:15px}
  table.account,table.account tbody,table.account tr,table.account th,table.account td{display:block;width:auto;text-align:left}
  table.account tr{border-bottom:1px solid #c8c8c8;padding:.25rem 0}table.account th,table.account td{border:0;padding:.1rem 0}
}
@container (max-width:34rem){
  table.worst,table.periods,table.statutory,table.worst tbody,table.periods tbody,table.statutory tbody,table.worst tr,table.periods tr,table.statutory tr,table.worst td,table.periods td,table.statutory td,table.worst tbody th,table.periods tbody th,table.statutory tbody th{display:block;width:auto;min-width:0;text-align:left;white-space:normal}
  table.worst caption,table.periods caption,table.statutory caption{display:block;width:auto}
  table.worst thead,table.periods thead,table.statutory thead{position:absolute;left:-9999px}
  table.worst tr,table.periods tr,table.statutory tr{border-bottom:2px solid #c8c8c8;padding:.25rem 0}
  table.worst td,table.periods td,table.statutory td,table.worst tbody th,table.periods tbody th,table.statutory tbody th{border:0;padding:.1rem 0}
  table.worst td::before,table.periods td::before,table.statutory td::before,table.worst tbody th::before,table.periods tbody th::before,table.statutory tbody th::before{content:attr(data-label) ": ";font-weight:600}
}
@media print{
  @page{size:A4;margin:15mm}
  :root{font-size:10.5pt}body{max-width:none;padding:0}
  .standards{display:block}
  .standard{break-inside:avoid;page-break-inside:avoid}
  tr,dl.counts,svg{break-inside:avoid;page-break-inside:avoid}
  thead{display:table-header-group}
  details.figures summary{display:none}details.figures::details-content{content-visibility:visible;display:contents}
  .skip{display:none}
  a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;overflow-wrap:anywhere}
  svg .fill.ok,svg .fill.miss{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}`;

/** The whole page, for the council's website (`public`) or its officers (`officer`). */
export function reportHtml(report: PartialReport, charter: Charter, audience: Audience = "public"): string {
  const views = standardViews(report, charter);
  const account = accountOf(report.input);
  const achieved = views.map((v) => v.total?.achieved ?? null);
  const yes = achieved.filter((a) => a === true).length;
  const no = achieved.filter((a) => a === false).length;
  const none = achieved.length - yes - no;
  const tables = statutoryTables(report, charter);
  const officer = audience === "officer";
  const assumptions = [
    ...(charter.calendar.assumptions ?? []).map(
      (a) => `<li><strong>${h(a.fields.join(", "))}:</strong> ${h(a.note)}</li>`,
    ),
    ...views.flatMap((v) =>
      typeof v.standard.assumption === "string"
        ? [`<li><strong>${h(v.title)}:</strong> ${h(v.standard.assumption)}</li>`]
        : [],
    ),
  ];
  const sources = charter.sources.map((s) => {
    const url = s?.url;
    const date = s?.date;
    const note = s?.note;
    const title = url === undefined || !/^https?:\/\//.test(url) ? h(s.title) : `<a href="${h(url)}">${h(s.title)}</a>`;
    return `<li>${title}, ${h(s.publisher)}${date === undefined ? "" : `, ${h(date)}`}.${officer && note !== undefined ? ` <span class="meta">${h(note)}</span>` : ""}</li>`;
  });
  const judged = countText(account.judged);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(charter.name)}: customer service standards, how we did${officer ? " (officers' report)" : ""}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the standards</a>
<header>
<h1>${h(charter.name)}: how we met our customer service standards</h1>
<p class="meta">${h(coveredSentence(report))} ${h(judgedSentence(report))}${officer ? ` <time datetime="${h(report.now)}">(${h(report.now)})</time>` : ""}</p>
<p class="summary">${yes} of ${yes + no} standards with contacts decided met their target${no > 0 ? `; ${no} did not` : ""}${none > 0 ? `; ${none} had no contacts decided` : ""}. ${h(judged)} contacts were counted. ${h(unreadSentence(account.skipped.total))}</p>
</header>
<main id="main">
<div class="standards${officer ? " officer" : ""}">
${views.map((v) => standardSection(v, report, audience)).join("\n")}
<section class="standard how" aria-labelledby="count">
<h2 id="count">How we count</h2>
<ul>${howWeCount(charter, report)
    .map((line) => `<li>${h(line)}</li>`)
    .join("\n")}</ul>
<p>The standards are those of our customer service charter${charter.sources.length > 1 ? " and the documents it refers to" : ""}:</p>
<ul class="sources">${sources.join("\n")}</ul>
</section>
</div>
${tables.length === 0 ? "" : `<section class="standard" aria-labelledby="statutory"><h2 id="statutory">Statutory returns</h2>${tables.map((t) => statutory(t, report.by !== null)).join("\n")}</section>`}
${
  officer
    ? `<section class="standard" aria-labelledby="assumed">
<h2 id="assumed">What the charter does not say, and was assumed</h2>
${assumptions.length === 0 ? "<p>Nothing was assumed.</p>" : `<ul>${assumptions.join("\n")}</ul>`}
<h2>Rows read and judged</h2>
${accountSection(account)}
</section>`
    : ""
}
</main>
<footer><p class="meta">Made with council-sla from the charter's own words.</p></footer>
</body>
</html>
`;
}
