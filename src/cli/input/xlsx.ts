/**
 * Excel workbooks (.xlsx), read as the workbook saved them: the zip opened in place with
 * yauzl (no temporary file), each part streamed through saxes, so memory holds the shared
 * strings and one row at a time whatever the sheet's size. The sheet is the first visible
 * one in tab order, or the one `--sheet` names. Cells keep the type they were saved with:
 * text, numbers, booleans, date cells (wall times, in either of Excel's date systems, to the
 * millisecond), a formula's saved value; an error value or a formula with no saved value is
 * a problem of the rows that use it. Every part has a size limit: past it the workbook is
 * refused with a message, never read into an out-of-memory.
 *
 * @module
 */
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { cli } from "../words.js";
import { CellProblem, type RawRow, WallTime } from "./rows.js";
import { Failure } from "./source.js";

/** The largest uncompressed sheet read, in bytes (streamed, so this bounds time, not memory). */
export const MAX_SHEET_BYTES = 1024 * 1024 * 1024;
/** The largest shared string table held, in characters of text, and in strings. */
export const MAX_STRING_CHARS = 50_000_000;
export const MAX_STRINGS = 5_000_000;
/** The largest of the small parts (workbook, relationships, styles), uncompressed. */
const MAX_PART_BYTES = 16 * 1024 * 1024;

interface Zip {
  readonly entries: ReadonlyMap<string, { readonly size: number; readonly entry: unknown }>;
  open(name: string): Promise<Readable>;
  close(): void;
}

interface Yauzl {
  openPromise(
    path: string,
    options: object,
  ): Promise<{
    eachEntry(): AsyncIterable<{ fileName: string; uncompressedSize: number }>;
    openReadStreamPromise(entry: unknown): Promise<Readable>;
    close(): void;
  }>;
}

interface SaxTag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
}

interface SaxParser {
  on(event: "opentag", handler: (tag: SaxTag) => void): void;
  on(event: "closetag", handler: (tag: SaxTag) => void): void;
  on(event: "text", handler: (text: string) => void): void;
  on(event: "error", handler: (error: Error) => void): void;
  write(chunk: string): void;
  close(): void;
}

interface Libraries {
  readonly yauzl: Yauzl;
  readonly Saxes: new () => SaxParser;
}

let libraries: Promise<Libraries> | undefined;

/** yauzl and saxes, loaded on the first workbook (the other inputs never need them). */
function load(): Promise<Libraries> {
  // Both are CommonJS: bundled, their exports are the module's default.
  libraries ??= Promise.all([import("yauzl"), import("saxes")]).then(([y, s]) => {
    const saxes = s as unknown as { SaxesParser?: Libraries["Saxes"]; default?: { SaxesParser: Libraries["Saxes"] } };
    return {
      yauzl: ((y as { default?: Yauzl }).default ?? y) as Yauzl,
      Saxes: (saxes.SaxesParser ?? saxes.default?.SaxesParser) as Libraries["Saxes"],
    };
  });
  return libraries;
}

/** The local name of a tag: `x:row` and `row` are the same element. */
const local = (name: string): string => name.slice(name.indexOf(":") + 1);

async function openZip(path: string, yauzl: Yauzl): Promise<Zip> {
  let zip: Awaited<ReturnType<Yauzl["openPromise"]>>;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    throw new Failure(cli.xlsxUnreadable(path, (error as Error).message));
  }
  const entries = new Map<string, { size: number; entry: unknown }>();
  try {
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, { size: entry.uncompressedSize, entry });
  } catch (error) {
    zip.close();
    throw new Failure(cli.xlsxUnreadable(path, (error as Error).message));
  }
  return {
    entries,
    open: (name) => zip.openReadStreamPromise(entries.get(name)?.entry),
    close: () => zip.close(),
  };
}

/**
 * Streams one part of the workbook through a SAX parser, `limit` bytes at most (the
 * declared size is checked first, the real one as it is read). `each` runs after every
 * chunk, so a caller can hand on what the chunk gave.
 */
