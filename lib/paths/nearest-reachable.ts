// When no path fits the hop limit, say something useful: how far the target really is, and which of
// its people the source gets closest to. A breadth-first search from the source over typed arrays,
// bounded in depth and stopped at the end of the first layer that gives enough to show. It can still
// read most of a small-world graph (tens of ms at 1M edges), so it runs only when there is no path.
import type { GraphSnapshot } from "./graph-snapshot";
import type { NearestPerson } from "./intro-path.types";
import type { SearchScratch } from "./search-scratch";

/** Deep enough to find most targets in a connected team graph, shallow enough to stay bounded. */
export const NEAREST_PROBE_HOPS = 6;
const NEAREST_LIMIT = 5;

export interface NearestQuery {
  source: number;
  /** Organization members, or the target person alone. */
  targets: Int32Array;
  /** True for a person target: report its in-neighbours the source can reach, with their strength to it. */
  personTarget: boolean;
}

export function findNearestReachable(snapshot: GraphSnapshot, scratch: SearchScratch, query: NearestQuery): { targetHops: number | null; nearest: NearestPerson[] } {
  const { distance, queue, wantedMark, endpointMark } = scratch;
  const { offsets, targets } = snapshot.out;
  const incoming = snapshot.in;
  // Wanted: the target's in-neighbours (person) or the members themselves (organization).
  const strengthTo = new Map<number, number>();
  const target = query.targets[0] as number;
  if (query.personTarget) {
    for (let e = incoming.offsets[target] as number; e < (incoming.offsets[target + 1] as number); e += 1) {
      wantedMark[incoming.targets[e] as number] = 1;
      strengthTo.set(incoming.targets[e] as number, incoming.strengths[e] as number);
    }
  } else {
    for (const member of query.targets) wantedMark[member] = 1;
  }
  for (const member of query.targets) endpointMark[member] = 1;

  const found: NearestPerson[] = [];
  let targetHops: number | null = null;
  let head = 0;
  let tail = 0;
  queue[tail++] = query.source;
  distance[query.source] = 1;
  for (let hops = 1; hops <= NEAREST_PROBE_HOPS && head < tail; hops += 1) {
    const layerEnd = tail;
    while (head < layerEnd) {
      const node = queue[head++] as number;
      for (let e = offsets[node] as number; e < (offsets[node + 1] as number); e += 1) {
        const neighbor = targets[e] as number;
        if (distance[neighbor] !== 0 || snapshot.excluded[neighbor] === 1) continue;
        distance[neighbor] = hops + 1;
        queue[tail++] = neighbor;
        if (endpointMark[neighbor] === 1 && targetHops === null) targetHops = hops;
        if (wantedMark[neighbor] === 1) {
          found.push({ personId: snapshot.ids[neighbor] as string, hopsFromSource: hops, strengthToTarget: strengthTo.get(neighbor) ?? null });
        }
      }
    }
    // Layers come out nearest first: stop once this layer gave enough (a person: once the target is reached).
    if (query.personTarget ? targetHops !== null : found.length >= NEAREST_LIMIT) break;
  }
  for (let i = 0; i < tail; i += 1) distance[queue[i] as number] = 0;
  if (query.personTarget) for (const neighbor of strengthTo.keys()) wantedMark[neighbor] = 0;
  else for (const member of query.targets) wantedMark[member] = 0;
  for (const member of query.targets) endpointMark[member] = 0;

  found.sort((a, b) => a.hopsFromSource - b.hopsFromSource || (b.strengthToTarget ?? 0) - (a.strengthToTarget ?? 0) || (a.personId < b.personId ? -1 : 1));
  return { targetHops, nearest: found.slice(0, NEAREST_LIMIT) };
}
