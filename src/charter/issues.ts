/**
 * Charter problems as data: every issue carries its code, its path and the
 * parameters its message was built from; the messages themselves are in
 * words.ts (ISSUE_MESSAGES), with the library's other English.
 *
 * @module
 */
import { ISSUE_MESSAGES, issueLine } from "../words.js";

/** Where in the charter a problem is: object keys and array indexes from the root. */
export type CharterPath = readonly (string | number)[];

/** A stable machine-readable code for each kind of problem. */
export type CharterIssueCode = keyof typeof ISSUE_MESSAGES;

/** The parameters of an issue code's message. */
export type IssueParams<C extends CharterIssueCode> = Parameters<(typeof ISSUE_MESSAGES)[C]>[0];

/** The problems of shape zod finds: their codes are zod's, and so are their parameters. */
export type ShapeIssueCode =
  | "invalid_type"
  | "invalid_value"
  | "too_small"
  | "too_big"
  | "invalid_format"
  | "invalid_union"
  | "invalid_input";

/**
 * What zod knew of a shape problem: the value (`input`) and, by code, the type
 * expected, the values allowed, the bound and what it bounds (`origin`: a number, a
 * string, an array), or the format.
 */
export interface ShapeParams {
  readonly input?: unknown;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly origin?: string;
  readonly format?: string;
}

/**
 * One problem found in a charter: a code from a closed union, where it is, the
 * parameters its message was built from (zod's own for a shape problem), and the
 * message. Narrowing on `code` narrows `params`.
 */
export type CharterIssue = {
  readonly [C in CharterIssueCode]: {
    readonly code: C;
    readonly path: CharterPath;
    readonly message: string;
    readonly params: C extends ShapeIssueCode ? ShapeParams : Readonly<IssueParams<C>>;
  };
}[CharterIssueCode];

/** The codes of the problems council-sla finds itself: field formats, the checks between fields, layering. */
export type RuleIssueCode = Exclude<CharterIssueCode, ShapeIssueCode>;

/** An issue with its message from {@link ISSUE_MESSAGES}. */
export function charterIssue<C extends RuleIssueCode>(
  code: C,
  path: CharterPath,
  params: IssueParams<C>,
): CharterIssue {
  const message = (ISSUE_MESSAGES[code] as (p: IssueParams<C>) => string)(params);
  return { code, path, message, params } as CharterIssue;
}

/** `standards[2].limit.workingDays` */
export function formatPath(path: CharterPath): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === "" ? "(root)" : out;
}

/** One line per issue: `✖ message → at path`. */
export function formatIssues(issues: readonly CharterIssue[]): string {
  return issues.map((issue) => issueLine(issue.message, formatPath(issue.path))).join("\n");
}
