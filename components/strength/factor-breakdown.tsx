// A relationship's strength, factor by factor: each factor's normalized score as a bar, with its raw
// value, weight and contribution, and the evidence behind it (counts, dates, sources). The score is
// 1 − exp(−Σ contribution), so the contribution column is what moves it.
import { formatCount, sourceLabel } from "@/components/ui/format";
import type { TStrengthFactor, TStrengthFactors } from "@/lib/strength/strength-factors.schema";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

function formatRaw(raw: TStrengthFactor["raw"]): string {
  if (typeof raw === "boolean") return raw ? "yes" : "no";
  if (typeof raw === "string") return raw.replace(/_/g, " ");
  return Number.isInteger(raw) ? formatCount(raw) : raw.toFixed(2);
}

function humanize(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
}

/**
 * One evidence count as a person reads it. A span of days is whole days ("780", not "779.57"). Active days
 * are weighted by how personal each day's contact was (a day with only a 5-person thread counts 0.25), so
 * they keep one decimal and say so. Other measures (masses) keep two.
 */
export function evidenceEntry(key: string, value: number): { label: string; value: string } {
  const label = humanize(key);
  if (Number.isInteger(value)) return { label, value: formatCount(value) };
  if (key === "days") return { label, value: formatCount(Math.round(value)) };
  if (key === "activeDays") return { label: "active days (weighted)", value: value.toFixed(1) };
  return { label, value: value.toFixed(2) };
}

export function FactorBar({ value, tone = "accent" }: { value: number; tone?: "accent" | "amber" }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <span aria-hidden="true" className="block h-1.5 w-full overflow-hidden rounded-full bg-zinc-100">
      <span className={`block h-full rounded-full ${tone === "amber" ? "bg-amber-500" : "bg-accent-500"}`} style={{ width: `${percent}%` }} />
    </span>
  );
}

function Evidence({ factor }: { factor: TStrengthFactor }) {
  const counts = Object.entries(factor.evidence.counts).filter(([, value]) => value !== 0);
  const dates = Object.entries(factor.evidence.dates);
  if (counts.length === 0 && dates.length === 0 && factor.evidence.sources.length === 0) return null;
  return (
    <p className="text-[11px] leading-relaxed text-zinc-500">
      {counts.map(([key, value]) => {
        const entry = evidenceEntry(key, value);
        return (
          <span key={key} className="mr-2 inline-block">
            {entry.label} <span className="tabular-nums text-zinc-700">{entry.value}</span>
          </span>
        );
      })}
      {dates.map(([key, value]) => (
        <span key={key} className="mr-2 inline-block">
          {humanize(key)} <span className="text-zinc-700">{dateFormat.format(new Date(value))}</span>
        </span>
      ))}
      {factor.evidence.sources.length > 0 ? <span className="inline-block">via {factor.evidence.sources.map(sourceLabel).join(", ")}</span> : null}
    </p>
  );
}

export function FactorBreakdown({ factors }: { factors: TStrengthFactors }) {
  const ordered = [...factors.factors].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  // A container query, not a viewport one: the same breakdown sits in a wide search result and in the graph's
  // narrow side panel, where the raw value and weight columns give way (the evidence row still says why).
  const wideOnly = "hidden @sm:table-cell";
  return (
    <div className="@container">
      <table className="w-full text-left text-xs" aria-label="Strength factors">
        <thead className="text-[11px] uppercase tracking-wide text-zinc-500">
          <tr>
            <th className="py-1 pr-2 font-medium">Factor</th>
            <th className="w-16 py-1 pr-2 font-medium @sm:w-24">Score</th>
            <th className={`py-1 pr-2 text-right font-medium ${wideOnly}`}>Raw</th>
            <th className={`py-1 pr-2 text-right font-medium ${wideOnly}`}>Weight</th>
            <th className="py-1 text-right font-medium">
              <abbr title="Contribution to the score" className="no-underline @sm:hidden">
                Contrib.
              </abbr>
              <span className="hidden @sm:inline">Contribution</span>
            </th>
          </tr>
        </thead>
        {ordered.map((factor) => (
          <tbody key={factor.key} className="border-t border-zinc-100">
            <tr data-factor={factor.key} className="align-top">
              <td className="py-1.5 pr-2">
                <span className="font-medium text-zinc-800">{factor.label}</span>
              </td>
              <td className="pt-2 pr-2">
                <FactorBar value={factor.normalized} tone={factor.key === "override" ? "amber" : "accent"} />
                <span className="mt-0.5 block text-[11px] tabular-nums text-zinc-500">{factor.normalized.toFixed(2)}</span>
              </td>
              <td className={`pt-1.5 pr-2 text-right tabular-nums text-zinc-600 ${wideOnly}`}>{formatRaw(factor.raw)}</td>
              <td className={`pt-1.5 pr-2 text-right tabular-nums text-zinc-600 ${wideOnly}`}>{factor.weight.toFixed(2)}</td>
              <td className={`pt-1.5 text-right tabular-nums font-medium ${factor.contribution < 0 ? "text-amber-700" : "text-zinc-800"}`}>
                {factor.contribution >= 0 ? "+" : ""}
                {factor.contribution.toFixed(2)}
              </td>
            </tr>
            <tr data-factor-evidence={factor.key}>
              <td colSpan={5} className="pb-1.5 pr-2">
                <Evidence factor={factor} />
              </td>
            </tr>
          </tbody>
        ))}
      </table>
      <p className="mt-2 text-[11px] text-zinc-500">
        Strength = 1 − e<sup>−Σ contribution</sup> = <span className="font-medium tabular-nums text-zinc-800">{factors.score.toFixed(2)}</span> · recency half-life{" "}
        {factors.halfLifeDays} days · computed {dateFormat.format(new Date(factors.computedAt))}
      </p>
    </div>
  );
}
