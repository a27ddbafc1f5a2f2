// The match weight as a waterfall (Splink style), in plain CSS: the prior, then each comparison as a bar
// from the running total (green for evidence of a match, red against, grey for no evidence), then the
// final weight, with the probability it maps to. Each row carries its numbers as an aria-label, and the
// exact numbers are also available as a table.
import { buildWaterfall, formatProbability, formatWeight, type WaterfallBar } from "./waterfall";
import type { ExplanationView } from "./types";

const BAR_TONES: Record<WaterfallBar["tone"], string> = {
  positive: "bg-emerald-500",
  negative: "bg-red-500",
  neutral: "bg-zinc-300",
};

const FINAL_TONES: Record<WaterfallBar["tone"], string> = {
  positive: "bg-emerald-700",
  negative: "bg-red-700",
  neutral: "bg-zinc-500",
};

function percent(value: number, min: number, max: number): number {
  return ((value - min) / (max - min)) * 100;
}

function rowLabel(bar: WaterfallBar): string {
  if (bar.kind === "prior") return `Prior: ${formatWeight(bar.weight)}`;
  if (bar.kind === "final") return `Final match weight: ${formatWeight(bar.weight)}`;
  return `${bar.label}: ${bar.description}, ${formatWeight(bar.weight)}, running total ${formatWeight(bar.to)}`;
}

export function WaterfallChart({ explanation }: { explanation: ExplanationView }) {
  const waterfall = buildWaterfall(explanation);
  const { min, max } = waterfall;
  const zero = percent(0, min, max);
  const ticks = tickValues(min, max);
  // In a narrow box (a phone) each row's label goes above its bar, so the bar gets the full width.
  return (
    <figure className="@container space-y-3" aria-label="Match weight waterfall">
      <ol className="space-y-1.5" aria-label={`Match weight ${formatWeight(explanation.matchWeight)}, probability ${formatProbability(waterfall.probability)}`}>
        {waterfall.bars.map((bar, index) => {
          const left = percent(Math.min(bar.from, bar.to), min, max);
          const width = Math.max(percent(Math.max(bar.from, bar.to), min, max) - left, 0);
          const tone = bar.kind === "final" ? FINAL_TONES[bar.tone] : bar.kind === "prior" ? "bg-zinc-400" : BAR_TONES[bar.tone];
          return (
            <li
              key={`${bar.kind}-${bar.label}-${index}`}
              aria-label={rowLabel(bar)}
              className={`grid grid-cols-[1fr_3.75rem] items-center gap-x-3 gap-y-1 text-xs @md:grid-cols-[12rem_1fr_3.75rem] ${bar.kind === "final" ? "border-t border-zinc-200 pt-2" : ""}`}
              data-testid="waterfall-row"
            >
              <span className="col-span-2 min-w-0 @md:col-span-1" aria-hidden="true">
                <span className={`block truncate ${bar.kind === "comparison" ? "text-zinc-800" : "font-medium text-zinc-900"}`}>{bar.label}</span>
                {bar.kind === "comparison" ? (
                  <span className="line-clamp-2 text-[11px] leading-tight text-zinc-500" title={bar.detail ? `${bar.description}: ${bar.detail}` : bar.description}>
                    {bar.description}
                  </span>
                ) : null}
              </span>
              <span className="relative h-5 rounded bg-zinc-50" aria-hidden="true">
                <span className="absolute inset-y-0 w-px bg-zinc-400" style={{ left: `${zero}%` }} />
                {bar.kind === "comparison" ? (
                  <span className="absolute inset-y-0 border-l border-dashed border-zinc-300" style={{ left: `${percent(bar.from, min, max)}%` }} />
                ) : null}
                <span
                  className={`absolute top-1 bottom-1 rounded-sm ${tone}`}
                  style={{ left: `${left}%`, width: `max(${width}%, 2px)` }}
                  title={`${formatWeight(bar.weight)} (total ${formatWeight(bar.to)})`}
                />
              </span>
              <span
                aria-hidden="true"
                className={`text-right font-mono tabular-nums ${bar.tone === "positive" ? "text-emerald-700" : bar.tone === "negative" ? "text-red-700" : "text-zinc-500"} ${bar.kind === "final" ? "font-semibold" : ""}`}
              >
                {formatWeight(bar.weight)}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="grid grid-cols-[1fr_3.75rem] gap-3 text-[10px] text-zinc-500 @md:grid-cols-[12rem_1fr_3.75rem]" aria-hidden="true">
        <span className="hidden @md:block" />
        <span className="relative h-3">
          {ticks.map((tick) => (
            <span key={tick} className="absolute -translate-x-1/2 font-mono tabular-nums" style={{ left: `${percent(tick, min, max)}%` }}>
              {tick}
            </span>
          ))}
        </span>
        <span />
      </div>
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-zinc-500">
        <span>
          Match weight (log<sub>2</sub> Bayes factor) <span className="font-mono font-semibold text-zinc-900">{formatWeight(explanation.matchWeight)}</span>
          {" → "}probability <span className="font-semibold text-zinc-900" data-testid="waterfall-probability">{formatProbability(waterfall.probability)}</span>
        </span>
        <span className="flex items-center gap-3" aria-hidden="true">
          <span className="flex items-center gap-1">
            <span className="size-2 rounded-sm bg-emerald-500" /> for a match
          </span>
          <span className="flex items-center gap-1">
            <span className="size-2 rounded-sm bg-red-500" /> against
          </span>
        </span>
      </figcaption>
      <details className="text-xs">
        <summary className="cursor-pointer text-zinc-500 hover:text-zinc-800">Show as a table</summary>
        <table className="mt-2 w-full border-collapse text-left">
          <caption className="sr-only">Match weight contributions</caption>
          <thead>
            <tr className="text-zinc-500">
              <th scope="col" className="py-1 pr-2 font-medium">Step</th>
              <th scope="col" className="py-1 pr-2 font-medium">Level</th>
              <th scope="col" className="py-1 pr-2 font-medium">Compared</th>
              <th scope="col" className="py-1 pr-2 text-right font-medium">Weight</th>
              <th scope="col" className="py-1 text-right font-medium">Running total</th>
            </tr>
          </thead>
          <tbody>
            {waterfall.bars.map((bar, index) => (
              <tr key={`${bar.kind}-${bar.label}-${index}`} className="border-t border-zinc-100">
                <th scope="row" className="py-1 pr-2 font-medium text-zinc-800">{bar.label}</th>
                <td className="py-1 pr-2 text-zinc-600">{bar.kind === "comparison" ? bar.description : "—"}</td>
                <td className="py-1 pr-2 font-mono text-[11px] text-zinc-500">{bar.detail ?? "—"}</td>
                <td className="py-1 pr-2 text-right font-mono tabular-nums">{formatWeight(bar.weight)}</td>
                <td className="py-1 text-right font-mono tabular-nums">{formatWeight(bar.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Whole-number ticks, at most about six of them. */
function tickValues(min: number, max: number): number[] {
  const span = max - min;
  const step = Math.max(1, Math.ceil(span / 6));
  const ticks: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max; value += step) ticks.push(value);
  if (!ticks.includes(0)) ticks.push(0);
  return ticks.sort((x, y) => x - y);
}
