"use client";
// The graph screen's interactive part: filters, the ego network canvas with fit/zoom controls, and a side
// panel with the selected person's card, the selected edge's factor breakdown and the strongest ties.
// Clicking a node opens that person's card and recentres the graph on them; clicking an edge opens its
// factors. The canvas does the same from the keyboard (graph-keyboard.ts); Escape in the side panel returns
// focus to it. An intro path passed in the URL (?path=a,b,c) is kept in view and highlighted.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { buttonClass } from "@/components/ui/button-link";
import { formatCount, plural } from "@/components/ui/format";
import { StrengthBar } from "@/components/ui/strength-bar";
import { EdgeDetailsView } from "@/components/strength/edge-details-view";
import type { EgoGraph, EgoNode, TEgoFilters } from "@/lib/people/ego-network.types";
import { EgoGraphCanvas, type GraphControls, type OpenedBy } from "./ego-graph-canvas";
import { GraphFilters } from "./graph-filters";
import { GraphKeyboardHelp } from "./graph-keyboard-help";
import { GraphLegend } from "./graph-legend";
import { useEgoGraph } from "./use-ego-graph";

export interface GraphCenter {
  id: string;
  name: string;
  subtitle: string;
}

export function graphPageHref(personId: string, filters: TEgoFilters, path: readonly string[]): string {
  const params = new URLSearchParams({ person: personId });
  if (filters.hops !== 1) params.set("hops", String(filters.hops));
  params.set("limit", String(filters.limit));
  if (filters.minStrength > 0) params.set("minStrength", String(filters.minStrength));
  if (filters.source) params.set("source", filters.source);
  if (filters.channel) params.set("channel", filters.channel);
  if (filters.window !== "all") params.set("window", filters.window);
  if (path.length > 0) params.set("path", path.join(","));
  return `/graph?${params}`;
}

