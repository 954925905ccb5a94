/**
 * Parsing charters and layering a department's standards on a council's.
 *
 * @module
 */
import { typeError } from "../problems.js";
import type * as z from "zod/mini";
import { TooLarge, own, ownData, withoutPrototypes } from "../own.js";
import { CharterError } from "./errors.js";
import { charterIssue, type CharterIssue, type CharterPath } from "./issues.js";
import { calendarIssues, charterIssues, inForceOf, periodDays, standardIssues } from "./checks.js";
import { schemas, type Charter, type Standard } from "./schema.js";
import { formatDate } from "../calendar/civil.js";
import { amountText, limitOf, nominalMs } from "./units.js";
import { charterErrorMap, toCharterIssues } from "./validate.js";

/** The result of {@link safeParseCharter}. */
export type SafeParseCharterResult =
  | { readonly success: true; readonly data: Charter }
  | { readonly success: false; readonly issues: readonly CharterIssue[] };

/** How many issues a parse reports; the rest are counted in one last issue. */
export const MAX_ISSUES = 100;

/** Charters this module has validated (or that were validated when the package was built). */
const validated = new WeakSet<object>();
/** Raw objects passed where a charter was wanted, and what parseCharter made of them. */
const parsedRaw = new WeakMap<object, Charter>();

/** True for a charter returned by parseCharter, safeParseCharter or extendCharter, or a bundled one. */
export function isValidated(charter: unknown): boolean {
  return typeof charter === "object" && charter !== null && validated.has(charter);
}

/**
 * Freezes a charter that was validated when the package was built (the bundled ones;
 * test/charter.test.ts checks each equals parseCharter of its source) and records it as
 * validated, so that importing council-sla/charters costs no schema run.
 */
export function trustBuiltCharter<T extends object>(charter: T): T {
  validated.add(deepFreeze(withoutPrototypes(charter)));
  return charter;
}

function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "object" && item !== null && !Object.isFrozen(item)) {
      Object.freeze(item);
      for (const inner of Object.values(item)) stack.push(inner);
    }
  }
  return value;
}

/** At most MAX_ISSUES issues, and one that counts the rest. */
function capped(issues: readonly CharterIssue[]): readonly CharterIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  return [...issues.slice(0, MAX_ISSUES), charterIssue("too_many_issues", [], { more: issues.length - MAX_ISSUES })];
}

/** A JSON value copied by own properties, or the issue that says it is too large to check. */
function dataOf(input: unknown, prefix: CharterPath = []): { data: unknown } | { issues: CharterIssue[] } {
  try {
    return { data: ownData(input) };
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    const what =
      error.what === "depth" ? "nesting this deep" : error.what === "items" ? "a list this long" : "this many values";
    return { issues: [charterIssue("too_large", [...prefix, ...error.path], { what, limit: error.limit })] };
  }
}

/** Parses with a schema, then the rules between fields: the value, or its issues (capped). */
function parseWith<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  rules: (data: z.output<S>) => CharterIssue[],
  parts: (data: unknown) => CharterIssue[] = () => [],
): { success: true; data: z.output<S> } | { success: false; issues: readonly CharterIssue[] } {
  const copied = dataOf(input);
  if ("issues" in copied) return { success: false, issues: copied.issues };
  const result = schema.safeParse(copied.data, { reportInput: true, error: charterErrorMap });
  if (!result.success) {
    const issues = toCharterIssues(result.error);
    if (issues.length <= MAX_ISSUES) for (const issue of parts(copied.data)) issues.push(issue);
    return { success: false, issues: capped(issues.sort(pathOrder)) };
  }
  // From here on the data is the library's own, prototype-free: the checks and the engine read it directly.
  const data = withoutPrototypes(result.data);
  const issues = rules(data);
  return issues.length === 0 ? { success: true, data } : { success: false, issues: capped(issues) };
}

/** The keys of a charter in the order its issues are listed. */
const KEY_ORDER = [
  "$schema",
  "id",
  "name",
  "extends",
  "sources",
  "review",
  "calendar",
  "standards",
  "commitments",
  "customerObligations",
];

