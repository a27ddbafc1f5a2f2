// How much of the truth blocking lets through: the share of true same-person record pairs that blocking
// proposes for comparison at all. A pair never proposed can still end up in one cluster through other
// records of the person, but not by its own evidence, so this bounds what scoring could find directly.
import { forEachCandidatePair, type BlockingOptions } from "../matching/blocking";
import { normalizeRecords, type IdentityRecord } from "../normalize/normalize-record";

export interface BlockingRecall {
  truePairs: number;
  /** True pairs that blocking proposed. */
  proposed: number;
  recall: number;
}

export function blockingRecall(records: readonly (IdentityRecord & { entityId: string })[], options?: BlockingOptions): BlockingRecall {
  const entityOf = records.map((record) => record.entityId);
  let proposed = 0;
  forEachCandidatePair(normalizeRecords(records), (i, j) => {
    if (entityOf[i] === entityOf[j]) proposed += 1;
  }, options);
  const sizes = new Map<string, number>();
  for (const entity of entityOf) sizes.set(entity, (sizes.get(entity) ?? 0) + 1);
  let truePairs = 0;
  for (const size of sizes.values()) truePairs += (size * (size - 1)) / 2;
  return { truePairs, proposed, recall: truePairs === 0 ? 1 : proposed / truePairs };
}
