/**
 * Judging the input as it is read. With `--jobs 1`, one judge is fed each batch of contacts
 * (or block of rows, which it reads) as it arrives, so a contact lives only as long as it
 * takes to judge it. With `--jobs N`, items of about 20,000 rows (batches of contacts, or
 * blocks of rows still as text, which the judges parse) go to worker threads, started as
 * work needs them (an input of one item starts none), at most N-1 of them, and to this
 * thread when every worker has enough; each item is judged as a partition of its own, and
 * the results are taken in order: accounted, reports merged, ids checked against those
 * of the items before (an item that repeats an earlier item's id is judged again here, so
 * the first row with an id is the one judged). So one thread or N give the same report,
 * byte for byte.
 *
 * @module
 */
import { Worker } from "node:worker_threads";
import { engineOf } from "../calendar/calendar-for.js";
import type { Charter, Contact, IntervalCounts } from "../charter/schema.js";
import type { Channel } from "../concepts.js";
import { judgedByIntervals } from "../rules/intervals.js";
import { mergeReports } from "../rules/merge.js";
import {
  Accumulator,
  type ComplianceReport,
  complianceReport,
  type ReportOptions,
  type SkippedContact,
} from "../rules/report.js";
import { type Cover, coverOf, standardsInAnyVersion } from "../rules/standard.js";
import { readCsvBlock } from "./input/csv.js";
import { IdSet } from "./input/ids.js";
import { readNdjsonBlock } from "./input/json.js";
import { hasDateOnly, withDates } from "./input/date-only.js";
import {
  contactOrError,
  dateOnlyCount,
  type Mapping,
  mappingData,
  NO_PLAN,
  RowError,
  type RowPlan,
} from "./input/mapping.js";
import type { RowVisitor, TextBlock } from "./input/rows.js";
import { type Skip, UNMATCHED_SKIPS, type UnmatchedField } from "./concepts.js";
import { cli } from "./words.js";

/** Consecutive contacts with their lines, or blocks of rows for the judge to read. */
export type Work =
  | { readonly contacts: readonly Readonly<Record<string, unknown>>[]; readonly lines: readonly number[] }
  | { readonly blocks: readonly TextBlock[]; readonly plan: RowPlan };

export type Options = Omit<ReportOptions, "onSkip" | "firstIndex">;

/** How the rows are judged besides the report's options. */
export interface Rules {
  /** Judge every row, even one whose id an earlier row had. */
  readonly keepDuplicates: boolean;
  /** Skip a row whose channel or category reaches no standard, instead of judging and listing it. */
  readonly strictValues: boolean;
}

/** A row that was not judged: why, as data, and the message that says so. */
export interface Problem {
  readonly line: number;
  readonly skip: Skip;
  readonly message: string;
  /** The row's contact id, when it has one that can be shown. */
  readonly id?: string;
}

/** A channel or category value that reaches no standard of the charter. */
export interface Unmatched {
  readonly field: UnmatchedField;
  readonly value: string;
  count: number;
  readonly first: number[];
}

/** What judging some work gives to account for. */
export interface Accounted {
  /** Rows read. */
  readonly read: number;
  /** Rows not judged: unreadable, invalid contacts, repeated ids, values that reach no standard (with --strict-values). */
  readonly problems: readonly Problem[];
  /** The lines of rows whose id an earlier row had. */
  readonly duplicates: readonly number[];
  readonly unmatched: readonly Unmatched[];
}

/** An item's report (indexes from 0), its accounting, and the ids it judged (their two hashes each). */
export type Judged = Accounted & { readonly report: ComplianceReport; readonly ids: Int32Array };

/** How many distinct unmatched values are listed per field; the rest are counted under one entry. */
const MAX_UNMATCHED = 50;
const FIRST_LINES = 5;

/**
 * Why the library could not judge a contact, as data: `invalid_contact`, with the contact's field
 * the library's problem names (its `field`: `respondedAt` for `contact.respondedAt`), or none (an
 * interval's counts, or a problem of no one field). The one place a SkippedContact becomes a skip
 * reason: it reads the library's codes, never its words.
 */