async function* streamPart(
  zip: Zip,
  Saxes: Libraries["Saxes"],
  part: string,
  limit: number,
  path: string,
  handlers: { open?: (tag: SaxTag) => void; close?: (tag: SaxTag) => void; text?: (text: string) => void },
): AsyncGenerator<void> {
  const known = zip.entries.get(part);
  if (known === undefined) return;
  if (known.size > limit) throw new Failure(cli.xlsxTooLarge(path, part, known.size, limit));
  const parser = new Saxes();
  let failure: Error | undefined;
  if (handlers.open !== undefined) parser.on("opentag", handlers.open);
  if (handlers.close !== undefined) parser.on("closetag", handlers.close);
  if (handlers.text !== undefined) parser.on("text", handlers.text);
  parser.on("error", (error) => {
    failure ??= error;
  });
  const stream = await zip.open(part);
  const decoder = new StringDecoder("utf8");
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limit) throw new Failure(cli.xlsxTooLarge(path, part, bytes, limit));
      parser.write(decoder.write(chunk));
      if (failure !== undefined) throw new Failure(cli.xlsxUnreadable(path, `${part}: ${failure.message}`));
      yield;
    }
    parser.write(decoder.end());
    parser.close();
    if (failure !== undefined) throw new Failure(cli.xlsxUnreadable(path, `${part}: ${failure.message}`));
  } finally {
    stream.destroy();
  }
}

/** Reads a small part to its end. */
async function readPart(
  zip: Zip,
  Saxes: Libraries["Saxes"],
  part: string,
  path: string,
  handlers: Parameters<typeof streamPart>[5],
  limit = MAX_PART_BYTES,
): Promise<void> {
  for await (const _ of streamPart(zip, Saxes, part, limit, path, handlers));
}

/** A relationship target relative to `xl/`, as a zip path. */
function partPath(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

interface Book {
  /** True when the workbook counts dates from 1904 (Excel for Mac, LibreOffice can save so). */
  readonly date1904: boolean;
  /** Sheets in tab order: name, part, whether shown. */
  readonly sheets: readonly { readonly name: string; readonly part: string; readonly visible: boolean }[];
}

async function readBook(zip: Zip, Saxes: Libraries["Saxes"], path: string): Promise<Book> {
  const targets = new Map<string, string>();
  await readPart(zip, Saxes, "xl/_rels/workbook.xml.rels", path, {
    open: (tag) => {
      if (
        local(tag.name) === "Relationship" &&
        tag.attributes.Id !== undefined &&
        tag.attributes.Target !== undefined
      ) {
        targets.set(tag.attributes.Id, partPath(tag.attributes.Target));
      }
    },
  });
  let date1904 = false;
  const sheets: { name: string; part: string; visible: boolean }[] = [];
  await readPart(zip, Saxes, "xl/workbook.xml", path, {
    open: (tag) => {
      const name = local(tag.name);
      if (name === "workbookPr") {
        const value = tag.attributes.date1904;
        date1904 = value === "1" || value === "true";
      } else if (name === "sheet") {
        const rid = Object.entries(tag.attributes).find(([key]) => local(key) === "id" && key.includes(":"))?.[1];
        const part = rid === undefined ? undefined : targets.get(rid);
        const state = tag.attributes.state;
        if (part !== undefined)
          sheets.push({ name: tag.attributes.name ?? part, part, visible: state === undefined || state === "visible" });
      }
    },
  });
  if (!zip.entries.has("xl/workbook.xml") || sheets.length === 0)
    throw new Failure(cli.xlsxUnreadable(path, "it has no workbook part or no sheets"));
  return { date1904, sheets };
}

/** The built-in number formats that show a date (ECMA-376 part 1, 18.8.30, and the East Asian ones). */
const DATE_FORMAT_IDS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58,
]);
/** The built-in formats that show only a time of day. */
const TIME_FORMAT_IDS: ReadonlySet<number> = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56]);

/** What a number format code shows: a date (with or without a time), a time of day only, or a plain number. */
function formatKind(code: string): "date" | "time" | "number" {
  // Drop quoted text, escaped characters, colours and locales ([Red], [$-409]); elapsed times ([h]) are durations.
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(h+|m+|s+)\]/gi, "ELAPSED")
    .replace(/\[[^\]]*\]/g, "")
    .split(";")[0] as string;
  if (bare.includes("ELAPSED")) return "number";
  if (/[dy]/i.test(bare)) return "date";
  if (/[hs]/i.test(bare)) return "time";
  if (/m/i.test(bare)) return "date";
  return "number";
}

/** For each cell style (the `s` of a cell), what its number format shows. */
async function readStyles(
  zip: Zip,
  Saxes: Libraries["Saxes"],
  path: string,
): Promise<readonly ("date" | "time" | "number")[]> {
  const custom = new Map<number, string>();
  const styles: ("date" | "time" | "number")[] = [];
  let inCellXfs = false;
  await readPart(zip, Saxes, "xl/styles.xml", path, {
    open: (tag) => {
      const name = local(tag.name);
      if (name === "numFmt") custom.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        const code = custom.get(id);
        styles.push(
          code !== undefined
            ? formatKind(code)
            : DATE_FORMAT_IDS.has(id)
              ? "date"
              : TIME_FORMAT_IDS.has(id)
                ? "time"
                : "number",
        );
      }
    },
    close: (tag) => {
      if (local(tag.name) === "cellXfs") inCellXfs = false;
    },
  });
  return styles;
}

