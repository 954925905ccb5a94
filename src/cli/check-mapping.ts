/**
 * `report --check-mapping`: reads the header and the first 1,000 rows of an export and
 * shows what the mapping makes of them, then stops without judging: which field each
 * column feeds (and how: a date, a time of day, a duration after another field, a flag),
 * the constants set, the columns left out, and the distinct channel and category values
 * with their counts and the standards each reaches. So a council can see, before a run,
 * that "Phone - Main" reaches `telephone.answer` and "complaints" reaches nothing.
 *
 * @module
 */
import type { Charter } from "../charter/schema.js";
import type { Channel } from "../concepts.js";
import { judgedByIntervals } from "../rules/intervals.js";
import { coverOf, standardsInAnyVersion } from "../rules/standard.js";
import type { Skip } from "./concepts.js";
import { table } from "./format.js";
import { readCsvBlock } from "./input/csv.js";
import { readNdjsonBlock } from "./input/json.js";
import {
  type ContactRow,
  contactOrError,
  contactsOf,
  isTimeField,
  type Mapping,
  RowError,
  type RowPlan,
} from "./input/mapping.js";
import type { RawRow } from "./input/rows.js";
import { columnsOf } from "./input/sources.js";
import { cli, print } from "./words.js";
import type { Io } from "./partial.js";

/** How many rows are looked at. */
export const CHECKED_ROWS = 1000;

interface Seen {
  rows: number;
  problems: { line: number; message: string }[];
  problemCount: number;
  channels: Map<string, number>;
  categories: Map<string, number>;
}

function note(seen: Seen, record: Record<string, unknown> | RowError, line: number): void {
  // A block of CSV rows is read whole: the rows past the first thousand are not looked at.
  if (seen.rows >= CHECKED_ROWS) return;
  seen.rows++;
  if (record instanceof RowError) {
    seen.problemCount++;
    if (seen.problems.length < 5) seen.problems.push({ line, message: record.message });
    return;
  }
  const channel = record.channel === undefined ? "" : String(record.channel);
  const category = record.category === undefined ? "" : String(record.category);
  seen.channels.set(channel, (seen.channels.get(channel) ?? 0) + 1);
  seen.categories.set(category, (seen.categories.get(category) ?? 0) + 1);
}

/** What each column of the header feeds, in the header's order. */
function columnLines(header: readonly string[], plan: RowPlan, mapping: Mapping): string[][] {
  return header.map((column) => {
    const feeds: string[] = [];
    for (const step of plan.steps)
      for (const c of columnsOf(step.source))
        if (c.column === column) {
          const utc =
            (step.source.kind === "column" || step.source.kind === "date-time") && step.source.utc ? "UTC" : "";
          const formats =
            (step.source.kind === "column" || step.source.kind === "date-time") && isTimeField(mapping.kind, step.field)
              ? (step.source.formats ?? mapping.dateFormats).map((f) => f.format).join(" or ")
              : "";
          const how = [c.role, utc, formats].filter((x) => x !== "").join(", ");
          feeds.push(how === "" ? step.field : `${step.field} (${how})`);
        }
    if (feeds.length > 0) return [column, feeds.join("; ")];
    if (mapping.ignore.has(column)) return [column, "(ignored)"];
    return [column, plan.others.includes(column) ? "(left out: the profile does not name it)" : "(nothing)"];
  });
}

/** Runs the check; exit 0 (nothing was judged). */
export async function checkMapping(
  io: Io,
  charter: Charter,
  rows: AsyncIterable<RawRow[]>,
  mapping: Mapping,
  name: string,
): Promise<number> {
  let header: readonly string[] = [];
  let plan: RowPlan | undefined;
  const seen: Seen = { rows: 0, problems: [], problemCount: 0, channels: new Map(), categories: new Map() };
  const visitor = (p: RowPlan) => ({
    cells: (line: number, cells: readonly unknown[]) => note(seen, contactOrError(cells, undefined, p, mapping), line),
    value: (line: number, value: unknown) => note(seen, contactOrError(undefined, value, p, mapping), line),
    problem: (line: number, skip: Skip, message: string) => note(seen, new RowError(message, skip), line),
  });
  const take = (row: ContactRow) => {
    if ("block" in row) {
      if (row.block.format === "csv") readCsvBlock(row.block, visitor(row.plan));
      else readNdjsonBlock(row.block, visitor(row.plan));
    } else if ("error" in row) note(seen, new RowError(row.error, row.skip), row.line);
    else note(seen, row.contact, row.line);
  };
  for await (const batch of contactsOf(rows, mapping, name, (p, h) => {
    plan = p;
    header = h;
  })) {
    for (const row of batch) {
      take(row);
      if (seen.rows >= CHECKED_ROWS) break;
    }
    if (seen.rows >= CHECKED_ROWS) break;
  }
  const out: string[] = [cli.checkMappingTitle(name, Math.min(seen.rows, CHECKED_ROWS), mapping.kind)];
  if (plan !== undefined && header.length > 0)
    out.push("", table(["column", "feeds"], columnLines(header, plan, mapping), 2));
  const constants = [...mapping.sources].flatMap(([field, s]) =>
    s.kind === "constant" ? [`${field} = ${s.value}`] : [],
  );
  if (constants.length > 0) out.push("", `set: ${constants.join(", ")}`);
  const cover = coverOf(charter);
  const reach = (channel: string, category: string | undefined) =>
    standardsInAnyVersion(cover, channel as Channel, category)
      .filter((r) => mapping.kind === "contacts" || judgedByIntervals(r))
      .map((r) => r.id);
  const byChannel = [...seen.channels].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  out.push(
    "",
    table(
      ["channel", "standards it reaches", "rows"],
      byChannel.map(([c, n]) => {
        const ids = [...new Set([...seen.categories.keys()].flatMap((cat) => reach(c, cat === "" ? undefined : cat)))];
        return [c === "" ? "(empty)" : c, ids.length === 0 ? cli.reachesNothing() : ids.join(", "), String(n)];
      }),
      2,
    ),
  );
  const byCategory = [...seen.categories].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const categorised = new Set(charter.standards.flatMap((s) => (typeof s.category === "string" ? [s.category] : [])));
  out.push(
    "",
    table(
      ["category", "standards it reaches", "rows"],
      byCategory.map(([cat, n]) => {
        const ids = [...new Set([...seen.channels.keys()].flatMap((c) => reach(c, cat === "" ? undefined : cat)))];
        const own = cat === "" || categorised.has(cat) ? "" : ` ${cli.categoryReachesNothing()}`;
        return [
          cat === "" ? "(none)" : cat,
          `${ids.length === 0 ? cli.reachesNothing() : ids.join(", ")}${own}`,
          String(n),
        ];
      }),
      2,
    ),
  );
  if (seen.problemCount > 0)
    out.push(
      "",
      cli.checkMappingProblems(
        seen.problemCount,
        seen.problems.map((p) => `${name}:${p.line}: ${p.message}`),
      ),
    );
  out.push("", cli.checkMappingDone());
  print(io.stdout, out.join("\n"));
  return 0;
}
