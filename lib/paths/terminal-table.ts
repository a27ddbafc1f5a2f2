// The "other side" of a two-sided search: for every node one hop away from the path's far end(s), the
// list of (endpoint, last-hop cost) it can finish with, sorted by cost. Searching forward from the source,
// the endpoints are the target (or the organization's members) and the table comes from their in-edges;
// searching backward from the target, the endpoint is the source and the table comes from its out-edges.
// A search then finishes a path with one lookup instead of scanning a row for the endpoint.
import { sortRow, type Csr } from "./csr";
import { ensureEntryCapacity, ensureTouchedCapacity, type SearchScratch } from "./search-scratch";

export interface TerminalTable {
  readonly start: Int32Array;
  /** Entries per owner; 0 for nodes that cannot finish a path in one hop. */
  readonly length: Int32Array;
  readonly endpoint: Int32Array;
  readonly cost: Float64Array;
  readonly strength: Float64Array;
  /** The cheapest last hop overall: a lower bound on finishing from anywhere (Infinity when none). */
  readonly minCost: number;
  readonly ownerCount: number;
  /**
   * The one endpoint when there is only one (a person target, or the source searching backward): then
   * `cost`/`strength` are the approach CSR's own arrays, `start` points into them, and `endpoint` is unused.
   */
  readonly single: number;
}

/**
 * Builds the table from `approach`, a CSR whose row for each endpoint lists the nodes that reach it in
 * one hop (the in-CSR when endpoints are targets, the out-CSR when the endpoint is the source).
 * Blocked owners are left out. With `skipMarkedOwners`, so are owners marked as endpoints (searching
 * forward, a member of the target organization is never an intermediate, so its entries would be dead
 * weight); searching backward the marked nodes are also the starts, whose own entries give 1-hop paths.
 * Cost O(Σ row lengths) plus sorting owners with several entries.
 */
export function buildTerminalTable(
  scratch: SearchScratch,
  endpoints: ArrayLike<number>,
  approach: Csr,
  blocked: Uint8Array,
  skipMarkedOwners: boolean,
): TerminalTable {
  const skip = skipMarkedOwners ? scratch.endpointMark : blocked;
  const { termStart, termLength, termCursor } = scratch;
  const { offsets, targets, costs, strengths } = approach;
  if (endpoints.length === 1) return singleEndpointTable(scratch, endpoints[0] as number, approach, blocked, skip);
  let owners = 0;
  let total = 0;
  for (let i = 0; i < endpoints.length; i += 1) {
    const endpoint = endpoints[i] as number;
    for (let e = offsets[endpoint] as number; e < (offsets[endpoint + 1] as number); e += 1) {
      const owner = targets[e] as number;
      if (blocked[owner] === 1 || skip[owner] === 1) continue;
      if (termLength[owner] === 0) {
        ensureTouchedCapacity(scratch, owners + 1);
        scratch.touched[owners] = owner;
        owners += 1;
      }
      termLength[owner] = (termLength[owner] as number) + 1;
      total += 1;
    }
  }
  ensureEntryCapacity(scratch, total);
  let next = 0;
  for (let i = 0; i < owners; i += 1) {
    const owner = scratch.touched[i] as number;
    termStart[owner] = next;
    termCursor[owner] = next;
    next += termLength[owner] as number;
  }
  const { entryEndpoint, entryCost, entryStrength } = scratch;
  let minCost = Infinity;
  for (let i = 0; i < endpoints.length; i += 1) {
    const endpoint = endpoints[i] as number;
    for (let e = offsets[endpoint] as number; e < (offsets[endpoint + 1] as number); e += 1) {
      const owner = targets[e] as number;
      if (blocked[owner] === 1 || skip[owner] === 1) continue;
      const position = termCursor[owner] as number;
      termCursor[owner] = position + 1;
      entryEndpoint[position] = endpoint;
      entryCost[position] = costs[e] as number;
      entryStrength[position] = strengths[e] as number;
      if ((costs[e] as number) < minCost) minCost = costs[e] as number;
    }
  }
  // A single endpoint gives one entry per owner: nothing to sort.
  if (endpoints.length > 1) {
    for (let i = 0; i < owners; i += 1) {
      const owner = scratch.touched[i] as number;
      const start = termStart[owner] as number;
      sortRow(entryEndpoint, entryCost, entryStrength, start, start + (termLength[owner] as number));
    }
  }
  return { start: termStart, length: termLength, endpoint: entryEndpoint, cost: entryCost, strength: entryStrength, minCost, ownerCount: owners, single: -1 };
}

/**
 * One endpoint: each owner has exactly one entry (rows are deduplicated), which is simply its edge in the
 * endpoint's row, so the table points into the CSR instead of copying: one pass, two writes per owner.
 * A hub's 5,000-edge row (backward from a person target towards a hub source) was most of such a query.
 */
function singleEndpointTable(scratch: SearchScratch, endpoint: number, approach: Csr, blocked: Uint8Array, skip: Uint8Array): TerminalTable {
  const { termStart, termLength } = scratch;
  const { offsets, targets, costs, strengths } = approach;
  const first = offsets[endpoint] as number;
  const end = offsets[endpoint + 1] as number;
  ensureTouchedCapacity(scratch, end - first);
  const touched = scratch.touched;
  let owners = 0;
  let minCost = Infinity;
  for (let e = first; e < end; e += 1) {
    const owner = targets[e] as number;
    if (blocked[owner] === 1 || skip[owner] === 1) continue;
    termStart[owner] = e;
    termLength[owner] = 1;
    touched[owners] = owner;
    owners += 1;
    // Rows are sorted by cost: the first kept edge is the cheapest.
    if (minCost === Infinity) minCost = costs[e] as number;
  }
  return { start: termStart, length: termLength, endpoint: scratch.entryEndpoint, cost: costs, strength: strengths, minCost, ownerCount: owners, single: endpoint };
}

/** Undoes a table's marks so the scratch is clean for the next query. */
export function releaseTerminalTable(scratch: SearchScratch, table: TerminalTable): void {
  for (let i = 0; i < table.ownerCount; i += 1) scratch.termLength[scratch.touched[i] as number] = 0;
}
