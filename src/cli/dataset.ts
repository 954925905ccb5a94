/**
 * The open dataset: `--format dataset --out DIR` writes `performance.csv`, one row
 * per standard and period, and `datapackage.json`, a Frictionless (tabular) data
 * package whose Table Schema describes every column: its type, unit and
 * constraints. Plain CSV in UTF-8 with a header, as the GOV.UK tabular data
 * standard asks; the same figures as the JSON report.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Charter } from "../charter/schema.js";
import { FIRMNESSES } from "../concepts.js";
import type { ReportRow } from "../rules/report.js";
import { asText } from "./account.js";
import { csvValue } from "./format.js";
import { standardTitle } from "./publication.js";
import type { PartialReport } from "./partial.js";
import { FIRMNESS_WORDS, STATUS_WORDS } from "../words.js";

type FieldType = "string" | "integer" | "number" | "boolean" | "date";

interface Column {
  readonly name: string;
  readonly type: FieldType;
  readonly title: string;
  readonly description: string;
  readonly unit?: string;
  readonly constraints?: Readonly<Record<string, unknown>>;
  /** The column's value for a row. */
  readonly value: (row: ReportRow, context: Context) => unknown;
}

interface Context {
  readonly council: string;
  readonly titles: ReadonlyMap<string, string>;
  readonly received: PartialReport["received"];
}

const COUNT = { required: true, minimum: 0 } as const;
const SHARE = { minimum: 0, maximum: 1 } as const;

/** Every column of performance.csv, in order: its name, its description and how it is read from a report row. */
const COLUMNS: readonly Column[] = [
  {
    name: "council",
    type: "string",
    title: "Council",
    description: "The council whose charter the standard belongs to.",
    constraints: { required: true },
    value: (_, c) => c.council,
  },
  {
    name: "standard_id",
    type: "string",
    title: "Standard id",
    description: "The standard's id in the charter: channel[.category].stage.",
    constraints: { required: true, pattern: "[a-z0-9-]+(\\.[a-z0-9-]+)*" },
    value: (r) => r.standardId,
  },
  {
    name: "standard_title",
    type: "string",
    title: "Standard",
    description: "The standard in plain English, e.g. 65% of calls answered within 20 seconds.",
    constraints: { required: true },
    value: (r, c) => c.titles.get(r.standardId) ?? r.standardId,
  },
  {
    name: "period",
    type: "string",
    title: "Period",
    description:
      "The period of receipt: YYYY-MM (month), YYYY-Www (ISO week), 2026/27 Q1 (quarter of the financial year) or 2026/27 (financial year); empty when the report has no periods.",
    value: (r) => r.period,
  },
  {
    name: "period_start",
    type: "date",
    title: "Period start",
    description:
      "The first local date of the period (without periods: of the first receipt counted), inclusive, ISO 8601.",
    constraints: { required: true },
    value: (r, c) => r.periodStart ?? c.received?.first,
  },
  {
    name: "period_end",
    type: "date",
    title: "Period end",
    description:
      "The last local date of the period (without periods: of the last receipt counted), inclusive, ISO 8601.",
    constraints: { required: true },
    value: (r, c) => r.periodEnd ?? c.received?.last,
  },
  {
    name: "in_scope",
    type: "integer",
    title: "In scope",
    description: "Contacts received in the period that the standard applies to: met + breached + pending.",
    unit: "contacts",
    constraints: COUNT,
    value: (r) => r.inScope,
  },
  {
    name: "met",
    type: "integer",
    title: STATUS_WORDS.met,
    description: "Contacts dealt with within the standard's time limit (or a valid promised date).",
    unit: "contacts",
    constraints: COUNT,
    value: (r) => r.met,
  },
  {
    name: "breached",
    type: "integer",
    title: STATUS_WORDS.breached,
    description: "Contacts dealt with late, or not dealt with and past their due time.",
    unit: "contacts",
    constraints: COUNT,
    value: (r) => r.breached,
  },
  {
    name: "pending",
    type: "integer",
    title: STATUS_WORDS.pending,
    description: "Contacts not yet dealt with and not yet due at the moment of judgement.",
    unit: "contacts",
    constraints: COUNT,
    value: (r) => r.pending,
  },
  {
    name: "not_applicable",
    type: "integer",
    title: STATUS_WORDS["not-applicable"],
    description:
      "Contacts the standard does not judge: received outside the hours it covers, or calls abandoned before the limit.",
    unit: "contacts",
    constraints: COUNT,
    value: (r) => r.notApplicable,
  },
  {
    name: "share_met",
    type: "number",
    title: "Share met",
    description: "met / (met + breached), from 0 to 1; empty when none is decided.",
    unit: "proportion (0 to 1)",
    constraints: SHARE,
    value: (r) => r.metShare,
  },
  {
    name: "target",
    type: "number",
    title: "Target",
    description: "The share the charter promises, in percent.",
    unit: "percent",
    constraints: { required: true, minimum: 0, maximum: 100 },
    value: (r) => r.target.percent,
  },
  {
    name: "achieved",
    type: "boolean",
    title: "Achieved",
    description:
      "Whether the share met reaches the target (100 × met ≥ target × decided, in whole numbers); empty when none is decided.",
    value: (r) => r.achieved,
  },
  {
    name: "interval_low",
    type: "number",
    title: "95% interval, low",
    description: "The lower end of the 95% Wilson score interval for the share met.",
    unit: "proportion (0 to 1)",
    constraints: SHARE,
    value: (r) => r.ci95?.low,
  },
  {
    name: "interval_high",
    type: "number",
    title: "95% interval, high",
    description: "The upper end of the 95% Wilson score interval for the share met.",
    unit: "proportion (0 to 1)",
    constraints: SHARE,
    value: (r) => r.ci95?.high,
  },
  {
    name: "firmness",
    type: "string",
    title: "Firmness",
    description: `How firmly the charter promises the standard: ${FIRMNESSES.map((f) => `${f} (${FIRMNESS_WORDS[f].says})`).join(", ")}; empty when it does not say.`,
    constraints: { enum: FIRMNESSES },
    value: (r) => r.firmness,
  },
  {
    name: "year_to_date_start",
    type: "date",
    title: "Year to date from",
    description:
      "With periods: the first date of the year to date (the start of the financial year; for weeks, the Monday of its first week).",
    value: (r) => r.yearToDate?.from,
  },
  {
    name: "ytd_in_scope",
    type: "integer",
    title: "Year to date: in scope",
    description: "With periods: in scope from the start of the year to the end of the period.",
    unit: "contacts",
    constraints: { minimum: 0 },
    value: (r) => r.yearToDate?.inScope,
  },
  {
    name: "ytd_met",
    type: "integer",
    title: "Year to date: met",
    description: "With periods: met from the start of the year to the end of the period.",
    unit: "contacts",
    constraints: { minimum: 0 },
    value: (r) => r.yearToDate?.met,
  },
  {
    name: "ytd_breached",
    type: "integer",
    title: "Year to date: breached",
    description: "With periods: breached from the start of the year to the end of the period.",
    unit: "contacts",
    constraints: { minimum: 0 },
    value: (r) => r.yearToDate?.breached,
  },
  {
    name: "ytd_share_met",
    type: "number",
    title: "Year to date: share met",
    description: "With periods: the share met from the start of the year to the end of the period, from 0 to 1.",
    unit: "proportion (0 to 1)",
    constraints: SHARE,
    value: (r) => r.yearToDate?.metShare,
  },
];