export function reasonOf(skipped: SkippedContact, intervals = false): Skip {
  const field = skipped.field;
  return field === undefined || intervals ? { code: "invalid_contact" } : { code: "invalid_contact", field };
}

/** The channels and categories a charter's standards reach (for interval counts, those judged from counts). */
export function reachOf(
  charter: Charter,
  intervals = false,
): { channels: ReadonlySet<string>; categories: ReadonlySet<string> } {
  const channels = new Set<string>();
  const categories = new Set<string>();
  const cover = coverOf(charter);
  for (const s of charter.standards) {
    if (
      intervals &&
      !s.channels.some((c) =>
        standardsInAnyVersion(cover, c, s.category).some((r) => r.id === s.id && judgedByIntervals(r)),
      )
    )
      continue;
    for (const c of s.channels) channels.add(c);
    if (typeof s.category === "string") categories.add(s.category);
  }
  return { channels, categories };
}

/** One accumulator fed work after work: blocks are read row by row as they are judged, so their contacts die young. */
class Judge implements RowVisitor {
  readonly #acc: Accumulator;
  readonly #mapping: Mapping;
  readonly #rules: Rules;
  readonly #reach: ReturnType<typeof reachOf>;
  readonly #seen: IdSet | undefined;
  readonly #intervals: boolean;
  readonly #cover: Cover;
  readonly #cutoff: boolean;
  #plan: RowPlan = NO_PLAN;
  #line = 0;
  #read = 0;
  #problems: Problem[] = [];
  #duplicates: number[] = [];
  #unmatched = new Map<string, Unmatched>();

