// Small random graphs for the exactness tests: seeded, with cycles, repeated rows, ties in strength,
// excluded people and organizations, so the search meets every case brute force knows about.
import { createRng, type Rng } from "../../seed/demo/prng";
import type { SnapshotEdge, SnapshotPerson } from "../graph-snapshot";

export interface RandomGraph {
  people: SnapshotPerson[];
  edges: SnapshotEdge[];
  rng: Rng;
}

export interface RandomGraphOptions {
  people: number;
  edges: number;
  organizations: number;
  /** Share of people excluded (soft-deleted, erased, suppressed). */
  excludedShare: number;
  /** Draw strengths from a few values so equal-cost paths (ties) are common. */
  tiedStrengths: boolean;
}

const TIED = [1, 0.5, 0.25, 0.8, 0.4];

export function randomGraph(seed: number, options: RandomGraphOptions): RandomGraph {
  const rng = createRng(seed);
  const people: SnapshotPerson[] = Array.from({ length: options.people }, (_, index) => ({
    id: `p${index}`,
    organizationId: rng.chance(0.7) ? `org${rng.int(0, options.organizations - 1)}` : null,
    excluded: rng.chance(options.excludedShare),
  }));
  const edges: SnapshotEdge[] = [];
  for (let i = 0; i < options.edges; i += 1) {
    // A few hubs: a third of the edges touch the first three people.
    const from = rng.chance(0.15) ? rng.int(0, 2) : rng.int(0, options.people - 1);
    const to = rng.chance(0.15) ? rng.int(0, 2) : rng.int(0, options.people - 1);
    const strength = options.tiedStrengths ? rng.pick(TIED) : rng.chance(0.02) ? 0 : Math.round(rng.next() * 1e6) / 1e6;
    edges.push({ from: `p${from}`, to: `p${to}`, strength });
    // Most relationships exist in both directions, as WIG stores them.
    if (rng.chance(0.6)) edges.push({ from: `p${to}`, to: `p${from}`, strength: options.tiedStrengths ? rng.pick(TIED) : rng.next() });
  }
  return { people, edges, rng };
}
