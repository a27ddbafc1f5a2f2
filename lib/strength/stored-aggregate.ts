// A pair's aggregate as the PairAggregate table keeps it (pair-store.ts reads and writes it): the additive
// numbers of PairAggregate (counts, masses, directions, decayed mass), first and last seen, the sources, and
// the active days themselves — a day counts once, at its largest share, so adding new interactions needs
// the days already counted. With those, folding a batch of new interactions into a stored aggregate
// (mergeStoredAggregates) gives the aggregate of the whole history, in any arrival order, without reading it.
import type { InteractionChannel } from "../../prisma/generated/enums";
import type { PairAggregate } from "./pair-aggregate";
import { STRENGTH_CHANNELS } from "./weights";

export interface StoredAggregate {
  aggregate: PairAggregate;
  /**
   * Active UTC days (days since the epoch), ascending, and the largest share seen on each. Typed arrays where
   * they are built in bulk (the accumulator, unpacking, adding; a pair with years of history has hundreds),
   * plain arrays from SQL rows and in tests.
   */
  days: ArrayLike<number>;
  dayShares: ArrayLike<number>;
  /** The latest Interaction.createdAt folded in. */
  through: Date;
}

const CHANNELS = STRENGTH_CHANNELS.length;
/** counts × 6, masses × 6, first ms, last ms, aToB, bToA, mutual, replies, decayed. */
export const AGGREGATE_NUMBERS = 2 * CHANNELS + 7;

/** The additive part of an aggregate as the `numbers` column stores it. */
export function aggregateNumbers(aggregate: PairAggregate): number[] {
  return [
    ...STRENGTH_CHANNELS.map((channel) => aggregate.counts[channel]),
    ...STRENGTH_CHANNELS.map((channel) => aggregate.mass[channel]),
    aggregate.firstSeenAt?.getTime() ?? Number.NaN,
    aggregate.lastSeenAt?.getTime() ?? Number.NaN,
    aggregate.aToB,
    aggregate.bToA,
    aggregate.mutual,
    aggregate.replies,
    aggregate.decayedMass,
  ];
}

/** The inverse of aggregateNumbers; null when the stored array has the wrong length (a format change). */
export function aggregateFromNumbers(numbers: readonly number[], sources: readonly string[], activeDays: number): PairAggregate | null {
  if (numbers.length !== AGGREGATE_NUMBERS || numbers.some((value) => typeof value !== "number")) return null;
  const at = (index: number): number => numbers[index] as number;
  const counts = {} as Record<InteractionChannel, number>;
  const mass = {} as Record<InteractionChannel, number>;
  STRENGTH_CHANNELS.forEach((channel, index) => {
    counts[channel] = at(index);
    mass[channel] = at(CHANNELS + index);
  });
  const first = at(2 * CHANNELS);
  const last = at(2 * CHANNELS + 1);
  return {
    counts,
    mass,
    activeDays,
    firstSeenAt: Number.isFinite(first) ? new Date(first) : null,
    lastSeenAt: Number.isFinite(last) ? new Date(last) : null,
    aToB: at(2 * CHANNELS + 2),
    bToA: at(2 * CHANNELS + 3),
    mutual: at(2 * CHANNELS + 4),
    replies: at(2 * CHANNELS + 5),
    decayedMass: at(2 * CHANNELS + 6),
    sources: [...sources].sort(),
  };
}

/**
 * The `data` column: the AGGREGATE_NUMBERS numbers as Float64 little-endian, then per day two Uint16
 * little-endian: the day and its smallest group size. A share is always 1 / (groupSize − 1) of an integer
 * group size, so the size gives the share back bit for bit, in a quarter of the bytes.
 */
export function packStoredAggregate(stored: StoredAggregate): Buffer {
  const numbers = aggregateNumbers(stored.aggregate);
  const bytes = Buffer.alloc(AGGREGATE_NUMBERS * 8 + stored.days.length * 4);
  numbers.forEach((value, index) => bytes.writeDoubleLE(value, index * 8));
  for (let index = 0; index < stored.days.length; index += 1) {
    const at = AGGREGATE_NUMBERS * 8 + index * 4;
    bytes.writeUInt16LE(Math.min(0xffff, Math.max(0, stored.days[index] as number)), at);
    bytes.writeUInt16LE(groupSizeOfShare(stored.dayShares[index] as number), at + 2);
  }
  return bytes;
}