/** The shared strings, in order; rich text is its runs' text joined, phonetic guides left out. */
async function readStrings(zip: Zip, Saxes: Libraries["Saxes"], path: string): Promise<readonly string[]> {
  const strings: string[] = [];
  let current: string | undefined;
  let inText = false;
  let inPhonetic = false;
  let chars = 0;
  await readPart(
    zip,
    Saxes,
    "xl/sharedStrings.xml",
    path,
    {
      open: (tag) => {
        const name = local(tag.name);
        if (name === "si") current = "";
        else if (name === "rPh") inPhonetic = true;
        else if (name === "t" && !inPhonetic) inText = true;
      },
      text: (text) => {
        if (inText && current !== undefined) current += text;
      },
      close: (tag) => {
        const name = local(tag.name);
        if (name === "t") inText = false;
        else if (name === "rPh") inPhonetic = false;
        else if (name === "si" && current !== undefined) {
          chars += current.length;
          if (strings.length >= MAX_STRINGS || chars > MAX_STRING_CHARS)
            throw new Failure(cli.xlsxTooManyStrings(path, MAX_STRINGS, MAX_STRING_CHARS));
          strings.push(current);
          current = undefined;
        }
      },
    },
    MAX_SHEET_BYTES,
  );
  return strings;
}

const MS_PER_DAY = 86_400_000;
/** Serial day 25569 is 1970-01-01 in the 1900 date system; the 1904 system counts from 1904-01-01, 1462 days later. */
const UNIX_EPOCH_1900 = 25_569;
const DAYS_1900_TO_1904 = 1_462;

/** `YYYY-MM-DDTHH:MM:SS.sss` of an Excel serial date, or undefined for the 1900 system's fictitious 29 February 1900. */
export function serialToWall(serial: number, date1904: boolean): string | undefined {
  // The 1900 system counts 1900 as a leap year (Lotus 1-2-3's error): serial 60 is a day that never was.
  if (!date1904 && serial >= 60 && serial < 61) return undefined;
  const days = date1904 ? serial + DAYS_1900_TO_1904 : serial < 60 ? serial + 1 : serial;
  const ms = Math.round((days - UNIX_EPOCH_1900) * MS_PER_DAY);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  return new Date(ms).toISOString().slice(0, 23);
}

/** `HH:MM:SS.sss` of an Excel time of day (the fraction of a day). */
function serialToClock(serial: number): string {
  const ms = Math.round((serial - Math.floor(serial)) * MS_PER_DAY) % MS_PER_DAY;
  return new Date(ms).toISOString().slice(11, 23);
}

/** The index of a cell's column from its reference (`C12` is 2). */
function columnOf(ref: string | undefined, previous: number): number {
  if (ref === undefined) return previous + 1;
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  return i === 0 ? previous + 1 : column - 1;
}

/** A workbook's sheet, opened: its name, and its rows. */
export interface OpenSheet {
  readonly sheet: string;
  readonly rows: AsyncGenerator<RawRow[]>;
}

/**
 * Opens a workbook and the sheet to read: the first visible one in tab order, or `sheet`.
 *
 * @throws Failure for a file that is not a workbook, a missing sheet, or a part past its limit.
 */
