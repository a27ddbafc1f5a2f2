"use client";
// The graph's controls: hops (1–2), how many people to draw (the cap), minimum strength, source, channel
// and time window. Filtering happens in SQL (GET /api/graph/ego); these only edit the URL.
import { EGO_CAP_CHOICES, EGO_CHANNELS, EGO_WINDOWS, type TEgoFilters, type TEgoWindow } from "@/lib/people/ego-network.types";
import { sourceLabel } from "@/components/ui/format";

const WINDOW_LABELS: Record<TEgoWindow, string> = { "30d": "Last 30 days", "90d": "Last 90 days", "1y": "Last year", "3y": "Last 3 years", all: "Any time" };
const STRENGTH_CHOICES = [0, 0.2, 0.4, 0.6, 0.8] as const;

const selectClass = "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-800";
const labelClass = "flex flex-col gap-1 text-[11px] font-medium uppercase tracking-wide text-zinc-500";

export function GraphFilters({ filters, sources, onChange }: { filters: TEgoFilters; sources: string[]; onChange: (changes: Partial<TEgoFilters>) => void }) {
  const sourceChoices = filters.source && !sources.includes(filters.source) ? [filters.source, ...sources] : sources;
  return (
    <form aria-label="Graph filters" className="flex flex-wrap items-end gap-3" onSubmit={(event) => event.preventDefault()}>
      <label className={labelClass}>
        Hops
        <select aria-label="Hops" className={selectClass} value={filters.hops} onChange={(event) => onChange({ hops: Number(event.target.value) })}>
          <option value={1}>1 – direct ties</option>
          <option value={2}>2 – friends of friends</option>
        </select>
      </label>
      <label className={labelClass}>
        People
        <select aria-label="People cap" className={selectClass} value={filters.limit} onChange={(event) => onChange({ limit: Number(event.target.value) })}>
          {[...new Set([...EGO_CAP_CHOICES, filters.limit])]
            .sort((a, b) => a - b)
            .map((cap) => (
              <option key={cap} value={cap}>
                up to {cap.toLocaleString("en")}
              </option>
            ))}
        </select>
      </label>
      <label className={labelClass}>
        Min strength
        <select aria-label="Min strength" className={selectClass} value={filters.minStrength} onChange={(event) => onChange({ minStrength: Number(event.target.value) })}>
          {[...new Set([...STRENGTH_CHOICES, filters.minStrength])]
            .sort((a, b) => a - b)
            .map((value) => (
              <option key={value} value={value}>
                {value === 0 ? "any" : `≥ ${Math.round(value * 100)}`}
              </option>
            ))}
        </select>
      </label>
      <label className={labelClass}>
        Source
        <select aria-label="Source" className={selectClass} value={filters.source ?? ""} onChange={(event) => onChange({ source: event.target.value || undefined })}>
          <option value="">all sources</option>
          {sourceChoices.map((source) => (
            <option key={source} value={source}>
              {sourceLabel(source)}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Channel
        <select
          aria-label="Channel"
          className={selectClass}
          value={filters.channel ?? ""}
          onChange={(event) => onChange({ channel: (event.target.value || undefined) as TEgoFilters["channel"] })}
        >
          <option value="">all channels</option>
          {EGO_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {channel}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Last contact
        <select aria-label="Last contact" className={selectClass} value={filters.window} onChange={(event) => onChange({ window: event.target.value as TEgoWindow })}>
          {(Object.keys(EGO_WINDOWS) as TEgoWindow[]).map((window) => (
            <option key={window} value={window}>
              {WINDOW_LABELS[window]}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
