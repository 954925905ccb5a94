/**
 * Where a JSON path is in a JSON text: line and column (both from 1), for
 * pointing charter authors at their mistakes. The text must already be valid
 * JSON; the walk descends only along the path and skips everything else
 * without recursion, so deep nesting elsewhere costs nothing.
 *
 * @module
 */
import type { CharterPath } from "../charter/issues.js";

export interface Position {
  readonly line: number;
  readonly column: number;
}

function skipWhitespace(text: string, pos: number): number {
  while (pos < text.length && " \t\n\r".includes(text[pos] as string)) pos++;
  return pos;
}

function skipString(text: string, pos: number): number {
  pos++;
  while (pos < text.length && text[pos] !== '"') pos += text[pos] === "\\" ? 2 : 1;
  return pos + 1;
}

/** The offset just after the JSON value that starts at `pos` (the text must be valid JSON). */
function skipValue(text: string, pos: number): number {
  const first = text[pos];
  if (first === '"') return skipString(text, pos);
  if (first === "{" || first === "[") {
    let depth = 0;
    do {
      const c = text[pos];
      if (c === '"') {
        pos = skipString(text, pos);
        continue;
      }
      if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") depth--;
      pos++;
    } while (depth > 0 && pos < text.length);
    return pos;
  }
  while (pos < text.length && !",}] \t\n\r".includes(text[pos] as string)) pos++;
  return pos;
}

/** The position of the deepest part of `path` present in `text`. */
export function locate(text: string, path: CharterPath): Position {
  let pos = skipWhitespace(text, 0);
  let found = pos;
  outer: for (const key of path) {
    const c = text[pos];
    if (typeof key === "number" && c === "[") {
      pos = skipWhitespace(text, pos + 1);
      for (let i = 0; i < key; i++) {
        if (text[pos] === "]") break outer;
        pos = skipWhitespace(text, skipValue(text, pos));
        if (text[pos] !== ",") break outer;
        pos = skipWhitespace(text, pos + 1);
      }
      if (text[pos] === "]") break;
      found = pos;
    } else if (typeof key === "string" && c === "{") {
      pos = skipWhitespace(text, pos + 1);
      for (;;) {
        if (text[pos] !== '"') break outer;
        const keyAt = pos;
        const end = skipString(text, pos);
        const name = JSON.parse(text.slice(pos, end)) as string;
        pos = skipWhitespace(text, end);
        if (text[pos] !== ":") break outer;
        pos = skipWhitespace(text, pos + 1);
        if (name === key) {
          found = keyAt;
          continue outer;
        }
        pos = skipWhitespace(text, skipValue(text, pos));
        if (text[pos] !== ",") break outer;
        pos = skipWhitespace(text, pos + 1);
      }
    } else break;
  }
  return positionOf(text, found);
}

/** Line and column (from 1) of an offset. */
function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Where a `JSON.parse` error says the text went wrong, when it says so. */
export function jsonErrorPosition(text: string, error: unknown): Position | undefined {
  const at = /position (\d+)/.exec(error instanceof Error ? error.message : String(error));
  return at ? positionOf(text, Number(at[1])) : undefined;
}
