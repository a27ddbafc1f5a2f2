// Step 4: edges derived from interactions, the way an import will derive them: every pair of people who
// appear together in an interaction gets both directed edges (A→B and B→A) summarizing all their shared
// interactions. Strength is the seed placeholder (seed-strength.ts); the real model replaces it later.
// People are found by any of their emails, so mail sent from a personal address still counts.
import type { InteractionChannel, InteractionDirection, RelationshipType } from "../../../prisma/generated/enums";
import { stableUuid } from "../seed-ids";
import { interactionWeight, seedStrength } from "../seed-strength";
import type { DemoEdge } from "./types";

const DAY_MS = 86_400_000;

export interface EdgeInteraction {
  timestamp: Date;
  participants: readonly string[];
  channel: InteractionChannel;
  direction: InteractionDirection | null;
  sourceName: string;
}

export interface EdgePerson {
  id: string;
  emails: readonly string[];
  organizationId: string | null;
}

interface PairSummary {
  low: number;
  high: number;
  count: number;
  weighted: number;
  first: number;
  last: number;
  /** Bit i set when sourceNames[i] / channelNames[i] occurred: two ints instead of two Sets per pair. */
  sourceMask: number;
  channelMask: number;
}

/** Stable small indices for the (few) distinct names seen, so sets of them fit in a bitmask. */
class NameIndex {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();

  bit(name: string): number {
    let position = this.index.get(name);
    if (position === undefined) {
      position = this.names.length;
      if (position >= 31) throw new Error("more than 31 distinct sources or channels");
      this.names.push(name);
      this.index.set(name, position);
    }
    return 1 << position;
  }

  /** The names whose bits are set, sorted. */
  list(mask: number): string[] {
    return this.names.filter((_, position) => (mask & (1 << position)) !== 0).sort();
  }
}

export function deriveEdges(people: readonly EdgePerson[], interactions: readonly EdgeInteraction[], referenceDate: Date): DemoEdge[] {
  // Pairs are keyed by person index (low * n + high): numeric keys keep ~30k pairs cheap to build.
  const indexByEmail = new Map<string, number>();
  people.forEach((person, index) => {
    for (const email of person.emails) indexByEmail.set(email, index);
  });

  const pairs = new Map<number, PairSummary>();
  const sourceNames = new NameIndex();
  const channelNames = new NameIndex();
  for (const interaction of interactions) {
    const found = new Set<number>();
    for (const email of interaction.participants) {
      const index = indexByEmail.get(email);
      if (index !== undefined) found.add(index);
    }
    if (found.size < 2) continue;
    const indices = [...found].sort((x, y) => x - y);
    const weight = interactionWeight(interaction.channel, interaction.direction, indices.length);
    const time = interaction.timestamp.getTime();
    const sourceBit = sourceNames.bit(interaction.sourceName);
    const channelBit = channelNames.bit(interaction.channel);
    for (let i = 0; i < indices.length; i += 1) {
      for (let j = i + 1; j < indices.length; j += 1) {
        const low = indices[i] ?? 0;
        const high = indices[j] ?? 0;
        const key = low * people.length + high;
        let pair = pairs.get(key);
        if (!pair) {
          pair = { low, high, count: 0, weighted: 0, first: time, last: time, sourceMask: 0, channelMask: 0 };
          pairs.set(key, pair);
        }
        pair.count += 1;
        pair.weighted += weight;
        pair.first = Math.min(pair.first, time);
        pair.last = Math.max(pair.last, time);
        pair.sourceMask |= sourceBit;
        pair.channelMask |= channelBit;
      }
    }
  }

  const edges: DemoEdge[] = [];
  for (const pair of pairs.values()) {
    const low = people[pair.low];
    const high = people[pair.high];
    if (!low || !high) continue;
    const sameOrganization = low.organizationId !== null && low.organizationId === high.organizationId;
    const type: RelationshipType = sameOrganization ? "colleague" : "knows";
    const channels = channelNames.list(pair.channelMask);
    const { strength, factors } = seedStrength({
      weightedInteractions: pair.weighted,
      interactionCount: pair.count,
      daysSinceLast: (referenceDate.getTime() - pair.last) / DAY_MS,
      channels,
    });
    const sources = sourceNames.list(pair.sourceMask);
    for (const [from, to] of [[low.id, high.id], [high.id, low.id]] as const) {
      edges.push({
        id: stableUuid(`demo/edge/${from}/${to}/${type}`), fromPersonId: from, toPersonId: to, relationshipType: type,
        strength, strengthFactors: factors, sources: [...sources], channels: [...channels],
        firstSeenAt: new Date(pair.first), lastSeenAt: new Date(pair.last), interactionCount: pair.count,
      });
    }
  }
  // Sorted so the output (and the write order) does not depend on Map iteration details.
  return edges.sort((x, y) => (x.fromPersonId < y.fromPersonId ? -1 : x.fromPersonId > y.fromPersonId ? 1 : x.toPersonId < y.toPersonId ? -1 : 1));
}
