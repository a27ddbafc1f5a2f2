// The full recompute's aggregation, in memory: interactions stream in once (any order), and every pair of
// people in each one is folded into a PairAggregate. It applies the model of recompute-sql.ts's
// aggregateEventsSql (which the incremental path runs per batch): group share 1 / (groupSize − 1), direction
// from the pair's point of view, masses halved for one-way contact, replies versus mutual by channel, decay
// to DECAY_REFERENCE_DATE, and active days counted once per UTC day at that day's largest share.
// recompute.integration.test.ts checks that both give identical edges.
//
// Why not SQL for the full pass: at 2M interactions PostgreSQL spent ~100 s here unnesting participants,
// grouping them back per interaction and aggregating twice (per pair-day, per pair); streaming the rows
// into typed arrays takes a fraction of that. Memory: ~150 bytes a pair and ~16 bytes a pair-interaction,
// in typed arrays (outside the JS heap).
import type { InteractionChannel } from "../../prisma/generated/enums";
import { DECAY_REFERENCE_DATE, type PairAggregate } from "./pair-aggregate";
import { PairSlots } from "./pair-slots";
import type { StoredAggregate } from "./stored-aggregate";
import { CHANNEL_RICHNESS, DEFAULT_HALF_LIFE_DAYS, ONE_WAY_SHARE, STRENGTH_CHANNELS, THREAD_CHANNELS } from "./weights";

const DAY_MS = 86_400_000;
const CHANNELS = STRENGTH_CHANNELS.length;
const CHANNEL_INDEX = new Map<string, number>(STRENGTH_CHANNELS.map((channel, index) => [channel, index]));
const RICHNESS = Float64Array.from(STRENGTH_CHANNELS, (channel) => CHANNEL_RICHNESS[channel]);
const IS_THREAD = Uint8Array.from(STRENGTH_CHANNELS, (channel) => (THREAD_CHANNELS.includes(channel) ? 1 : 0));
const REFERENCE_MS = DECAY_REFERENCE_DATE.getTime();
const HALF_LIFE_MS = DEFAULT_HALF_LIFE_DAYS * DAY_MS;
/** Source names are kept as a bit mask per pair. */
export const MAX_SOURCES = 31;

/** One stored interaction, as the recompute reads it. */
export interface AccumulatedInteraction {
  timeMs: number;
  channel: InteractionChannel;
  sourceName: string;
  /** max(2, participants, metadata.groupSize): recompute-sql.ts's groupSizeSql. */
  groupSize: number;
  /** direction = two_way. */
  twoWay: boolean;
  /** A LinkedIn connection with no direction: nobody started it. */
  undirected: boolean;
  /** Dense person indices of the participants, in participant order; the first key's people started it. */
  people: readonly number[];
  /** How many leading entries of `people` came from participants[0] (one key can name several people). */
  starters: number;
  /** Interaction.createdAt (epoch ms): each pair keeps the latest, its stored aggregate's `through`. */
  createdMs?: number;
}

/** Active days per pair slot, as compressed rows (PairAccumulator.dayMaps). */
export interface DayMaps {
  start: Int32Array;
  day: Int32Array;
  share: Float64Array;
  /** Per slot: the sum of its days' shares (the pair's active days). */
  sums: Float64Array;
}

/** A Float64Array/Int32Array that doubles when full. */
function grown<T extends Float64Array | Int32Array | Uint32Array>(array: T, needed: number, make: (length: number) => T): T {
  if (needed <= array.length) return array;
  let length = array.length * 2;
  while (length < needed) length *= 2;
  const next = make(length);
  next.set(array);
  return next;
}

export class PairAccumulator {
  private readonly pairs: PairSlots;
  private readonly sources = new Map<string, number>();
  private capacity: number;
  private a: Int32Array;
  private b: Int32Array;
  /** Per pair: counts then masses per channel (2 × CHANNELS), then first, last, aToB, bToA, mutual, replies, decayed, latest createdAt. */
  private numbers: Float64Array;
  private sourceMask: Uint32Array;
  /** Per pair-interaction: the pair's slot, the UTC day and the share, for active days. */
  private daySlot: Int32Array;
  private dayIndex: Int32Array;
  private dayShare: Float64Array;
  private days = 0;
  private static readonly STRIDE = 2 * CHANNELS + 8;

  constructor(expectedPairs = 1024) {
    this.capacity = Math.max(16, expectedPairs);
    this.pairs = new PairSlots(this.capacity);
    this.a = new Int32Array(this.capacity);
    this.b = new Int32Array(this.capacity);
    this.numbers = new Float64Array(this.capacity * PairAccumulator.STRIDE);
    this.sourceMask = new Uint32Array(this.capacity);
    this.daySlot = new Int32Array(this.capacity * 2);
    this.dayIndex = new Int32Array(this.capacity * 2);
    this.dayShare = new Float64Array(this.capacity * 2);
  }

