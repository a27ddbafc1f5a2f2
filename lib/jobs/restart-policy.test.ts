import { describe, expect, it } from "vitest";
import { HEALTHY_UPTIME_MS, nextRestart } from "./restart-policy";

describe("nextRestart", () => {
  it("restarts a worker that ran a while at once, and backs off while it keeps dying young", () => {
    expect(nextRestart({ quickExits: 0 }, 10 * 60_000)).toEqual({ delayMs: 0, state: { quickExits: 0 } });
    let state = { quickExits: 0 };
    const delays: number[] = [];
    for (let exit = 0; exit < 9; exit += 1) {
      const next = nextRestart(state, 2_000);
      delays.push(next.delayMs);
      state = next.state;
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(nextRestart(state, HEALTHY_UPTIME_MS)).toEqual({ delayMs: 0, state: { quickExits: 0 } });
  });
});
