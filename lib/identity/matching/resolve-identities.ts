// Entity resolution end to end, pure: records in, merge clusters and review candidates out.
//   normalize → block → score every candidate pair (prior estimated from the data) → auto links
//   → clusters (inconsistent ones held back) → re-score the remaining links cluster against cluster,
//   with a prior per pair of cluster sizes (raised for a pair alone in its group) → make the pairs of each
//   group consistent (posterior over its partitions) → review candidates, with explanations.
// Human decisions are inputs: "different" pairs are never scored, suggested or merged; "same" pairs are
// always joined (and win if a pair is given both ways). Decisions naming unknown record ids are ignored
// (the record may since have been merged).
import { normalizeRecords, type IdentityRecord, type NormalizedRecord } from "../normalize/normalize-record";
import type { PhoneOptions } from "../normalize/normalize-phone";
import type { BlockingOptions, BlockingStats } from "./blocking";
import { clusterLinks } from "./cluster-links";
import { compareRecords, createComparisonVector } from "./compare-records";
import { explainMatch, type MatchExplanation } from "./explain-match";
import { defaultMatchParameters, defaultPrior, type MatchParameters } from "./match-parameters";
import { compileModel, log2Odds, matchWeight, probabilityFromWeight } from "./match-weight";
import { clusterPairPriors } from "./cluster-pair-prior";
import { raiseIsolatedPairs } from "./isolated-pair-prior";
import { leftApartParameters } from "./left-apart-parameters";
import { mergeNormalizedRecords } from "./merge-normalized-records";
import { partitionPosterior } from "./partition-posterior";
import { collectClusterPairs } from "./review-candidates";
import { scoreCandidatePairs, type ScoredPair } from "./score-candidates";
import { buildTermFrequencies } from "./term-frequencies";
import { DEFAULT_THRESHOLDS, strongIdentifier, type ResolutionThresholds, type StrongIdentifier } from "./thresholds";

export type IdPair = readonly [string, string];

export interface PairDecisions {
  same?: readonly IdPair[];
  different?: readonly IdPair[];
}

export interface ResolveOptions {
  /** m/u per level; default: defaultMatchParameters(records.length). */
  parameters?: MatchParameters;
  /** Prior λ; default: estimated from the data (estimate-prior.ts). */
  lambda?: number;
  thresholds?: Partial<ResolutionThresholds>;
  blocking?: BlockingOptions;
  phone?: PhoneOptions;
  decisions?: PairDecisions;
}

export interface ResolvedLink {
  a: string;
  b: string;
  probability: number;
  strongIdentifier: StrongIdentifier | null;
  /** "human" for a remembered "same person" decision, "model" otherwise. */
  decidedBy: "model" | "human";
  explanation: MatchExplanation;
}

/**
 * A pair of people (clusters) for a human to decide. `probability` is the posterior over the partitions
 * of its group (partition-posterior.ts); `explanation` is the pair's own Fellegi–Sunter waterfall (with the
 * size-class prior), so `explanation.probability` differs when the pair's group says more: lower when the
 * same person resembles someone else too, higher when strong pairs around it imply it or when it resembles
 * nobody else (isolated-pair-prior.ts).
 */
export interface ReviewCandidate extends ResolvedLink {
  /** "conflict": auto-merge evidence, but its cluster held conflicting identifiers. */
  reason: "uncertain" | "conflict";
  /** All records on each side (a's cluster, b's cluster); the explanation compares these as two people. */
  recordsA: string[];
  recordsB: string[];
}

export interface ResolvedCluster {
  recordIds: string[];
  /** The links that joined the cluster (a spanning set, not every scored pair inside it). */
  links: ResolvedLink[];
}

export interface ResolutionStats extends BlockingStats {
  records: number;
  /** The prior used, given or estimated. */
  lambda: number;
  autoLinks: number;
  reviewCandidates: number;
  conflictedComponents: number;
}

export interface ResolutionResult {
  clusters: ResolvedCluster[];
  /** Most uncertain (probability nearest 0.5) first. */
  reviewCandidates: ReviewCandidate[];
  stats: ResolutionStats;
}

function indexPairs(pairs: readonly IdPair[] | undefined, indexOf: ReadonlyMap<string, number>): Array<[number, number]> {
  return (pairs ?? []).flatMap(([x, y]) => {
    const a = indexOf.get(x);
    const b = indexOf.get(y);
    return a === undefined || b === undefined || a === b ? [] : [[Math.min(a, b), Math.max(a, b)] as [number, number]];
  });
}

