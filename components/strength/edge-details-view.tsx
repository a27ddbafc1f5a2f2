"use client";
// Both directions of one relationship with their factor breakdowns (one, when they are the same): what the
// graph's edge panel and an expanded intro-path hop show. The direction the caller cares about (a → b) comes first.
import { sourceLabel } from "@/components/ui/format";
import { StrengthBar } from "@/components/ui/strength-bar";
import type { EdgeDetails } from "@/lib/people/edge-details.types";
import { directionsToShow } from "./edge-directions";
import { FactorBreakdown } from "./factor-breakdown";
import { useEdgeDetails } from "./use-edge-details";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export function EdgeDetailsView({ a, b, onlyFirst = false }: { a: string; b: string; onlyFirst?: boolean }) {
  const { data, error, isPending } = useEdgeDetails(a, b);
  if (isPending) return <p className="text-xs text-zinc-500">Loading the factor breakdown…</p>;
  if (error) return <p className="text-xs text-red-700">{error.message}</p>;
  return <EdgeDirections details={data} onlyFirst={onlyFirst} />;
}

function EdgeDirections({ details, onlyFirst }: { details: EdgeDetails; onlyFirst: boolean }) {
  const names = new Map([
    [details.a.id, details.a.name],
    [details.b.id, details.b.name],
  ]);
  const { shown, sameBothWays } = directionsToShow(details.directions);
  const directions = onlyFirst ? shown.slice(0, 1) : shown;
  const [first] = directions;
  return (
    <div className="space-y-4" data-testid="factor-panel">
      {sameBothWays && first ? (
        <p className="text-[11px] text-zinc-500">
          The same both ways: {names.get(first.toId)} → {names.get(first.fromId)} is scored from the same evidence.
        </p>
      ) : null}
      {directions.map((direction) => (
        <section key={direction.id} aria-label={`${names.get(direction.fromId)} → ${names.get(direction.toId)}`}>
          <div className="mb-2 flex items-center justify-between gap-3">
            <h3 className="min-w-0 truncate text-xs font-semibold text-zinc-800">
              {names.get(direction.fromId)} → {names.get(direction.toId)}
            </h3>
            <StrengthBar strength={direction.strength} />
          </div>
          <p className="mb-2 text-[11px] text-zinc-500">
            {direction.interactionCount} interaction{direction.interactionCount === 1 ? "" : "s"}
            {direction.lastSeenAt ? ` · last ${dateFormat.format(new Date(direction.lastSeenAt))}` : ""}
            {direction.firstSeenAt ? ` · since ${dateFormat.format(new Date(direction.firstSeenAt))}` : ""}
            {direction.sources.length > 0 ? ` · via ${direction.sources.map(sourceLabel).join(", ")}` : ""}
            {direction.channels.length > 0 ? ` · ${direction.channels.join(", ")}` : ""}
          </p>
          {direction.factors ? (
            <FactorBreakdown factors={direction.factors} />
          ) : (
            <p className="rounded-md bg-zinc-50 px-3 py-2 text-xs text-zinc-500">No factor breakdown is stored for this direction yet (it was scored before the strength model ran).</p>
          )}
        </section>
      ))}
    </div>
  );
}
