// A run's progress as a real progressbar: aria-valuenow is the whole percent, aria-valuetext says it in
// words (bytes or records done of the total, rows so far). Without a total yet (queued, or a folder being
// scanned), and once the file is read but the run is still saving and rescoring, the bar is indeterminate:
// no aria-valuenow, and a moving stripe instead of a width.
import { formatCount } from "@/components/ui/format";
import { formatBytes, progressPercent } from "@/lib/sync/format";
import type { RunProgress } from "@/lib/sync/queries";

type ProgressFields = Pick<RunProgress, "progressDone" | "progressTotal" | "progressUnit" | "rowsRead" | "status">;

/**
 * The whole file is read but the run still works: its last batches are saved, then the relationships it
 * touched are rescored, which for a large export takes longer than reading it. The bar must not sit at 100%.
 */
function isFinishing(run: ProgressFields): boolean {
  return run.status === "running" && run.progressTotal !== null && run.progressTotal > 0 && run.progressDone >= run.progressTotal;
}

export function describeProgress(run: ProgressFields): string {
  if (run.status === "queued") return "Waiting for the worker";
  const amount = (value: number) => (run.progressUnit === "bytes" ? formatBytes(value) : `${formatCount(value)} records`);
  const rows = `${formatCount(run.rowsRead)} ${run.rowsRead === 1 ? "row" : "rows"} so far`;
  if (isFinishing(run)) return `File read · ${rows} · finishing: saving the last rows and updating relationship strengths`;
  const percent = progressPercent(run.progressDone, run.progressTotal);
  if (percent === null || run.progressTotal === null) return `${amount(run.progressDone)} read · ${rows}`;
  return `${percent}% · ${amount(run.progressDone)} of ${amount(run.progressTotal)} · ${rows}`;
}

export function ProgressBar({ run, label }: { run: RunProgress; label: string }) {
  const percent = run.status === "queued" || isFinishing(run) ? null : progressPercent(run.progressDone, run.progressTotal);
  const text = describeProgress(run);
  return (
    <div className="flex flex-col gap-1.5">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={text}
        className="relative h-2 w-full overflow-hidden rounded-full bg-zinc-100"
      >
        {percent === null ? (
          <span className="absolute inset-y-0 left-0 w-1/3 animate-pulse rounded-full bg-accent-300" />
        ) : (
          <span className="block h-full rounded-full bg-accent-600 transition-[width] duration-500 ease-out" style={{ width: `${percent}%` }} />
        )}
      </div>
      <p className="text-xs tabular-nums text-zinc-500">{text}</p>
    </div>
  );
}
