"use client";
// Draws an ego network with Cytoscape. Cytoscape touches `window` at import time, so it (and the fcose
// layout) are imported inside the effect: they load only in the browser, and only on the graph screen.
// Timings of the last draw (layout, first frame) are published on window.__wigGraphMetrics and on the
// container's data attributes, for the Playwright measurement at 2,000 nodes / 5,000 edges.
// The container is also the keyboard's way in: graph-keyboard.ts lists the keys.
import type { Core, EdgeSingular, NodeSingular } from "cytoscape";
import { useEffect, useId, useRef, useState, type MutableRefObject } from "react";
import { Kbd, useSingleKeyShortcuts } from "@/components/ui/single-key-shortcuts";
import type { EgoGraph } from "@/lib/people/ego-network.types";
import { attachGraphKeyboard, type KeyboardMemory } from "./graph-keyboard";
import { egoGraphStyle, egoLayout, FORCE_LAYOUT_MAX_NODES, ringPositions, toElements } from "./graph-style";

let fcoseRegistered = false;

export interface GraphControls {
  fit: () => void;
  fitPath: () => void;
  zoomBy: (factor: number) => void;
  /** Moves focus to the canvas, showing the keyboard focus where it was (Escape from the side panel). */
  focus: () => void;
}

/** How an edge was opened: from the keyboard, focus follows it to the factor panel; from a click it stays. */
export type OpenedBy = "pointer" | "keyboard";

export interface GraphMetrics {
  nodes: number;
  edges: number;
  /** Element creation and style, before the layout. */
  buildMs: number;
  layoutMs: number;
  /** From creating the instance to the first painted frame after the layout. */
  firstRenderMs: number;
}

declare global {
  interface Window {
    __wigGraphMetrics?: GraphMetrics;
    __wigCy?: Core;
  }
}

