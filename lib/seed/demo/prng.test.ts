import { describe, expect, it } from "vitest";
import { createRng, mulberry32, WeightedSampler } from "./prng";

const draws = (seed: number, count: number): number[] => {
  const next = mulberry32(seed);
  return Array.from({ length: count }, () => next());
};

describe("mulberry32", () => {
  it("gives the same sequence for the same seed", () => {
    expect(draws(42, 1_000)).toEqual(draws(42, 1_000));
  });

  it("gives different sequences for different seeds", () => {
    expect(draws(42, 10)).not.toEqual(draws(43, 10));
  });

  it("stays in [0, 1) and is roughly uniform", () => {
    const values = draws(7, 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it("matches the reference mulberry32 output, so an edit to the generator is noticed", () => {
    expect(mulberry32(0)()).toBe(0.26642920868471265);
  });
});

describe("createRng helpers", () => {
  it("int is inclusive at both ends", () => {
    const rng = createRng(3);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 4)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });

  it("weightedIndex never picks a zero weight", () => {
    const rng = createRng(5);
    for (let i = 0; i < 1_000; i += 1) expect(rng.weightedIndex([0, 3, 0, 1])).toSatisfy((index: number) => index === 1 || index === 3);
  });

  it("sample returns distinct elements, at most the array's length", () => {
    const rng = createRng(9);
    const picked = rng.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(picked).size).toBe(4);
    expect(rng.sample([1, 2], 5)).toHaveLength(2);
  });

  it("pick throws on an empty array", () => {
    expect(() => createRng(1).pick([])).toThrow();
  });

  it("pareto is heavy-tailed and at least 1", () => {
    const rng = createRng(11);
    const values = Array.from({ length: 10_000 }, () => rng.pareto(1.5)).sort((a, b) => a - b);
    expect(values[0]).toBeGreaterThanOrEqual(1);
    expect(values[values.length - 1]).toBeGreaterThan(20 * (values[5_000] ?? 0));
  });
});

describe("WeightedSampler", () => {
  it("draws in proportion to the weights and never a zero weight", () => {
    const sampler = new WeightedSampler([1, 0, 3]);
    const rng = createRng(13);
    const counts = [0, 0, 0];
    for (let i = 0; i < 8_000; i += 1) {
      const index = sampler.draw(rng);
      counts[index] = (counts[index] ?? 0) + 1;
    }
    expect(counts[1]).toBe(0);
    expect((counts[2] ?? 0) / (counts[0] ?? 1)).toBeGreaterThan(2.6);
    expect((counts[2] ?? 0) / (counts[0] ?? 1)).toBeLessThan(3.4);
  });
});
