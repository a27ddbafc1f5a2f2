// How the ego network looks and is laid out. Pure data, so it is easy to tune in one place.
import type { ElementDefinition, StylesheetJson } from "cytoscape";
import type { FcoseLayoutOptions } from "cytoscape-fcose";
import type { EgoGraph } from "@/lib/people/ego-network.types";

const FONT = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const ACCENT = "#4f46e5"; // indigo-600, the app's accent
const WEAK = "#d4d4d8"; // zinc-300
/** fuchsia-600: 4.7:1 against the white canvas, and distinct from every other state's colour. */
const KEYBOARD_FOCUS = "#c026d3";

/** Node diameter grows with the square root of degree, so hubs stand out without swallowing the view. */
function nodeSize(degree: number, maxDegree: number, nodeCount: number): number {
  const ratio = maxDegree > 1 ? Math.sqrt(Math.max(0, degree - 1) / (maxDegree - 1)) : 0;
  // Crowded views get smaller nodes so the structure, not the discs, fills the canvas.
  const scale = nodeCount > 800 ? 0.45 : nodeCount > 300 ? 0.6 : nodeCount > 80 ? 0.75 : nodeCount > 40 ? 0.9 : 1;
  return Math.round((12 + ratio * 28) * scale);
}

/** The centre and this many of the best-connected neighbours are always labelled; the rest on hover. */
const ALWAYS_LABELLED = 12;

/** "<a>:<b>" with a < b, the id GET /api/graph/ego gives the line between two people. */
export function pairId(x: string, y: string): string {
  return x < y ? `${x}:${y}` : `${y}:${x}`;
}

export function toElements(graph: EgoGraph, path: readonly string[] = []): ElementDefinition[] {
  const onPath = new Set(path);
  const pathEdges = new Set(path.slice(1).map((id, index) => pairId(path[index] as string, id)));
  const neighbours = graph.nodes.filter((node) => !node.isCenter);
  const maxDegree = neighbours.reduce((max, node) => Math.max(max, node.degree), 1);
  const labelled = new Set(
    [...neighbours]
      .sort((a, b) => b.degree - a.degree || b.strengthToCenter - a.strengthToCenter)
      .slice(0, ALWAYS_LABELLED)
      .map((node) => node.id),
  );
  const nodes: ElementDefinition[] = graph.nodes.map((node) => ({
    group: "nodes",
    data: {
      id: node.id,
      label: node.name,
      size: node.isCenter ? 52 : nodeSize(node.degree, maxDegree, graph.nodes.length),
      strength: node.strengthToCenter,
    },
    classes: [node.isCenter ? "center" : labelled.has(node.id) ? "labelled" : "", node.hops === 2 ? "far" : "", onPath.has(node.id) ? "path" : ""].filter(Boolean).join(" "),
  }));
  const edges: ElementDefinition[] = graph.edges.map((edge) => ({
    group: "edges",
    data: { id: edge.id, source: edge.source, target: edge.target, strength: edge.strength },
    classes: [edge.source === graph.centerId || edge.target === graph.centerId ? "spoke" : "", pathEdges.has(edge.id) ? "path" : ""].filter(Boolean).join(" "),
  }));
  return [...nodes, ...edges];
}

