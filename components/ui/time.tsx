import { formatDateTime, formatRelative } from "./format";

/** A relative time ("3 days ago") with the exact time on hover and in the markup. */
export function RelativeTime({ date, fallback = "—" }: { date: Date | null | undefined; fallback?: string }) {
  if (!date) return <span className="text-zinc-500">{fallback}</span>;
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)}>
      {formatRelative(date)}
    </time>
  );
}
