// Makes the Cytoscape canvas operable from the keyboard. The container is one focusable element
// (role="application"); inside it a "keyboard focus" moves over the drawn people and their ties, shown with the
// `kb-focus` class (graph-style.ts) and announced through a polite live region. Keys, only while the canvas
// itself has focus (so never while typing in a field) and never with Ctrl, Alt or Meta held:
//   arrows          the person drawn nearest in that direction (keyboard-nav.ts)
//   Home            the person at the centre
//   Enter           on a person: open their card and recentre on them, exactly as a click does;
//                   on a tie: open its factor panel, as a click does (focus moves to the panel)
//   Shift+Enter, e  the focused person's next tie, strongest first; Shift+E the previous one
//                   (`e` is a single-character key: it follows the app-wide single-key switch)
//   Escape          from a tie back to its person (from the side panel, the explorer returns focus here)
// The focus ring is drawn only for keyboard use (a click that focuses the canvas shows none). What the canvas
// keeps between rebuilds (a recentre draws a new graph in the same container) lives in `memory`.
import type { Core, EdgeSingular, NodeSingular, SingularElementArgument } from "cytoscape";
import { plural, strengthPercent } from "@/components/ui/format";
import { ARROW_DIRECTIONS, nearestInDirection, stepIndex, toNodePoints, type Direction, type NodePoints } from "./keyboard-nav";

export const KB_FOCUS_CLASS = "kb-focus";

export interface KeyboardMemory {
  /** The person the keyboard focus is on (or last was), across rebuilds. */
  nodeId: string | null;
  /** True while the canvas has focus from the keyboard: the ring shows and moves are announced. */
  active: boolean;
}

export interface GraphKeyboardOptions {
  core: Core;
  container: HTMLElement;
  centerId: string;
  memory: KeyboardMemory;
  /** Read at each key press: whether single-character keys (`e`) are on. */
  singleKeys: () => boolean;
  /** Where the focus starts when the canvas is entered without a remembered person. */
  selectedNodeId: () => string | null;
  announce: (message: string) => void;
  /** The ring around the canvas and the key hint show while this is true. */
  onActiveChange: (active: boolean) => void;
  onFocusNode: (personId: string | null) => void;
  openNode: (personId: string) => void;
  openEdge: (pair: { a: string; b: string }) => void;
}

const FURTHER: Record<Direction, string> = { left: "further left", right: "further right", up: "further up", down: "further down" };

