// Keyboard navigation over the drawn graph, as pure geometry: the canvas hands in the node positions and gets
// back the node an arrow key moves to. Arrow keys move spatially (the person drawn nearest in that direction),
// because that is what a sighted keyboard user sees and expects; the graph's own structure is walked with the
// edge keys instead (a person's ties, strongest first), which is what a screen-reader user follows.
//
// Positions are Cytoscape model positions. Rendered positions are model × zoom + pan, one uniform scale and a
// shift, so "nearest in this direction" picks the same node in either space, and model positions do not change
// when the view pans or zooms. One key press is one O(n) scan: under a millisecond at 2,000 nodes.

export type Direction = "left" | "right" | "up" | "down";

export const ARROW_DIRECTIONS: Readonly<Record<string, Direction>> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down",
};

/** Node positions in parallel arrays (x grows rightwards, y downwards, as on screen). */
export interface NodePoints {
  ids: readonly string[];
  xs: Float64Array;
  ys: Float64Array;
}

export function toNodePoints(nodes: ReadonlyArray<{ id: string; x: number; y: number }>): NodePoints {
  const xs = new Float64Array(nodes.length);
  const ys = new Float64Array(nodes.length);
  nodes.forEach((node, index) => {
    xs[index] = node.x;
    ys[index] = node.y;
  });
  return { ids: nodes.map((node) => node.id), xs, ys };
}

/**
 * The index of the node an arrow key moves to from `from`, or null when nothing lies that way.
 * Nodes inside the 90° cone around the direction win over nodes merely on that side; within each group the
 * score is the distance plus the sideways offset, so a node straight ahead beats a slightly closer one far
 * off to the side. Ties go to the lower index, so the answer is deterministic.
 */
export function nearestInDirection(points: NodePoints, from: number, direction: Direction): number | null {
  const x0 = points.xs[from];
  const y0 = points.ys[from];
  if (x0 === undefined || y0 === undefined) return null;
  let bestCone: number | null = null;
  let bestConeScore = Infinity;
  let bestSide: number | null = null;
  let bestSideScore = Infinity;
  for (let index = 0; index < points.ids.length; index++) {
    if (index === from) continue;
    const dx = (points.xs[index] as number) - x0;
    const dy = (points.ys[index] as number) - y0;
    const ahead = direction === "right" ? dx : direction === "left" ? -dx : direction === "down" ? dy : -dy;
    if (!(ahead > 0)) continue;
    const aside = Math.abs(direction === "left" || direction === "right" ? dy : dx);
    const score = Math.hypot(dx, dy) + aside;
    if (aside <= ahead) {
      if (score < bestConeScore) {
        bestConeScore = score;
        bestCone = index;
      }
    } else if (score < bestSideScore) {
      bestSideScore = score;
      bestSide = index;
    }
  }
  return bestCone ?? bestSide;
}

/** Steps through a list of length `count` from `current` (null: not in the list yet), wrapping at both ends. */
export function stepIndex(current: number | null, count: number, step: 1 | -1): number | null {
  if (count === 0) return null;
  if (current === null) return step === 1 ? 0 : count - 1;
  return (((current + step) % count) + count) % count;
}
