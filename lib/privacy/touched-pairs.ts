// The pairs whose edges change when interactions are deleted or lose participants (erasure, retention): every
// two people still named by one interaction's remaining keys. A key names every live person who has it, as in
// the recompute (lib/strength/people-of-keys.ts), so an address two people share counts for both. Past
// MAX_FULL_PAIR_GROUP people only the first one's pairs are recomputed, as the importer does.
import { MAX_FULL_PAIR_GROUP } from "../strength/new-interactions";

/** "a b" keys (a < b) of the pairs among each interaction's people, people in `excluded` left out. */
export function pairsOfInteractions(
  participants: ReadonlyArray<readonly string[]>,
  peopleOfKey: ReadonlyMap<string, readonly string[]>,
  excluded: ReadonlySet<string> = new Set(),
): Set<string> {
  const pairs = new Set<string>();
  for (const keys of participants) {
    const people = [...new Set(keys.flatMap((key) => peopleOfKey.get(key) ?? []))].filter((id) => !excluded.has(id));
    const starters = people.length > MAX_FULL_PAIR_GROUP ? people.slice(0, 1) : people;
    for (const a of starters) for (const b of people) if (a !== b) pairs.add(a < b ? `${a} ${b}` : `${b} ${a}`);
  }
  return pairs;
}