/** `viewerPersonId`: the signed-in member's own node, whose card offers no "Find intro" (no path to yourself). */
export function GraphExplorer({ center, filters, path, viewerPersonId }: { center: GraphCenter; filters: TEgoFilters; path: string[]; viewerPersonId: string | null }) {
  const router = useRouter();
  const { data, error, isPending, isPlaceholderData, refetch } = useEgoGraph(center.id, filters, path);
  const controls = useRef<GraphControls | null>(null);
  // Hover and selection are remembered per centre: after a recentre, stale ones must not linger.
  const [hover, setHover] = useState<{ centerId: string; personId: string } | null>(null);
  const [selectedEdge, setSelectedEdge] = useState<{ centerId: string; a: string; b: string } | null>(null);
  const [selectedNode, setSelectedNode] = useState<EgoNode | null>(null);
  const hoveredId = hover?.centerId === center.id ? hover.personId : null;
  // A selected edge that a filter change took out of the view closes with it.
  const edgeInView = (pair: { a: string; b: string }) =>
    !data || data.edges.some((line) => (line.source === pair.a && line.target === pair.b) || (line.source === pair.b && line.target === pair.a));
  const edge = selectedEdge?.centerId === center.id && edgeInView(selectedEdge) ? selectedEdge : null;
  const edgePanel = useRef<HTMLDivElement | null>(null);
  // A tie opened from the keyboard (on the canvas, or from the list) moves focus to its panel; a click does not.
  const focusEdgePanel = useRef(false);
  // On a narrow screen the panel sits below the canvas: bring it into view when an edge is picked.
  useEffect(() => {
    const panel = edgePanel.current;
    if (edge && panel && focusEdgePanel.current) {
      focusEdgePanel.current = false;
      panel.focus();
    }
    if (!edge || !panel || window.matchMedia("(min-width: 1024px)").matches) return;
    const box = panel.getBoundingClientRect();
    if (box.top > window.innerHeight || box.bottom < 0) panel.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [edge]);
  const onHover = useCallback((personId: string | null) => setHover(personId ? { centerId: center.id, personId } : null), [center.id]);

  const nodesById = useMemo(() => new Map((data?.nodes ?? []).map((node) => [node.id, node])), [data]);
  const onSelectNode = useCallback(
    (personId: string) => {
      const node = nodesById.get(personId);
      if (node) setSelectedNode(node);
      setSelectedEdge(null);
      if (personId !== center.id) router.push(graphPageHref(personId, filters, path));
    },
    [center.id, filters, nodesById, path, router],
  );
  const onSelectEdge = useCallback(
    (pair: { a: string; b: string } | null, openedBy: OpenedBy = "pointer") => {
      if (pair && openedBy === "keyboard") focusEdgePanel.current = true;
      setSelectedEdge(pair ? { centerId: center.id, ...pair } : null);
    },
    [center.id],
  );
  const setFilters = (changes: Partial<TEgoFilters>) => router.replace(graphPageHref(center.id, { ...filters, ...changes }, path), { scroll: false });

  const hovered = hoveredId ? nodesById.get(hoveredId) : undefined;
  const strongest = useMemo(() => (data?.nodes ?? []).filter((node) => node.hops === 1).slice(0, 10), [data]);
  const neighbours = data ? data.nodes.length - 1 : 0;
  const card = selectedNode && selectedNode.id !== center.id && isPlaceholderData ? selectedNode : null;

  return (
    <div className="space-y-4">
      <div className="rounded-xl border border-zinc-200 bg-white px-4 py-3 shadow-sm">
        <GraphFilters filters={filters} sources={data?.sources ?? []} onChange={setFilters} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="relative h-[min(72vh,680px)] min-h-[420px] overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm [background-image:radial-gradient(#e4e4e7_1px,transparent_1px)] [background-size:20px_20px]">
          {data && neighbours > 0 ? (
            <EgoGraphCanvas
              graph={data}
              path={path}
              label={`Network of ${center.name}: ${neighbours} people`}
              selectedNodeId={selectedNode?.id ?? null}
              onSelectNode={onSelectNode}
              onSelectEdge={onSelectEdge}
              onHover={onHover}
              controlsRef={controls}
            />
          ) : null}
          {isPending ? <Overlay>Loading the network…</Overlay> : null}
          {data && isPlaceholderData ? <Overlay subtle>Loading…</Overlay> : null}
          {error && !data ? (
            <Overlay>
              <p className="text-sm text-red-700">{error.message}</p>
              <button type="button" onClick={() => void refetch()} className={`mt-3 ${buttonClass("secondary")}`}>
                Try again
              </button>
            </Overlay>
          ) : null}
          {data && !isPlaceholderData && neighbours === 0 ? (
            <Overlay>
              <p className="text-sm font-medium text-zinc-900">No relationships match</p>
              <p className="mt-1 text-sm text-zinc-500">{center.name} has no links to other people in the graph with these filters.</p>
            </Overlay>
          ) : null}
          {hovered ? <HoverCard node={hovered} centerName={center.name} /> : null}
          {data && neighbours > 0 ? (
            <div className="absolute bottom-3 right-3 flex gap-1 rounded-lg border border-zinc-200 bg-white/95 p-1 shadow-sm" role="toolbar" aria-label="View controls">
              <ControlButton label="Zoom in" onClick={() => controls.current?.zoomBy(1.4)}>
                +
              </ControlButton>
              <ControlButton label="Zoom out" onClick={() => controls.current?.zoomBy(1 / 1.4)}>
                −
              </ControlButton>
              <ControlButton label="Fit to view" onClick={() => controls.current?.fit()}>
                Fit
              </ControlButton>
              {path.length > 1 ? (
                <ControlButton label="Fit the intro path" onClick={() => controls.current?.fitPath()}>
                  Path
                </ControlButton>
              ) : null}
            </div>
          ) : null}
        </div>

        <aside
          className="space-y-4"
          aria-label="About this network"
          onKeyDown={(event) => {
            // Escape from anywhere in the side panel goes back to the canvas, to the person or tie it was on.
            if (event.key !== "Escape" || event.defaultPrevented || !controls.current) return;
            event.preventDefault();
            controls.current.focus();
          }}
        >
          {edge ? (
            <div ref={edgePanel} tabIndex={-1} role="region" className="scroll-mt-4 rounded-xl border border-amber-200 bg-white p-4 shadow-sm" aria-label="Relationship factors">
              <div className="mb-3 flex items-center justify-between">
                <h2 className="text-sm font-semibold text-zinc-900">Relationship</h2>
                <button type="button" onClick={() => setSelectedEdge(null)} className="text-xs text-zinc-500 hover:text-zinc-900" aria-label="Close the relationship panel">
                  Close
                </button>
              </div>
              <EdgeDetailsView a={edge.a} b={edge.b} />
            </div>
          ) : null}

          <PersonCard
            id={card?.id ?? center.id}
            name={card?.name ?? center.name}
            subtitle={card ? [card.title, card.organizationName].filter(Boolean).join(" · ") : center.subtitle}
            note={data && !isPlaceholderData ? describeView(data, neighbours) : "\u00a0"}
            isViewer={(card?.id ?? center.id) === viewerPersonId}
          />

          {path.length > 1 ? (
            <div className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-xs text-amber-900">
              <p className="font-semibold">Intro path highlighted</p>
              <p className="mt-1">
                {path.map((id) => nodesById.get(id)?.name ?? "someone hidden").join(" → ")}
              </p>
              <Link href={graphPageHref(center.id, filters, [])} className="mt-2 inline-block underline">
                Clear the path
              </Link>
            </div>
          ) : null}

          {strongest.length > 0 && !isPlaceholderData ? (
            <div className="rounded-xl border border-zinc-200 bg-white shadow-sm">
              <h2 className="border-b border-zinc-100 px-4 py-3 text-sm font-semibold text-zinc-900">Strongest ties</h2>
              <ol className="divide-y divide-zinc-100">
                {strongest.map((node) => (
                  <li key={node.id} className={`flex items-center justify-between gap-3 px-4 py-2 ${node.id === hoveredId ? "bg-accent-50" : ""}`}>
                    <Link
                      href={graphPageHref(node.id, filters, path)}
                      className="min-w-0 truncate text-sm text-zinc-800 hover:text-accent-700 hover:underline"
                      title={`Recentre on ${node.name}`}
                    >
                      {node.name}
                    </Link>
                    <span className="flex shrink-0 items-center gap-2">
                      <StrengthBar strength={node.strengthToCenter} />
                      {/* A short way to a strong tie's factors; focus moves to the panel, as with Enter on the canvas. */}
                      <button
                        type="button"
                        onClick={() => onSelectEdge({ a: center.id, b: node.id }, "keyboard")}
                        aria-label={`Factors of ${center.name}'s tie with ${node.name}`}
                        className="rounded px-1.5 py-0.5 text-xs text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
                      >
                        Factors
                      </button>
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ) : null}

          <GraphLegend />
          <GraphKeyboardHelp />
        </aside>
      </div>
    </div>
  );
}

function PersonCard({ id, name, subtitle, note, isViewer }: { id: string; name: string; subtitle: string; note: string; isViewer: boolean }) {
  return (
    <div role="group" className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm" aria-label="Person card">
      <div className="flex items-center gap-3">
        <Avatar name={name} />
        <div className="min-w-0">
          <p className="truncate text-sm font-semibold text-zinc-900">{name}</p>
          {subtitle ? <p className="truncate text-xs text-zinc-500">{subtitle}</p> : null}
        </div>
      </div>
      <p className="mt-3 text-xs text-zinc-500">{note}</p>
      <div className="mt-3 flex gap-2">
        <Link href={`/people/${id}`} className={`flex-1 ${buttonClass("secondary")}`}>
          View profile
        </Link>
        {isViewer ? null : (
          <Link href={`/?${new URLSearchParams({ to: id, label: name })}`} className={`flex-1 ${buttonClass("secondary")}`}>
            Find intro
          </Link>
        )}
      </div>
    </div>
  );
}

function ControlButton({ label, onClick, children }: { label: string; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" aria-label={label} title={label} onClick={onClick} className="min-w-8 rounded px-2 py-1 text-sm font-medium text-zinc-700 hover:bg-zinc-100">
      {children}
    </button>
  );
}

function Overlay({ children, subtle = false }: { children: ReactNode; subtle?: boolean }) {
  if (subtle) {
    return (
      <div role="status" className="absolute left-1/2 top-3 -translate-x-1/2 rounded-full bg-zinc-900/80 px-3 py-1 text-xs text-white shadow">
        {children}
      </div>
    );
  }
  return (
    <div role="status" className="absolute inset-0 flex flex-col items-center justify-center p-6 text-center text-sm text-zinc-500">
      {children}
    </div>
  );
}

function HoverCard({ node, centerName }: { node: EgoNode; centerName: string }) {
  return (
    <div className="pointer-events-none absolute left-3 top-3 w-64 rounded-lg border border-zinc-200 bg-white/95 p-3 shadow-md backdrop-blur">
      <p className="truncate text-sm font-semibold text-zinc-900">{node.name}</p>
      {node.title || node.organizationName ? <p className="truncate text-xs text-zinc-500">{[node.title, node.organizationName].filter(Boolean).join(" · ")}</p> : null}
      {node.isCenter ? null : (
        <div className="mt-2 flex items-center justify-between text-xs text-zinc-500">
          <span>{node.hops === 2 ? `Best 2-hop link to ${centerName.split(" ")[0]}` : node.hops === 1 ? `Tie to ${centerName.split(" ")[0]}` : "On the intro path"}</span>
          <StrengthBar strength={node.strengthToCenter} />
        </div>
      )}
      <p className="mt-1 text-xs text-zinc-500">
        {node.degree} {node.degree === 1 ? "link" : "links"} in view · click to recentre
      </p>
    </div>
  );
}

/** What the view holds, and what the cap left out ("raise the cap" is the control above the canvas). */
function describeView(data: EgoGraph, drawn: number): string {
  const direct = data.totalNeighbours > data.shownNeighbours
    ? `the ${formatCount(data.shownNeighbours)} strongest of ${plural(data.totalNeighbours, "direct tie")}`
    : plural(data.shownNeighbours, "direct tie");
  if (data.shownSecondDegree === 0 && data.totalSecondDegree === 0) {
    return data.truncated ? `Showing ${direct}. Raise the cap to see more.` : `${plural(drawn, "person", "people")} in view.`;
  }
  const second = data.totalSecondDegree > data.shownSecondDegree
    ? `the ${formatCount(data.shownSecondDegree)} closest of ${plural(data.totalSecondDegree, "friend of a friend", "friends of friends")}`
    : plural(data.shownSecondDegree, "friend of a friend", "friends of friends");
  return `Showing ${direct} and ${second}.${data.truncated ? " Raise the cap to see more." : ""}`;
}
