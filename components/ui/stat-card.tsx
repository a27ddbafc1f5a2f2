import { formatCount } from "./format";

export function StatCard({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white px-5 py-4 shadow-sm">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-1.5 text-2xl font-semibold tracking-tight tabular-nums text-zinc-900">{formatCount(value)}</dd>
      {hint ? <dd className="mt-0.5 text-xs text-zinc-500">{hint}</dd> : null}
    </div>
  );
}
