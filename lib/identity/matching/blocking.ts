// Blocking: only records that share a cheap key are compared, instead of all N²/2 pairs. Each key targets
// a way true duplicates still agree despite noise:
//   e:  a canonical email           p:  a phone            l:  a LinkedIn slug
//   el: an email local part (work and personal address chosen alike)
//   ol: organization + last name    (colleagues are compared by name within their company)
//   lf: last name + first initial   (initials, and nicknames that keep the initial: Kate/Katherine)
//   fs: given-name group + Soundex of the last name (nicknames, and typos in the last name)
//   sf: Soundex of the first name + last name (typos in the first name)
//   sw: first and last name, sorted (swapped "Smith John"); fs and lf also read surname first
// A key shared by more than `maxBlockSize` records is skipped: such a block (every "Smith, J.") would
// cost more comparisons than all the others together, and its true pairs nearly always share another key.
import { givenNameGroups } from "../normalize/nicknames";
import type { NormalizedRecord } from "../normalize/normalize-record";
import { soundex } from "./phonetic";

export interface BlockingOptions {
  /** Blocks larger than this are skipped. Default 400. */
  maxBlockSize?: number;
}

export interface BlockingStats {
  keys: number;
  candidatePairs: number;
  skippedBlocks: number;
  largestBlockCompared: number;
}

export const DEFAULT_MAX_BLOCK_SIZE = 400;

export function blockingKeys(record: NormalizedRecord): string[] {
  const keys = new Set<string>();
  for (const email of record.emails) keys.add(`e:${email}`);
  for (const local of record.emailLocals) keys.add(`el:${local.key}`);
  for (const phone of record.phones) keys.add(`p:${phone}`);
  if (record.linkedin) keys.add(`l:${record.linkedin}`);
  for (const name of record.names) {
    if (name.last === null) continue;
    const lastSound = soundex(name.last);
    for (const label of record.organizationLabels) keys.add(`ol:${label}|${name.last}`);
    keys.add(`lf:${name.last}|${name.first[0] ?? ""}`);
    // Read surname first, for "Belski Susie" or "Rivera Petra" against "Susan Belski", "Petra Rievra":
    // cheap, since a block "fs:belski|…" only holds records whose given name is a surname.
    for (const group of givenNameGroups(name.last)) keys.add(`fs:${group}|${soundex(name.first)}`);
    // "Lopez C.": a one-letter surname is the initial of a name written surname first.
    if (name.last.length === 1) keys.add(`lf:${name.first}|${name.last}`);
    for (const group of givenNameGroups(name.first)) keys.add(`fs:${group}|${lastSound}`);
    keys.add(`sf:${soundex(name.first)}|${name.last}`);
    keys.add(`sw:${[name.first, name.last].sort().join("|")}`);
  }
  return [...keys];
}

/** First position in an ascending array holding a value greater than `value`. */
function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? 0) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Calls `visit(i, j)` once for every candidate pair (i < j, indices into `records`), without storing the
 * pairs: a per-record stamp array removes duplicates across keys, so memory stays O(N + keys).
 */
export function forEachCandidatePair(
  records: readonly NormalizedRecord[],
  visit: (i: number, j: number) => void,
  options: BlockingOptions = {},
): BlockingStats {
  const maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  // Keys become block numbers as soon as they are seen, so the strings can go once the index is built.
  const blockOfKey = new Map<string, number>();
  const blocks: number[][] = [];
  const blocksByRecord = records.map((record, index) => {
    const keys = blockingKeys(record);
    const ids = new Int32Array(keys.length);
    keys.forEach((key, position) => {
      let id = blockOfKey.get(key);
      if (id === undefined) {
        id = blocks.length;
        blockOfKey.set(key, id);
        blocks.push([]);
      }
      blocks[id]?.push(index);
      ids[position] = id;
    });
    return ids;
  });
  const stats: BlockingStats = { keys: blocks.length, candidatePairs: 0, skippedBlocks: 0, largestBlockCompared: 0 };
  for (const block of blocks) {
    if (block.length > maxBlockSize) stats.skippedBlocks += 1;
    else if (block.length > stats.largestBlockCompared) stats.largestBlockCompared = block.length;
  }
  const stamp = new Int32Array(records.length).fill(-1);
  blocksByRecord.forEach((ids, i) => {
    for (const id of ids) {
      const block = blocks[id];
      if (!block || block.length < 2 || block.length > maxBlockSize) continue;
      for (let position = upperBound(block, i); position < block.length; position += 1) {
        const j = block[position] ?? -1;
        if (stamp[j] === i) continue;
        stamp[j] = i;
        stats.candidatePairs += 1;
        visit(i, j);
      }
    }
  });
  return stats;
}
