// Mutual connections for every pair of a pair list, in memory: the full recompute has every pair at hand,
// so counting common neighbours here is cheaper than a self-join in SQL (hubs make that quadratic).
// Pairs are undirected and given as parallel arrays of dense person indices.

/** Common neighbours of each pair (pairs[i] = (a[i], b[i])), in the pairs' order. */
export function countMutualConnections(a: Int32Array, b: Int32Array, people: number): Int32Array {
  const degree = new Int32Array(people + 1);
  for (let i = 0; i < a.length; i += 1) {
    degree[(a[i] as number) + 1] = (degree[(a[i] as number) + 1] as number) + 1;
    degree[(b[i] as number) + 1] = (degree[(b[i] as number) + 1] as number) + 1;
  }
  for (let p = 0; p < people; p += 1) degree[p + 1] = (degree[p + 1] as number) + (degree[p] as number);
  const offsets = degree; // prefix sums: row p is offsets[p] .. offsets[p + 1]
  const fill = offsets.slice(0, people);
  const neighbours = new Int32Array(a.length * 2);
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as number;
    const y = b[i] as number;
    neighbours[(fill[x] as number)++] = y;
    neighbours[(fill[y] as number)++] = x;
  }
  for (let p = 0; p < people; p += 1) neighbours.subarray(offsets[p], offsets[p + 1]).sort();

  const counts = new Int32Array(a.length);
  for (let i = 0; i < a.length; i += 1) {
    let s0 = offsets[a[i] as number] as number;
    let s1 = offsets[(a[i] as number) + 1] as number;
    let l0 = offsets[b[i] as number] as number;
    let l1 = offsets[(b[i] as number) + 1] as number;
    if (s1 - s0 > l1 - l0) [s0, s1, l0, l1] = [l0, l1, s0, s1];
    counts[i] = (l1 - l0) > 16 * (s1 - s0) ? probeCount(neighbours, s0, s1, l0, l1) : mergeCount(neighbours, s0, s1, l0, l1);
  }
  return counts;
}

function mergeCount(list: Int32Array, i: number, iEnd: number, j: number, jEnd: number): number {
  let count = 0;
  while (i < iEnd && j < jEnd) {
    const x = list[i] as number;
    const y = list[j] as number;
    if (x === y) {
      count += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return count;
}

/** The small list's elements binary-searched in the large one: min·log(max) instead of min + max. */
function probeCount(list: Int32Array, s: number, sEnd: number, l: number, lEnd: number): number {
  let count = 0;
  let low = l;
  for (; s < sEnd; s += 1) {
    const x = list[s] as number;
    let high = lEnd;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((list[mid] as number) < x) low = mid + 1;
      else high = mid;
    }
    if (low < lEnd && list[low] === x) count += 1;
  }
  return count;
}
