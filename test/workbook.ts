// Excel workbooks written part by part (ECMA-376, SpreadsheetML), zipped with fflate: the
// features councils' files have and a writer library hides (a 1904 date system as LibreOffice
// saves it, hidden and reordered sheets, formulas with and without saved values, error values,
// dates with milliseconds, parts that expand far beyond their zipped size).
import { zipSync } from "fflate";

/** A cell as saved: text, a number (optionally styled as a date), a boolean, an error, or a formula. */
export type Cell =
  | string
  | number
  | boolean
  | null
  | { readonly date: number }
  | { readonly error: string }
  | { readonly formula: string; readonly value?: number | string; readonly date?: boolean };

export interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
  readonly state?: "hidden" | "veryHidden";
}

export interface Book {
  /** Sheets in tab order. */
  readonly sheets: readonly Sheet[];
  readonly date1904?: boolean;
  /** Zip the parts in this order of sheet files (sheet file names follow the tab order unless this reorders them). */
  readonly partOrder?: readonly number[];
  /** Extra parts, raw (a huge shared string table, say). */
  readonly parts?: Readonly<Record<string, Uint8Array>>;
}

const encoder = new TextEncoder();
const xml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);

function column(i: number): string {
  let name = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Style 1 is a date with milliseconds (yyyy-mm-dd hh:mm:ss.000); style 0 is General. */
function cellXml(cell: Cell, ref: string): string {
  if (cell === null) return "";
  if (typeof cell === "string") return `<c r="${ref}" t="inlineStr"><is><t>${xml(cell)}</t></is></c>`;
  if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`;
  if (typeof cell === "boolean") return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if ("date" in cell && !("formula" in cell)) return `<c r="${ref}" s="1"><v>${cell.date}</v></c>`;
  if ("error" in cell) return `<c r="${ref}" t="e"><v>${xml(cell.error)}</v></c>`;
  const style = cell.date === true ? ' s="1"' : "";
  const type = typeof cell.value === "string" ? ' t="str"' : "";
  const value = cell.value === undefined ? "" : `<v>${xml(String(cell.value))}</v>`;
  return `<c r="${ref}"${style}${type}><f>${xml(cell.formula)}</f>${value}</c>`;
}

function sheetXml(sheet: Sheet): string {
  const rows = sheet.rows
    .map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => cellXml(cell, `${column(c)}${r + 1}`)).join("")}</row>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
}

/** The bytes of an .xlsx file. */
export function workbook(book: Book): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, text: string) => {
    files[name] = encoder.encode(text);
  };
  put(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  );
  put(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const order = book.partOrder ?? book.sheets.map((_, i) => i);
  const sheets = book.sheets
    .map(
      (s, i) =>
        `<sheet name="${xml(s.name)}" sheetId="${i + 1}"${s.state === undefined ? "" : ` state="${s.state}"`} r:id="rId${i + 1}"/>`,
    )
    .join("");
  put(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${book.date1904 === true ? ' date1904="true"' : ""}/><sheets>${sheets}</sheets></workbook>`,
  );
  const rels = book.sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${(order[i] ?? i) + 1}.xml"/>`,
    )
    .join("");
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  put(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss.000"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  // Sheet files in the zip in file-name order; the tab order is the workbook's.
  const byFile = book.sheets.map((s, i) => [order[i] ?? i, s] as const).sort((a, b) => a[0] - b[0]);
  for (const [n, sheet] of byFile) put(`xl/worksheets/sheet${n + 1}.xml`, sheetXml(sheet));
  for (const [name, bytes] of Object.entries(book.parts ?? {})) files[name] = bytes;
  return zipSync(files, { level: 6 });
}

/** Excel's serial day of a UTC wall time, in the 1900 date system (or 1904). */
export function serial(iso: string, date1904 = false): number {
  const ms = Date.parse(`${iso}Z`);
  return ms / 86_400_000 + 25_569 - (date1904 ? 1_462 : 0);
}
