/**
 * Reading what callers give us by own properties only, so that a polluted
 * `Object.prototype` (left by a prototype-pollution bug elsewhere in an
 * application) can never supply a contact field, an option or a charter key.
 *
 * @module
 */

/** An own property of `value`, or undefined (also for a non-object). */
export function own(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null) return undefined;
  const found = (value as Record<string, unknown>)[key];
  // Absent keys (the common case) need no second look; a found one must be the object's own.
  return found === undefined || Object.hasOwn(value, key) ? found : undefined;
}

/** Limits on the size of a parsed JSON value that is checked as a charter. */
export interface DataLimits {
  /** Objects, arrays and values in all. */
  readonly nodes: number;
  /** Nesting depth. */
  readonly depth: number;
  /** Items in one array. */
  readonly items: number;
}

/** Where copying stopped: the path of the value that broke a limit. */
export class TooLarge extends Error {
  readonly path: readonly (string | number)[];
  readonly what: "nodes" | "depth" | "items";
  readonly limit: number;

  constructor(path: readonly (string | number)[], what: "nodes" | "depth" | "items", limit: number) {
    super(`too large at ${path.join(".")}`);
    this.path = path;
    this.what = what;
    this.limit = limit;
  }
}

/**
 * A copy of a JSON-like value with only own enumerable properties, objects
 * without a prototype, walked without recursion. Dates and other non-plain
 * objects are kept as they are.
 *
 * @throws TooLarge when the value has more nodes or nesting than `limits`.
 */
export function ownData(value: unknown, limits: DataLimits = { nodes: 1_000_000, depth: 64, items: 2_000 }): unknown {
  if (typeof value !== "object" || value === null) return value;
  const root: { value: unknown } = { value: undefined };
  const stack: {
    from: object;
    into: Record<string, unknown> | unknown[];
    key: string | number;
    path: (string | number)[];
  }[] = [];
  let nodes = 0;
  const place = (
    from: unknown,
    into: Record<string, unknown> | unknown[],
    key: string | number,
    path: (string | number)[],
  ): void => {
    if (++nodes > limits.nodes) throw new TooLarge(path, "nodes", limits.nodes);
    const plain = typeof from === "object" && from !== null && (Array.isArray(from) || isPlain(from));
    if (!plain) {
      (into as Record<string | number, unknown>)[key] = from;
      return;
    }
    if (path.length > limits.depth) throw new TooLarge(path, "depth", limits.depth);
    if (Array.isArray(from) && from.length > limits.items) throw new TooLarge(path, "items", limits.items);
    const copy: Record<string, unknown> | unknown[] = Array.isArray(from)
      ? []
      : (Object.create(null) as Record<string, unknown>);
    (into as Record<string | number, unknown>)[key] = copy;
    stack.push({ from, into: copy, key, path });
  };
  place(value, root as unknown as Record<string, unknown>, "value", []);
  while (stack.length > 0) {
    const { from, into, path } = stack.pop() as (typeof stack)[number];
    if (Array.isArray(from)) {
      for (let i = 0; i < from.length; i++) place(Object.hasOwn(from, i) ? from[i] : undefined, into, i, [...path, i]);
    } else {
      for (const key of Object.keys(from)) place((from as Record<string, unknown>)[key], into, key, [...path, key]);
    }
  }
  return root.value;
}

function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Takes the prototype from every plain object in a value, in place: a validated charter,
 * made of objects the library built itself. Reading a key such an object lacks then gives
 * undefined, whatever a polluted `Object.prototype` holds, so code past validation reads
 * the charter's fields directly, by their types, with no `own()`.
 */
export function withoutPrototypes<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== "object" || item === null) continue;
    if (Array.isArray(item)) {
      for (const inner of item) stack.push(inner);
    } else if (Object.getPrototypeOf(item) === Object.prototype) {
      Object.setPrototypeOf(item, null);
      for (const inner of Object.values(item)) stack.push(inner);
    }
  }
  return value;
}