export function EgoGraphCanvas({
  graph,
  path,
  label,
  selectedNodeId,
  onSelectNode,
  onSelectEdge,
  onHover,
  controlsRef,
}: {
  graph: EgoGraph;
  path: readonly string[];
  label: string;
  selectedNodeId: string | null;
  onSelectNode: (personId: string) => void;
  onSelectEdge: (edge: { a: string; b: string } | null, openedBy?: OpenedBy) => void;
  onHover: (personId: string | null) => void;
  controlsRef: MutableRefObject<GraphControls | null>;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  // Handlers live in a ref so new callback identities do not rebuild (and re-layout) the graph.
  const handlers = useRef({ onSelectNode, onSelectEdge, onHover });
  useEffect(() => {
    handlers.current = { onSelectNode, onSelectEdge, onHover };
  }, [onSelectNode, onSelectEdge, onHover]);
  const pathKey = path.join(",");
  const [singleKeys] = useSingleKeyShortcuts();
  // Read by the key handler at each press, so the switch needs no rebuild either.
  const latest = useRef({ singleKeys, selectedNodeId });
  useEffect(() => {
    latest.current = { singleKeys, selectedNodeId };
  }, [singleKeys, selectedNodeId]);
  const keyboardMemory = useRef<KeyboardMemory>({ nodeId: null, active: false });
  const [keyboardActive, setKeyboardActive] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const helpId = useId();

  useEffect(() => {
    let cy: Core | undefined;
    let detachKeyboard: (() => void) | undefined;
    let cancelled = false;
    const pathIds = pathKey === "" ? [] : pathKey.split(",");

    void (async () => {
      const [{ default: cytoscape }, { default: fcose }] = await Promise.all([import("cytoscape"), import("cytoscape-fcose")]);
      const container = containerRef.current;
      if (cancelled || !container) return;
      if (!fcoseRegistered) {
        cytoscape.use(fcose);
        fcoseRegistered = true;
      }
      container.removeAttribute("data-ready");
      const large = graph.nodes.length > FORCE_LAYOUT_MAX_NODES;
      const started = performance.now();
      cy = cytoscape({
        container,
        elements: toElements(graph, pathIds),
        style: egoGraphStyle,
        layout: { name: "preset" },
        // Panning and zooming stay fluid on large views: edges reappear when the viewport settles.
        hideEdgesOnViewport: true,
        textureOnViewport: large,
        pixelRatio: large ? 1 : "auto",
        minZoom: 0.05,
        maxZoom: 4,
        boxSelectionEnabled: false,
        selectionType: "single",
        autounselectify: false,
      });
      cyRef.current = cy;
      window.__wigCy = cy;
      const built = performance.now();
      const core = cy;
      const pathElements = () => core.elements(".path");
      const layout = core.layout(
        graph.nodes.length > FORCE_LAYOUT_MAX_NODES ? { name: "preset", positions: ringPositions(graph), fit: true, padding: 24 } : egoLayout,
      );
      // fcose without animation runs synchronously; layoutstop marks its end either way.
      let laidOut = built;
      const stopped = new Promise<void>((resolve) => layout.one("layoutstop", () => resolve()));
      layout.run();
      await stopped;
      laidOut = performance.now();
      if (cancelled) return;
      if (pathIds.length > 1 && pathElements().length > 0) core.fit(pathElements(), 60);
      requestAnimationFrame(() => {
        requestAnimationFrame(() => {
          if (cancelled) return;
          const metrics: GraphMetrics = {
            nodes: graph.nodes.length,
            edges: graph.edges.length,
            buildMs: Math.round(built - started),
            layoutMs: Math.round(laidOut - built),
            firstRenderMs: Math.round(performance.now() - started),
          };
          window.__wigGraphMetrics = metrics;
          container.dataset.ready = "true";
          container.dataset.layoutMs = String(metrics.layoutMs);
          container.dataset.firstRenderMs = String(metrics.firstRenderMs);
        });
      });

      const keyboard = attachGraphKeyboard({
        core,
        container,
        centerId: graph.centerId,
        memory: keyboardMemory.current,
        singleKeys: () => latest.current.singleKeys,
        selectedNodeId: () => latest.current.selectedNodeId,
        announce: setAnnouncement,
        onActiveChange: setKeyboardActive,
        onFocusNode: (personId) => handlers.current.onHover(personId),
        openNode: (personId) => handlers.current.onSelectNode(personId),
        openEdge: (pair) => handlers.current.onSelectEdge(pair, "keyboard"),
      });
      detachKeyboard = keyboard.detach;

      controlsRef.current = {
        focus: keyboard.focus,
        fit: () => core.animate({ fit: { eles: core.elements(), padding: 32 } }, { duration: 250 }),
        fitPath: () => {
          const eles = pathElements();
          core.animate({ fit: { eles: eles.length > 0 ? eles : core.elements(), padding: 60 } }, { duration: 250 });
        },
        zoomBy: (factor: number) => {
          const zoom = Math.min(core.maxZoom(), Math.max(core.minZoom(), core.zoom() * factor));
          core.animate({ zoom: { level: zoom, renderedPosition: { x: core.width() / 2, y: core.height() / 2 } } }, { duration: 150 });
        },
      };

      core.on("tap", "node", (event) => {
        const node = event.target as NodeSingular;
        handlers.current.onSelectNode(node.id());
      });
      core.on("tap", "edge", (event) => {
        const edge = event.target as EdgeSingular;
        handlers.current.onSelectEdge({ a: edge.data("source") as string, b: edge.data("target") as string }, "pointer");
      });
      core.on("tap", (event) => {
        if (event.target === core) handlers.current.onSelectEdge(null);
      });
      core.on("mouseover", "node", (event) => {
        const node = event.target as NodeSingular;
        core.batch(() => {
          core.elements().addClass("faded");
          node.closedNeighborhood().removeClass("faded");
          node.addClass("hover");
          node.connectedEdges().addClass("hover");
        });
        container.style.cursor = "pointer";
        handlers.current.onHover(node.id());
      });
      core.on("mouseout", "node", () => {
        core.batch(() => core.elements().removeClass("faded hover"));
        container.style.cursor = "default";
        handlers.current.onHover(null);
      });
      core.on("mouseover", "edge", () => {
        container.style.cursor = "pointer";
      });
      core.on("mouseout", "edge", () => {
        container.style.cursor = "default";
      });
    })();

    return () => {
      cancelled = true;
      controlsRef.current = null;
      cyRef.current = null;
      detachKeyboard?.();
      cy?.destroy();
    };
  }, [graph, pathKey, controlsRef]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes(".selected-node").removeClass("selected-node");
      if (selectedNodeId) cy.getElementById(selectedNodeId).addClass("selected-node");
    });
  }, [selectedNodeId]);

  // Cytoscape forces `position: relative` on its container, so the absolute positioning lives on a wrapper.
  // Cytoscape also owns the container's children: the live region, the key hint and the ring are siblings.
  // role="application": the arrow keys and Enter belong to the canvas, so screen readers must pass them through.
  return (
    <div className="absolute inset-0">
      <div
        ref={containerRef}
        role="application"
        tabIndex={0}
        aria-label={label}
        aria-describedby={helpId}
        data-testid="graph-canvas"
        className="h-full w-full outline-none"
      />
      <p id={helpId} className="sr-only">
        {`Arrow keys move between the people drawn; Home goes to the centre. Enter opens the person's card and recentres the graph on them. Shift+Enter${singleKeys ? " or E" : ""} steps through their ties, strongest first${singleKeys ? " (Shift+E goes back)" : ""}; Enter on a tie opens its factors; Escape goes back to the person.`}
      </p>
      <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="graph-announcer">
        {announcement}
      </p>
      {keyboardActive ? (
        <>
          <div aria-hidden="true" className="pointer-events-none absolute inset-0 rounded-xl ring-2 ring-inset ring-accent-500" />
          <p aria-hidden="true" className="pointer-events-none absolute bottom-3 left-3 flex flex-wrap items-center gap-1 rounded-lg border border-zinc-200 bg-white/95 px-2 py-1 text-xs text-zinc-600 shadow-sm">
            <Kbd>←↑→↓</Kbd> move · <Kbd>Enter</Kbd> open · <Kbd>Shift+Enter</Kbd>
            {singleKeys ? (
              <>
                /<Kbd>e</Kbd>
              </>
            ) : null}{" "}
            ties · <Kbd>Esc</Kbd> back
          </p>
        </>
      ) : null}
    </div>
  );
}
