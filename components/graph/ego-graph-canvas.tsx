"use client";
// Draws an ego network with Cytoscape. Cytoscape touches `window` at import time, so it (and the fcose
// layout) are imported inside the effect: they load only in the browser, and only on the graph screen.
import type { Core } from "cytoscape";
import { useEffect, useRef } from "react";
import type { EgoGraph } from "@/lib/people/ego-network.types";
import { egoGraphStyle, egoLayout, toElements } from "./graph-style";

let fcoseRegistered = false;

export function EgoGraphCanvas({
  graph,
  label,
  onOpen,
  onHover,
}: {
  graph: EgoGraph;
  label: string;
  onOpen: (personId: string) => void;
  onHover: (personId: string | null) => void;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  // Handlers live in a ref so new callback identities do not rebuild (and re-layout) the graph.
  const handlers = useRef({ onOpen, onHover });
  useEffect(() => {
    handlers.current = { onOpen, onHover };
  }, [onOpen, onHover]);

  useEffect(() => {
    let cy: Core | undefined;
    let cancelled = false;

    void (async () => {
      const [{ default: cytoscape }, { default: fcose }] = await Promise.all([import("cytoscape"), import("cytoscape-fcose")]);
      const container = containerRef.current;
      if (cancelled || !container) return;
      if (!fcoseRegistered) {
        cytoscape.use(fcose);
        fcoseRegistered = true;
      }
      cy = cytoscape({
        container,
        elements: toElements(graph),
        style: egoGraphStyle,
        layout: egoLayout,
        // Panning and zooming stay fluid on large views: edges reappear when the viewport settles.
        hideEdgesOnViewport: true,
        minZoom: 0.25,
        maxZoom: 3,
        boxSelectionEnabled: false,
        autoungrabify: false,
      });

      cy.on("tap", "node", (event) => {
        const id: string = event.target.id();
        if (id !== graph.centerId) handlers.current.onOpen(id);
      });
      cy.on("mouseover", "node", (event) => {
        const node = event.target;
        const core = event.cy;
        core.batch(() => {
          core.elements().addClass("faded");
          node.closedNeighborhood().removeClass("faded");
          node.addClass("hover");
          node.connectedEdges().addClass("hover");
        });
        container.style.cursor = node.id() === graph.centerId ? "default" : "pointer";
        handlers.current.onHover(node.id());
      });
      cy.on("mouseout", "node", (event) => {
        const core = event.cy;
        core.batch(() => core.elements().removeClass("faded hover"));
        container.style.cursor = "default";
        handlers.current.onHover(null);
      });
    })();

    return () => {
      cancelled = true;
      cy?.destroy();
    };
  }, [graph]);

  // Cytoscape forces `position: relative` on its container, so the absolute positioning lives on a wrapper.
  return (
    <div className="absolute inset-0">
      <div ref={containerRef} role="img" aria-label={label} className="h-full w-full" />
    </div>
  );
}