  get pairCount(): number {
    return this.pairs.size;
  }

  /** Source names in bit order. */
  sourceNames(): string[] {
    return [...this.sources.keys()];
  }

  private sourceBit(name: string): number {
    let bit = this.sources.get(name);
    if (bit === undefined) {
      bit = this.sources.size;
      if (bit >= MAX_SOURCES) throw new Error(`The recompute supports up to ${MAX_SOURCES} source names; found more.`);
      this.sources.set(name, bit);
    }
    return bit;
  }

  private slot(a: number, b: number): number {
    const known = this.pairs.size;
    const slot = this.pairs.slotOf(a, b);
    if (slot < known) return slot;
    if (slot >= this.capacity) {
      const capacity = this.capacity * 2;
      this.a = grown(this.a, capacity, (n) => new Int32Array(n));
      this.b = grown(this.b, capacity, (n) => new Int32Array(n));
      this.numbers = grown(this.numbers, capacity * PairAccumulator.STRIDE, (n) => new Float64Array(n));
      this.sourceMask = grown(this.sourceMask, capacity, (n) => new Uint32Array(n));
      this.capacity = capacity;
    }
    // A new pair: first and last seen start empty.
    const base = slot * PairAccumulator.STRIDE;
    this.numbers[base + 2 * CHANNELS] = Number.POSITIVE_INFINITY;
    this.numbers[base + 2 * CHANNELS + 1] = Number.NEGATIVE_INFINITY;
    this.a[slot] = a;
    this.b[slot] = b;
    return slot;
  }

  add(interaction: AccumulatedInteraction): void {
    const { people, starters } = interaction;
    if (people.length < 2) return;
    const channel = CHANNEL_INDEX.get(interaction.channel);
    if (channel === undefined) return;
    const share = 1 / (interaction.groupSize - 1);
    const bit = 1 << this.sourceBit(interaction.sourceName);
    const day = Math.floor(interaction.timeMs / DAY_MS);
    const decay = (RICHNESS[channel] as number) * share * 2 ** ((interaction.timeMs - REFERENCE_MS) / HALF_LIFE_MS);
    const thread = IS_THREAD[channel] === 1;
    const createdMs = interaction.createdMs ?? 0;
    for (let i = 0; i < people.length; i += 1) {
      const x = people[i] as number;
      if (people.indexOf(x) !== i) continue;
      for (let j = i + 1; j < people.length; j += 1) {
        const y = people[j] as number;
        if (y === x || people.indexOf(y) !== j) continue;
        const a = x < y ? x : y;
        const b = x < y ? y : x;
        // 'm' two-way, 'a'/'b' one-way started by that side, null: undirected or started by someone else.
        let direction: "m" | "a" | "b" | null = null;
        if (interaction.twoWay) direction = "m";
        else if (!interaction.undirected) {
          const aStarted = people.indexOf(a) < starters;
          const bStarted = people.indexOf(b) < starters;
          direction = aStarted ? "a" : bStarted ? "b" : null;
        }
        const oneWay = direction === "m" ? 1 : ONE_WAY_SHARE;
        const slot = this.slot(a, b);
        const base = slot * PairAccumulator.STRIDE;
        const n = this.numbers;
        n[base + channel] = (n[base + channel] as number) + 1;
        n[base + CHANNELS + channel] = (n[base + CHANNELS + channel] as number) + share * oneWay;
        const at = base + 2 * CHANNELS;
        if (interaction.timeMs < (n[at] as number)) n[at] = interaction.timeMs;
        if (interaction.timeMs > (n[at + 1] as number)) n[at + 1] = interaction.timeMs;
        if (direction === "a") n[at + 2] = (n[at + 2] as number) + share;
        else if (direction === "b") n[at + 3] = (n[at + 3] as number) + share;
        else if (direction === "m" && !thread) n[at + 4] = (n[at + 4] as number) + share;
        else if (direction === "m") n[at + 5] = (n[at + 5] as number) + share;
        n[at + 6] = (n[at + 6] as number) + decay * oneWay;
        if (createdMs > (n[at + 7] as number)) n[at + 7] = createdMs;
        this.sourceMask[slot] = (this.sourceMask[slot] as number) | bit;
        this.addDay(slot, day, share);
      }
    }
  }

