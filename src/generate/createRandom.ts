import { createHash } from 'node:crypto';

/** A seeded pseudo-random source: the same seed gives the same sequence on every machine. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /**
   * A heavy-tailed index in [0, n): index 0 is drawn most often. `skew` 1 is uniform; at 3 the first of 20,000
   * items is drawn about 4 % of the time, the way a few state holdings sign a large share of all agreements.
   */
  skewedIndex(n: number, skew: number): number;
}

/** A mulberry32 generator seeded from the SHA-256 of `seed`. */
export function createRandom(seed: string): Random {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
    skewedIndex: (n, skew) => Math.min(n - 1, Math.floor(n * next() ** skew)),
  };
}
