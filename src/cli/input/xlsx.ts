/**
 * Excel workbooks, streamed with exceljs (an optional peer dependency, loaded
 * only for `.xlsx`): the first sheet, or the one named; date cells read as wall
 * times, to be placed in the charter's zone like every other wall time.
 *
 * @module
 */
import { cli } from "../messages.js";
import type { RawRow } from "./rows.js";
import { Failure } from "./source.js";

interface Exceljs {
  stream: {
    xlsx: {
      WorkbookReader: new (
        path: string,
        options: object,
      ) => AsyncIterable<AsyncIterable<{ values: unknown }> & { name?: string }>;
    };
  };
}

/** `YYYY-MM-DDTHH:MM:SS` of an Excel date: exceljs gives it as a Date whose UTC fields are the wall clock. */
function wallTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

function cellValue(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : wallTime(value);
  if (typeof value === "object") {
    const v = value as { result?: unknown; text?: unknown; richText?: { text: string }[]; error?: unknown };
    if (v.richText !== undefined) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellValue(v.result);
    if (typeof v.text === "string") return v.text;
    if (v.error !== undefined) return "";
  }
  return typeof value === "number" || typeof value === "boolean" ? String(value) : value;
}

async function load(): Promise<Exceljs> {
  try {
    const module = (await import("exceljs")) as unknown as { default?: Exceljs } & Exceljs;
    return module.default ?? module;
  } catch {
    throw new Failure(cli.xlsxMissing());
  }
}

/** The rows of a sheet: the header first, then cells, each with its row number. */
export async function* xlsxRows(path: string, sheet: string | undefined): AsyncGenerator<RawRow[]> {
  const exceljs = await load();
  const names: string[] = [];
  let found = false;
  try {
    const reader = new exceljs.stream.xlsx.WorkbookReader(path, {
      worksheets: "emit",
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
    });
    for await (const worksheet of reader) {
      const name = worksheet.name ?? `Sheet${names.length + 1}`;
      names.push(name);
      if (found || (sheet !== undefined && name !== sheet)) continue;
      found = true;
      let header: string[] | undefined;
      const batch: RawRow[] = [];
      for await (const row of worksheet as AsyncIterable<{ values: unknown; number: number }>) {
        const values = (Array.isArray(row.values) ? row.values.slice(1) : []).map(cellValue);
        if (values.every((v) => v === "")) continue;
        if (header === undefined) {
          header = values.map((v) => String(v).trim());
          yield [{ line: row.number, header }];
          continue;
        }
        while (values.length < header.length) values.push("");
        batch.push(
          values.length > header.length && values.slice(header.length).some((v) => v !== "")
            ? {
                line: row.number,
                error: cli.fieldCount(values.length, header.length),
                reason: "wrong number of fields",
              }
            : { line: row.number, cells: values.slice(0, header.length) },
        );
        if (batch.length === 1000) yield batch.splice(0);
      }
      if (batch.length > 0) yield batch.splice(0);
    }
  } catch (error) {
    if (error instanceof Failure) throw error;
    throw new Failure(cli.xlsxUnreadable(path, (error as Error).message));
  }
  if (!found) throw new Failure(cli.xlsxSheet(sheet ?? "", names));
}
