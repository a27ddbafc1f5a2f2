"use client";
// "Running now": every queued or running import with its live progress bar and a Cancel button. Updated
// by the polling in SyncLiveProvider, so it moves without a page reload.
import { useEffect, useState } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { sourceLabel } from "@/components/ui/format";
import { ProgressBar } from "./progress-bar";
import { CancelRunButton } from "./run-actions";
import { RunStatusBadge } from "./run-status-badge";
import { useSyncLive } from "./sync-live";

/** A run still queued after this long suggests no worker is running. */
const QUEUED_HINT_MS = 20_000;
const CLOCK_TICK_MS = 2_000;

export function LiveRuns() {
  const { active, stale } = useSyncLive();
  // The clock is read after hydration, so server and browser render the same markup, and ticks while a run
  // waits in the queue: polls that return the same runs keep the same array, so they cannot be the clock.
  const [now, setNow] = useState<number | null>(null);
  const waiting = active.some((run) => run.status === "queued");
  useEffect(() => {
    setNow(Date.now());
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, [active, waiting]);
  return (
    <Card className="mb-6">
      <CardHeader
        title="Running now"
        description={active.length === 0 ? "No import is queued or running. Upload a file to start one." : "Progress updates every second while an import runs."}
      />
      {stale ? (
        <p role="status" className="border-b border-zinc-100 bg-amber-50 px-5 py-2 text-xs text-amber-800">
          The progress could not be refreshed just now; retrying.
        </p>
      ) : null}
      {active.length === 0 ? null : (
        <ul aria-label="Imports in progress" className="divide-y divide-zinc-100">
          {active.map((run) => {
            const what = `the ${sourceLabel(run.sourceName)} import${run.fileName ? ` of ${run.fileName}` : ""}`;
            return (
              <li key={run.id} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-start sm:gap-6">
                <div className="min-w-0 sm:w-64">
                  <p className="flex items-center gap-2 text-sm font-medium text-zinc-900">
                    {sourceLabel(run.sourceName)}
                    <RunStatusBadge status={run.status} cancelRequested={run.cancelRequested} />
                  </p>
                  <p className="mt-0.5 truncate font-mono text-xs text-zinc-500" title={run.fileName ?? undefined}>
                    {run.fileName ?? "—"}
                  </p>
                </div>
                <div className="min-w-0 flex-1">
                  <ProgressBar run={run} label={`Progress of ${what}`} />
                  {run.status === "queued" && now !== null && now - Date.parse(run.startedAt) > QUEUED_HINT_MS ? (
                    <p className="mt-1 text-xs text-amber-800">
                      Still waiting: is the worker running? <code className="font-mono">npm start</code> runs it; on its own it is{" "}
                      <code className="font-mono">npm run worker</code>.
                    </p>
                  ) : null}
                </div>
                {run.cancelRequested ? null : <CancelRunButton runId={run.id} what={what} />}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
