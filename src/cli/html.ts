/**
 * The compliance page a council can publish: one self-contained HTML file
 * (inline CSS and SVG, no script, no request), accessible (WCAG 2.2 AA) and
 * readable from a phone to A4 paper. Everything from contacts and charters is
 * escaped.
 *
 * @module
 */
import { MONTH_NAMES, WEEKDAY_NAMES, readDate, weekdayIndex } from "../calendar/civil.js";
import type { Charter, Standard } from "../charter/schema.js";
import { LIMIT_UNITS, amountText, type LimitUnit } from "../charter/units.js";
import type { Channel } from "../charter/vocabulary.js";
import { own } from "../own.js";
import type { ReportRow, WorstBreach } from "../rules/report.js";
import { sumRows } from "../rules/tally.js";
import type { PartialReport } from "./report.js";

/** Text made safe for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}
const h = escapeHtml;

const PLURAL: Readonly<Record<Channel, string>> = {
  telephone: "calls",
  voicemail: "voice messages",
  email: "emails",
  letter: "letters",
  fax: "faxes",
  visit: "visitors",
  "web-form": "web forms",
  "social-media": "social media messages",
};
const SINGULAR: Readonly<Record<Channel, string>> = {
  telephone: "telephone",
  voicemail: "voicemail",
  email: "email",
  letter: "letter",
  fax: "fax",
  visit: "visit",
  "web-form": "web form",
  "social-media": "social media",
};
const DONE: Readonly<Record<string, string>> = {
  answer: "answered",
  attend: "seen",
  acknowledge: "acknowledged",
  respond: "answered in full",
};
const FIRMNESS: Readonly<Record<string, string>> = {
  will: "We will",
  aim: "We aim to",
  "general-rule": "As a general rule",
};

function joined(words: readonly string[], last: string): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} ${last} ${words[words.length - 1]}`;
}

/** A plain-English title made from a standard: "65% of calls answered within 20 seconds". */
export function standardTitle(s: Standard): string {
  const unit = LIMIT_UNITS.find((u) => own(s.limit, u) !== undefined) as LimitUnit;
  const limit = amountText(own(s.limit, unit) as number, unit);
  const category = own(s, "category") as string | undefined;
  const what =
    category === undefined
      ? joined(
          s.channels.map((c) => PLURAL[c]),
          "and",
        )
      : `${category
          .replace(/-/g, " ")
          .replace(/^complaint stage two$/, "stage two complaints")
          .replace(/^complaint$/, "complaints")} by ${joined(
          s.channels.map((c) => SINGULAR[c]),
          "or",
        )}`;
  const share =
    s.target.percent === 100 ? what.charAt(0).toUpperCase() + what.slice(1) : `${s.target.percent}% of ${what}`;
  return `${share} ${DONE[s.stage] ?? s.stage} within ${limit}`;
}

/** "Sunday 31 January 2027 at 00:00" from an ISO instant in local time. */
function inWords(iso: string): string {
  const day = readDate(iso.slice(0, 10));
  if (day === undefined) return iso;
  return `${WEEKDAY_NAMES[weekdayIndex(day)]} ${Number(iso.slice(8, 10))} ${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}${iso.length > 10 ? ` at ${iso.slice(11, 16)}` : ""}`;
}

const pct = (share: number | null) => (share === null ? "–" : `${(share * 100).toFixed(1)}%`);

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(ms / 3_600_000);
  return hours < 48 ? `${hours} h` : `${Math.round(ms / 86_400_000)} days`;
}

function verdict(row: ReportRow): { css: string; symbol: string; words: string } {
  if (row.achieved === null) return { css: "none", symbol: "–", words: "No contacts decided yet" };
  return row.achieved
    ? {
        css: "ok",
        symbol: "✔",
        words: `Target achieved: ${pct(row.metShare)} met, against a target of ${row.target.percent}%`,
      }
    : {
        css: "miss",
        symbol: "✘",
        words: `Target not achieved: ${pct(row.metShare)} met, against a target of ${row.target.percent}%`,
      };
}

