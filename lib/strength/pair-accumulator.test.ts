import { describe, expect, it } from "vitest";
import { PairAccumulator, type AccumulatedInteraction } from "./pair-accumulator";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1, 9);

function interaction(overrides: Partial<AccumulatedInteraction>): AccumulatedInteraction {
  return { timeMs: T0, channel: "email", sourceName: "gmail", groupSize: 2, twoWay: false, undirected: false, people: [0, 1], starters: 1, ...overrides };
}

function only(accumulator: PairAccumulator) {
  const days = accumulator.activeDays();
  return accumulator.aggregate(0, days[0] as number, accumulator.sourceNames());
}

describe("PairAccumulator", () => {
  it("counts a day once, at its most personal share, and sums the days", () => {
    const accumulator = new PairAccumulator();
    accumulator.add(interaction({ groupSize: 3, people: [0, 1, 2] }));
    accumulator.add(interaction({ timeMs: T0 + 3_600_000 }));
    accumulator.add(interaction({ timeMs: T0 + DAY, groupSize: 5, channel: "meeting", twoWay: true, sourceName: "calendar", people: [1, 0] }));
    const aggregate = only(accumulator);
    expect(aggregate.activeDays).toBeCloseTo(1 + 0.25, 12);
    expect(aggregate.counts).toMatchObject({ email: 2, meeting: 1, call: 0 });
    expect(aggregate.mass.email).toBeCloseTo(0.5 * 0.5 + 1 * 0.5, 12);
    expect(aggregate.mass.meeting).toBeCloseTo(0.25, 12);
    expect(aggregate.mutual).toBeCloseTo(0.25, 12);
    expect(aggregate.replies).toBe(0);
    expect(aggregate.aToB).toBeCloseTo(1.5, 12);
    expect(aggregate.firstSeenAt?.getTime()).toBe(T0);
    expect(aggregate.lastSeenAt?.getTime()).toBe(T0 + DAY);
    expect([...aggregate.sources].sort()).toEqual(["calendar", "gmail"]);
    // Three pairs from the group of three: (0,1), (0,2), (1,2).
    expect(accumulator.pairCount).toBe(3);
  });

  it("reads direction from the pair: started by the larger index, by nobody in the pair, undirected, two-way thread", () => {
    const accumulator = new PairAccumulator();
    accumulator.add(interaction({ people: [1, 0] }));
    accumulator.add(interaction({ people: [2, 0, 1], groupSize: 3 }));
    accumulator.add(interaction({ channel: "linkedin", undirected: true, sourceName: "linkedin" }));
    accumulator.add(interaction({ twoWay: true, channel: "message", sourceName: "slack" }));
    const aggregate = only(accumulator);
    expect(aggregate.bToA).toBe(1);
    expect(aggregate.aToB).toBe(0);
    expect(aggregate.replies).toBe(1);
    expect(aggregate.mutual).toBe(0);
    expect(aggregate.counts.linkedin).toBe(1);
  });

  it("treats a person listed twice as one, and one key naming two people as both starters", () => {
    const accumulator = new PairAccumulator();
    accumulator.add(interaction({ people: [0, 1, 0], groupSize: 3 }));
    expect(accumulator.pairCount).toBe(1);
    const shared = new PairAccumulator();
    shared.add(interaction({ people: [0, 1, 2], starters: 2, groupSize: 3 }));
    const days = shared.activeDays();
    const names = shared.sourceNames();
    const byPair = new Map<string, ReturnType<PairAccumulator["aggregate"]>>();
    const { a, b } = shared.pairIndices();
    for (let slot = 0; slot < shared.pairCount; slot += 1) byPair.set(`${a[slot]}-${b[slot]}`, shared.aggregate(slot, days[slot] as number, names));
    expect(byPair.get("0-2")?.aToB).toBe(0.5);
    expect(byPair.get("1-2")?.aToB).toBe(0.5);
    expect(byPair.get("0-1")?.aToB).toBe(0.5);
  });

  it("grows past its initial capacity without losing a pair", () => {
    const accumulator = new PairAccumulator(16);
    for (let x = 0; x < 300; x += 1) for (let y = x + 1; y < x + 20; y += 1) accumulator.add(interaction({ people: [x, y], timeMs: T0 + ((x * 31 + y) % 50) * DAY }));
    expect(accumulator.pairCount).toBe(300 * 19);
    const days = accumulator.activeDays();
    const { a, b } = accumulator.pairIndices();
    const seen = new Set<string>();
    for (let slot = 0; slot < accumulator.pairCount; slot += 1) {
      expect(days[slot]).toBe(1);
      expect(accumulator.aggregate(slot, 1, accumulator.sourceNames()).counts.email).toBe(1);
      seen.add(`${a[slot]}-${b[slot]}`);
    }
    expect(seen.size).toBe(300 * 19);
  });
});
