import { describe, expect, it } from "vitest";
import { estimateRecomputeCost, fullRecomputeIsCheaper } from "./recompute-cost";

describe("fullRecomputeIsCheaper", () => {
  it("rebuilds when a large import touches a graph of about its own size (an mbox after a LinkedIn export)", () => {
    // Measured: 20.5k touched pairs into 30k existing ones, 115k interactions: per-pair 13–15 s, full 6–7 s.
    expect(fullRecomputeIsCheaper({ touchedPairs: 20_500, existingPairs: 30_000, interactions: 115_000 })).toBe(true);
  });

  it("adds to the touched pairs when the run is small next to the graph (10k interactions into 2M)", () => {
    // Measured: 22k touched pairs of 911k, 2M interactions: per-pair 21 s, full 158–202 s.
    expect(fullRecomputeIsCheaper({ touchedPairs: 22_035, existingPairs: 910_946, interactions: 2_010_000 })).toBe(false);
  });

  it("rebuilds a graph that the run creates from nothing", () => {
    expect(fullRecomputeIsCheaper({ touchedPairs: 30_000, existingPairs: 0, interactions: 30_000 })).toBe(true);
  });

  it("keeps a heavy thread between few people on the per-pair path, however many interactions it adds", () => {
    expect(fullRecomputeIsCheaper({ touchedPairs: 100, existingPairs: 30_000, interactions: 61_000 })).toBe(false);
  });

  it("grows with each input and treats unknown (negative) estimates as empty", () => {
    const base = estimateRecomputeCost({ touchedPairs: 1_000, existingPairs: 1_000, interactions: 1_000 });
    expect(estimateRecomputeCost({ touchedPairs: 2_000, existingPairs: 1_000, interactions: 1_000 }).perPairMs).toBeGreaterThan(base.perPairMs);
    expect(estimateRecomputeCost({ touchedPairs: 1_000, existingPairs: 2_000, interactions: 1_000 }).fullMs).toBeGreaterThan(base.fullMs);
    expect(estimateRecomputeCost({ touchedPairs: 1_000, existingPairs: 1_000, interactions: 2_000 }).fullMs).toBeGreaterThan(base.fullMs);
    expect(estimateRecomputeCost({ touchedPairs: 1_000, existingPairs: -1, interactions: -1 })).toEqual(
      estimateRecomputeCost({ touchedPairs: 1_000, existingPairs: 0, interactions: 0 }),
    );
  });
});