export function attachGraphKeyboard(options: GraphKeyboardOptions): { focus: () => void; detach: () => void } {
  const { core, container, memory } = options;
  let points: NodePoints | null = null;
  let indexById = new Map<string, number>();
  // Ties of the focused person, strongest first, and which one has the focus (null: the person has it).
  let ties: EdgeSingular[] | null = null;
  let tieIndex: number | null = null;
  let marked: SingularElementArgument | null = null;

  const markDirty = () => {
    points = null;
  };
  const positions = (): NodePoints => {
    if (!points) {
      const nodes = core.nodes().map((node) => ({ id: node.id(), ...node.position() }));
      points = toNodePoints(nodes);
      indexById = new Map(nodes.map((node, index) => [node.id, index]));
    }
    return points;
  };

  const nameOf = (node: NodeSingular) => String(node.data("label") ?? "Someone");
  const currentNode = (): NodeSingular | null => {
    const remembered = memory.nodeId ? core.getElementById(memory.nodeId) : null;
    if (remembered && remembered.nonempty() && remembered.isNode()) return remembered;
    const selected = options.selectedNodeId();
    const fallback = core.getElementById(selected && core.getElementById(selected).nonempty() ? selected : options.centerId);
    return fallback.nonempty() && fallback.isNode() ? fallback : core.nodes().first();
  };

  const keepInView = (element: SingularElementArgument) => {
    const box = element.renderedBoundingBox();
    const margin = 16;
    if (box.x1 < margin || box.y1 < margin || box.x2 > core.width() - margin || box.y2 > core.height() - margin) {
      core.animate({ center: { eles: element } }, { duration: 200, queue: false });
    }
  };

  const mark = (element: SingularElementArgument | null) => {
    if (marked && marked !== element && !marked.removed()) marked.removeClass(KB_FOCUS_CLASS);
    marked = element;
    if (element && memory.active) {
      element.addClass(KB_FOCUS_CLASS);
      keepInView(element);
    }
  };

  const describeNode = (node: NodeSingular) =>
    `${nameOf(node)}${node.id() === options.centerId ? ", at the centre" : ""}: ${plural(node.connectedEdges().length, "link")}.`;

  const focusNode = (node: NodeSingular) => {
    if (memory.nodeId !== node.id()) {
      ties = null;
    }
    tieIndex = null;
    memory.nodeId = node.id();
    mark(node);
    options.onFocusNode(node.id());
    options.announce(describeNode(node));
  };

  const tiesOf = (node: NodeSingular): EdgeSingular[] => {
    if (!ties) {
      const name = (edge: EdgeSingular) => nameOf(edge.source().id() === node.id() ? edge.target() : edge.source());
      ties = node
        .connectedEdges()
        .toArray()
        .sort((x, y) => Number(y.data("strength")) - Number(x.data("strength")) || name(x).localeCompare(name(y)));
    }
    return ties;
  };

  /** Puts the focus on the person's tie at `index` (tiesOf order), or says there is none. */
  const focusTie = (node: NodeSingular, index: number | null) => {
    const list = tiesOf(node);
    const edge = index === null ? undefined : list[index];
    if (!edge || index === null) {
      tieIndex = null;
      options.announce(`${nameOf(node)} has no links in view.`);
      return;
    }
    tieIndex = index;
    const other = edge.source().id() === node.id() ? edge.target() : edge.source();
    mark(edge);
    options.announce(
      `Tie ${index + 1} of ${list.length}: ${nameOf(node)} and ${nameOf(other)}, strength ${strengthPercent(Number(edge.data("strength")))}. Enter opens its factors.`,
    );
  };

  const stepTie = (step: 1 | -1) => {
    const node = currentNode();
    if (!node) return;
    if (memory.nodeId !== node.id()) focusNode(node);
    focusTie(node, stepIndex(tieIndex, tiesOf(node).length, step));
  };

  const move = (direction: Direction) => {
    const node = currentNode();
    if (!node) return;
    const all = positions();
    const from = indexById.get(node.id());
    const to = from === undefined ? null : nearestInDirection(all, from, direction);
    const target = to === null ? null : core.getElementById(all.ids[to] as string);
    if (target && target.nonempty() && target.isNode()) focusNode(target);
    else {
      focusNode(node);
      options.announce(`No one ${FURTHER[direction]}. ${describeNode(node)}`);
    }
  };

  const open = () => {
    const node = currentNode();
    if (!node) return;
    const edge = tieIndex !== null ? ties?.[tieIndex] : undefined;
    const element: SingularElementArgument = edge ?? node;
    // As a tap would: the opened element becomes Cytoscape's single selection.
    core.batch(() => {
      core.elements(":selected").unselect();
      element.select();
    });
    if (edge) options.openEdge({ a: edge.data("source") as string, b: edge.data("target") as string });
    else {
      options.announce(node.id() === options.centerId ? `${nameOf(node)}'s card is open.` : `Opening ${nameOf(node)}'s card and recentring on them.`);
      options.openNode(node.id());
    }
  };

  /** Shows the focus (ring, announcement) without moving it. */
  const activate = () => {
    const wasActive = memory.active;
    memory.active = true;
    if (!wasActive) options.onActiveChange(true);
    const node = currentNode();
    if (!node) return;
    if (tieIndex !== null && memory.nodeId === node.id()) focusTie(node, tieIndex);
    else focusNode(node);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== container || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const direction = ARROW_DIRECTIONS[event.key];
    const key = event.key;
    if (direction) {
      if (!memory.active) activate();
      move(direction);
    } else if (key === "Home") {
      if (!memory.active) activate();
      const centre = core.getElementById(options.centerId);
      if (centre.nonempty() && centre.isNode()) focusNode(centre);
    } else if (key === "Enter" && event.shiftKey) {
      if (!memory.active) activate();
      stepTie(1);
    } else if (key === "Enter") {
      if (!memory.active) activate();
      open();
    } else if ((key === "e" || key === "E") && options.singleKeys()) {
      if (!memory.active) activate();
      stepTie(key === "E" ? -1 : 1);
    } else if (key === "Escape" && tieIndex !== null) {
      const node = currentNode();
      if (node) focusNode(node);
    } else return;
    event.preventDefault();
  };

  const onFocus = () => {
    if (memory.active || container.matches(":focus-visible")) activate();
  };
  // Leaving the canvas, or going back to the pointer (as :focus-visible does), hides the keyboard focus; the
  // person it was on is remembered for the next key press.
  const deactivate = () => {
    if (!memory.active) return;
    mark(null);
    memory.active = false;
    options.onActiveChange(false);
    options.onFocusNode(null);
  };

  container.addEventListener("keydown", onKeyDown);
  container.addEventListener("focus", onFocus);
  container.addEventListener("blur", deactivate);
  container.addEventListener("pointerdown", deactivate);
  core.on("position", "node", markDirty);
  // A rebuild while the canvas has the keyboard focus (Enter recentred the graph): show the focus in the new one.
  if (memory.active && document.activeElement === container) {
    tieIndex = null;
    activate();
  }

  return {
    focus: () => {
      if (document.activeElement === container) activate();
      else {
        memory.active = true; // so the focus handler shows the ring even if the browser thinks this is not keyboard focus
        options.onActiveChange(true);
        container.focus();
      }
    },
    detach: () => {
      container.removeEventListener("keydown", onKeyDown);
      container.removeEventListener("focus", onFocus);
      container.removeEventListener("blur", deactivate);
      container.removeEventListener("pointerdown", deactivate);
      core.removeListener("position", "node", markDirty);
    },
  };
}
