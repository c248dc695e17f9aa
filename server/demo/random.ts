// A small seeded PRNG for the demo data. Math.random cannot be seeded, and the demo must come out
// byte-identical from the same seed so tests, screenshots and analyses can be reproduced.

export interface Random {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  /** True with probability p. */
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** An item chosen with probability proportional to its weight. */
  weighted: <T>(items: readonly T[], weightOf: (item: T) => number) => T;
  /** A new array with the items in random order. */
  shuffle: <T>(items: readonly T[]) => T[];
  /** An independent stream, so adding draws to one phase does not shift every later phase. */
  fork: (label: string) => Random;
}

/** mulberry32: 32-bit state, fast, and good enough for synthetic business data (not crypto). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to turn a seed and a label into a 32-bit stream seed. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Fisher–Yates over a copy. */
function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const swap = copy[j] as T;
    copy[j] = copy[i] as T;
    copy[i] = swap;
  }
  return copy;
}

export function createRandom(seed: number | string): Random {
  const next = mulberry32(hashSeed(String(seed)));
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    weighted: (items, weightOf) => {
      const total = items.reduce((sum, item) => sum + weightOf(item), 0);
      let target = next() * total;
      for (const item of items) {
        target -= weightOf(item);
        if (target < 0) return item;
      }
      return random.pick(items);
    },
    shuffle: (items) => shuffled(items, next),
    fork: (label) => createRandom(`${String(seed)}/${label}`),
  };
  return random;
}
