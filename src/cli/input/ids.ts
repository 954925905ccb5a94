/**
 * The ids seen so far, to find the rows that repeat one: a set of 64-bit hashes of the
 * ids, in typed arrays (16 bytes an id at most, with the table at least half empty), so
 * that a million ids take 16 MB and no object per id. Two different ids share a hash with
 * a chance of about one in 3.7 million for ten million ids.
 *
 * @module
 */

/** Two independent 32-bit hashes of a text (FNV-1a with two primes, then a murmur3 finish each). */
export function hashId(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x1b873593;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return [finish(a), finish(b ^ text.length)];
}

function finish(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export class IdSet {
  #high = new Uint32Array(1024);
  #low = new Uint32Array(1024);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  #slot(high: number, low: number, table: Uint32Array, lows: Uint32Array): number {
    const mask = table.length - 1;
    for (let i = (high ^ Math.imul(low, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      const h = table[i] as number;
      if ((h === 0 && lows[i] === 0) || (h === high && lows[i] === low)) return i;
    }
  }

  /** Adds a hash; false when it was there already. ((0, 0) marks an empty slot, so it is kept as (0, 1).) */
  add(high: number, low: number): boolean {
    const lo = high === 0 && low === 0 ? 1 : low;
    const i = this.#slot(high, lo, this.#high, this.#low);
    // The slot found is the hash's own, or an empty one.
    if (this.#high[i] !== 0 || this.#low[i] !== 0) return false;
    this.#high[i] = high;
    this.#low[i] = lo;
    if (++this.#size * 2 > this.#high.length) this.#grow();
    return true;
  }

  has(high: number, low: number): boolean {
    const lo = high === 0 && low === 0 ? 1 : low;
    const i = this.#slot(high, lo, this.#high, this.#low);
    return this.#high[i] === high && this.#low[i] === lo;
  }

  #grow(): void {
    const high = this.#high;
    const low = this.#low;
    this.#high = new Uint32Array(high.length * 2);
    this.#low = new Uint32Array(low.length * 2);
    for (let i = 0; i < high.length; i++) {
      const h = high[i] as number;
      const l = low[i] as number;
      if (h === 0 && l === 0) continue;
      const j = this.#slot(h, l, this.#high, this.#low);
      this.#high[j] = h;
      this.#low[j] = l;
    }
  }
}