/** The share met as a bar, with its 95% interval and the target marked. */
function bar(row: ReportRow, label: string): string {
  const share = row.metShare === null ? 0 : row.metShare * 100;
  const low = row.ci95 === null ? share : row.ci95.low * 100;
  const high = row.ci95 === null ? share : row.ci95.high * 100;
  const v = verdict(row);
  return `<svg class="bar" viewBox="0 0 100 12" preserveAspectRatio="none" role="img" aria-label="${h(`${label}: ${pct(row.metShare)} met; target ${row.target.percent}%`)}">
<rect x="0" y="2" width="100" height="8" class="track"/><rect x="0" y="2" width="${share.toFixed(2)}" height="8" class="fill ${v.css}"/>
<rect x="${low.toFixed(2)}" y="5.5" width="${Math.max(0, high - low).toFixed(2)}" height="1" class="ci"/><rect x="${Math.min(99.4, row.target.percent).toFixed(2)}" y="0" width="0.6" height="12" class="target"/></svg>`;
}

/** A small trend chart of the share met per period, with the target line. */
function trend(rows: readonly ReportRow[], target: number, label: string): string {
  const points = rows.map((r, i) => ({
    x: rows.length === 1 ? 60 : 16 + (i * 80) / (rows.length - 1),
    y: r.metShare === null ? undefined : 44 - r.metShare * 40,
  }));
  const path = points
    .filter((p) => p.y !== undefined)
    .map((p) => `${p.x.toFixed(1)},${(p.y as number).toFixed(1)}`)
    .join(" ");
  const dots = points
    .filter((p) => p.y !== undefined)
    .map((p) => `<circle cx="${p.x.toFixed(1)}" cy="${(p.y as number).toFixed(1)}" r="1.6" class="dot"/>`)
    .join("");
  const ty = (44 - (target / 100) * 40).toFixed(1);
  const first = rows[0]?.period ?? "";
  const last = rows[rows.length - 1]?.period ?? "";
  return `<svg class="trend" viewBox="0 0 100 54" role="img" aria-label="${h(`${label}: share met by period, against the ${target}% target (the table below gives the figures)`)}">
<text x="12" y="5.5" class="label" text-anchor="end">100%</text><text x="12" y="45.5" class="label" text-anchor="end">0%</text>
<line x1="14" y1="4" x2="100" y2="4" class="axis"/><line x1="14" y1="44" x2="100" y2="44" class="axis"/><line x1="14" y1="${ty}" x2="100" y2="${ty}" class="target-line"/>
<polyline points="${path}" class="line"/>${dots}
<text x="16" y="51" class="label">${h(first)}</text><text x="96" y="51" class="label" text-anchor="end">${h(last)}</text></svg>`;
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
      ? `from ${inWords(v.from)} to ${inWords(v.to)}`
      : v.from !== null
        ? `from ${inWords(v.from)}`
        : v.to !== null
          ? `until ${inWords(v.to)}`
          : "at all times";
  const parts = versions.map(
    (v, i) =>
      `${judged(v).toLocaleString("en-GB")} ${i === 0 ? `contact${judged(v) === 1 ? " was" : "s were"} judged by the version` : "by the version"} in force ${period(v)} (target ${v.target.percent}%)`,
  );
  return `<p class="meta versions">This standard changed during the period: ${h(joined(parts, "and"))}. Each contact was judged by the version in force when it was received.</p>`;
}

/** One standard per id: of a standard given in versions, the one in force last (the page's section names it; the note above lists the others). */
export function latestVersions(standards: readonly Standard[]): Standard[] {
  const last = new Map<string, Standard>();
  const end = (s: Standard) => s.inForce?.to ?? "\uffff";
  for (const s of standards) {
    const known = last.get(s.id);
    if (known === undefined || end(s) > end(known)) last.set(s.id, s);
  }
  return [...last.values()];
}

