/**
 * Parsing charters and layering a department's standards on a council's.
 *
 * @module
 */
import { CharterError, type CharterIssue } from "./errors.js";
import { schemas, type Charter, type Standard } from "./schema.js";
import { charterErrorMap, toCharterIssues } from "./validate.js";

/** The result of {@link safeParseCharter}. */
export type SafeParseCharterResult =
  | { readonly success: true; readonly data: Charter }
  | { readonly success: false; readonly issues: readonly CharterIssue[] };

/** Charters this module has validated (or that were validated when the package was built). */
const validated = new WeakSet<object>();

/** True for a charter returned by parseCharter, safeParseCharter or extendCharter, or a bundled one. */
export function isValidated(charter: unknown): boolean {
  return typeof charter === "object" && charter !== null && validated.has(charter);
}

/**
 * Freezes a charter that was validated when the package was built (the bundled ones;
 * test/charter.test.ts checks each equals parseCharter of its source) and records it as
 * validated, so that importing council-sla/charters costs no schema run.
 */
export function trustBuiltCharter(charter: Charter): Charter {
  validated.add(deepFreeze(charter));
  return charter;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Validates a charter (a parsed JSON value) and returns it with defaults
 * applied, deeply frozen. Never throws: problems come back as data.
 */
export function safeParseCharter(input: unknown): SafeParseCharterResult {
  const result = schemas().charterSchema.safeParse(input, { reportInput: true, error: charterErrorMap });
  if (result.success) {
    validated.add(deepFreeze(result.data));
    return { success: true, data: result.data };
  }
  return { success: false, issues: toCharterIssues(result.error) };
}

/**
 * Validates a charter and returns it with defaults applied, deeply frozen.
 *
 * @throws CharterError listing every problem, each with its JSON path.
 * @example
 * const charter = parseCharter(JSON.parse(readFileSync("my-council.json", "utf8")));
 */
export function parseCharter(input: unknown): Charter {
  const result = safeParseCharter(input);
  if (!result.success) throw new CharterError(result.issues);
  return result.data;
}

function issue(code: string, path: (string | number)[], message: string): CharterIssue {
  return { code, path, message };
}

/**
 * Builds a department's charter on top of a council's: the layer adds standards
 * (`standards.add`), replaces standards of the same id (`standards.replace`),
 * adds closures, extra working dates, commitments and customer obligations, and
 * may set its own office hours and receipt cut-off. It may not change the time zone.
 *
 * @throws CharterError naming what is wrong, with paths into the layer.
 */
export function extendCharter(base: Charter, layer: unknown): Charter {
  const checkedBase = parseCharter(base);
  const parsed = schemas().layerSchema.safeParse(layer, { reportInput: true, error: charterErrorMap });
  if (!parsed.success) throw new CharterError(toCharterIssues(parsed.error));
  const l = parsed.data;
  const problems: CharterIssue[] = [];
  if (l.extends !== checkedBase.id) {
    problems.push(issue("wrong_base", ["extends"], `The layer extends "${l.extends}" but is applied to "${checkedBase.id}"`));
  }
  const zone = l.calendar?.timeZone;
  if (zone !== undefined && zone !== checkedBase.calendar.timeZone) {
    problems.push(
      issue("time_zone_changed", ["calendar", "timeZone"], `A layer may not change the time zone: the base uses ${checkedBase.calendar.timeZone}, the layer says ${zone}`),
    );
  }
  const baseIds = checkedBase.standards.map((s) => s.id);
  const replacements = new Map<string, Standard>();
  (l.standards?.replace ?? []).forEach((standard, i) => {
    if (!baseIds.includes(standard.id)) {
      problems.push(
        issue("unknown_standard", ["standards", "replace", i, "id"], `"${standard.id}" is not a standard of "${checkedBase.id}", so it cannot be replaced (its standards: ${baseIds.join(", ") || "none"}); to add it, put it under standards.add`),
      );
    }
    replacements.set(standard.id, standard);
  });
  (l.standards?.add ?? []).forEach((standard, i) => {
    if (baseIds.includes(standard.id)) {
      problems.push(issue("duplicate_id", ["standards", "add", i, "id"], `"${standard.id}" is already a standard of "${checkedBase.id}": to change it, put it under standards.replace`));
    }
  });
  if (problems.length > 0) throw new CharterError(problems);

  const calendar = checkedBase.calendar;
  const merged = {
    id: l.id,
    name: l.name,
    extends: checkedBase.id,
    sources: [...checkedBase.sources, ...(l.sources ?? [])],
    review: l.review ?? checkedBase.review,
    calendar: {
      ...calendar,
      officeHours: l.calendar?.officeHours ?? calendar.officeHours,
      ...(l.calendar?.receiptCutoff === undefined ? {} : { receiptCutoff: l.calendar.receiptCutoff }),
      closures: [...calendar.closures, ...(l.calendar?.closures ?? [])],
      extraWorkingDates: [...calendar.extraWorkingDates, ...(l.calendar?.extraWorkingDates ?? [])],
      ...(calendar.assumptions === undefined && l.calendar?.assumptions === undefined
        ? {}
        : { assumptions: [...(calendar.assumptions ?? []), ...(l.calendar?.assumptions ?? [])] }),
    },
    standards: [...checkedBase.standards.map((s) => replacements.get(s.id) ?? s), ...(l.standards?.add ?? [])],
    commitments: [...checkedBase.commitments, ...(l.commitments ?? [])],
    customerObligations: [...checkedBase.customerObligations, ...(l.customerObligations ?? [])],
  };
  return parseCharter(merged);
}