function pathOrder(a: CharterIssue, b: CharterIssue): number {
  const x = KEY_ORDER.indexOf(String(a.path[0]));
  const y = KEY_ORDER.indexOf(String(b.path[0]));
  if (x !== y) return x - y;
  const i = a.path[1];
  const j = b.path[1];
  return typeof i === "number" && typeof j === "number" ? i - j : 0;
}

/**
 * When a charter's shape is wrong somewhere, the rules still check the parts whose
 * shape is right (its calendar, each standard), so an author sees every problem at once.
 */
function partIssues(data: unknown): CharterIssue[] {
  const out: CharterIssue[] = [];
  const { calendarSchema, standardSchema } = schemas();
  const calendar = calendarSchema.safeParse(own(data, "calendar"));
  if (calendar.success) out.push(...calendarIssues(withoutPrototypes(calendar.data), ["calendar"]));
  const standards = own(data, "standards");
  if (Array.isArray(standards)) {
    standards.forEach((raw: unknown, i) => {
      const standard = standardSchema.safeParse(raw);
      if (standard.success) out.push(...standardIssues([withoutPrototypes(standard.data)], ["standards"], i));
    });
  }
  return out;
}

/**
 * Validates a charter (a parsed JSON value) and returns it with defaults
 * applied, deeply frozen. Never throws: problems come back as data (at most
 * {@link MAX_ISSUES}, then one issue that counts the rest).
 */
export function safeParseCharter(input: unknown): SafeParseCharterResult {
  const result = parseWith(schemas().charterSchema, input, (data) => charterIssues(data as Charter), partIssues);
  if (!result.success) return result;
  const charter = deepFreeze(result.data) as Charter;
  validated.add(charter);
  return { success: true, data: charter };
}

/**
 * Validates a charter and returns it with defaults applied, deeply frozen.
 *
 * @throws CharterError listing every problem, each with its JSON path.
 * @example
 * import { readFileSync } from "node:fs";
 * import { parseCharter } from "council-sla";
 *
 * // A charter file: here the copy of Norwich's that the package ships.
 * const charter = parseCharter(JSON.parse(readFileSync("node_modules/council-sla/charters/norwich.json", "utf8")));
 * charter.calendar.timeZone; //=> "Europe/London"
 * Object.isFrozen(charter.standards[0]); //=> true
 */
export function parseCharter(input: unknown): Charter {
  const result = safeParseCharter(input);
  if (!result.success) throw new CharterError(result.issues);
  return result.data;
}

/**
 * The charter to compute with: itself when it has been validated, else what
 * parseCharter makes of it (memoised per object), so a raw object gives the
 * same answers as its parsed form, or a CharterError.
 */
export function checkedCharter(charter: unknown): Charter {
  if (typeof charter !== "object" || charter === null)
    throw typeError("invalid", {
      name: "charter",
      expected: "a charter (from council-sla/charters or parseCharter)",
      value: charter,
    });
  if (validated.has(charter)) return charter as Charter;
  let parsed = parsedRaw.get(charter);
  if (parsed === undefined) {
    parsed = parseCharter(charter);
    parsedRaw.set(charter, parsed);
  }
  return parsed;
}

/** What a replacement loosens: a longer limit, a lower target, a narrower scope, fewer channels, promises allowed. */
function loosening(base: Standard, next: Standard): string[] {
  const out: string[] = [];
  const a = limitOf(base.limit);
  const b = limitOf(next.limit);
  const longer = a.unit === b.unit ? b.amount > a.amount : b.amount * nominalMs(b.unit) > a.amount * nominalMs(a.unit);
  if (longer) out.push(`a longer limit: ${amountText(b.amount, b.unit)} instead of ${amountText(a.amount, a.unit)}`);
  if (next.target.percent < base.target.percent)
    out.push(`a lower target: ${next.target.percent}% instead of ${base.target.percent}%`);
  if (next.scope === "office-hours" && base.scope === "always") out.push("a narrower scope: office hours only");
  const dropped = base.channels.filter((c) => !next.channels.includes(c));
  if (dropped.length > 0) out.push(`fewer channels: no longer ${dropped.join(", ")}`);
  if (next.allowPromise && !base.allowPromise) out.push("a promised date may replace the limit");
  if (next.startsFrom === "acknowledged" && base.startsFrom === "received")
    out.push("counted from the acknowledgement instead of receipt");
  const was = promiseReach(base);
  const now = promiseReach(next);
  if (base.allowPromise && next.allowPromise && now.days > was.days)
    out.push(`a promised date may move the due date further: ${now.words} instead of ${was.words}`);
  const excepted = (s: Standard) => s.exceptCategories ?? [];
  const newly = excepted(next).filter((c) => !excepted(base).includes(c));
  if (newly.length > 0) out.push(`fewer categories: no longer ${newly.join(", ")}`);
  return out;
}

