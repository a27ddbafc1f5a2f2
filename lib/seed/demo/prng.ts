// A small seeded PRNG so the demo network is reproducible: mulberry32 (32-bit state, fast, passes
// the usual statistical smoke tests; not cryptographic, which a seed does not need). Math.random is
// never used in lib/seed: the same seed must give the same network on every machine.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element; throws on an empty array (a generator bug, not bad input). */
  pick<T>(items: readonly T[]): T;
  /** Index chosen with probability proportional to weights[i]. */
  weightedIndex(weights: readonly number[]): number;
  /** Pareto-distributed value ≥ 1 with tail index alpha (heavy-tailed: most small, a few huge). */
  pareto(alpha: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** k distinct elements (fewer if the array is shorter), order random. */
  sample<T>(items: readonly T[], k: number): T[];
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick() from an empty array");
      return item;
    },
    weightedIndex(weights) {
      let total = 0;
      for (const weight of weights) total += weight;
      let target = next() * total;
      for (let index = 0; index < weights.length; index += 1) {
        target -= weights[index] ?? 0;
        if (target < 0) return index;
      }
      return weights.length - 1;
    },
    pareto: (alpha) => (1 - next()) ** (-1 / alpha),
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    sample<T>(items: readonly T[], k: number): T[] {
      const copy = items.slice();
      const count = Math.min(k, copy.length);
      // Partial Fisher–Yates: only the first `count` slots are shuffled.
      for (let index = 0; index < count; index += 1) {
        const swap = index + Math.floor(next() * (copy.length - index));
        const chosen = copy[swap] as T;
        copy[swap] = copy[index] as T;
        copy[index] = chosen;
      }
      return copy.slice(0, count);
    },
  };
  return rng;
}

/**
 * Draws indices in proportion to fixed weights in O(log n) per draw (cumulative sums + binary search),
 * for the many draws over thousands of ties that weightedIndex would make quadratic.
 */
export class WeightedSampler {
  private readonly cumulative: Float64Array;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    weights.forEach((weight, index) => {
      total += Math.max(0, weight);
      this.cumulative[index] = total;
    });
  }

  draw(rng: Rng): number {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0;
    const target = rng.next() * total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
