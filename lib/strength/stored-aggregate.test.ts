import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InteractionChannel } from "../../prisma/generated/enums";
import { PairAccumulator, type AccumulatedInteraction } from "./pair-accumulator";
import {
  aggregateFromNumbers,
  aggregateNumbers,
  mergeStoredAggregates,
  packStoredAggregate,
  pairFingerprint,
  personKeysHash,
  unpackStoredAggregate,
  type StoredAggregate,
} from "./stored-aggregate";

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

const arbitraryInteraction = fc.record({
  day: fc.integer({ min: 0, max: 40 }),
  hour: fc.integer({ min: 0, max: 23 }),
  channel: fc.constantFrom<InteractionChannel>("email", "meeting", "call", "message", "linkedin", "other"),
  sourceName: fc.constantFrom("gmail", "calendar", "slack"),
  groupSize: fc.integer({ min: 2, max: 9 }),
  twoWay: fc.boolean(),
  undirected: fc.boolean(),
  reversed: fc.boolean(),
  createdMs: fc.integer({ min: 1, max: 1_000_000 }),
});

type Generated = typeof arbitraryInteraction extends fc.Arbitrary<infer T> ? T : never;

function toInteraction(generated: Generated): AccumulatedInteraction {
  return {
    timeMs: T0 + generated.day * DAY + generated.hour * 3_600_000,
    channel: generated.channel,
    sourceName: generated.sourceName,
    groupSize: generated.groupSize,
    twoWay: generated.twoWay,
    undirected: generated.undirected && generated.channel === "linkedin",
    people: generated.reversed ? [1, 0] : [0, 1],
    starters: 1,
    createdMs: generated.createdMs,
  };
}

/** The one pair's aggregate of these interactions, as the full recompute folds them. */
function fold(interactions: readonly Generated[]): StoredAggregate {
  const accumulator = new PairAccumulator();
  for (const interaction of interactions) accumulator.add(toInteraction(interaction));
  const maps = accumulator.dayMaps();
  const aggregate = accumulator.aggregate(0, maps.sums[0] as number, accumulator.sourceNames());
  return {
    aggregate: { ...aggregate, sources: [...aggregate.sources].sort() },
    days: Array.from(maps.day.subarray(maps.start[0], maps.start[1])),
    dayShares: Array.from(maps.share.subarray(maps.start[0], maps.start[1])),
    through: new Date(accumulator.latestCreatedMs(0)),
  };
}

function rounded(stored: StoredAggregate) {
  return {
    numbers: aggregateNumbers(stored.aggregate).map((value) => Number(value.toPrecision(12))),
    activeDays: Number(stored.aggregate.activeDays.toPrecision(12)),
    sources: stored.aggregate.sources,
    days: Array.from(stored.days),
    shares: Array.from(stored.dayShares, (value) => Number(value.toPrecision(12))),
    through: stored.through.getTime(),
  };
}

describe("mergeStoredAggregates", () => {
  it("gives the aggregate of both histories, whatever arrived first (days shared, earlier or later)", () => {
    fc.assert(
      fc.property(fc.array(arbitraryInteraction, { minLength: 1, maxLength: 30 }), fc.array(arbitraryInteraction, { minLength: 1, maxLength: 30 }), (first, second) => {
        expect(rounded(mergeStoredAggregates(fold(first), fold(second)))).toEqual(rounded(fold([...first, ...second])));
      }),
      { numRuns: 300 },
    );
  });

  it("round-trips the stored numbers", () => {
    const stored = fold([{ day: 3, hour: 9, channel: "meeting", sourceName: "calendar", groupSize: 3, twoWay: true, undirected: false, reversed: false, createdMs: 5 }]);
    expect(aggregateFromNumbers(aggregateNumbers(stored.aggregate), stored.aggregate.sources, stored.aggregate.activeDays)).toEqual(stored.aggregate);
    expect(aggregateFromNumbers([1, 2, 3], [], 0)).toBeNull();
    const unpacked = unpackStoredAggregate(packStoredAggregate(stored), stored.aggregate.sources, stored.through);
    expect(unpacked && { ...unpacked, days: Array.from(unpacked.days), dayShares: Array.from(unpacked.dayShares) }).toEqual(stored);
    expect(unpackStoredAggregate(new Uint8Array(12), [], stored.through)).toBeNull();
  });
});

describe("personKeysHash", () => {
  it("ignores order and repeats, and changes when a key is added", () => {
    const hash = personKeysHash(["a@x.example", "slack:U1"]);
    expect(personKeysHash(["slack:U1", "a@x.example", "a@x.example"])).toBe(hash);
    expect(personKeysHash(["slack:U1", "a@x.example", "b@x.example"])).not.toBe(hash);
    expect(pairFingerprint(hash, personKeysHash([]))).toHaveLength(32);
  });
});