/** How far a standard lets a promise move its due date, roughly in days (a working day as 7/5), and in words. */
function promiseReach(s: Standard): { days: number; words: string } {
  const limit = s.promiseLimit;
  const working = limit?.workingDays;
  const calendar = limit?.calendarDays;
  if (typeof working === "number")
    return { days: (working * 7) / 5, words: `at most ${amountText(working, "workingDays")} further` };
  if (typeof calendar === "number")
    return { days: calendar, words: `at most ${amountText(calendar, "calendarDays")} further` };
  return { days: Number.POSITIVE_INFINITY, words: "no limit" };
}

/** Whether two standards' periods in force share a date (always, when neither has one). */
function overlaps(a: Standard, b: Standard): boolean {
  const [from, to] = periodDays(inForceOf(a));
  const [x, y] = periodDays(inForceOf(b));
  return from <= y && x <= to;
}

/**
 * A base standard with the dates of a replacement's period in force taken out: none
 * when the replacement covers all its dates, one or two pieces otherwise, each with
 * its period narrowed (and its source and quote kept).
 */
function outside(base: Standard, replacement: Standard): Standard[] {
  if (!overlaps(base, replacement)) return [base];
  const [from, to] = periodDays(inForceOf(base));
  const [a, b] = periodDays(inForceOf(replacement));
  const period = inForceOf(base) ?? {};
  const pieces: Standard[] = [];
  const piece = (first: number, last: number) => {
    const inForce = { ...period } as Record<string, unknown>;
    if (Number.isFinite(first)) inForce.from = formatDate(first);
    else delete inForce.from;
    if (Number.isFinite(last)) inForce.to = formatDate(last);
    else delete inForce.to;
    pieces.push({ ...base, inForce } as Standard);
  };
  if (from < a) piece(from, a - 1);
  if (b < to) piece(b + 1, to);
  return pieces;
}

/**
 * The base's standards with the layer's replacements in place: each id's replacements
 * where its first version was, and what remains of the base's versions outside the
 * replacements' periods in force after them.
 */
function mergedStandards(
  base: readonly Standard[],
  replacements: ReadonlyMap<string, readonly Standard[]>,
): Standard[] {
  const out: Standard[] = [];
  const placed = new Set<string>();
  for (const s of base) {
    const list = replacements.get(s.id);
    if (list === undefined) {
      out.push(s);
      continue;
    }
    if (!placed.has(s.id)) {
      placed.add(s.id);
      out.push(...list);
    }
    let pieces: Standard[] = [s];
    for (const r of list) pieces = pieces.flatMap((p) => outside(p, r));
    out.push(...pieces);
  }
  return out;
}

/**
 * Builds a department's charter on top of a council's. The layer's standards apply
 * in addition to the council's (`standards.add`, new ids); replacing one is explicit
 * (`standards.replace`, each with its `reason`), and a replacement that loosens it (a
 * longer limit, a lower target, a narrower scope, fewer channels) must declare the
 * approved `variation` with its quote. The layer adds closures, extra working dates,
 * dated hours, recurring closures, schedules, commitments and customer obligations,
 * and may set its own office hours and receipt cut-off. It may not change the time
 * zone, nor take the base's id. A replacement with a period in force (`inForce`)
 * replaces the base's standard on those dates only: the base's keeps the rest.
 *
 * @throws CharterError naming what is wrong, with paths into the layer.
 */