function counts(row: ReportRow, title: string, id: string): string {
  const cells: [string, string, number | string][] = [
    ["Met", "met", row.met],
    ["Breached", "breached", row.breached],
    ["Pending", "pending", row.pending],
    ["Not applicable", "notApplicable", row.notApplicable],
    ["Share met", "metShare", pct(row.metShare)],
    ["95% interval", "ci95", row.ci95 === null ? "–" : `${pct(row.ci95.low)} to ${pct(row.ci95.high)}`],
  ];
  return `<table class="counts" data-standard="${h(id)}"><caption>Contacts judged: ${h(title)}</caption>
<thead><tr>${cells.map(([head]) => `<th scope="col">${head}</th>`).join("")}</tr></thead>
<tbody><tr>${cells.map(([head, field, value]) => `<td data-label="${head}" data-field="${field}">${h(String(value))}</td>`).join("")}</tr></tbody></table>`;
}

function periods(rows: readonly ReportRow[], title: string, by: string): string {
  return `<table class="periods"><caption>${h(title)}, by ${by}</caption>
<thead><tr><th scope="col">${by === "month" ? "Month" : "Week"}</th><th scope="col">Met</th><th scope="col">Breached</th><th scope="col">Pending</th><th scope="col">Not applicable</th><th scope="col">Share met</th></tr></thead>
<tbody>${rows
    .map(
      (r) =>
        `<tr><th scope="row" data-label="${by === "month" ? "Month" : "Week"}">${h(r.period ?? "")}</th><td data-label="Met">${r.met}</td><td data-label="Breached">${r.breached}</td><td data-label="Pending">${r.pending}</td><td data-label="Not applicable">${r.notApplicable}</td><td data-label="Share met">${pct(r.metShare)}</td></tr>`,
    )
    .join("\n")}</tbody></table>`;
}

function worst(list: readonly WorstBreach[], title: string): string {
  if (list.length === 0) return "";
  return `<table class="worst"><caption>The worst breaches: ${h(title)}</caption>
<thead><tr><th scope="col">Contact</th><th scope="col">Received</th><th scope="col">Due</th><th scope="col">Completed</th><th scope="col">How late</th><th scope="col">Why</th></tr></thead>
<tbody>${list
    .map(
      (w) =>
        `<tr><th scope="row" data-label="Contact">${h(w.contactId === null ? "(no id)" : String(w.contactId))}</th><td data-label="Received">${h(inWords(w.receivedAt))}</td><td data-label="Due">${h(inWords(w.due))}</td><td data-label="Completed">${w.completedAt === null ? "not yet" : h(inWords(w.completedAt))}</td><td data-label="How late">${h(duration(w.lateMs))}</td><td data-label="Why" class="why">${h(w.explanation)}</td></tr>`,
    )
    .join("\n")}</tbody></table>`;
}