/** performance.csv: a header, then a row per standard and period, in the report's order. */
export function performanceCsv(report: PartialReport, charter: Charter): string {
  const context: Context = {
    council: charter.name,
    titles: new Map(charter.standards.map((s) => [s.id, standardTitle(s)])),
    received: report.received,
  };
  const lines = report.rows.map((row) => COLUMNS.map((c) => csvValue(c.value(row, context))).join(","));
  // CRLF line ends, as RFC 4180 writes CSV.
  return `${[COLUMNS.map((c) => c.name).join(","), ...lines].join("\r\n")}\r\n`;
}

/** The package's name: lower case, digits and `-` (Frictionless names). */
const packageName = (id: string) => `${id.toLowerCase().replace(/[^a-z0-9._-]+/g, "-")}-customer-service-performance`;

/** datapackage.json: the package, its one resource and the Table Schema of performance.csv. */
export function dataPackage(report: PartialReport, charter: Charter): Record<string, unknown> {
  const sources = charter.sources.map((s) => {
    const url = s?.url;
    return { title: `${s.title} (${s.publisher})`, ...(url === undefined ? {} : { path: url }) };
  });
  return {
    profile: "tabular-data-package",
    name: packageName(charter.id),
    title: `${charter.name}: customer service standards, how we did`,
    description: `Each measurable standard of the council's customer service charter, per ${report.by === null ? "standard" : `standard and ${report.by === "financial-year" ? "financial year" : report.by}`}: contacts met, breached, pending and not applicable, the share met with its 95% interval, and the target. Judged at ${asText(report.now)}.${report.yearStart === null ? "" : ` Years start on ${asText(report.yearStart)} (MM-DD).`}`,
    created: asText(report.now),
    sources,
    resources: [
      {
        profile: "tabular-data-resource",
        name: "performance",
        path: "performance.csv",
        title: "Performance against each standard",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: ",", header: true, lineTerminator: "\r\n", doubleQuote: true },
        schema: {
          fields: COLUMNS.map(({ name, type, title, description, unit, constraints }) => ({
            name,
            type,
            title,
            description,
            ...(type === "boolean" ? { trueValues: ["true"], falseValues: ["false"] } : {}),
            ...(unit === undefined ? {} : { unit }),
            ...(constraints === undefined ? {} : { constraints }),
          })),
          missingValues: [""],
          primaryKey: ["standard_id", "period_start"],
        },
      },
    ],
  };
}

/** Writes performance.csv and datapackage.json to `dir` (made when missing); returns the two paths. */
export function writeDataset(dir: string, report: PartialReport, charter: Charter): string[] {
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, "performance.csv");
  const json = join(dir, "datapackage.json");
  writeFileSync(csv, performanceCsv(report, charter));
  writeFileSync(json, `${JSON.stringify(dataPackage(report, charter), null, 2)}\n`);
  return [csv, json];
}
