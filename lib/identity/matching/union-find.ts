// Disjoint sets over record indices (path halving + union by size): clusters from pairwise links, since
// pairwise match decisions are not transitive and a merge acts on whole groups.

export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(count: number) {
    this.parent = Int32Array.from({ length: count }, (_, index) => index);
    this.size = new Int32Array(count).fill(1);
  }

  find(index: number): number {
    let node = index;
    while (this.parent[node] !== node) {
      const grandparent = this.parent[this.parent[node] ?? node] ?? node;
      this.parent[node] = grandparent;
      node = grandparent;
    }
    return node;
  }

  /** Joins the sets of a and b; returns false when they were already one set. */
  union(a: number, b: number): boolean {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return false;
    if ((this.size[rootA] ?? 0) < (this.size[rootB] ?? 0)) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] = (this.size[rootA] ?? 0) + (this.size[rootB] ?? 0);
    return true;
  }

  /** Members of every set with at least `minSize` members, each sorted, in order of their first member. */
  groups(minSize = 2): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let index = 0; index < this.parent.length; index += 1) {
      const root = this.find(index);
      if ((this.size[root] ?? 0) < minSize) continue;
      const members = byRoot.get(root);
      if (members) members.push(index);
      else byRoot.set(root, [index]);
    }
    return [...byRoot.values()];
  }
}