  constructor(charter: Charter, options: Options, mapping: Mapping, rules: Rules, seen: IdSet | undefined) {
    this.#mapping = mapping;
    this.#rules = rules;
    this.#intervals = mapping.kind === "intervals";
    this.#reach = reachOf(charter, this.#intervals);
    this.#cover = coverOf(charter);
    this.#cutoff = engineOf(charter).receiptCutoffMinutes !== undefined;
    // Interval counts have no id to repeat: each row is its own interval (of a queue, say).
    this.#seen = rules.keepDuplicates || this.#intervals ? undefined : seen;
    this.#acc = new Accumulator(charter, {
      ...options,
      onSkip: (s) =>
        this.#problems.push({
          line: this.#line,
          skip: reasonOf(s, this.#intervals),
          message: s.message,
          ...(s.contactId === null ? {} : { id: String(s.contactId) }),
        }),
    });
  }

  #unmatch(field: UnmatchedField, value: string, line: number): void {
    let entry = this.#unmatched.get(`${field}\u0000${value}`);
    if (entry === undefined) {
      const shown =
        [...this.#unmatched.values()].filter((u) => u.field === field).length < MAX_UNMATCHED
          ? value
          : cli.otherValues();
      entry = this.#unmatched.get(`${field}\u0000${shown}`) ?? { field, value: shown, count: 0, first: [] };
      this.#unmatched.set(`${field}\u0000${shown}`, entry);
    }
    entry.count++;
    if (entry.first.length < FIRST_LINES) entry.first.push(line);
  }

  /** A row's contact, as the mapping made it: the accumulator reads it by own property and checks every field. */
  #add(c: Readonly<Record<string, unknown>>, line: number, dated: boolean): void {
    this.#read++;
    this.#line = line;
    const id = c.id;
    if (this.#seen !== undefined && id !== undefined && id !== null && id !== "") {
      if (!this.#seen.addText(typeof id === "string" ? id : String(id))) {
        this.#duplicates.push(line);
        this.#problems.push({ line, skip: { code: "repeated_id" }, message: cli.repeatedId(String(id)) });
        return;
      }
    }
    const channel = c.channel;
    const category = c.category;
    const off =
      typeof channel === "string" && !this.#reach.channels.has(channel) && channel !== ""
        ? (["channel", channel] as const)
        : typeof category === "string" && !this.#reach.categories.has(category)
          ? (["category", category] as const)
          : undefined;
    if (off !== undefined) {
      this.#unmatch(off[0], off[1], line);
      if (this.#rules.strictValues) {
        const skip = { code: UNMATCHED_SKIPS[off[0]] };
        this.#problems.push({ line, skip, message: cli.reachesNoStandard(off[0], off[1]) });
        return;
      }
    }
    if (this.#intervals) {
      // An interval's start needs its time of day: a date alone would be read as its midnight.
      const start = c.intervalStart;
      if (typeof start === "string" && start.length === 10) {
        this.#problems.push({ line, skip: { code: "interval_date_only" }, message: cli.intervalDateOnly(start) });
        return;
      }
      this.#acc.addInterval(c as IntervalCounts);
      return;
    }
    if (dated) {
      const rules =
        typeof channel === "string"
          ? standardsInAnyVersion(this.#cover, channel as Channel, category as string | undefined)
          : [];
      const dated = withDates(c, rules, this.#cutoff);
      if (dated instanceof RowError) {
        this.#problems.push({ line, skip: dated.skip, message: dated.message });
        return;
      }
      this.#acc.add(dated as Contact);
      return;
    }
    this.#acc.add(c as Contact);
  }

  cells(line: number, cells: readonly unknown[]): void {
    this.#read2(line, cells, undefined);
  }

  value(line: number, value: unknown): void {
    this.#read2(line, undefined, value);
  }

  problem(line: number, skip: Skip, message: string): void {
    this.#read++;
    this.#problems.push({ line, skip, message });
  }

  /** The contact of a row of cells (or else of a JSON value), judged; a RowError is the row's problem. */
  #read2(line: number, cells: readonly unknown[] | undefined, value: unknown): void {
    const dates = dateOnlyCount();
    const contact = contactOrError(cells, value, this.#plan, this.#mapping);
    if (contact instanceof RowError) this.problem(line, contact.skip, contact.message);
    else this.#add(contact, line, dateOnlyCount() !== dates);
  }

  feed(work: Work): void {
    if ("contacts" in work) {
      const { contacts, lines } = work;
      for (let i = 0; i < contacts.length; i++) {
        const c = contacts[i] as Readonly<Record<string, unknown>>;
        this.#add(c, lines[i] ?? 0, hasDateOnly(c));
      }
      return;
    }
    this.#plan = work.plan;
    for (const block of work.blocks) {
      if (block.format === "csv") readCsvBlock(block, this);
      else readNdjsonBlock(block, this);
    }
  }

  /** What was accounted since the last call. */
  accounted(): Accounted {
    const out = {
      read: this.#read,
      problems: this.#problems,
      duplicates: this.#duplicates,
      unmatched: [...this.#unmatched.values()],
    };
    this.#read = 0;
    this.#problems = [];
    this.#duplicates = [];
    this.#unmatched = new Map();
    return out;
  }

  /** The ids seen, as hash pairs (an item's, judged apart, for the in-order check). */
  ids(): Int32Array {
    return this.#seen?.pairs() ?? new Int32Array(0);
  }

  report(): ComplianceReport {
    return this.#acc.report();
  }
}

/** Judges one item as a partition of its own (a worker's job), with the ids it judged. */
export function judgeWork(
  charter: Charter,
  work: Work,
  options: Options,
  mapping: Mapping,
  rules: Rules,
  seen = new IdSet(),
): Judged {
  const judge = new Judge(charter, options, mapping, rules, seen);
  judge.feed(work);
  return { ...judge.accounted(), report: judge.report(), ids: judge.ids() };
}

/**
 * Takes judged items in order: checks their ids against those of the items before (an item
 * that repeats one is judged again here, against all the ids before it), accounts, merges.
 */
class InOrder {
  #report: ComplianceReport;
  readonly #take: (accounted: Accounted) => void;
  readonly #seen = new IdSet();
  readonly #again: (work: Work, seen: IdSet) => Judged;

  constructor(
    empty: ComplianceReport,
    take: (accounted: Accounted) => void,
    again: (work: Work, seen: IdSet) => Judged,
  ) {
    this.#report = empty;
    this.#take = take;
    this.#again = again;
  }

  add(judged: Judged, work: Work): void {
    let item = judged;
    const ids = judged.ids;
    let repeats = false;
    for (let i = 0; i < ids.length && !repeats; i += 2)
      repeats = this.#seen.has(ids[i] as number, ids[i + 1] as number);
    if (repeats) item = this.#again(work, this.#seen);
    else for (let i = 0; i < ids.length; i += 2) this.#seen.add(ids[i] as number, ids[i + 1] as number);
    this.#take(item);
    this.#report = mergeReports(this.#report, item.report);
  }

  get report(): ComplianceReport {
    return this.#report;
  }
}

/**
 * The report of all the work, judged here as it comes (`jobs` 1), or by up to `jobs`
 * judges: worker threads started as items need them (at most two items in flight each),
 * and this thread, which judges an item itself whenever every worker has its two. `take`
 * sees the accounting in input order.
 */
export async function judgeAll(
  charter: Charter,
  work: AsyncIterable<Work>,
  options: Options,
  mapping: Mapping,
  rules: Rules,
  jobs: number,
  take: (accounted: Accounted) => void,
): Promise<ComplianceReport> {
  if (jobs === 1) {
    const judge = new Judge(charter, options, mapping, rules, new IdSet());
    for await (const item of work) {
      judge.feed(item);
      take(judge.accounted());
    }
    return judge.report();
  }
  const inOrder = new InOrder(complianceReport(charter, [], options), take, (item, seen) =>
    judgeWork(charter, item, options, mapping, rules, seen),
  );
  const url = new URL("./cli-worker.js", import.meta.url);
  const data = {
    charter: JSON.parse(JSON.stringify(charter)) as unknown,
    options,
    mapping: mappingData(mapping),
    rules,
  };
  const workers: Worker[] = [];
  const busy: number[] = [];
  const done = new Map<number, Judged>();
  const items = new Map<number, Work>();
  const waiting: (() => void)[] = [];
  let failure: unknown;
  let next = 0;
  const wake = () => waiting.shift()?.();
  const finished = (id: number, judged: Judged) => {
    done.set(id, judged);
    for (let item = done.get(next); item !== undefined; item = done.get(next)) {
      done.delete(next);
      inOrder.add(item, items.get(next) as Work);
      items.delete(next);
      next++;
    }
  };
  const start = (): number => {
    const worker = new Worker(url, { workerData: data });
    const w = workers.length;
    workers.push(worker);
    busy.push(0);
    worker.on("message", (message: { id: number; judged: Judged }) => {
      busy[w] = (busy[w] ?? 1) - 1;
      finished(message.id, message.judged);
      wake();
    });
    worker.on("error", (error) => {
      failure = error;
      wake();
    });
    return w;
  };
  let id = 0;
  const dispatch = (item: Work) => {
    const n = id++;
    items.set(n, item);
    let w = busy.findIndex((b) => b < 2);
    if (w === -1 && workers.length < jobs - 1) w = start();
    if (w === -1) finished(n, judgeWork(charter, item, options, mapping, rules));
    else {
      busy[w] = (busy[w] ?? 0) + 1;
      (workers[w] as Worker).postMessage({ id: n, work: item });
    }
  };
  // The first item waits for a second: an input of one item is judged here, with no worker started.
  let first: Work | undefined;
  try {
    for await (const item of work) {
      if (failure !== undefined) throw failure;
      if (id === 0 && first === undefined) {
        first = item;
        continue;
      }
      if (first !== undefined) {
        dispatch(first);
        first = undefined;
      }
      dispatch(item);
    }
    if (first !== undefined) {
      const n = id++;
      items.set(n, first);
      finished(n, judgeWork(charter, first, options, mapping, rules));
    }
    while (busy.some((b) => b > 0)) {
      if (failure !== undefined) throw failure;
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return inOrder.report;
}
