// Pairwise links to clusters. Auto links are joined with union-find, but a whole connected component of
// auto links is merged only if it is consistent: it must not contain two different LinkedIn profiles
// (one person has one profile) nor a pair a human marked "different people". An inconsistent component is
// not merged at all (any one of its links may be the wrong one) and its links go to review instead.
// Human "same person" pairs are always joined and are trusted over the LinkedIn rule: if a human joined
// two profiles, that group's profiles do not count as a conflict among themselves.
// Which of the remaining links become review candidates is decided afterwards, between clusters
// (review-candidates.ts).
import { UnionFind } from "./union-find";

export interface PairLink {
  a: number;
  b: number;
  decision: "auto" | "review" | "weak";
}

export interface ClusteringInput<L extends PairLink> {
  recordCount: number;
  links: readonly L[];
  /** Human "same person" pairs (indices): always joined. */
  same: readonly (readonly [number, number])[];
  /** Human "different people" pairs (indices): never in one cluster, never suggested. */
  different: readonly (readonly [number, number])[];
  linkedinOf: (index: number) => string | null;
}

export interface ClusteringResult<L extends PairLink> {
  /** Cluster representative of a record (itself when it stays alone). */
  clusterOf: (index: number) => number;
  /** Record indices per merged cluster (size ≥ 2). */
  clusters: number[][];
  /** Auto links that were merged. */
  merged: L[];
  /** Auto links of inconsistent components, not merged: review material. */
  conflicts: L[];
  /** Components of auto links that were sent to review instead of being merged. */
  conflictedComponents: number;
}

function isConsistent(members: readonly number[], base: UnionFind, linkedinOf: (index: number) => string | null): boolean {
  const slugsByGroup = new Map<number, Set<string>>();
  const all = new Set<string>();
  for (const member of members) {
    const slug = linkedinOf(member);
    if (!slug) continue;
    all.add(slug);
    const group = base.find(member);
    const slugs = slugsByGroup.get(group) ?? new Set<string>();
    slugs.add(slug);
    slugsByGroup.set(group, slugs);
  }
  if (all.size <= 1) return true;
  // Several profiles are acceptable only when a human already put all of them into one group.
  return [...slugsByGroup.values()].some((slugs) => slugs.size === all.size);
}

export function clusterLinks<L extends PairLink>(input: ClusteringInput<L>): ClusteringResult<L> {
  const { recordCount, links, same, different, linkedinOf } = input;
  const base = new UnionFind(recordCount);
  for (const [a, b] of same) base.union(a, b);
  const tentative = new UnionFind(recordCount);
  for (const [a, b] of same) tentative.union(a, b);
  const autoLinks = links.filter((link) => link.decision === "auto");
  for (const link of autoLinks) tentative.union(link.a, link.b);

  const conflicted = new Set<number>();
  for (const [a, b] of different) {
    if (tentative.find(a) === tentative.find(b) && base.find(a) !== base.find(b)) conflicted.add(tentative.find(a));
  }
  const linkedRoots = new Set(autoLinks.map((link) => tentative.find(link.a)));
  for (const members of tentative.groups(2)) {
    const root = tentative.find(members[0] ?? 0);
    if (linkedRoots.has(root) && !conflicted.has(root) && !isConsistent(members, base, linkedinOf)) conflicted.add(root);
  }

  const final = new UnionFind(recordCount);
  for (const [a, b] of same) final.union(a, b);
  const merged: L[] = [];
  const demoted: L[] = [];
  for (const link of autoLinks) {
    if (conflicted.has(tentative.find(link.a))) demoted.push(link);
    else {
      final.union(link.a, link.b);
      merged.push(link);
    }
  }

  return { clusterOf: (index) => final.find(index), clusters: final.groups(2), merged, conflicts: demoted, conflictedComponents: conflicted.size };
}
