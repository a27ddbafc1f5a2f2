"use client";
// One intro path: the chain (me → A → B → target) with each hop's strength, the weakest link named, and
// every hop expandable into its full factor breakdown and evidence. "Show in graph" opens the path in the
// graph view, highlighted.
import Link from "next/link";
import { Fragment, useState } from "react";
import { buttonClass } from "@/components/ui/button-link";
import { plural, sourceLabel } from "@/components/ui/format";
import { StrengthBar } from "@/components/ui/strength-bar";
import { EdgeDetailsView } from "@/components/strength/edge-details-view";
import { FactorBar } from "@/components/strength/factor-breakdown";
import type { PathHopView, PathView } from "@/lib/paths/queries";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export function graphHrefForPath(path: PathView): string {
  const target = path.people[path.people.length - 1];
  return `/graph?${new URLSearchParams({ person: target?.id ?? "", path: path.people.map((person) => person.id).join(",") })}`;
}

export function PathCard({ path, rank }: { path: PathView; rank: number }) {
  const [open, setOpen] = useState<number | null>(null);
  const target = path.people[path.people.length - 1];
  return (
    <li className="rounded-xl border border-zinc-200 bg-white shadow-sm" aria-label={`Path ${rank}: ${path.people.map((person) => person.name).join(" → ")}`}>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-100 px-5 py-3">
        <div className="flex items-center gap-3">
          <span className="flex size-6 items-center justify-center rounded-full bg-zinc-900 text-xs font-semibold text-white">{rank}</span>
          <span className="text-sm text-zinc-600">
            {path.hops.length} {path.hops.length === 1 ? "hop" : "hops"} to {target?.name}
          </span>
          <span className="flex items-center gap-1.5 text-xs text-zinc-500">
            path strength <StrengthBar strength={path.score} />
          </span>
        </div>
        <Link href={graphHrefForPath(path)} className={buttonClass("secondary")}>
          Show in graph
        </Link>
      </div>

      <ol className="flex flex-wrap items-center gap-y-3 px-5 py-4" aria-label="Chain">
        {path.people.map((person, index) => {
          const hop = path.hops[index];
          return (
            <Fragment key={person.id}>
              <li className="min-w-0">
                <Link href={`/people/${person.id}`} className="block max-w-44 rounded-lg border border-zinc-200 px-2.5 py-1.5 hover:border-accent-300 hover:bg-accent-50/50">
                  <span className="block truncate text-sm font-medium text-zinc-900">{index === 0 ? `${person.name} (start)` : person.name}</span>
                  <span className="block truncate text-[11px] text-zinc-500">{[person.title, person.organization?.name].filter(Boolean).join(" · ") || "\u00a0"}</span>
                </Link>
              </li>
              {hop ? (
                <li aria-hidden="true" className={`mx-1.5 flex w-20 flex-col items-center ${hop.index === path.weakestLink.index ? "text-amber-700" : "text-zinc-500"}`}>
                  <span className="text-[11px] font-medium tabular-nums">{Math.round(hop.strength * 100)}</span>
                  <span className={`h-1 w-full rounded-full ${hop.index === path.weakestLink.index ? "bg-amber-400" : "bg-accent-500"}`} style={{ opacity: 0.35 + 0.65 * hop.strength }} />
                  <span className="text-xs">→</span>
                </li>
              ) : null}
            </Fragment>
          );
        })}
      </ol>

      <p className="mx-5 mb-3 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="weakest-link">
        {path.weakestLink.sentence}
      </p>

      <ul className="divide-y divide-zinc-100 border-t border-zinc-100">
        {path.hops.map((hop) => (
          <HopRow key={hop.index} hop={hop} weakest={hop.index === path.weakestLink.index} open={open === hop.index} onToggle={() => setOpen(open === hop.index ? null : hop.index)} />
        ))}
      </ul>
    </li>
  );
}

function HopRow({ hop, weakest, open, onToggle }: { hop: PathHopView; weakest: boolean; open: boolean; onToggle: () => void }) {
  const panelId = `hop-${hop.from.id}-${hop.to.id}`;
  return (
    <li className={weakest ? "bg-amber-50/40" : ""}>
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={onToggle} className="flex w-full flex-wrap items-center gap-x-4 gap-y-1 px-5 py-2.5 text-left hover:bg-zinc-50">
        <span className="min-w-0 flex-1 truncate text-sm text-zinc-800">
          <span aria-hidden="true" className="mr-1.5 inline-block w-3 text-zinc-500">
            {open ? "▾" : "▸"}
          </span>
          Hop {hop.index + 1}: {hop.from.name} → {hop.to.name}
          {weakest ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-800">weakest link</span> : null}
        </span>
        <span className="flex items-center gap-3 text-[11px] text-zinc-500">
          {hop.lastSeenAt ? <span>last {dateFormat.format(new Date(hop.lastSeenAt))}</span> : null}
          {hop.interactionCount !== null ? <span>{plural(hop.interactionCount, "interaction")}</span> : null}
          {hop.sources.length > 0 ? <span>via {hop.sources.map(sourceLabel).join(", ")}</span> : null}
          <StrengthBar strength={hop.strength} />
        </span>
      </button>
      {hop.topFactors.length > 0 && !open ? (
        <div className="flex flex-wrap gap-2 px-5 pb-2.5 pl-10">
          {hop.topFactors.map((factor) => (
            <span key={factor.key} className="flex w-36 flex-col gap-0.5 text-[11px] text-zinc-600" title={`${factor.label}: score ${factor.normalized.toFixed(2)}, contribution ${factor.contribution.toFixed(2)}`}>
              <span className="truncate">{factor.label}</span>
              <FactorBar value={factor.normalized} tone={factor.key === "override" ? "amber" : "accent"} />
            </span>
          ))}
        </div>
      ) : null}
      {open ? (
        <div id={panelId} className="px-5 pb-4 pl-10">
          <EdgeDetailsView a={hop.from.id} b={hop.to.id} onlyFirst />
        </div>
      ) : null}
    </li>
  );
}