/** The inverse of packStoredAggregate; null when the bytes are not in that layout. */
export function unpackStoredAggregate(data: Uint8Array, sources: readonly string[], through: Date): StoredAggregate | null {
  const head = AGGREGATE_NUMBERS * 8;
  if (data.byteLength < head || (data.byteLength - head) % 4 !== 0) return null;
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const numbers = Array.from({ length: AGGREGATE_NUMBERS }, (_, index) => bytes.readDoubleLE(index * 8));
  const count = (bytes.byteLength - head) / 4;
  const days = new Int32Array(count);
  const dayShares = new Float64Array(count);
  for (let index = 0, at = head; index < count; index += 1, at += 4) {
    days[index] = bytes.readUInt16LE(at);
    dayShares[index] = 1 / (Math.max(2, bytes.readUInt16LE(at + 2)) - 1);
  }
  const aggregate = aggregateFromNumbers(numbers, sources, sumDayShares(dayShares));
  return aggregate ? { aggregate, days, dayShares, through } : null;
}

/** The integer group size n with 1 / (n − 1) = share (shares come from integer group sizes). */
export function groupSizeOfShare(share: number): number {
  return Math.min(0xffff, Math.max(2, Math.round(1 / share + 1)));
}


/** Σ of the days' shares, in day order (the order both recompute paths add them in). */
export function sumDayShares(shares: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < shares.length; index += 1) sum += shares[index] as number;
  return sum;
}

/** a ∪ b, sorted; a itself when it already is that (new interactions from sources the pair already has). */
function sortedUnion(a: readonly string[], b: readonly string[]): readonly string[] {
  const sorted = a.every((source, index) => index === 0 || (a[index - 1] as string) < source);
  if (sorted && b.every((source) => a.includes(source))) return a;
  return [...new Set([...a, ...b])].sort();
}

const earlier = (x: Date | null, y: Date | null): Date | null => (x === null ? y : y === null ? x : x.getTime() <= y.getTime() ? x : y);
const later = (x: Date | null, y: Date | null): Date | null => (x === null ? y : y === null ? x : x.getTime() >= y.getTime() ? x : y);

/**
 * The aggregate of two disjoint sets of interactions (a stored history and new interactions): sums add,
 * first/last seen widen, sources unite, and a day both have counts once at the larger share.
 */
export function mergeStoredAggregates(stored: StoredAggregate, delta: StoredAggregate): StoredAggregate {
  const merged = new Int32Array(stored.days.length + delta.days.length);
  const mergedShares = new Float64Array(merged.length);
  let i = 0;
  let j = 0;
  let k = 0;
  for (; i < stored.days.length || j < delta.days.length; k += 1) {
    const x = i < stored.days.length ? (stored.days[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < delta.days.length ? (delta.days[j] as number) : Number.POSITIVE_INFINITY;
    if (x === y) {
      merged[k] = x;
      mergedShares[k] = Math.max(stored.dayShares[i] as number, delta.dayShares[j] as number);
      i += 1;
      j += 1;
    } else if (x < y) {
      merged[k] = x;
      mergedShares[k] = stored.dayShares[i] as number;
      i += 1;
    } else {
      merged[k] = y;
      mergedShares[k] = delta.dayShares[j] as number;
      j += 1;
    }
  }
  const days = merged.subarray(0, k);
  const dayShares = mergedShares.subarray(0, k);
  const a = stored.aggregate;
  const b = delta.aggregate;
  const counts = {} as Record<InteractionChannel, number>;
  const mass = {} as Record<InteractionChannel, number>;
  for (const channel of STRENGTH_CHANNELS) {
    counts[channel] = a.counts[channel] + b.counts[channel];
    mass[channel] = a.mass[channel] + b.mass[channel];
  }
  return {
    aggregate: {
      counts,
      mass,
      activeDays: sumDayShares(dayShares),
      firstSeenAt: earlier(a.firstSeenAt, b.firstSeenAt),
      lastSeenAt: later(a.lastSeenAt, b.lastSeenAt),
      aToB: a.aToB + b.aToB,
      bToA: a.bToA + b.bToA,
      mutual: a.mutual + b.mutual,
      replies: a.replies + b.replies,
      decayedMass: a.decayedMass + b.decayedMass,
      sources: sortedUnion(a.sources, b.sources),
    },
    days,
    dayShares,
    through: stored.through.getTime() >= delta.through.getTime() ? stored.through : delta.through,
  };
}

/**
 * A short hash of one person's identifiers (emails, network handles; order-insensitive). A stored aggregate
 * is only added to while both its people still have the keys it was computed with (pairFingerprint): a
 * person who gained or lost one has a different history. Two 32-bit FNV-1a lanes; a collision would only
 * keep a stale aggregate until the nightly full recompute.
 */
export function personKeysHash(keys: readonly string[]): string {
  const text = [...new Set(keys)].sort().join("\u001f");
  let h1 = 0x811c9dc5;
  let h2 = 0x5bd1e995;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ code, 0x0100019d) >>> 0;
  }
  return `${h1.toString(16).padStart(8, "0")}${h2.toString(16).padStart(8, "0")}`;
}

/** The pair's fingerprint: both people's key hashes, the smaller id's first. */
export const pairFingerprint = (hashA: string, hashB: string): string => `${hashA}${hashB}`;
