"use client";
// The graph screen's interactive part: the ego network canvas plus a side panel about the centre,
// the hovered person and the strongest ties. Clicking a node recentres the graph on that person.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { buttonClass } from "@/components/ui/button-link";
import { formatCount } from "@/components/ui/format";
import { StrengthBar } from "@/components/ui/strength-bar";
import type { EgoNode } from "@/lib/people/ego-network.types";
import { EgoGraphCanvas } from "./ego-graph-canvas";
import { GraphLegend } from "./graph-legend";
import { useEgoGraph } from "./use-ego-graph";

export interface GraphCenter {
  id: string;
  name: string;
  subtitle: string;
}

export function GraphExplorer({ center }: { center: GraphCenter }) {
  const router = useRouter();
  const { data, error, isPending, isPlaceholderData, refetch } = useEgoGraph(center.id);
  // Hover is remembered per centre: after a click recentres the graph, a stale hover must not linger.
  const [hover, setHover] = useState<{ centerId: string; personId: string } | null>(null);
  const hoveredId = hover?.centerId === center.id ? hover.personId : null;
  const onHover = useCallback((personId: string | null) => setHover(personId ? { centerId: center.id, personId } : null), [center.id]);

  const open = useCallback((personId: string) => router.push(`/graph?person=${personId}`), [router]);
  const nodesById = useMemo(() => new Map((data?.nodes ?? []).map((node) => [node.id, node])), [data]);
  const hovered = hoveredId ? nodesById.get(hoveredId) : undefined;
  const strongest = useMemo(() => (data?.nodes ?? []).filter((node) => !node.isCenter).slice(0, 10), [data]);
  const neighbours = data ? data.nodes.length - 1 : 0;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="relative h-[min(72vh,680px)] min-h-[420px] overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm [background-image:radial-gradient(#e4e4e7_1px,transparent_1px)] [background-size:20px_20px]">
        {data && neighbours > 0 ? (
          <EgoGraphCanvas graph={data} label={`Network of ${center.name}: ${neighbours} people`} onOpen={open} onHover={onHover} />
        ) : null}
        {isPending ? <Overlay>Loading the network…</Overlay> : null}
        {data && isPlaceholderData ? <Overlay subtle>Loading {center.name}’s network…</Overlay> : null}
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
            <p className="text-sm font-medium text-zinc-900">No relationships yet</p>
            <p className="mt-1 text-sm text-zinc-500">{center.name} has no links to other people in the graph.</p>
          </Overlay>
        ) : null}
        {hovered && !hovered.isCenter ? <HoverCard node={hovered} centerName={center.name} /> : null}
      </div>

      <aside className="space-y-4" aria-label="About this network">
        <div className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
          <div className="flex items-center gap-3">
            <Avatar name={center.name} />
            <div className="min-w-0">
              <p className="truncate text-sm font-semibold text-zinc-900">{center.name}</p>
              {center.subtitle ? <p className="truncate text-xs text-zinc-500">{center.subtitle}</p> : null}
            </div>
          </div>
          <p className="mt-3 text-xs text-zinc-500">
            {data && !isPlaceholderData
              ? data.truncated
                ? `Showing the ${formatCount(neighbours)} strongest of ${formatCount(data.totalNeighbours)} connections.`
                : `${formatCount(neighbours)} ${neighbours === 1 ? "connection" : "connections"}.`
              : "\u00a0"}
          </p>
          <Link href={`/people/${center.id}`} className={`mt-3 w-full ${buttonClass("secondary")}`}>
            View profile
          </Link>
        </div>

        {strongest.length > 0 && !isPlaceholderData ? (
          <div className="rounded-xl border border-zinc-200 bg-white shadow-sm">
            <h2 className="border-b border-zinc-100 px-4 py-3 text-sm font-semibold text-zinc-900">Strongest ties</h2>
            <ol className="divide-y divide-zinc-100">
              {strongest.map((node) => (
                <li key={node.id} className={`flex items-center justify-between gap-3 px-4 py-2 ${node.id === hoveredId ? "bg-accent-50" : ""}`}>
                  <Link href={`/graph?person=${node.id}`} className="min-w-0 truncate text-sm text-zinc-800 hover:text-accent-700 hover:underline" title={`Recentre on ${node.name}`}>
                    {node.name}
                  </Link>
                  <StrengthBar strength={node.strengthToCenter} />
                </li>
              ))}
            </ol>
          </div>
        ) : null}

        <GraphLegend />
      </aside>
    </div>
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
  const mutual = Math.max(0, node.degree - 1);
  return (
    <div className="pointer-events-none absolute left-3 top-3 w-64 rounded-lg border border-zinc-200 bg-white/95 p-3 shadow-md backdrop-blur">
      <p className="truncate text-sm font-semibold text-zinc-900">{node.name}</p>
      {node.title || node.organizationName ? (
        <p className="truncate text-xs text-zinc-500">{[node.title, node.organizationName].filter(Boolean).join(" · ")}</p>
      ) : null}
      <div className="mt-2 flex items-center justify-between text-xs text-zinc-500">
        <span>Tie to {centerName.split(" ")[0]}</span>
        <StrengthBar strength={node.strengthToCenter} />
      </div>
      <p className="mt-1 text-xs text-zinc-500">
        {mutual} mutual {mutual === 1 ? "connection" : "connections"} in view · click to recentre
      </p>
    </div>
  );
}