const CSS = `
:root{color:#1b1b1b;background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
body{margin:0 auto;padding:1rem;max-width:60rem}
a{color:#0b57d0}a:focus-visible,summary:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}h2{font-size:1.25rem;line-height:1.3;margin:0 0 .5rem}h3{font-size:1.05rem;margin:1rem 0 .25rem}
p,td,th,li,caption{overflow-wrap:anywhere}
.meta{color:#4a4a4a}.summary{font-size:1.1rem;border-left:4px solid #0b57d0;padding-left:.75rem}
.standard{border-top:1px solid #c8c8c8;padding:1rem 0}
.promise{margin:.25rem 0}.promise q{font-style:italic}
.verdict{font-weight:600;margin:.5rem 0}.verdict .symbol{display:inline-block;width:1.5em}
.verdict.ok{color:#1a6b2c}.verdict.miss{color:#a3211a}.verdict.none{color:#4a4a4a}
svg.bar{display:block;width:100%;height:1.5rem;margin:.5rem 0}svg.trend{display:block;width:100%;max-width:32rem;height:auto;margin:.5rem 0}
.track{fill:#ececec;stroke:#767676;stroke-width:.2}.fill.ok{fill:#1a6b2c}.fill.miss{fill:#a3211a}.fill.none{fill:#767676}
.ci{fill:#1b1b1b}.target{fill:#1b1b1b}.axis{stroke:#767676;stroke-width:.3}.target-line{stroke:#1b1b1b;stroke-width:.4;stroke-dasharray:2 1}
.line{fill:none;stroke:#0b57d0;stroke-width:.8}.dot{fill:#0b57d0}.label{font-size:3.6px;fill:#4a4a4a}
.legend{font-size:.9rem;color:#4a4a4a}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid #c8c8c8;padding:.3rem .4rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #1b1b1b}
td.why{font-size:.9rem}
@media (max-width:40rem){
  table.worst,table.periods,table.counts,table.worst tbody,table.periods tbody,table.counts tbody,table.worst tr,table.periods tr,table.counts tr,table.worst td,table.periods td,table.counts td,table.worst tbody th,table.periods tbody th{display:block;width:auto}
  table.worst caption,table.periods caption,table.counts caption{display:block;width:auto}
  table.worst thead,table.periods thead,table.counts thead{position:absolute;left:-9999px}
  table.worst tr,table.periods tr,table.counts tr{border-bottom:2px solid #c8c8c8;padding:.25rem 0}
  table.worst td,table.periods td,table.counts td,table.worst tbody th,table.periods tbody th{border:0;padding:.1rem 0}
  table.worst td::before,table.periods td::before,table.counts td::before,table.worst tbody th::before,table.periods tbody th::before{content:attr(data-label) ": ";font-weight:600}
}
@media print{
  @page{size:A4;margin:15mm}
  :root{font-size:11pt}body{max-width:none;padding:0}
  .standard{break-inside:avoid;page-break-inside:avoid}
  .skip{display:none}
  a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}
  svg .fill.ok,svg .fill.miss{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}`;

