/**
 * Runs a zod schema and turns its issues into charter issues: zod's codes and
 * parameters kept where tools know them, the wording from words.ts.
 *
 * @module
 */
import type * as z from "zod/mini";
import { ISSUE_MESSAGES, bound, typeWords } from "../words.js";
import type { CharterIssue, CharterIssueCode, ShapeIssueCode, ShapeParams } from "./issues.js";

type RawIssue = z.core.$ZodIssue;

/**
 * Our wording for every issue zod can raise, used as the per-parse error map (zod/mini
 * ships no messages of its own): a message set on a schema field wins over it.
 */
export function charterErrorMap(raw: z.core.$ZodRawIssue): string {
  const issue = raw as unknown as RawIssue & { input?: unknown };
  switch (issue.code) {
    case "invalid_type":
      return ISSUE_MESSAGES.invalid_type({
        expected: typeWords(issue.expected),
        input: issue.input,
      });
    case "invalid_value":
      return ISSUE_MESSAGES.invalid_value({ values: issue.values, input: issue.input });
    case "too_small":
      return ISSUE_MESSAGES.too_small({ what: bound(issue, issue.minimum, true), input: issue.input });
    case "too_big":
      return ISSUE_MESSAGES.too_big({ what: bound(issue, issue.maximum, false), input: issue.input });
    case "invalid_format":
      return ISSUE_MESSAGES.invalid_format({ format: issue.format, input: issue.input });
    case "invalid_union":
      return ISSUE_MESSAGES.invalid_union({ input: issue.input });
    case "unrecognized_keys":
      return issue.keys.map((key) => ISSUE_MESSAGES.unrecognized_key({ key })).join("; ");
    default:
      return ISSUE_MESSAGES.invalid_input({ input: issue.input });
  }
}

const KEPT: ReadonlySet<string> = new Set<ShapeIssueCode>([
  "invalid_type",
  "invalid_value",
  "too_small",
  "too_big",
  "invalid_format",
  "invalid_union",
]);

/** The parameters zod gave a shape problem (its fields but the code, path, message and nested forms). */
function shapeParams(issue: RawIssue): ShapeParams {
  const { code: _code, path: _path, message: _message, ...rest } = issue as RawIssue & Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const key of ["input", "expected", "values", "minimum", "maximum", "inclusive", "origin", "format"] as const)
    if (Object.hasOwn(rest, key)) params[key] = rest[key];
  return params;
}

/**
 * The issues of the one form of a union whose type the value has (an object where the
 * union allows an object or a list of them), so that a typo inside it is reported at its
 * own path; undefined when no form, or more than one, has the value's type.
 */
function matchedForm(issue: RawIssue): readonly RawIssue[] | undefined {
  if (issue.code !== "invalid_union") return undefined;
  const forms = (issue as { errors?: readonly (readonly RawIssue[])[] }).errors ?? [];
  const typed = forms.filter((f) => !f.some((i) => i.code === "invalid_type" && i.path.length === 0));
  return typed.length === 1 ? typed[0] : undefined;
}

/** Issues of a failed parse, one per problem; unknown keys get one issue each, at their own path. */
export function toCharterIssues(error: z.core.$ZodError, prefix: readonly (string | number)[] = []): CharterIssue[] {
  return toIssues(error.issues, prefix);
}

function toIssues(issues: readonly RawIssue[], prefix: readonly (string | number)[]): CharterIssue[] {
  const out: CharterIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((k) => (typeof k === "symbol" ? String(k) : k))];
    const form = matchedForm(issue);
    if (form !== undefined) {
      out.push(...toIssues(form, path));
      continue;
    }
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        out.push({
          code: "unrecognized_key",
          path: [...path, key],
          message: ISSUE_MESSAGES.unrecognized_key({ key }),
          params: { key },
        });
      continue;
    }
    const custom =
      issue.code === "custom" ? (issue.params as { code?: CharterIssueCode; params?: object } | undefined) : undefined;
    if (custom?.code !== undefined) {
      // A format refined in the schema (a date, a clock time, a zone, a region): its message is built from the value.
      const params = { input: (issue as { input?: unknown }).input };
      out.push({ code: custom.code, path, message: issue.message, params } as CharterIssue);
      continue;
    }
    const code = KEPT.has(issue.code) ? (issue.code as ShapeIssueCode) : "invalid_input";
    out.push({ code, path, message: issue.message, params: shapeParams(issue) });
  }
  return out;
}