export function extendCharter(base: Charter, layer: unknown): Charter {
  const checkedBase = checkedCharter(base);
  const parsed = parseWith(schemas().layerSchema, layer, (l) => [
    ...standardIssues(l.standards?.add ?? [], ["standards", "add"]),
    ...standardIssues(l.standards?.replace ?? [], ["standards", "replace"]),
  ]);
  if (!parsed.success) throw new CharterError(parsed.issues);
  const l = parsed.data;
  const problems: CharterIssue[] = [];
  if (l.extends !== checkedBase.id)
    problems.push(charterIssue("wrong_base", ["extends"], { layerBase: l.extends, base: checkedBase.id }));
  if (l.id === checkedBase.id) problems.push(charterIssue("same_id_as_base", ["id"], { id: l.id }));
  const zone = l.calendar?.timeZone;
  if (typeof zone === "string" && zone !== checkedBase.calendar.timeZone) {
    problems.push(
      charterIssue("time_zone_changed", ["calendar", "timeZone"], { base: checkedBase.calendar.timeZone, layer: zone }),
    );
  }
  const baseIds = [...new Set(checkedBase.standards.map((s) => s.id))];
  const replacements = new Map<string, Standard[]>();
  (l.standards?.replace ?? []).forEach((replacement, i) => {
    const { reason, variation, ...standard } = replacement;
    const versions = checkedBase.standards.filter((s) => s.id === standard.id);
    if (versions.length === 0) {
      problems.push(
        charterIssue("unknown_standard", ["standards", "replace", i, "id"], {
          id: standard.id,
          base: checkedBase.id,
          known: baseIds,
        }),
      );
      return;
    }
    // A replacement with a period replaces the base's versions on its dates only: it may
    // not loosen any of those it overlaps.
    const overlapped = versions.filter((v) => overlaps(v, standard as Standard));
    const loosened = [...new Set(overlapped.flatMap((v) => loosening(v, standard as Standard)))];
    if (loosened.length > 0 && variation === undefined)
      problems.push(
        charterIssue("loosened", ["standards", "replace", i], { id: standard.id, what: loosened.join("; ") }),
      );
    const list = replacements.get(standard.id) ?? [];
    list.push({
      ...standard,
      replaced: { by: l.id, reason, ...(variation === undefined ? {} : { variation }) },
    } as Standard);
    replacements.set(standard.id, list);
  });
  (l.standards?.add ?? []).forEach((standard, i) => {
    if (baseIds.includes(standard.id))
      problems.push(
        charterIssue("already_a_standard", ["standards", "add", i, "id"], { id: standard.id, base: checkedBase.id }),
      );
  });
  if (problems.length > 0) throw new CharterError(problems);

  const calendar = checkedBase.calendar;
  const layerCalendar = l.calendar;
  const merged = {
    id: l.id,
    name: l.name,
    extends: checkedBase.id,
    sources: [...checkedBase.sources, ...(l.sources ?? [])],
    review: l.review ?? checkedBase.review,
    calendar: {
      ...calendar,
      officeHours: layerCalendar?.officeHours ?? calendar.officeHours,
      ...(layerCalendar?.receiptCutoff === undefined ? {} : { receiptCutoff: layerCalendar.receiptCutoff }),
      closures: [...calendar.closures, ...(layerCalendar?.closures ?? [])],
      extraWorkingDates: [...calendar.extraWorkingDates, ...(layerCalendar?.extraWorkingDates ?? [])],
      datedHours: [...calendar.datedHours, ...(layerCalendar?.datedHours ?? [])],
      recurringClosures: [...calendar.recurringClosures, ...(layerCalendar?.recurringClosures ?? [])],
      ...(calendar.schedules === undefined && layerCalendar?.schedules === undefined
        ? {}
        : { schedules: { ...calendar.schedules, ...layerCalendar?.schedules } }),
      ...(calendar.assumptions === undefined && layerCalendar?.assumptions === undefined
        ? {}
        : { assumptions: [...(calendar.assumptions ?? []), ...(layerCalendar?.assumptions ?? [])] }),
    },
    standards: [...mergedStandards(checkedBase.standards, replacements), ...(l.standards?.add ?? [])],
    commitments: [...checkedBase.commitments, ...(l.commitments ?? [])],
    customerObligations: [...checkedBase.customerObligations, ...(l.customerObligations ?? [])],
  };
  return parseCharter(merged);
}
