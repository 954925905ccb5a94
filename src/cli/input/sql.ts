/**
 * What a `--query` may be: one `SELECT` or `WITH` statement, checked before anything is
 * sent. The text is read as PostgreSQL reads it (comments, nested block comments, quoted
 * strings and identifiers, escape strings, dollar quotes), so a `;` or a keyword inside a
 * string or a comment is not mistaken for a statement. This is the first of two locks, not
 * the only one: the query also runs in a read-only transaction, which the server enforces
 * (a `WITH` that deletes, or a function that writes, is refused there).
 *
 * @module
 */
import { cli } from "../words.js";
import { Failure } from "./source.js";

/** The statements of the query's text: how many, and the first word of the first (after any opening brackets). */
interface Shape {
  readonly statements: number;
  readonly firstWord: string | undefined;
}

const isWordStart = (c: string) => /[A-Za-z_\u0080-\uffff]/.test(c);
const isWordPart = (c: string) => /[A-Za-z0-9_$\u0080-\uffff]/.test(c);

/**
 * The statements of a query, as PostgreSQL's lexer cuts them.
 *
 * @throws Failure for an unclosed string, quoted identifier or comment, which the server would refuse anyway.
 */
function shapeOf(sql: string): Shape {
  let statements = 0;
  let inStatement = false;
  let firstWord: string | undefined;
  let i = 0;
  const n = sql.length;
  const unclosed = (what: string): never => {
    throw new Failure(cli.queryUnclosed(what));
  };
  /** Marks the current statement as begun by a token other than a bracket; records its first word. */
  const token = (word?: string) => {
    if (!inStatement) {
      inStatement = true;
      statements++;
    }
    if (statements === 1 && firstWord === undefined) firstWord = word ?? "";
  };
  while (i < n) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? n : end + 1;
    } else if (c === "/" && next === "*") {
      // Block comments nest in PostgreSQL.
      let depth = 1;
      i += 2;
      while (depth > 0) {
        if (i >= n) unclosed("a /* comment");
        if (sql[i] === "/" && sql[i + 1] === "*") {
          depth++;
          i += 2;
        } else if (sql[i] === "*" && sql[i + 1] === "/") {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === ";") {
      inStatement = false;
      i++;
    } else if (c === "'" || ((c === "E" || c === "e") && next === "'")) {
      // A string: '' is a quote inside it; in an escape string (E'...'), so is \'.
      token();
      const escapes = c !== "'";
      i += escapes ? 2 : 1;
      for (;;) {
        if (i >= n) unclosed("a quoted string (')");
        const d = sql[i];
        if (escapes && d === "\\") i += 2;
        else if (d === "'" && sql[i + 1] === "'") i += 2;
        else if (d === "'") {
          i++;
          break;
        } else i++;
      }
    } else if (c === '"') {
      token();
      i++;
      for (;;) {
        if (i >= n) unclosed('a quoted identifier (")');
        if (sql[i] === '"' && sql[i + 1] === '"') i += 2;
        else if (sql[i] === '"') {
          i++;
          break;
        } else i++;
      }
    } else if (c === "$" && /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.test(sql.slice(i, i + 64))) {
      // A dollar-quoted string, $$...$$ or $tag$...$tag$ ($1, a parameter, is not one: a tag cannot start with a digit).
      token();
      const tag = (/^\$[^$]*\$/.exec(sql.slice(i)) as RegExpExecArray)[0];
      const end = sql.indexOf(tag, i + tag.length);
      if (end === -1) unclosed(`a dollar-quoted string (${tag})`);
      i = end + tag.length;
    } else if (isWordStart(c)) {
      let j = i + 1;
      while (j < n && isWordPart(sql[j] as string)) j++;
      token(sql.slice(i, j).toUpperCase());
      i = j;
    } else if (c === "(" && (!inStatement || (statements === 1 && firstWord === undefined))) {
      // Brackets before the first word: (SELECT ...) UNION (SELECT ...).
      if (!inStatement) {
        inStatement = true;
        statements++;
      }
      i++;
    } else {
      token();
      i++;
    }
  }
  return { statements, firstWord };
}

/**
 * Checks that a query is one `SELECT` or `WITH` statement (a trailing `;` allowed), before
 * it is sent.
 *
 * @throws Failure naming what the query is instead: empty, several statements, or another command.
 */
export function checkQuery(sql: string, option: string): void {
  const { statements, firstWord } = shapeOf(sql);
  if (statements === 0) throw new Failure(cli.queryEmpty(option));
  if (statements > 1) throw new Failure(cli.queryStatements(option, statements));
  if (firstWord !== "SELECT" && firstWord !== "WITH") throw new Failure(cli.queryNotSelect(option, firstWord ?? ""));
}