export async function openWorkbook(path: string, sheet: string | undefined): Promise<OpenSheet> {
  const { yauzl, Saxes } = await load().catch((error: NodeJS.ErrnoException) => {
    throw error.code === "ERR_MODULE_NOT_FOUND" ? new Failure(cli.xlsxMissing()) : error;
  });
  const zip = await openZip(path, yauzl);
  try {
    const book = await readBook(zip, Saxes, path);
    const chosen = sheet === undefined ? book.sheets.find((s) => s.visible) : book.sheets.find((s) => s.name === sheet);
    if (chosen === undefined) {
      throw new Failure(
        sheet === undefined
          ? cli.xlsxNoVisibleSheet(path)
          : cli.xlsxSheet(
              sheet,
              book.sheets.map((s) => s.name),
            ),
      );
    }
    const styles = await readStyles(zip, Saxes, path);
    const strings = await readStrings(zip, Saxes, path);
    return { sheet: chosen.name, rows: sheetRows(zip, Saxes, path, chosen, book.date1904, styles, strings) };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** The rows of a sheet: the header first, then cells, each with its row number; the zip is closed when they end or are left. */
async function* sheetRows(
  zip: Zip,
  Saxes: Libraries["Saxes"],
  path: string,
  sheet: { readonly name: string; readonly part: string },
  date1904: boolean,
  styles: readonly ("date" | "time" | "number")[],
  strings: readonly string[],
): AsyncGenerator<RawRow[]> {
  let header: string[] | undefined;
  let batch: RawRow[] = [];
  let rowNumber = 0;
  let cells: unknown[] = [];
  let column = -1;
  // The cell being read.
  let type = "n";
  let style = 0;
  let formula = false;
  let value: string | undefined;
  let inline: string | undefined;
  let reading: "v" | "t" | undefined;
  let inInline = false;

  const cellValue = (): unknown => {
    const ref = `${sheet.name}!${columnName(column)}${rowNumber}`;
    if (value === undefined && inline === undefined) {
      return formula ? new CellProblem(cli.xlsxNoSavedValue(ref), { code: "formula_without_value" }) : "";
    }
    switch (type) {
      case "s": {
        const text = strings[Number(value)];
        return (
          text ??
          new CellProblem(cli.xlsxBadCell(ref, `shared string ${value} does not exist`), { code: "unreadable_cell" })
        );
      }
      case "inlineStr":
        return inline ?? value ?? "";
      case "str":
        return value ?? "";
      case "b":
        return value === "1" ? "TRUE" : "FALSE";
      case "e":
        return new CellProblem(cli.xlsxErrorValue(ref, value ?? ""), { code: "error_value" });
      case "d":
        return new WallTime((value ?? "").replace(/Z$/, ""));
      default: {
        const n = Number(value);
        if (value === undefined || value.trim() === "" || !Number.isFinite(n))
          return new CellProblem(cli.xlsxBadCell(ref, `${JSON.stringify(value)} is not a number`), {
            code: "unreadable_cell",
          });
        const kind = styles[style] ?? "number";
        if (kind === "date") {
          const wall = serialToWall(n, date1904);
          return wall === undefined
            ? new CellProblem(cli.xlsxBadCell(ref, `${n} is not a date`), { code: "unreadable_cell" })
            : new WallTime(wall);
        }
        if (kind === "time") return serialToClock(n);
        return String(n);
      }
    }
  };

  const endRow = () => {
    const values = cells;
    cells = [];
    column = -1;
    if (values.every((v) => v === "" || v === undefined)) return;
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = "";
    if (header === undefined) {
      const bad = values.find((v) => v instanceof CellProblem) as CellProblem | undefined;
      if (bad !== undefined) throw new Failure(cli.xlsxBadHeader(path, bad.message));
      header = values.map((v) => (v instanceof WallTime ? v.wall : String(v)).trim());
      while (header.length > 0 && header[header.length - 1] === "") header.pop();
      batch.push({ line: rowNumber, header });
      return;
    }
    const width = header.length;
    if (values.length > width && values.slice(width).some((v) => v !== "")) {
      batch.push({ line: rowNumber, error: cli.fieldCount(values.length, width), skip: { code: "field_count" } });
      return;
    }
    while (values.length < width) values.push("");
    batch.push({ line: rowNumber, cells: values.length > width ? values.slice(0, width) : values });
  };

  try {
    for await (const _ of streamPart(zip, Saxes, sheet.part, MAX_SHEET_BYTES, path, {
      open: (tag) => {
        switch (local(tag.name)) {
          case "row":
            rowNumber = tag.attributes.r === undefined ? rowNumber + 1 : Number(tag.attributes.r);
            break;
          case "c":
            column = columnOf(tag.attributes.r, column);
            type = tag.attributes.t ?? "n";
            style = Number(tag.attributes.s ?? 0);
            formula = false;
            value = undefined;
            inline = undefined;
            break;
          case "f":
            formula = true;
            break;
          case "v":
            reading = "v";
            value = "";
            break;
          case "is":
            inInline = true;
            inline = "";
            break;
          case "t":
            if (inInline) reading = "t";
            break;
          case "rPh":
            if (inInline) reading = undefined;
            break;
        }
      },
      text: (text) => {
        if (reading === "v") value += text;
        else if (reading === "t") inline += text;
      },
      close: (tag) => {
        switch (local(tag.name)) {
          case "v":
          case "t":
            reading = undefined;
            break;
          case "is":
            inInline = false;
            break;
          case "c":
            while (cells.length < column) cells.push(undefined);
            cells[column] = cellValue();
            break;
          case "row":
            endRow();
            break;
        }
      },
    })) {
      if (batch.length >= 1000) {
        const out = batch;
        batch = [];
        yield out;
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    zip.close();
  }
}

/** `A`, `Z`, `AA` from a column index. */
function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
