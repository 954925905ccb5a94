/**
 * Runs a zod schema and turns its issues into charter issues with our wording.
 *
 * @module
 */
import type * as z from "zod/mini";
import { show } from "../messages.js";
import type { CharterIssue } from "./errors.js";

type RawIssue = z.core.$ZodIssue;

function describeType(expected: string): string {
  switch (expected) {
    case "object":
      return "an object";
    case "array":
      return "an array";
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "int":
      return "an integer";
    case "boolean":
      return "true or false";
    case "tuple":
      return "an array";
    default:
      return expected;
  }
}

/**
 * Our wording for every issue zod can raise, used as the per-parse error map (zod/mini
 * ships no messages of its own): a message set on a schema field (e.g. "a number of
 * working days") wins over it.
 */
export function charterErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  return message(issue as unknown as RawIssue & { input?: unknown });
}

function message(issue: RawIssue & { input?: unknown }): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? `Missing ${describeType(issue.expected)}`
        : `Expected ${describeType(issue.expected)}, got ${show(issue.input)}`;
    case "invalid_value":
      return `Expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${show(issue.input)}`;
    case "too_small":
      return issue.origin === "array"
        ? `Expected at least ${String(issue.minimum)} item(s)`
        : issue.origin === "string"
          ? "Expected a non-empty string"
          : `Expected a number ${issue.inclusive === false ? "greater than" : "of at least"} ${String(issue.minimum)}, got ${show(issue.input)}`;
    case "too_big":
      return issue.origin === "array"
        ? `Expected at most ${String(issue.maximum)} item(s)`
        : issue.origin === "string"
          ? `Expected at most ${String(issue.maximum)} characters`
          : `Expected a number ${issue.inclusive === false ? "less than" : "of at most"} ${String(issue.maximum)}, got ${show(issue.input)}`;
    case "invalid_format":
      return `Expected ${issue.format === "regex" ? "a value in the documented form" : `a valid ${issue.format}`}, got ${show(issue.input)}`;
    case "invalid_union":
      return `Expected one of the allowed forms, got ${show(issue.input)}`;
    case "unrecognized_keys":
      return `Unknown key${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
    case "not_multiple_of":
      return `Expected a multiple of ${String(issue.divisor)}, got ${show(issue.input)}`;
    default:
      return `Invalid value ${show(issue.input)}`;
  }
}

/** Issues of a failed parse, one per problem; unknown keys get one issue each, at their own path. */
export function toCharterIssues(error: z.core.$ZodError): CharterIssue[] {
  const out: CharterIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map((k) => (typeof k === "symbol" ? String(k) : k));
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push({ code: "unrecognized_key", path: [...path, key], message: `Unknown key ${JSON.stringify(key)}` });
      }
      continue;
    }
    const params = issue.code === "custom" ? (issue.params as { code?: string } | undefined) : undefined;
    out.push({ code: params?.code ?? issue.code, path, message: issue.message });
  }
  return out;
}
