// Step 5: edges derived from interactions, the way an import derives them: every pair of people who
// appear together in an interaction gets both directed edges (A→B and B→A), scored with the real strength
// model (lib/strength: summarizePair + scoreEdge, mutual connections and shared organizations included),
// with the same conventions as the SQL recompute, so `strength.recompute_all` on a seeded database keeps
// the same strengths. People are found by any of their emails, so mail sent from a personal address counts,
// or by a network handle (`linkedin:<slug>`), as the recompute's person keys do.
import type { InteractionChannel, InteractionDirection, RelationshipType } from "../../../prisma/generated/enums";
import { countMutualConnections } from "../../strength/mutual-connections";
import { DECAY_REFERENCE_DATE } from "../../strength/pair-aggregate";
import { scoreEdge } from "../../strength/score-edge";
import { ZStrengthFactors } from "../../strength/strength-factors.schema";
import { summarizePair, type PairInteraction } from "../../strength/summarize-pair";
import { stableUuid } from "../seed-ids";
import type { DemoEdge } from "./types";

export interface EdgeInteraction {
  timestamp: Date;
  participants: readonly string[];
  channel: InteractionChannel;
  direction: InteractionDirection | null;
  sourceName: string;
  metadata?: Readonly<Record<string, unknown>> | null;
}

export interface EdgePerson {
  id: string;
  emails: readonly string[];
  /** Network handles: a participant `network:handle` (a LinkedIn contact without an address) names the person. */
  socialHandles?: Readonly<Record<string, string>> | null;
  organizationId: string | null;
}

/** The group size the recompute uses: participants listed, or the audience the source recorded. */
function groupSize(interaction: EdgeInteraction): number {
  const recorded = interaction.metadata?.groupSize;
  return Math.max(2, interaction.participants.length, typeof recorded === "number" ? Math.floor(recorded) : 0);
}

export function deriveEdges(people: readonly EdgePerson[], interactions: readonly EdgeInteraction[], referenceDate: Date): DemoEdge[] {
  // Pairs are keyed by person index (low * n + high): numeric keys keep ~30k pairs cheap to build.
  const indexByKey = new Map<string, number>();
  people.forEach((person, index) => {
    for (const email of person.emails) indexByKey.set(email, index);
    for (const [network, handle] of Object.entries(person.socialHandles ?? {})) indexByKey.set(`${network}:${handle}`, index);
  });

  const pairs = new Map<number, { low: number; high: number; interactions: PairInteraction[] }>();
  for (const interaction of interactions) {
    const found: number[] = [];
    for (const email of interaction.participants) {
      const index = indexByKey.get(email);
      if (index !== undefined && !found.includes(index)) found.push(index);
    }
    if (found.length < 2) continue;
    const starter = indexByKey.get(interaction.participants[0] ?? "");
    const size = groupSize(interaction);
    const undirected = interaction.direction === null && interaction.channel === "linkedin";
    const indices = [...found].sort((x, y) => x - y);
    for (let i = 0; i < indices.length; i += 1) {
      for (let j = i + 1; j < indices.length; j += 1) {
        const low = indices[i] as number;
        const high = indices[j] as number;
        const key = low * people.length + high;
        let pair = pairs.get(key);
        if (!pair) pairs.set(key, (pair = { low, high, interactions: [] }));
        // Same conventions as lib/strength/recompute-sql.ts: two-way → mutual; participants[0] started one-way.
        const direction: PairInteraction["direction"] =
          interaction.direction === "two_way" ? "mutual" : undirected ? null : starter === low ? "a_to_b" : starter === high ? "b_to_a" : null;
        pair.interactions.push({ timestamp: interaction.timestamp, channel: interaction.channel, groupSize: size, sourceName: interaction.sourceName, direction });
      }
    }
  }

  // Ordered by (low, high), so mutual connections line up with the pair list and the output is stable.
  const ordered = [...pairs.values()].sort((x, y) => x.low - y.low || x.high - y.high);
  const mutual = countMutualConnections(Int32Array.from(ordered, (pair) => pair.low), Int32Array.from(ordered, (pair) => pair.high), people.length);
  const edges: DemoEdge[] = [];
  ordered.forEach((pair, position) => {
    const low = people[pair.low];
    const high = people[pair.high];
    if (!low || !high) return;
    const sameOrganization = low.organizationId !== null && low.organizationId === high.organizationId;
    const type: RelationshipType = sameOrganization ? "colleague" : "knows";
    // The model's pair (a, b) has a < b by id, as the SQL recompute orders it.
    const [a, b] = low.id < high.id ? [low, high] : [high, low];
    const flip = a !== low;
    const summary = summarizePair({
      interactions: flip ? pair.interactions.map((interaction) => ({ ...interaction, direction: flipDirection(interaction.direction) })) : pair.interactions,
      decayReferenceDate: DECAY_REFERENCE_DATE,
      mutualConnections: mutual[position] ?? 0,
      sharedOrganization: sameOrganization,
    });
    // Validate a sample (the shape is fixed by scoreEdge; zod costs ~50 µs per pair).
    const factors = scoreEdge(summary, { asOf: referenceDate, validate: false });
    if (position % 1000 === 0) ZStrengthFactors.parse(factors);
    const channels = Object.keys(summary.countsByChannel).sort();
    for (const [from, to] of [[a.id, b.id], [b.id, a.id]] as const) {
      edges.push({
        id: stableUuid(`demo/edge/${from}/${to}/${type}`), fromPersonId: from, toPersonId: to, relationshipType: type,
        strength: factors.score, strengthFactors: factors, sources: [...summary.sources], channels: [...channels],
        firstSeenAt: summary.firstSeenAt as Date, lastSeenAt: summary.lastSeenAt as Date, interactionCount: pair.interactions.length,
      });
    }
  });
  // Sorted so the output (and the write order) does not depend on Map iteration details.
  return edges.sort((x, y) => (x.fromPersonId < y.fromPersonId ? -1 : x.fromPersonId > y.fromPersonId ? 1 : x.toPersonId < y.toPersonId ? -1 : 1));
}

function flipDirection(direction: PairInteraction["direction"]): PairInteraction["direction"] {
  return direction === "a_to_b" ? "b_to_a" : direction === "b_to_a" ? "a_to_b" : direction;
}
