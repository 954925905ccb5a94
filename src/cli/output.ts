/**
 * What `report` and `merge` write: the format, its audience and, for the dataset,
 * the directory. Read from the options once, refused by name when they do not fit.
 *
 * @module
 */
import type { Writable } from "node:stream";
import type { Charter } from "../charter/schema.js";
import { REPORT_PERIODS, type ReportBy } from "../concepts.js";
import { readYearStart } from "../rules/periods.js";
import { writeDataset } from "./dataset.js";
import { AUDIENCES, REPORT_FORMATS, type Audience, type ReportFormat } from "./concepts.js";
import { reportFormat } from "./format.js";
import { Failure } from "./input/source.js";
import { cli, print } from "./words.js";
import type { PartialReport } from "./partial.js";

/** The options `report` and `merge` take for their output. */
export interface Output {
  readonly format: ReportFormat;
  readonly audience: Audience;
  /** The dataset's directory. */
  readonly out: string | undefined;
}

function oneOf<T extends string>(option: string, values: readonly T[], value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) throw new Failure(cli.oneOf(option, values, value));
  return value as T;
}

/** `--format`, `--audience` (html and md only; public by default) and `--out` (the dataset's, and only its). */
export function outputOf(values: { format?: string; audience?: string; out?: string }): Output {
  const format = oneOf("--format", REPORT_FORMATS, values.format) ?? "table";
  const audience = oneOf("--audience", AUDIENCES, values.audience);
  if (audience !== undefined && format !== "html" && format !== "md") throw new Failure(cli.audienceFormat(format));
  if (format === "dataset" && values.out === undefined) throw new Failure(cli.datasetNeedsOut());
  if (format !== "dataset" && values.out !== undefined) throw new Failure(cli.outNeedsDataset(format));
  return { format, audience: audience ?? "public", out: values.out };
}

/** `--by` and `--year-start MM-DD`: the report's periods and the first day of its year. */
export function periodsOf(values: { by?: string; "year-start"?: string }): { by?: ReportBy; yearStart?: string } {
  const by = oneOf("--by", REPORT_PERIODS, values.by);
  const yearStart = values["year-start"];
  if (yearStart === undefined) return by === undefined ? {} : { by };
  if (by === undefined) throw new Failure(cli.yearStartNeedsBy());
  try {
    readYearStart(yearStart, by);
  } catch {
    throw new Failure(cli.badYearStart(yearStart, by));
  }
  return { by, yearStart };
}

/** Prints the report, or writes the dataset and says where. */
export function emit(stdout: Writable, output: Output, report: PartialReport, charter: Charter): void {
  if (output.format === "dataset") {
    const [csv, json] = writeDataset(output.out ?? ".", report, charter);
    print(stdout, cli.wroteDataset(csv ?? "", json ?? ""));
    return;
  }
  // Control characters escaped whatever the format (JSON's strings stay valid: an escape is JSON's own).
  print(stdout, reportFormat(output.format, report, charter, output.audience));
}
