// Interactions per month, stacked by channel, as an SVG bar chart (server-rendered, no chart library).
// Months with nothing still get a slot, so gaps in contact are visible as gaps.
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, plural } from "@/components/ui/format";
import type { TimelineBucket } from "@/lib/people/person-details";

export const CHANNEL_COLOURS: Record<string, string> = {
  meeting: "#4f46e5",
  call: "#0ea5e9",
  email: "#10b981",
  message: "#f59e0b",
  linkedin: "#64748b",
  other: "#a1a1aa",
};
const CHANNEL_ORDER = ["meeting", "call", "email", "message", "linkedin", "other"];

/** The `count` months ending with the month of `now`, as "YYYY-MM" (UTC). */
export function monthRange(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let offset = count - 1; offset >= 0; offset -= 1) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - offset, 1));
    months.push(`${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return months;
}

const monthLabel = new Intl.DateTimeFormat("en", { month: "short", timeZone: "UTC" });

export function InteractionTimeline({ buckets, months, now }: { buckets: TimelineBucket[]; months: number; now: Date }) {
  const range = monthRange(now, months);
  const byMonth = new Map<string, Map<string, number>>();
  for (const bucket of buckets) {
    const row = byMonth.get(bucket.month) ?? new Map<string, number>();
    row.set(bucket.channel, (row.get(bucket.channel) ?? 0) + bucket.count);
    byMonth.set(bucket.month, row);
  }
  const channels = CHANNEL_ORDER.filter((channel) => buckets.some((bucket) => bucket.channel === channel));
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  const max = Math.max(1, ...range.map((month) => [...(byMonth.get(month)?.values() ?? [])].reduce((sum, value) => sum + value, 0)));

  const width = 640;
  const height = 160;
  const chartTop = 8;
  const chartBottom = height - 4;
  const slot = width / range.length;
  const barWidth = Math.max(4, slot * 0.7);

  return (
    <Card>
      <CardHeader title="Interaction timeline" description={total > 0 ? `${plural(total, "interaction")} in the last ${months} months, by channel.` : undefined} />
      {total === 0 ? (
        <EmptyState title="No interactions in this period" description={`Nothing in the last ${months} months involves this person's email addresses.`} />
      ) : (
        <div className="px-5 py-4">
          {/* Axis labels are HTML, not SVG text: the chart scales with its card, and SVG text scaled down
              with it to ~5 px on a phone. Every third month is labelled, every sixth on a narrow screen. */}
          <div className="relative">
            <span className="absolute left-0 top-0 text-[11px] tabular-nums text-zinc-500">{max}</span>
            <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={`Interactions per month over the last ${months} months`} data-testid="interaction-timeline">
              <line x1={0} x2={width} y1={chartBottom} y2={chartBottom} stroke="#e4e4e7" />
              {range.map((month, index) => {
                const row = byMonth.get(month);
                let y = chartBottom;
                const x = index * slot + (slot - barWidth) / 2;
                const monthTotal = [...(row?.values() ?? [])].reduce((sum, value) => sum + value, 0);
                return (
                  <g key={month}>
                    <title>{`${month}: ${monthTotal} ${monthTotal === 1 ? "interaction" : "interactions"}${row ? ` (${[...row.entries()].map(([channel, count]) => `${channel} ${count}`).join(", ")})` : ""}`}</title>
                    {channels.map((channel) => {
                      const count = row?.get(channel) ?? 0;
                      if (count === 0) return null;
                      const barHeight = ((chartBottom - chartTop) * count) / max;
                      y -= barHeight;
                      return <rect key={channel} x={x} y={y} width={barWidth} height={barHeight} fill={CHANNEL_COLOURS[channel] ?? "#a1a1aa"} rx={1} />;
                    })}
                  </g>
                );
              })}
            </svg>
            <div aria-hidden="true" className="relative h-4 text-[11px] text-zinc-500">
              {range.map((month, index) => {
                const last = index === range.length - 1;
                if (index % 3 !== 0 && !last) return null;
                const date = new Date(`${month}-01T00:00:00Z`);
                // The end labels are anchored inside the chart, so neither is clipped at the edge; a year
                // reads "Jan ’26", not "Jan 26", which looks like a day.
                const position = index === 0 ? { left: 0 } : last ? { right: 0 } : { left: `${((index + 0.5) / range.length) * 100}%`, transform: "translateX(-50%)" };
                return (
                  <span key={month} className={`absolute top-0 whitespace-nowrap ${index % 6 === 0 || last ? "" : "hidden sm:block"}`} style={position}>
                    {`${monthLabel.format(date)}${date.getUTCMonth() === 0 || index === 0 ? ` \u2019${String(date.getUTCFullYear()).slice(2)}` : ""}`}
                  </span>
                );
              })}
            </div>
          </div>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600" aria-label="Channels">
            {channels.map((channel) => (
              <li key={channel} className="flex items-center gap-1.5">
                <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ backgroundColor: CHANNEL_COLOURS[channel] }} />
                {channel} · {formatCount(buckets.filter((bucket) => bucket.channel === channel).reduce((sum, bucket) => sum + bucket.count, 0))}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
