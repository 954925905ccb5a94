/**
 * Problems with a charter are data first: each issue has a code, a JSON path
 * and a message. `CharterError` carries them all.
 *
 * @module
 */

/** Where in the charter a problem is: object keys and array indexes from the root. */
export type CharterPath = readonly (string | number)[];

/** One problem found in a charter. */
export interface CharterIssue {
  /** A stable machine-readable code, e.g. `invalid_type`, `unrecognized_keys`, `overlap`. */
  readonly code: string;
  readonly path: CharterPath;
  readonly message: string;
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
  return issues.map((issue) => `✖ ${issue.message} → at ${formatPath(issue.path)}`).join("\n");
}

/**
 * Thrown when a charter (or the calendar part of one) is not valid. A
 * `TypeError`, so code that catches bad input in general catches it too.
 */
export class CharterError extends TypeError {
  readonly issues: readonly CharterIssue[];

  constructor(issues: readonly CharterIssue[]) {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super(`Invalid charter (${count}):\n${formatIssues(issues)}`);
    this.name = "CharterError";
    this.issues = issues;
  }
}
