// The comparison vectors of all blocked candidate pairs of a population, the input EM learns from.
import type { NormalizedRecord } from "../normalize/normalize-record";
import { forEachCandidatePair, type BlockingOptions } from "./blocking";
import { compareRecords, createComparisonVector } from "./compare-records";

export interface CandidateVectors {
  /** Record index pairs, in the order of `levels`. */
  pairs: Array<[number, number]>;
  levels: Int8Array[];
}

export function candidateVectors(records: readonly NormalizedRecord[], options: BlockingOptions = {}): CandidateVectors {
  const vector = createComparisonVector();
  const result: CandidateVectors = { pairs: [], levels: [] };
  forEachCandidatePair(records, (a, b) => {
    compareRecords(records[a] as NormalizedRecord, records[b] as NormalizedRecord, null, vector);
    result.pairs.push([a, b]);
    result.levels.push(vector.levels.slice());
  }, options);
  return result;
}
