// Per-snapshot working memory for searches, allocated once (O(n)) and reset after each query by undoing
// only what the query touched, so a query costs what it explores, not O(n). JavaScript runs one query
// at a time per isolate (the search is synchronous), so one scratch per snapshot is enough.
import type { GraphSnapshot } from "./graph-snapshot";

export interface SearchScratch {
  /** Terminal table: where each owner's entries start and how many (0 = not an owner). */
  readonly termStart: Int32Array;
  readonly termLength: Int32Array;
  readonly termCursor: Int32Array;
  /** Owners touched by the current table, to reset termLength afterwards. */
  touched: Int32Array;
  /** Terminal entries: the endpoint reached, and the cost/strength of that last hop. */
  entryEndpoint: Int32Array;
  entryCost: Float64Array;
  entryStrength: Float64Array;
  /** 1 for the path's far end(s): never used as an intermediate. */
  readonly endpointMark: Uint8Array;
  /** Breadth-first distances + 1 (0 = unseen), the queue, and marks of the people looked for. */
  readonly distance: Int32Array;
  readonly queue: Int32Array;
  readonly wantedMark: Uint8Array;
}

const scratches = new WeakMap<GraphSnapshot, SearchScratch>();

export function scratchFor(snapshot: GraphSnapshot): SearchScratch {
  let scratch = scratches.get(snapshot);
  if (scratch === undefined) {
    const n = snapshot.ids.length;
    scratch = {
      termStart: new Int32Array(n),
      termLength: new Int32Array(n),
      termCursor: new Int32Array(n),
      touched: new Int32Array(64),
      entryEndpoint: new Int32Array(64),
      entryCost: new Float64Array(64),
      entryStrength: new Float64Array(64),
      endpointMark: new Uint8Array(n),
      distance: new Int32Array(n),
      queue: new Int32Array(n),
      wantedMark: new Uint8Array(n),
    };
    scratches.set(snapshot, scratch);
  }
  return scratch;
}

/** Grows the entry arrays to hold at least `size` entries (doubling, contents dropped). */
export function ensureEntryCapacity(scratch: SearchScratch, size: number): void {
  if (scratch.entryEndpoint.length >= size) return;
  let capacity = scratch.entryEndpoint.length;
  while (capacity < size) capacity *= 2;
  scratch.entryEndpoint = new Int32Array(capacity);
  scratch.entryCost = new Float64Array(capacity);
  scratch.entryStrength = new Float64Array(capacity);
}

/** Grows the touched-owner list, keeping its contents. */
export function ensureTouchedCapacity(scratch: SearchScratch, size: number): void {
  if (scratch.touched.length >= size) return;
  let capacity = scratch.touched.length;
  while (capacity < size) capacity *= 2;
  const wider = new Int32Array(capacity);
  wider.set(scratch.touched);
  scratch.touched = wider;
}