  private addDay(slot: number, day: number, share: number): void {
    const index = this.days++;
    if (index >= this.daySlot.length) {
      this.daySlot = grown(this.daySlot, index + 1, (n) => new Int32Array(n));
      this.dayIndex = grown(this.dayIndex, index + 1, (n) => new Int32Array(n));
      this.dayShare = grown(this.dayShare, index + 1, (n) => new Float64Array(n));
    }
    this.daySlot[index] = slot;
    this.dayIndex[index] = day;
    this.dayShare[index] = share;
  }

  /**
   * Each pair's active UTC days with the day's largest share, per slot (compressed rows: slot s owns entries
   * start[s] … start[s + 1] − 1, days ascending), and their sum, the pair's active days. Pair-interactions are
   * bucketed by slot (a counting sort), then each bucket's days are ordered and their maxima kept.
   */
  dayMaps(): DayMaps {
    const slots = this.pairs.size;
    const bucket = new Int32Array(slots + 1);
    for (let e = 0; e < this.days; e += 1) bucket[(this.daySlot[e] as number) + 1] = (bucket[(this.daySlot[e] as number) + 1] as number) + 1;
    for (let s = 0; s < slots; s += 1) bucket[s + 1] = (bucket[s + 1] as number) + (bucket[s] as number);
    const fill = bucket.slice(0, slots);
    const order = new Int32Array(this.days);
    for (let e = 0; e < this.days; e += 1) order[(fill[this.daySlot[e] as number] as number)++] = e;
    const start = new Int32Array(slots + 1);
    const day = new Int32Array(this.days);
    const share = new Float64Array(this.days);
    const sums = new Float64Array(slots);
    const scratch: number[] = [];
    let out = 0;
    for (let s = 0; s < slots; s += 1) {
      start[s] = out;
      const from = bucket[s] as number;
      const to = bucket[s + 1] as number;
      scratch.length = 0;
      for (let k = from; k < to; k += 1) scratch.push(order[k] as number);
      if (scratch.length > 1) scratch.sort((x, y) => (this.dayIndex[x] as number) - (this.dayIndex[y] as number));
      let sum = 0;
      let k = 0;
      while (k < scratch.length) {
        const current = this.dayIndex[scratch[k] as number] as number;
        let best = 0;
        for (; k < scratch.length && this.dayIndex[scratch[k] as number] === current; k += 1) best = Math.max(best, this.dayShare[scratch[k] as number] as number);
        day[out] = current;
        share[out] = best;
        out += 1;
        sum += best;
      }
      sums[s] = sum;
    }
    start[slots] = out;
    return { start, day: day.subarray(0, out), share: share.subarray(0, out), sums };
  }

  /** Σ over each pair's UTC days of the day's largest share, per slot. */
  activeDays(): Float64Array {
    return this.dayMaps().sums;
  }

  /** The slot's aggregate with its active days, as the PairAggregate table keeps it (stored-aggregate.ts). */
  stored(slot: number, maps: DayMaps, sourceNames: readonly string[]): StoredAggregate {
    const from = maps.start[slot] as number;
    const to = maps.start[slot + 1] as number;
    return {
      aggregate: this.aggregate(slot, maps.sums[slot] as number, sourceNames),
      days: maps.day.subarray(from, to),
      dayShares: maps.share.subarray(from, to),
      through: new Date(this.latestCreatedMs(slot)),
    };
  }

  /** The latest createdAt (epoch ms) of the slot's interactions; 0 when none was given. */
  latestCreatedMs(slot: number): number {
    return this.numbers[slot * PairAccumulator.STRIDE + 2 * CHANNELS + 7] as number;
  }

  /** The pairs' person indices, per slot. */
  pairIndices(): { a: Int32Array; b: Int32Array } {
    return { a: this.a.subarray(0, this.pairs.size), b: this.b.subarray(0, this.pairs.size) };
  }

  aggregate(slot: number, activeDays: number, sourceNames: readonly string[]): PairAggregate {
    const base = slot * PairAccumulator.STRIDE;
    const n = this.numbers;
    const counts = {} as Record<InteractionChannel, number>;
    const mass = {} as Record<InteractionChannel, number>;
    STRENGTH_CHANNELS.forEach((channel, index) => {
      counts[channel] = n[base + index] as number;
      mass[channel] = n[base + CHANNELS + index] as number;
    });
    const at = base + 2 * CHANNELS;
    const mask = this.sourceMask[slot] as number;
    return {
      counts,
      mass,
      activeDays,
      firstSeenAt: new Date(n[at] as number),
      lastSeenAt: new Date(n[at + 1] as number),
      aToB: n[at + 2] as number,
      bToA: n[at + 3] as number,
      mutual: n[at + 4] as number,
      replies: n[at + 5] as number,
      decayedMass: n[at + 6] as number,
      sources: sourceNames.filter((_, bit) => (mask & (1 << bit)) !== 0),
    };
  }
}
