// A compact multimap from 32-bit hashes to integers, for millions of keys without millions of
// JavaScript strings. Lookups may return false positives (hash collisions); callers verify.

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class HashMultiMapBuilder {
  private hashes = new Uint32Array(1024);
  private values = new Int32Array(1024);
  private length = 0;

  add(key: string, value: number): void {
    this.addHash(fnv1a(key), value);
  }

  addHash(hash: number, value: number): void {
    if (this.length === this.hashes.length) {
      const hashes = new Uint32Array(this.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const values = new Int32Array(this.length * 2);
      values.set(this.values);
      this.values = values;
    }
    this.hashes[this.length] = hash;
    this.values[this.length] = value;
    this.length++;
  }

  build(): HashMultiMap {
    return new HashMultiMap(this.hashes.slice(0, this.length), this.values.slice(0, this.length));
  }
}

export class HashMultiMap {
  private readonly heads: Int32Array;
  private readonly next: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly hashes: Uint32Array,
    private readonly values: Int32Array,
  ) {
    let size = 1024;
    while (size < hashes.length * 2) size *= 2;
    this.mask = size - 1;
    this.heads = new Int32Array(size).fill(-1);
    this.next = new Int32Array(hashes.length);
    for (let i = 0; i < hashes.length; i++) {
      const bucket = hashes[i]! & this.mask;
      this.next[i] = this.heads[bucket]!;
      this.heads[bucket] = i;
    }
  }

  get size(): number {
    return this.hashes.length;
  }

  /** Calls visit for every value stored under a key with the same hash as `key`. */
  forEach(key: string, visit: (value: number) => void): void {
    const h = fnv1a(key);
    for (let i = this.heads[h & this.mask]!; i !== -1; i = this.next[i]!) {
      if (this.hashes[i] === h) visit(this.values[i]!);
    }
  }

  /** Calls visit for every value stored under this hash. */
  forEachHash(h: number, visit: (value: number) => void): void {
    for (let i = this.heads[h & this.mask]!; i !== -1; i = this.next[i]!) {
      if (this.hashes[i] === h) visit(this.values[i]!);
    }
  }

  get bytes(): number {
    return this.heads.byteLength + this.next.byteLength + this.hashes.byteLength + this.values.byteLength;
  }
}

/**
 * The FNV-1a hashes of a token and of every form of it with up to `deletes` letters left out
 * (one or two), each once, computed without building the shorter strings: the keys of a
 * symmetric-deletion typo index over hundreds of thousands of words.
 */
export function deletionHashes(token: string, deletes: number): number[] {
  const out = new Set<number>([fnv1a(token)]);
  const n = token.length;
  if (deletes < 1) return [...out];
  for (let i = 0; i < n; i++) {
    // Leaving out either of two equal neighbours gives the same form.
    if (i > 0 && token.charCodeAt(i) === token.charCodeAt(i - 1)) continue;
    out.add(hashSkipping(token, i, -1));
    if (deletes < 2) continue;
    for (let j = i + 1; j < n; j++) {
      if (j > i + 1 && token.charCodeAt(j) === token.charCodeAt(j - 1)) continue;
      out.add(hashSkipping(token, i, j));
    }
  }
  return [...out];
}

function hashSkipping(text: string, skipA: number, skipB: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    if (k === skipA || k === skipB) continue;
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