export const egoGraphStyle: StylesheetJson = [
  {
    selector: "node",
    style: {
      width: "data(size)",
      height: "data(size)",
      "background-color": "mapData(strength, 0, 1, #f4f4f5, #c7d2fe)",
      "border-width": 1.5,
      "border-color": "mapData(strength, 0, 1, #a1a1aa, #6366f1)",
      label: "",
      "font-family": FONT,
      "font-size": 11,
      color: "#3f3f46",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": "2px",
      "text-background-shape": "roundrectangle",
      "min-zoomed-font-size": 7,
    },
  },
  // Labelled nodes are drawn above the others so their names are not hidden under neighbouring discs.
  { selector: "node.labelled", style: { label: "data(label)", "z-index": 15 } },
  {
    selector: "node.center",
    style: { label: "data(label)", "background-color": ACCENT, "border-color": "#3730a3", "border-width": 3, "font-size": 13, "font-weight": "bold", color: "#18181b", "z-index": 20 },
  },
  {
    selector: "edge",
    style: {
      "curve-style": "haystack",
      "haystack-radius": 0,
      width: "mapData(strength, 0, 1, 0.5, 3)",
      "line-color": `mapData(strength, 0, 1, ${WEAK}, ${ACCENT})`,
      opacity: 0.4,
    },
  },
  // Links to the centre are the point of the view; links among neighbours are context.
  { selector: "edge.spoke", style: { opacity: 0.9, width: "mapData(strength, 0, 1, 0.75, 4)" } },
  // Hover: the node, its label and its links come forward; everything else fades.
  { selector: ".faded", style: { opacity: 0.15 } },
  { selector: "node.hover", style: { label: "data(label)", "border-color": "#18181b", "border-width": 2, "z-index": 10 } },
  { selector: "edge.hover", style: { opacity: 1, "z-index": 9 } },
  // Friends of friends are drawn lighter than direct ties.
  { selector: "node.far", style: { "background-color": "#fafafa", "border-color": "#d4d4d8" } },
  // The selected edge and the highlighted intro path stand out in amber, whatever else is faded.
  { selector: "edge:selected", style: { "line-color": "#f59e0b", opacity: 1, width: 5, "z-index": 30 } },
  { selector: "node.path", style: { label: "data(label)", "border-color": "#d97706", "border-width": 3, "background-color": "#fde68a", "z-index": 25 } },
  { selector: "node.center.path", style: { "background-color": ACCENT } },
  { selector: "edge.path", style: { "line-color": "#f59e0b", opacity: 1, width: 5, "z-index": 24 } },
  { selector: "node.selected-node", style: { label: "data(label)", "border-color": "#18181b", "border-width": 3, "z-index": 26 } },
  // Keyboard focus (graph-keyboard.ts): a ring outside the disc in a colour used for nothing else (not the
  // selection's black, the path's amber or the accent's indigo), on top of everything, with the name shown.
  {
    selector: "node.kb-focus",
    style: { label: "data(label)", "outline-width": 3, "outline-offset": 3, "outline-color": KEYBOARD_FOCUS, "outline-opacity": 1, "outline-style": "solid", "z-index": 40 },
  },
  { selector: "edge.kb-focus", style: { "line-color": KEYBOARD_FOCUS, "line-style": "dashed", opacity: 1, width: 5, "z-index": 40 } },
];

/**
 * Above this many nodes fcose is too slow to wait for (measured: ~17 s for 2,000 nodes / 5,000 edges even
 * in "draft" quality on a loaded 2-core machine), so large views use rings computed here in O(n): the
 * centre in the middle, direct ties on the inner rings (strongest first, closest), friends of friends
 * outside them. Pan, zoom and clicks stay fluid; the structure reads as "who is closest".
 */
export const FORCE_LAYOUT_MAX_NODES = 600;

export function ringPositions(graph: EgoGraph): Record<string, { x: number; y: number }> {
  const positions: Record<string, { x: number; y: number }> = { [graph.centerId]: { x: 0, y: 0 } };
  const spacing = 14;
  let radius = 60;
  const place = (nodes: EgoGraph["nodes"]) => {
    let index = 0;
    while (index < nodes.length) {
      const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / spacing));
      const ring = nodes.slice(index, index + capacity);
      ring.forEach((node, position) => {
        const angle = (2 * Math.PI * position) / ring.length;
        positions[node.id] = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
      });
      index += ring.length;
      radius += spacing * 1.6;
    }
  };
  const others = graph.nodes.filter((node) => !node.isCenter);
  place(others.filter((node) => node.hops === 1));
  radius += spacing * 2;
  place(others.filter((node) => node.hops !== 1));
  return positions;
}

export const egoLayout: FcoseLayoutOptions = {
  name: "fcose",
  quality: "default",
  randomize: true,
  animate: false,
  fit: true,
  padding: 32,
  nodeDimensionsIncludeLabels: false,
  // Strong ties pull closer: the ideal length shrinks as strength grows.
  idealEdgeLength: (edge: { data(key: "strength"): number }) => 150 - 80 * edge.data("strength"),
  nodeRepulsion: 9000,
  edgeElasticity: 0.45,
  gravity: 0.15,
  numIter: 2500,
};
