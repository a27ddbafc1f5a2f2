// Pairwise evaluation of a resolution against the generator's labels. A predicted cluster asserts that
// every pair inside it is one person; precision is the share of asserted pairs that are true, recall the
// share of true pairs asserted. Counting goes through the contingency table of (predicted cluster, true
// entity), so it is O(records) even when clusters are large.
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
  /** Automatic merges plus every review candidate approved: the review threshold as a classifier. */
  autoPlusReview: PairwiseScores;
  /**
   * Automatic merges plus only the correct review candidates, as a reviewer who never errs would leave
   * it: how much of the truth the queue surfaces at all (its recall ceiling).
   */
  autoPlusCorrectReview: PairwiseScores;
}

/** The parts of a ResolutionResult that evaluation reads. */
export interface EvaluatedResolution {
  clusters: ReadonlyArray<{ recordIds: readonly string[] }>;
  reviewCandidates: ReadonlyArray<{ a: string; b: string }>;
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

export function evaluateResolution(records: readonly { id: string; entityId: string }[], result: EvaluatedResolution): ResolutionEvaluation {
  const indexOf = new Map(records.map((record, index) => [record.id, index]));
  const truth = records.map((record) => record.entityId);
  const autoClusters = (): UnionFind => {
    const clustering = new UnionFind(records.length);
    for (const cluster of result.clusters) {
      const [first, ...rest] = cluster.recordIds.map((id) => indexOf.get(id) ?? -1);
      for (const member of rest) if (first !== undefined && first >= 0 && member >= 0) clustering.union(first, member);
    }
    return clustering;
  };
  const score = (clustering: UnionFind) => scoreClustering(truth, records.map((_, index) => clustering.find(index)));
  const withReview = (accept: (a: number, b: number) => boolean): UnionFind => {
    const clustering = autoClusters();
    for (const candidate of result.reviewCandidates) {
      const a = indexOf.get(candidate.a);
      const b = indexOf.get(candidate.b);
      if (a !== undefined && b !== undefined && accept(a, b)) clustering.union(a, b);
    }
    return clustering;
  };
  return {
    auto: score(autoClusters()),
    autoPlusReview: score(withReview(() => true)),
    autoPlusCorrectReview: score(withReview((a, b) => truth[a] === truth[b])),
  };
}
