// Exact k-best simple paths under a hop limit: depth-first branch and bound over cost-sorted rows.
// Costs are −log(strength) ≥ 0, so a prefix can only get more expensive; each row is scanned in ascending
// cost and abandoned at the first edge whose prefix + the cheapest possible finish cannot beat the k-th
// best path found so far ("stop when no remaining path can beat the k-th best"). Paths finish through
// the terminal table (one lookup), which is the meet-in-the-middle half of the search.
//
// Exactness: every simple path within the limit is either enumerated or provably no better than the
// k-th best. Ties are broken by a total order (cost, hops, node indices), and pruning keeps a small
// slack (EPSILON) because a backward search sums costs in a different order than the canonical
// forward sum; candidates are then compared on the canonical sum, so results equal brute force exactly.
import type { Csr } from "./csr";
import type { TerminalTable } from "./terminal-table";

/** Far larger than float error on ≤ 4 sums of costs, far smaller than any meaningful cost difference. */
const EPSILON = 1e-9;

export interface FoundPath {
  /** Node indices from source to target. */
  nodes: number[];
  /** Strength of each hop, in path order. */
  strengths: number[];
  /** Σ −log(strength) summed from the source's end (the canonical order). */
  cost: number;
}

export interface BoundedSearchSpec {
  /** Rows to expand: out-edges searching from the source, in-edges searching back from the target. */
  adjacency: Csr;
  /** Where paths start (the source, or the target/members when searching backward). */
  starts: ArrayLike<number>;
  /**
   * How a path finishes: through the terminal table (one lookup per node), or, when null, by scanning
   * the node's own row for marked endpoints (for organizations so large that building the table costs
   * more than the search; their members are dense, so a scan meets one early).
   */
  terminals: TerminalTable | null;
  /** A lower bound on any finishing hop's cost (the table's minimum, or the cheapest in-edge of any endpoint). */
  minFinishCost: number;
  /** Never on a path (excluded people). */
  blocked: Uint8Array;
  /** The far end(s): reached only through the terminal table, never as an intermediate. */
  endpointMark: Uint8Array;
  maxHops: number;
  k: number;
  /** True when searching from the target side: paths are found end-first and reversed. */
  backward: boolean;
}

/** The total order on paths: cheaper, then fewer hops, then smaller node indices. */
export function comparePaths(a: FoundPath, b: FoundPath): number {
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  if (a.nodes.length !== b.nodes.length) return a.nodes.length - b.nodes.length;
  for (let i = 0; i < a.nodes.length; i += 1) {
    const difference = (a.nodes[i] as number) - (b.nodes[i] as number);
    if (difference !== 0) return difference;
  }
  return 0;
}

export function boundedSearch(spec: BoundedSearchSpec): { paths: FoundPath[]; scanned: number } {
  const { offsets, targets, costs, strengths } = spec.adjacency;
  const table = spec.terminals;
  const { blocked, endpointMark, maxHops, k, backward, minFinishCost: minCost } = spec;
  const stackNode = new Int32Array(maxHops + 1);
  const stackCost = new Float64Array(maxHops + 1);
  const stackStrength = new Float64Array(maxHops + 1);
  const best: FoundPath[] = [];
  let bound = Infinity;
  let scanned = 0;

  const onStack = (node: number, depth: number): boolean => {
    for (let i = 0; i <= depth; i += 1) if (stackNode[i] === node) return true;
    return false;
  };

  const record = (depth: number, endpoint: number, hopCost: number, hopStrength: number, runningTotal: number): void => {
    let cost = runningTotal;
    if (backward) {
      // Canonical order: from the source (the endpoint) towards the target (stack[0]).
      cost = hopCost;
      for (let i = depth; i >= 1; i -= 1) cost += stackCost[i] as number;
    }
    const last = best[k - 1];
    if (last !== undefined && cost > last.cost) return;
    const nodes: number[] = [];
    const hops: number[] = [];
    if (backward) {
      nodes.push(endpoint);
      hops.push(hopStrength);
      for (let i = depth; i >= 0; i -= 1) {
        nodes.push(stackNode[i] as number);
        if (i >= 1) hops.push(stackStrength[i] as number);
      }
    } else {
      for (let i = 0; i <= depth; i += 1) {
        nodes.push(stackNode[i] as number);
        if (i >= 1) hops.push(stackStrength[i] as number);
      }
      nodes.push(endpoint);
      hops.push(hopStrength);
    }
    const found: FoundPath = { nodes, strengths: hops, cost };
    if (last !== undefined && comparePaths(found, last) >= 0) return;
    let position = best.length;
    while (position > 0 && comparePaths(found, best[position - 1] as FoundPath) < 0) position -= 1;
    best.splice(position, 0, found);
    if (best.length > k) best.pop();
    if (best.length === k) bound = (best[k - 1] as FoundPath).cost + EPSILON;
  };

  const visit = (depth: number, cost: number): void => {
    const node = stackNode[depth] as number;
    if (table !== null) {
      const length = table.length[node] as number;
      const first = table.start[node] as number;
      for (let i = first; i < first + length; i += 1) {
        const total = cost + (table.cost[i] as number);
        if (total > bound) break;
        const endpoint = table.single >= 0 ? table.single : (table.endpoint[i] as number);
        if (!onStack(endpoint, depth)) record(depth, endpoint, table.cost[i] as number, table.strength[i] as number, total);
      }
    } else {
      for (let e = offsets[node] as number; e < (offsets[node + 1] as number); e += 1) {
        scanned += 1;
        const total = cost + (costs[e] as number);
        if (total > bound) break;
        const endpoint = targets[e] as number;
        if (endpointMark[endpoint] === 1 && !onStack(endpoint, depth)) record(depth, endpoint, costs[e] as number, strengths[e] as number, total);
      }
    }
    if (depth + 1 >= maxHops) return;
    // A node at depth + 1 can still finish (one more hop); beyond maxHops − 1 it can only finish.
    const nextIsLeaf = depth + 2 >= maxHops;
    for (let e = offsets[node] as number; e < (offsets[node + 1] as number); e += 1) {
      scanned += 1;
      const next = cost + (costs[e] as number);
      if (next + minCost > bound) break;
      const neighbor = targets[e] as number;
      if (blocked[neighbor] === 1 || endpointMark[neighbor] === 1 || onStack(neighbor, depth)) continue;
      if (nextIsLeaf) {
        // Its cheapest possible finish: the first table entry, or the first edge of its own row.
        if (table !== null) {
          if (table.length[neighbor] === 0 || next + (table.cost[table.start[neighbor] as number] as number) > bound) continue;
        } else if (offsets[neighbor] === offsets[neighbor + 1] || next + (costs[offsets[neighbor] as number] as number) > bound) {
          continue;
        }
      }
      stackNode[depth + 1] = neighbor;
      stackCost[depth + 1] = costs[e] as number;
      stackStrength[depth + 1] = strengths[e] as number;
      visit(depth + 1, next);
    }
  };

  if (minCost !== Infinity) {
    for (let i = 0; i < spec.starts.length; i += 1) {
      const start = spec.starts[i] as number;
      if (blocked[start] === 1) continue;
      stackNode[0] = start;
      visit(0, 0);
    }
  }
  return { paths: best, scanned };
}
