// SnapshotStore's refresh rules with a fake clock, loader and stamp (no database).
import { describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { buildGraphSnapshot } from "./graph-snapshot";
import { SnapshotStore } from "./snapshot-store";

function harness(intervalMs = 1_000) {
  const state = { clock: 0, stamp: "a", stampReads: 0, loads: 0, failStamp: false };
  const store = new SnapshotStore({
    db: {} as Db,
    refreshIntervalMs: intervalMs,
    now: () => state.clock,
    stamp: async () => {
      state.stampReads += 1;
      if (state.failStamp) throw new Error("database down");
      return state.stamp;
    },
    load: async () => {
      state.loads += 1;
      return buildGraphSnapshot([{ id: `p${state.loads}`, organizationId: null }], []);
    },
  });
  return { state, store };
}

describe("SnapshotStore", () => {
  it("builds once, serves from memory within the interval, checks after it and rebuilds only on change", async () => {
    const { state, store } = harness();
    const first = await store.get();
    expect(state).toMatchObject({ loads: 1, stampReads: 1 });
    state.stamp = "b";
    state.clock = 999;
    expect(await store.get()).toBe(first); // not checked yet
    expect(state.stampReads).toBe(1);
    state.clock = 1_000;
    const second = await store.get();
    expect(second).not.toBe(first);
    expect(state).toMatchObject({ loads: 2, stampReads: 2 });
    state.clock = 2_000;
    expect(await store.get()).toBe(second); // checked, unchanged
    expect(state).toMatchObject({ loads: 2, stampReads: 3 });
  });

  it("shares one in-flight refresh and retries after a failed check", async () => {
    const { state, store } = harness();
    const all = await Promise.all([store.get(), store.get(), store.get()]);
    expect(new Set(all).size).toBe(1);
    expect(state.loads).toBe(1);
    state.clock = 5_000;
    state.failStamp = true;
    await expect(store.get()).rejects.toThrow("database down");
    state.failStamp = false;
    state.stamp = "c";
    await store.get();
    expect(state.loads).toBe(2);
  });

  it("rebuilds on the next call after invalidate()", async () => {
    const { state, store } = harness(60_000);
    await store.get();
    store.invalidate();
    await store.get();
    expect(state.loads).toBe(2);
  });
});
