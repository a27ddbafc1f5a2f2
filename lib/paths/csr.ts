// Compressed sparse rows: the adjacency of one direction as flat typed arrays. Row r's edges sit at
// [offsets[r], offsets[r + 1]) sorted by cost ascending (strength descending), ties by target index, so
// a search can stop scanning a row at the first edge that cannot beat the current k-th best path.

export interface Csr {
  /** n + 1 row starts. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** −log(strength) ≥ 0: the search minimizes the sum, i.e. maximizes the product of strengths. */
  readonly costs: Float64Array;
  /** The strengths themselves, so results report the stored value exactly, not exp(−cost). */
  readonly strengths: Float64Array;
}

/** −log(s), with s ≥ 1 mapped to exactly 0 (never −0 or negative). */
export function strengthCost(strength: number): number {
  return strength >= 1 ? 0 : -Math.log(strength);
}

/** A usable strength in (0, 1], or null for one that cannot carry a path (≤ 0, NaN). */
export function usableStrength(strength: number): number | null {
  if (!(strength > 0)) return null;
  return strength > 1 ? 1 : strength;
}

/**
 * Sorts row entries [start, end) of parallel arrays by (cost asc, target asc). Insertion sort for the
 * short rows that dominate power-law graphs; an index sort for long ones.
 */
export function sortRow(targets: Int32Array, costs: Float64Array, strengths: Float64Array, start: number, end: number): void {
  const length = end - start;
  if (length < 2) return;
  if (length <= 24) {
    for (let i = start + 1; i < end; i += 1) {
      const target = targets[i] as number;
      const cost = costs[i] as number;
      const strength = strengths[i] as number;
      let j = i - 1;
      while (j >= start && ((costs[j] as number) > cost || ((costs[j] as number) === cost && (targets[j] as number) > target))) {
        targets[j + 1] = targets[j] as number;
        costs[j + 1] = costs[j] as number;
        strengths[j + 1] = strengths[j] as number;
        j -= 1;
      }
      targets[j + 1] = target;
      costs[j + 1] = cost;
      strengths[j + 1] = strength;
    }
    return;
  }
  const order = Array.from({ length }, (_, index) => start + index);
  order.sort((a, b) => (costs[a] as number) - (costs[b] as number) || (targets[a] as number) - (targets[b] as number));
  const t = order.map((index) => targets[index] as number);
  const c = order.map((index) => costs[index] as number);
  const s = order.map((index) => strengths[index] as number);
  targets.set(t, start);
  costs.set(c, start);
  strengths.set(s, start);
}

/**
 * Builds a CSR from `count` edges given as parallel arrays (row, column, usable strength). Duplicate
 * (row, column) pairs keep the strongest (an Edge per relationship type can repeat a pair). O(m log d).
 */
export function buildCsr(rowCount: number, rows: Int32Array, columns: Int32Array, strengthsIn: Float64Array, count: number): Csr {
  const degree = new Int32Array(rowCount + 1);
  for (let e = 0; e < count; e += 1) degree[(rows[e] as number) + 1] = (degree[(rows[e] as number) + 1] as number) + 1;
  for (let r = 0; r < rowCount; r += 1) degree[r + 1] = (degree[r + 1] as number) + (degree[r] as number);
  const cursor = degree.slice(0, rowCount);
  const targets = new Int32Array(count);
  const strengths = new Float64Array(count);
  for (let e = 0; e < count; e += 1) {
    const row = rows[e] as number;
    const position = cursor[row] as number;
    cursor[row] = position + 1;
    targets[position] = columns[e] as number;
    strengths[position] = strengthsIn[e] as number;
  }

  // Dedupe each row in place (stamp = row + 1 marks columns seen in this row), compacting as we go.
  const seenInRow = new Int32Array(rowCount);
  const seenAt = new Int32Array(rowCount);
  const offsets = new Int32Array(rowCount + 1);
  let write = 0;
  for (let r = 0; r < rowCount; r += 1) {
    for (let read = degree[r] as number; read < (degree[r + 1] as number); read += 1) {
      const column = targets[read] as number;
      const strength = strengths[read] as number;
      if (seenInRow[column] === r + 1) {
        const kept = seenAt[column] as number;
        if (strength > (strengths[kept] as number)) strengths[kept] = strength;
        continue;
      }
      seenInRow[column] = r + 1;
      seenAt[column] = write;
      targets[write] = column;
      strengths[write] = strength;
      write += 1;
    }
    offsets[r + 1] = write;
  }
  const finalTargets = write === count ? targets : targets.slice(0, write);
  const finalStrengths = write === count ? strengths : strengths.slice(0, write);
  const costs = new Float64Array(write);
  for (let e = 0; e < write; e += 1) costs[e] = strengthCost(finalStrengths[e] as number);
  for (let r = 0; r < rowCount; r += 1) sortRow(finalTargets, costs, finalStrengths, offsets[r] as number, offsets[r + 1] as number);
  return { offsets, targets: finalTargets, costs, strengths: finalStrengths };
}

/** Out-degree (or in-degree, for the reverse CSR) of row r. */
export function rowLength(csr: Csr, r: number): number {
  return (csr.offsets[r + 1] as number) - (csr.offsets[r] as number);
}
