/**
 * Problems as data: every error council-sla throws for bad input (an argument,
 * a contact, an interval's counts, a report) is a `TypeError` or a `RangeError`
 * that carries a `code` from a closed union and the `params` its message was
 * built from, as zod's issues do; the messages are in words.ts
 * (PROBLEM_MESSAGES). Code that handles such errors branches on `code`, never
 * on the message.
 *
 * @module
 */
import { PROBLEM_MESSAGES } from "./words.js";

/** A stable machine-readable code for each kind of problem with an input. */
export type ProblemCode = keyof typeof PROBLEM_MESSAGES;

/** The parameters of a problem code's message. */
export type ProblemParams<C extends ProblemCode> = Parameters<(typeof PROBLEM_MESSAGES)[C]>[0];

/** A problem as data: narrowing on `code` narrows `params`. */
export type Problem = {
  readonly [C in ProblemCode]: { readonly code: C; readonly params: ProblemParams<C> };
}[ProblemCode];

/** An error that carries its problem: `error.code`, `error.params`. */
export type ProblemError<E extends Error = TypeError | RangeError> = E & Problem;

function made<E extends Error, C extends ProblemCode>(error: E, code: C, params: ProblemParams<C>): ProblemError<E> {
  // Not enumerable, as `message` is not: an error still equals one made with the same message, and prints as one.
  Object.defineProperty(error, "code", { value: code });
  Object.defineProperty(error, "params", { value: params });
  return error as ProblemError<E>;
}

const wording = <C extends ProblemCode>(code: C, params: ProblemParams<C>): string =>
  (PROBLEM_MESSAGES[code] as (p: ProblemParams<C>) => string)(params);

/** A problem's message, in words.ts's English. */
export function messageOf(problem: Problem): string {
  return wording(problem.code, problem.params);
}

/** A TypeError for a value of the wrong kind, with its code and parameters. */
export function typeError<C extends ProblemCode>(code: C, params: ProblemParams<C>): ProblemError<TypeError> {
  return made(new TypeError(wording(code, params)), code, params);
}

/** A RangeError for a value of the right kind outside what is allowed, with its code and parameters. */
export function rangeError<C extends ProblemCode>(code: C, params: ProblemParams<C>): ProblemError<RangeError> {
  return made(new RangeError(wording(code, params)), code, params);
}

/** The problem an error carries, when it is one of council-sla's. */
export function problemOf(error: unknown): Problem | undefined {
  if (!(error instanceof TypeError || error instanceof RangeError)) return undefined;
  const { code, params } = error as Partial<Problem>;
  return typeof code === "string" && Object.hasOwn(PROBLEM_MESSAGES, code) && typeof params === "object"
    ? ({ code, params } as Problem)
    : undefined;
}

/**
 * The contact or interval field a problem names: `respondedAt` for `contact.respondedAt`,
 * `pauses` for `contact.pauses[1].from`, `offered` for `interval.offered`; undefined when
 * it names none.
 */
export function fieldOf(problem: Problem): string | undefined {
  const name = (problem.params as { readonly name?: unknown }).name;
  if (typeof name !== "string") return undefined;
  const match = /^(?:contact|interval)\.([A-Za-z]+)/.exec(name);
  return match === null ? undefined : match[1];
}
