// Plans and runs one exact search: which side to expand, how paths finish, and the scratch marks that
// must be undone afterwards. Every plan returns the same paths (the exactness tests force each one);
// the plan only decides how much of the graph is read.
import { boundedSearch, type FoundPath } from "./bounded-search";
import { rowLength, type Csr } from "./csr";
import type { GraphSnapshot } from "./graph-snapshot";
import { scratchFor } from "./search-scratch";
import { buildTerminalTable, releaseTerminalTable, type TerminalTable } from "./terminal-table";

/**
 * Above this many in-edges into an organization's members, finishing by scanning rows beats building
 * the terminal table: such organizations are large, their members dense in every row, and the table
 * would cost more than the whole search (measured: ~12 ms for 5,500 members against < 0.1 ms of search).
 */
export const TABLE_ENTRY_LIMIT = 8_192;

export interface PathSearchRequest {
  source: number;
  /** The target alone, or the organization's current members (the source left out). */
  endpoints: Int32Array;
  personTarget: boolean;
  k: number;
  maxHops: number;
  direction: "auto" | "forward" | "backward";
  finishing: "auto" | "table" | "scan";
}

export interface PathSearchOutcome {
  paths: FoundPath[];
  direction: "forward" | "backward";
  finishing: "table" | "scan";
  scanned: number;
}

/** Rows read when estimating a side's cost; a hub's 4,000 neighbours are sampled, not all read. */
const ESTIMATE_SAMPLE = 256;

/** deg(node) + Σ deg(neighbour) over `csr`, extrapolated from the first ESTIMATE_SAMPLE neighbours. */
function twoLevelRows(csr: Csr, node: number): number {
  const start = csr.offsets[node] as number;
  const degree = rowLength(csr, node);
  const sampled = Math.min(degree, ESTIMATE_SAMPLE);
  let sum = 0;
  for (let e = start; e < start + sampled; e += 1) sum += rowLength(csr, csr.targets[e] as number);
  return degree + (sampled === 0 ? 0 : (sum * degree) / sampled);
}

/**
 * Rough edge-scan cost of expanding each side: the search enumerates about two levels of rows from
 * the side it starts on, and reads the other side's rows once for the terminal table. Stops summing the
 * backward side once it is already dearer. A heuristic only: both sides return the same paths.
 */
function backwardIsCheaper(snapshot: GraphSnapshot, source: number, endpoints: Int32Array, maxHops: number, tableEntries: number): boolean {
  if (maxHops < 3) return false;
  const forward = twoLevelRows(snapshot.out, source) + tableEntries;
  let backward = rowLength(snapshot.out, source);
  for (const member of endpoints) {
    backward += twoLevelRows(snapshot.in, member);
    if (backward >= forward) return false;
  }
  return true;
}

export function runPathSearch(snapshot: GraphSnapshot, request: PathSearchRequest): PathSearchOutcome {
  const { source, endpoints, maxHops } = request;
  const incoming = snapshot.in;
  let tableEntries = 0;
  let cheapestIn = Infinity;
  for (const member of endpoints) {
    tableEntries += rowLength(incoming, member);
    if (rowLength(incoming, member) > 0) cheapestIn = Math.min(cheapestIn, incoming.costs[incoming.offsets[member] as number] as number);
  }
  const scan =
    request.direction !== "backward" &&
    (request.finishing === "scan" || (request.finishing === "auto" && !request.personTarget && tableEntries > TABLE_ENTRY_LIMIT));
  const backward = !scan && (request.direction === "auto" ? backwardIsCheaper(snapshot, source, endpoints, maxHops, tableEntries) : request.direction === "backward");

  // The far end(s) are never intermediates: the target side when searching forward; searching backward,
  // the source, and an organization's members too (so a path stops at the first member).
  let marked = endpoints;
  if (backward) {
    marked = new Int32Array(request.personTarget ? 1 : endpoints.length + 1);
    marked[0] = source;
    if (!request.personTarget) marked.set(endpoints, 1);
  }
  const scratch = scratchFor(snapshot);
  for (const node of marked) scratch.endpointMark[node] = 1;
  let table: TerminalTable | null = null;
  try {
    if (!scan) {
      table = backward
        ? buildTerminalTable(scratch, [source], snapshot.out, snapshot.excluded, false)
        : buildTerminalTable(scratch, endpoints, incoming, snapshot.excluded, true);
    }
    const outcome = boundedSearch({
      adjacency: backward ? incoming : snapshot.out,
      starts: backward ? endpoints : [source],
      terminals: table,
      minFinishCost: table?.minCost ?? cheapestIn,
      blocked: snapshot.excluded,
      endpointMark: scratch.endpointMark,
      maxHops,
      k: request.k,
      backward,
    });
    return { ...outcome, direction: backward ? "backward" : "forward", finishing: scan ? "scan" : "table" };
  } finally {
    if (table !== null) releaseTerminalTable(scratch, table);
    for (const node of marked) scratch.endpointMark[node] = 0;
  }
}
