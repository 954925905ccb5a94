/**
 * `CharterError`: thrown when a charter (or the calendar part of one) is not
 * valid, carrying every issue as data.
 *
 * @module
 */
import { invalidCharter } from "../words.js";
import { formatIssues, type CharterIssue } from "./issues.js";

/**
 * Thrown when a charter (or the calendar part of one) is not valid. A
 * `TypeError`, so code that catches bad input in general catches it too.
 */
export class CharterError extends TypeError {
  readonly issues: readonly CharterIssue[];

  constructor(issues: readonly CharterIssue[]) {
    super(`${invalidCharter(issues.length)}:\n${formatIssues(issues)}`);
    this.name = "CharterError";
    this.issues = issues;
  }
}
