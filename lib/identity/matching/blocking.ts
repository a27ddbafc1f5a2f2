// Blocking: only records that share a cheap key are compared, instead of all N²/2 pairs. Each key targets
// a way true duplicates still agree despite noise:
//   e:  a canonical email           p:  a phone            l:  a LinkedIn slug
//   el: an email local part (work and personal address chosen alike)
//   ol: organization + last name    (colleagues are compared by name within their company)
//   lf: last name + first initial   (initials, and nicknames that keep the initial: Kate/Katherine)
//   fs: given-name group + Soundex of the last name (nicknames, and typos in the last name)
//   sf: Soundex of the first name + last name (typos in the first name)
//   sw: first and last name, sorted (swapped "Smith John"); fs and lf also read surname first
//   td: first name + the last name with one letter deleted (any one typo in the last name, even one that
//       changes its Soundex: "Harkmann" / "Haramann" share "harmann")
//   hn / hs: the handle of a nameless record's address ("jramirez") / the handles a name is written as
//       (address-handles.ts). One-sided: a handle block only pairs a nameless record with the others,
//       since two named records are compared by their names.
// A key shared by more than `maxBlockSize` records is skipped: such a block (every "Smith, J.") would
// cost more comparisons than all the others together, and its true pairs nearly always share another key.
import { givenNameGroups } from "../normalize/nicknames";
import type { NormalizedRecord } from "../normalize/normalize-record";
import { addressHandles, nameHandles } from "./address-handles";
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

/** The last name with each one letter left out, and itself: two spellings one edit apart share one. */
export function deletionVariants(word: string): string[] {
  const variants = new Set([word]);
  for (let at = 0; at < word.length; at += 1) variants.add(word.slice(0, at) + word.slice(at + 1));
  return [...variants];
}

/** Names shorter than this get no typo keys: "li" / "l" would pair every Wei L*. */
const MIN_TYPO_KEY_LENGTH = 4;

const NAMELESS_HANDLE = "hn:";
const NAME_HANDLE = "hs:";

export function blockingKeys(record: NormalizedRecord): string[] {
  const keys = new Set<string>();
  if (record.names.length === 0) for (const handle of addressHandles(record)) keys.add(`${NAMELESS_HANDLE}${handle}`);
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
    if (name.last.length >= MIN_TYPO_KEY_LENGTH) for (const variant of deletionVariants(name.last)) keys.add(`td:${name.first}|${variant}`);
    for (const handle of nameHandles(name)) keys.add(`${NAME_HANDLE}${handle}`);
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
  const blockId = (key: string): number => {
    let id = blockOfKey.get(key);
    if (id === undefined) {
      id = blocks.length;
      blockOfKey.set(key, id);
      blocks.push([]);
    }
    return id;
  };
  // A record meets the members of the block it scans: its own block, or for a one-sided handle key the
  // block of the other side ("hn:x" scans "hs:x" and the reverse).
  const blocksByRecord = records.map((record, index) => {
    const keys = blockingKeys(record);
    const ids = new Int32Array(keys.length);
    keys.forEach((key, position) => {
      blocks[blockId(key)]?.push(index);
      const other = key.startsWith(NAMELESS_HANDLE) ? NAME_HANDLE : key.startsWith(NAME_HANDLE) ? NAMELESS_HANDLE : null;
      ids[position] = other === null ? blockId(key) : blockId(other + key.slice(other.length));
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
      if (!block || block.length === 0 || block.length > maxBlockSize) continue;
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