export function resolveIdentities(records: readonly IdentityRecord[], options: ResolveOptions = {}): ResolutionResult {
  const normalized = normalizeRecords(records, options.phone);
  const count = normalized.length;
  const indexOf = new Map(normalized.map((record, index) => [record.id, index]));
  if (indexOf.size !== count) throw new Error("resolveIdentities: record ids must be unique");
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const parameters = options.parameters ?? defaultMatchParameters(count);
  const baseModel = compileModel({ parameters, lambda: options.lambda ?? defaultPrior(count) });
  const tf = buildTermFrequencies(normalized);
  const same = indexPairs(options.decisions?.same, indexOf);
  const different = indexPairs(options.decisions?.different, indexOf);

  const scored = scoreCandidatePairs({ records: normalized, tf, compiled: baseModel, lambda: options.lambda, thresholds, same, different, blocking: options.blocking });
  const compiled = { ...baseModel, priorWeight: scored.priorWeight };
  const clustering = clusterLinks({
    recordCount: count,
    links: scored.pairs,
    same,
    different,
    linkedinOf: (index) => normalized[index]?.linkedin ?? null,
  });
  const record = (index: number) => normalized[index] as NormalizedRecord;
  const toLink = (pair: ScoredPair, decidedBy: "model" | "human"): ResolvedLink => ({
    a: record(pair.a).id,
    b: record(pair.b).id,
    probability: pair.probability,
    strongIdentifier: strongIdentifier(pair.vector),
    decidedBy,
    explanation: explainMatch(record(pair.a), record(pair.b), pair.vector, compiled),
  });

  const clusterIndex = new Map<number, number>();
  clustering.clusters.forEach((members, cluster) => members.forEach((member) => clusterIndex.set(member, cluster)));
  const clusters: ResolvedCluster[] = clustering.clusters.map((members) => ({ recordIds: members.map((index) => record(index).id), links: [] }));
  for (const pair of scored.humanPairs) clusters[clusterIndex.get(pair.a) ?? -1]?.links.push(toLink(pair, "human"));
  for (const pair of clustering.merged) clusters[clusterIndex.get(pair.a) ?? -1]?.links.push(toLink(pair, "model"));

  // Review: re-score what did not merge, cluster against cluster, with the m/u of pairs auto-merge left
  // apart (left-apart-parameters.ts).
  const reviewModel = { ...compileModel({ parameters: leftApartParameters(parameters), lambda: scored.lambda }), priorWeight: scored.priorWeight };
  const membersOf = (root: number): number[] => clustering.clusters[clusterIndex.get(root) ?? -1] ?? [root];
  const mergedCache = new Map<number, NormalizedRecord>();
  const merged = (root: number): NormalizedRecord => {
    let value = mergedCache.get(root);
    if (!value) {
      value = mergeNormalizedRecords(record(root).id, membersOf(root).map(record));
      mergedCache.set(root, value);
    }
    return value;
  };
  const reviewCandidates: ReviewCandidate[] = [];
  const pairs = collectClusterPairs({
    recordCount: count,
    links: scored.pairs.filter((pair) => pair.decision !== "auto"),
    conflicts: clustering.conflicts,
    clusterOf: clustering.clusterOf,
    different,
  });
  const compared = pairs.map((pair) => {
    const vector = compareRecords(merged(pair.rootA), merged(pair.rootB), tf, createComparisonVector());
    return { ...pair, vector, weight: matchWeight(vector, reviewModel) - reviewModel.priorWeight };
  });
  // The prior of a pair of clusters depends on their sizes (cluster-pair-prior.ts).
  const sizeOf = (root: number) => membersOf(root).length;
  const clusterSizes = Array.from({ length: count }, (_, index) => index).filter((index) => clustering.clusterOf(index) === index).map(sizeOf);
  const priors = clusterPairPriors(compared, sizeOf, clusterSizes, scored.lambda);
  const scoredPairs = compared.map((pair, index) => {
    const priorWeight = log2Odds(priors[index] ?? scored.lambda);
    return { ...pair, priorWeight, probability: probabilityFromWeight(pair.weight + priorWeight) };
  });
  // A pair alone in its group is likelier than its pairwise prior says (isolated-pair-prior.ts).
  const adjusted = partitionPosterior(raiseIsolatedPairs(scoredPairs, count), count);
  scoredPairs.forEach((pair, index) => {
    const probability = adjusted[index] ?? pair.probability;
    if (probability < thresholds.review && !pair.conflict) return;
    const [a, b] = clustering.clusterOf(pair.link.a) === pair.rootA ? [pair.link.a, pair.link.b] : [pair.link.b, pair.link.a];
    reviewCandidates.push({
      a: record(a).id,
      b: record(b).id,
      probability,
      strongIdentifier: strongIdentifier(pair.vector),
      decidedBy: "model",
      explanation: explainMatch(merged(pair.rootA), merged(pair.rootB), pair.vector, { ...reviewModel, priorWeight: pair.priorWeight }),
      reason: pair.conflict ? "conflict" : "uncertain",
      recordsA: membersOf(pair.rootA).map((index) => record(index).id),
      recordsB: membersOf(pair.rootB).map((index) => record(index).id),
    });
  });
  reviewCandidates.sort((x, y) => Math.abs(x.probability - 0.5) - Math.abs(y.probability - 0.5) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));

  return {
    clusters,
    reviewCandidates,
    stats: {
      ...scored.blocking,
      records: count,
      lambda: scored.lambda,
      autoLinks: clustering.merged.length,
      reviewCandidates: reviewCandidates.length,
      conflictedComponents: clustering.conflictedComponents,
    },
  };
}