/** The whole page. */
export function reportHtml(report: PartialReport, charter: Charter): string {
  const _byId = new Map(charter.standards.map((s) => [s.id, s]));
  const flat = new Map<string, ReportRow>();
  const byPeriod = new Map<string, ReportRow[]>();
  if (report.by === null) for (const r of report.rows) flat.set(r.standardId, r);
  else for (const r of report.rows) byPeriod.set(r.standardId, [...(byPeriod.get(r.standardId) ?? []), r]);
  // With periods, the standard's overall figures are its periods summed, as merging sums them.
  const totals = (id: string): ReportRow | undefined =>
    report.by === null ? flat.get(id) : sumRows(byPeriod.get(id) ?? [], report.worstLimit);
  const standards = latestVersions(charter.standards).map((s, i) => {
    const row = totals(s.id);
    const title = standardTitle(s);
    const firmness = own(s, "firmness") as string | undefined;
    const caveat = own(s, "caveat") as string | undefined;
    const v = row === undefined ? { css: "none", symbol: "–", words: "No contacts judged" } : verdict(row);
    const periodRows = byPeriod.get(s.id) ?? [];
    return `<section class="standard" aria-labelledby="s${i}" data-standard="${h(s.id)}">
<h2 id="s${i}">${h(title)}</h2>
<p class="promise"><strong>${h(firmness === undefined ? "The charter does not say how firmly" : (FIRMNESS[firmness] ?? firmness))}:</strong> <q>${h(s.quote)}</q>${caveat === undefined ? "" : ` It adds: <q>${h(caveat)}</q>`} <span class="meta">(${h(s.id)})</span></p>
<p class="verdict ${v.css}"><span class="symbol" aria-hidden="true">${v.symbol}</span>${h(v.words)}.</p>
${row === undefined ? "" : versionChangeNote(row)}
${row === undefined ? "" : `${bar(row, title)}<p class="legend">The bar is the share met; the thin line across it is its 95% interval; the upright line is the ${row.target.percent}% target.</p>${counts(row, title, s.id)}`}
${periodRows.length === 0 ? "" : `<h3>By ${report.by}</h3>${trend(periodRows, s.target.percent, title)}${periods(periodRows, title, report.by ?? "month")}`}
${row === undefined ? "" : worst(row.worst, title)}
</section>`;
  });
  const achieved = latestVersions(charter.standards).map((s) => totals(s.id)?.achieved ?? null);
  const yes = achieved.filter((a) => a === true).length;
  const no = achieved.filter((a) => a === false).length;
  const none = achieved.length - yes - no;
  const periodsSeen = [...new Set(report.rows.map((r) => r.period).filter((p): p is string => p !== undefined))].sort();
  const period =
    periodsSeen.length > 0
      ? `Contacts received from ${h(periodsSeen[0] as string)} to ${h(periodsSeen[periodsSeen.length - 1] as string)} (by ${report.by}).`
      : "All contacts received up to the moment of judgement.";
  const assumptions = [
    ...(
      (own(charter.calendar, "assumptions") as readonly { fields: readonly string[]; note: string }[] | undefined) ?? []
    ).map((a) => `<li><strong>${h(a.fields.join(", "))}:</strong> ${h(a.note)}</li>`),
    ...charter.standards.flatMap((s) =>
      typeof own(s, "assumption") === "string"
        ? [`<li><strong>${h(standardTitle(s))}:</strong> ${h(own(s, "assumption") as string)}</li>`]
        : [],
    ),
  ];
  const sources = charter.sources.map((s) => {
    const url = own(s, "url") as string | undefined;
    const date = own(s, "date") as string | undefined;
    const note = own(s, "note") as string | undefined;
    const title = url === undefined || !/^https?:\/\//.test(url) ? h(s.title) : `<a href="${h(url)}">${h(s.title)}</a>`;
    return `<li>${title}, ${h(s.publisher)}${date === undefined ? ", date not shown" : `, ${h(date)}`}.${note === undefined ? "" : ` ${h(note)}`}</li>`;
  });
  const skipped = report.input.skipped.map(
    (s) => `<li>${s.count} × ${h(s.reason)} (first at ${h(s.first.join(", "))})</li>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(charter.name)}: customer service standards, how we did</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the standards</a>
<header>
<h1>${h(charter.name)}: how we met our customer service standards</h1>
<p class="meta">${period} Judged ${h(inWords(report.now))} (<time datetime="${h(report.now)}">${h(report.now)}</time>).</p>
<p class="summary">${yes} of ${yes + no} standards with contacts decided achieved their target${no > 0 ? `; ${no} did not` : ""}${none > 0 ? `; ${none} had no contacts decided` : ""}. ${report.input.judged.toLocaleString("en-GB")} contacts were judged.</p>
</header>
<main id="main">
${standards.join("\n")}
<section class="standard" aria-labelledby="about">
<h2 id="about">About these figures</h2>
<h3>What the charter does not say, and was assumed</h3>
${assumptions.length === 0 ? "<p>Nothing was assumed.</p>" : `<ul>${assumptions.join("\n")}</ul>`}
<h3>Sources</h3>
<ul>${sources.join("\n")}</ul>
<h3>Rows not judged</h3>
<p>${report.input.rows.toLocaleString("en-GB")} rows were read: ${report.input.judged.toLocaleString("en-GB")} judged, ${report.input.skipped.reduce((n, s) => n + s.count, 0).toLocaleString("en-GB")} skipped, ${report.input.future.toLocaleString("en-GB")} received after the moment of judgement.</p>
${skipped.length === 0 ? "" : `<ul>${skipped.join("\n")}</ul>`}
</section>
</main>
<footer><p class="meta">Made with council-sla from the charter's own words.</p></footer>
</body>
</html>
`;
}
