// The reference answer: enumerate every simple path within the hop limit straight from the edge rows
// (no CSR, no pruning, no terminal table) and sort. Exponential in hops; for tests on small graphs and
// for benchmarks' agreement checks on a handful of queries. Same semantics as findIntroPaths: excluded
// people never appear, duplicate rows keep the strongest, an organization path ends at its first member.
import { strengthCost, usableStrength } from "./csr";
import type { SnapshotEdge, SnapshotPerson } from "./graph-snapshot";
import type { IntroTarget } from "./intro-path.types";

export interface BruteForcePath {
  people: string[];
  strengths: number[];
  cost: number;
}

export function bruteForceIntroPaths(
  people: readonly SnapshotPerson[],
  edges: readonly SnapshotEdge[],
  query: { from: string; to: IntroTarget; k: number; maxHops: number },
  /** Tie order between equal-cost paths (findIntroPaths uses snapshot indices). */
  order: ReadonlyMap<string, number>,
): BruteForcePath[] {
  const personById = new Map(people.map((person) => [person.id, person]));
  const usable = (id: string): boolean => personById.has(id) && personById.get(id)?.excluded !== true;
  const adjacency = new Map<string, Map<string, number>>();
  for (const edge of edges) {
    const strength = usableStrength(edge.strength);
    if (strength === null || edge.from === edge.to || !usable(edge.from) || !usable(edge.to)) continue;
    const row = adjacency.get(edge.from) ?? new Map<string, number>();
    adjacency.set(edge.from, row);
    row.set(edge.to, Math.max(strength, row.get(edge.to) ?? 0));
  }
  const isEnd = (id: string): boolean =>
    query.to.kind === "person" ? id === query.to.personId : id !== query.from && personById.get(id)?.organizationId === query.to.organizationId;

  const found: BruteForcePath[] = [];
  const walk = (path: string[], strengths: number[]): void => {
    const last = path[path.length - 1] as string;
    for (const [next, strength] of adjacency.get(last) ?? []) {
      if (path.includes(next)) continue;
      if (isEnd(next)) {
        const hops = [...strengths, strength];
        found.push({ people: [...path, next], strengths: hops, cost: hops.reduce((sum, s) => sum + strengthCost(s), 0) });
      } else if (path.length < query.maxHops) {
        walk([...path, next], [...strengths, strength]);
      }
    }
  };
  if (usable(query.from)) walk([query.from], []);
  const key = (id: string): number => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  found.sort((a, b) => {
    if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
    if (a.people.length !== b.people.length) return a.people.length - b.people.length;
    for (let i = 0; i < a.people.length; i += 1) {
      const difference = key(a.people[i] as string) - key(b.people[i] as string);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  return found.slice(0, query.k);
}
