// Pairwise evaluation of a resolution against the generator's labels. A predicted cluster asserts that
// every pair inside it is one person; precision is the share of asserted pairs that are true, recall the
// share of true pairs asserted. Counting goes through the contingency table of (predicted cluster, true
// entity), so it is O(records) even when clusters are large.
import type { ResolutionResult } from "../matching/resolve-identities";
import { UnionFind } from "../matching/union-find";

export interface PairwiseScores {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predictedPairs: number;
  truePairs: number;
}

export interface ResolutionEvaluation {
  /** Only the automatic merges. */
  auto: PairwiseScores;
  /** Automatic merges plus every review candidate approved. */
  autoPlusReview: PairwiseScores;
}

const pairs = (count: number): number => (count * (count - 1)) / 2;

/** Scores a clustering given as a cluster label per record (same label = same predicted person). */
export function scoreClustering(truth: readonly string[], predicted: readonly number[]): PairwiseScores {
  const clusterSizes = new Map<number, number>();
  const entitySizes = new Map<string, number>();
  const cellSizes = new Map<string, number>();
  truth.forEach((entity, index) => {
    const cluster = predicted[index] ?? -1 - index;
    clusterSizes.set(cluster, (clusterSizes.get(cluster) ?? 0) + 1);
    entitySizes.set(entity, (entitySizes.get(entity) ?? 0) + 1);
    const cell = `${cluster}|${entity}`;
    cellSizes.set(cell, (cellSizes.get(cell) ?? 0) + 1);
  });
  let truePositives = 0;
  let predictedPairs = 0;
  let truePairs = 0;
  for (const size of cellSizes.values()) truePositives += pairs(size);
  for (const size of clusterSizes.values()) predictedPairs += pairs(size);
  for (const size of entitySizes.values()) truePairs += pairs(size);
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives, predictedPairs, truePairs };
}

export function evaluateResolution(records: readonly { id: string; entityId: string }[], result: ResolutionResult): ResolutionEvaluation {
  const indexOf = new Map(records.map((record, index) => [record.id, index]));
  const truth = records.map((record) => record.entityId);
  const clustering = new UnionFind(records.length);
  for (const cluster of result.clusters) {
    const [first, ...rest] = cluster.recordIds.map((id) => indexOf.get(id) ?? -1);
    for (const member of rest) if (first !== undefined && first >= 0 && member >= 0) clustering.union(first, member);
  }
  const labels = () => records.map((_, index) => clustering.find(index));
  const auto = scoreClustering(truth, labels());
  for (const candidate of result.reviewCandidates) {
    const a = indexOf.get(candidate.a);
    const b = indexOf.get(candidate.b);
    if (a !== undefined && b !== undefined) clustering.union(a, b);
  }
  return { auto, autoPlusReview: scoreClustering(truth, labels()) };
}
