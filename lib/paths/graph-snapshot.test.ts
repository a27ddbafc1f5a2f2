import { describe, expect, it } from "vitest";
import type { Csr } from "./csr";
import { buildGraphSnapshot, edgeStrength } from "./graph-snapshot";

function row(csr: Csr, ids: readonly string[], index: number): Array<[string, number]> {
  const entries: Array<[string, number]> = [];
  for (let e = csr.offsets[index] as number; e < (csr.offsets[index + 1] as number); e += 1) {
    entries.push([ids[csr.targets[e] as number] as string, csr.strengths[e] as number]);
  }
  return entries;
}

describe("buildGraphSnapshot", () => {
  const snapshot = buildGraphSnapshot(
    [
      { id: "a", organizationId: "o1" },
      { id: "b", organizationId: "o1" },
      { id: "c", organizationId: "o2" },
      { id: "d", organizationId: "o1", excluded: true },
      { id: "e", organizationId: null },
    ],
    [
      { from: "a", to: "c", strength: 0.2 },
      { from: "a", to: "b", strength: 0.7 },
      { from: "a", to: "e", strength: 0.7 },
      { from: "a", to: "b", strength: 0.9 }, // duplicate pair: the strongest row wins
      { from: "a", to: "c", strength: 1.5 }, // clamped to 1
      { from: "b", to: "a", strength: 0.4 },
      { from: "a", to: "a", strength: 0.5 }, // self-loop
      { from: "a", to: "zed", strength: 0.5 }, // unknown person
      { from: "d", to: "a", strength: 0.5 }, // excluded person
      { from: "c", to: "b", strength: 0 }, // no strength
      { from: "c", to: "e", strength: Number.NaN },
    ],
  );
  const index = (id: string): number => snapshot.indexOf.get(id) as number;

  it("sorts each row by strength descending (ties by index) and keeps the strongest duplicate", () => {
    expect(row(snapshot.out, snapshot.ids, index("a"))).toEqual([["c", 1], ["b", 0.9], ["e", 0.7]]);
    expect(Array.from(snapshot.out.costs.subarray(0, 3))).toEqual([0, -Math.log(0.9), -Math.log(0.7)]);
    expect(row(snapshot.out, snapshot.ids, index("c"))).toEqual([]);
  });

  it("keeps the reverse adjacency for searching from the target", () => {
    expect(row(snapshot.in, snapshot.ids, index("b"))).toEqual([["a", 0.9]]);
    expect(row(snapshot.in, snapshot.ids, index("a"))).toEqual([["b", 0.4]]);
    expect(snapshot.in.targets.length).toBe(snapshot.out.targets.length);
  });

  it("drops unusable rows and counts them, lists current members per organization", () => {
    expect(snapshot.droppedEdges).toBe(5);
    expect(snapshot.excluded[index("d")]).toBe(1);
    expect(Array.from(snapshot.membersByOrganization.get("o1") ?? [])).toEqual([index("a"), index("b")]);
    expect(Array.from(snapshot.membersByOrganization.get("o2") ?? [])).toEqual([index("c")]);
    expect(edgeStrength(snapshot, index("a"), index("b"))).toBe(0.9);
    expect(edgeStrength(snapshot, index("b"), index("c"))).toBeNull();
  });

  it("sorts long rows (the index-sort branch) the same way", () => {
    const ids = Array.from({ length: 60 }, (_, i) => `n${i}`);
    const big = buildGraphSnapshot(
      ids.map((id) => ({ id, organizationId: null })),
      ids.slice(1).map((id, i) => ({ from: "n0", to: id, strength: ((i * 37) % 11) / 10 + 0.05 })),
    );
    const strengths = row(big.out, big.ids, 0).map(([, strength]) => strength);
    expect(strengths).toEqual([...strengths].sort((x, y) => y - x));
    const entries = row(big.out, big.ids, 0);
    for (let i = 1; i < entries.length; i += 1) {
      const [previousId, previous] = entries[i - 1] as [string, number];
      const [id, strength] = entries[i] as [string, number];
      if (previous === strength) expect(big.indexOf.get(previousId) as number).toBeLessThan(big.indexOf.get(id) as number);
    }
  });

  it("builds the same snapshot from id rows and from position columns", () => {
    const people = ["a", "b", "c", "d"].map((id, i) => ({ id, organizationId: i % 2 === 0 ? "o" : null, excluded: id === "d" }));
    const rows = [
      { from: "a", to: "b", strength: 0.5 }, { from: "a", to: "b", strength: 0.7 }, { from: "b", to: "c", strength: 0.2 },
      { from: "c", to: "a", strength: 1 }, { from: "c", to: "d", strength: 0.9 }, { from: "b", to: "b", strength: 0.3 }, { from: "a", to: "c", strength: -1 },
    ];
    const position = (id: string): number => people.findIndex((person) => person.id === id);
    const fromRows = buildGraphSnapshot(people, rows);
    const fromColumns = buildGraphSnapshot(people, {
      from: Int32Array.from(rows, (row) => position(row.from)),
      to: Int32Array.from(rows, (row) => position(row.to)),
      strength: Float64Array.from(rows, (row) => row.strength),
    });
    expect(fromColumns).toEqual(fromRows);
    expect(() => buildGraphSnapshot(people, { from: new Int32Array(2), to: new Int32Array(1), strength: new Float64Array(2) })).toThrow(RangeError);
    const columns = { from: new Int32Array(1), to: Int32Array.of(1), strength: Float64Array.of(0.5) };
    expect(() => buildGraphSnapshot([...people, { id: "a", organizationId: null }], columns)).toThrow(/listed once/);
  });
});
