/**
 * The ids seen so far, to find the rows that repeat one. Each id is kept as a 64-bit hash
 * (two 32-bit halves side by side in an Int32Array), not as text: 8 bytes an id in a log,
 * or 11 to 23 in a table at most 70% full, and no object. Two different ids pass for one
 * with a chance of about 1 in 37 million for a million ids (1 in 370,000 for ten million).
 *
 * Exports usually list their ids in order (case numbers, call ids), and an id greater than
 * every id before it cannot be a repeat: while that holds, each id is only appended to the
 * log, in order. Looking an id up in a table of millions costs a cache miss each (a large
 * share of the command's time: bench/RESULTS.md); appending costs nothing. The first id out
 * of order turns the log into the table, and every id after is looked up there. The order
 * is by length, then by character: `C9` before `C10`, as numbers of one prefix sort.
 *
 * @module
 */

function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) | 0;
}

/** Where {@link hashInto} writes: [high, low]. */
const HASH = new Int32Array(2);

/** The 64-bit hash of an id's text into `out` as two 32-bit halves (two FNV-1a lanes, each finished by murmur3's mix). */
function hashInto(text: string, out: Int32Array): void {
  let a = 0x811c9dc5;
  let b = 0x1b873593;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  const high = mix(a);
  const low = mix(b ^ text.length);
  out[0] = high;
  // (0, 0) marks an empty slot of the table.
  out[1] = high === 0 && low === 0 ? 1 : low;
}

/** The 64-bit hash of an id's text, as two 32-bit halves. */
export function hashId(text: string): [high: number, low: number] {
  hashInto(text, HASH);
  return [HASH[0] as number, HASH[1] as number];
}

/** True when `a` comes after `b`: longer, or as long and greater character by character. */
function after(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}

export class IdSet {
  /** The hashes in the order added, while every id came after the one before; then undefined. */
  #log: Int32Array | undefined = new Int32Array(2048);
  #logged = 0;
  #last: string | undefined;
  /** [high, low] of each slot, once the ids are out of order; (0, 0) is empty. */
  #table: Int32Array | undefined;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds an id; false when it was there already. */
  addText(text: string): boolean {
    hashInto(text, HASH);
    if (this.#log !== undefined && (this.#last === undefined || after(text, this.#last))) {
      this.#last = text;
      this.#append(HASH[0] as number, HASH[1] as number);
      return true;
    }
    return this.add(HASH[0] as number, HASH[1] as number);
  }

  #append(high: number, low: number): void {
    let log = this.#log as Int32Array;
    if (this.#logged + 2 > log.length) {
      const longer = new Int32Array(log.length * 2);
      longer.set(log);
      log = longer;
      this.#log = log;
    }
    log[this.#logged++] = high;
    log[this.#logged++] = low;
    this.#size++;
  }

  /** The table, built from the log the first time it is needed. */
  #lookup(): Int32Array {
    if (this.#table !== undefined) return this.#table;
    const log = this.#log as Int32Array;
    let slots = 1024;
    while (slots * 7 < this.#size * 10 + 10) slots *= 2;
    const table = new Int32Array(slots * 2);
    for (let i = 0; i < this.#logged; i += 2) {
      const at = find(table, log[i] as number, log[i + 1] as number);
      table[at] = log[i] as number;
      table[at + 1] = log[i + 1] as number;
    }
    this.#table = table;
    this.#log = undefined;
    this.#last = undefined;
    return table;
  }

  /** Adds an id's hash (from {@link hashId}); false when it was there already. */
  add(high: number, low: number): boolean {
    let table = this.#lookup();
    const at = find(table, high, low);
    if (table[at] !== 0 || table[at + 1] !== 0) return false;
    table[at] = high;
    table[at + 1] = low;
    if (++this.#size * 20 > table.length * 7) {
      table = grown(table);
      this.#table = table;
    }
    return true;
  }

  has(high: number, low: number): boolean {
    const table = this.#lookup();
    const at = find(table, high, low);
    return table[at] !== 0 || table[at + 1] !== 0;
  }

  /** Every hash held, as pairs: for a worker's item, whose ids the item after must not repeat. */
  pairs(): Int32Array {
    if (this.#log !== undefined) return this.#log.slice(0, this.#logged);
    const table = this.#table as Int32Array;
    const out = new Int32Array(this.#size * 2);
    let n = 0;
    for (let i = 0; i < table.length; i += 2) {
      if (table[i] === 0 && table[i + 1] === 0) continue;
      out[n++] = table[i] as number;
      out[n++] = table[i + 1] as number;
    }
    return out;
  }
}

/** Where a hash is in a table, or the empty slot where it would go (an index into the table, even). */
function find(table: Int32Array, high: number, low: number): number {
  const mask = (table.length >> 1) - 1;
  for (let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
    const at = slot << 1;
    const h = table[at] as number;
    const l = table[at + 1] as number;
    if ((h === 0 && l === 0) || (h === high && l === low)) return at;
  }
}

/** A table twice as large, with the same hashes. */
function grown(old: Int32Array): Int32Array {
  const table = new Int32Array(old.length * 2);
  for (let i = 0; i < old.length; i += 2) {
    const h = old[i] as number;
    const l = old[i + 1] as number;
    if (h === 0 && l === 0) continue;
    const at = find(table, h, l);
    table[at] = h;
    table[at + 1] = l;
  }
  return table;
}
