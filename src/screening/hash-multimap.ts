// A compact multimap from 32-bit hashes to integers, for millions of keys without millions of
// JavaScript strings. Lookups may return false positives (hash collisions); callers verify.

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class HashMultiMapBuilder {
  private hashes: number[] = [];
  private values: number[] = [];

  add(key: string, value: number): void {
    this.hashes.push(fnv1a(key));
    this.values.push(value);
  }

  build(): HashMultiMap {
    return new HashMultiMap(Uint32Array.from(this.hashes), Int32Array.from(this.values));
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

  get bytes(): number {
    return this.heads.byteLength + this.next.byteLength + this.hashes.byteLength + this.values.byteLength;
  }
}
