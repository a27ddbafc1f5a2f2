// The run history: newest first, each run with when it started and ended, who started it, what it read
// and wrote, its status and error, and its row issues (with row numbers and reasons) on demand.
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-link";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, formatDateTime, sourceLabel } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import { formatBytes } from "@/lib/sync/format";
import { describePosition, type RunIssue } from "@/lib/sync/issues";
import type { RunHistoryRow } from "@/lib/sync/queries";
import { CancelRunButton, SyncAgainButton } from "./run-actions";
import { RunStatusBadge } from "./run-status-badge";
import { FullText } from "./sources-table";

const severityLabel: Record<RunIssue["severity"], string> = { skip: "Skipped", warn: "Warning", fatal: "Fatal" };
const severityClass: Record<RunIssue["severity"], string> = {
  skip: "bg-amber-50 text-amber-800 ring-amber-200",
  warn: "bg-zinc-100 text-zinc-700 ring-zinc-200",
  fatal: "bg-red-50 text-red-700 ring-red-200",
};

function duration(from: Date, to: Date): string {
  const seconds = Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The run's issues, without the fatal one that only repeats the run's error (shown above them already). */
function listedIssues(run: RunHistoryRow): RunIssue[] {
  return run.issues.filter((issue) => !(issue.severity === "fatal" && run.error !== null && run.error.includes(issue.reason)));
}

function IssueList({ run }: { run: RunHistoryRow }) {
  const issues = listedIssues(run);
  if (issues.length === 0) return null;
  const skipped = issues.filter((issue) => issue.severity === "skip").length;
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-xs font-medium text-accent-700 hover:underline">
        {issues.length} {issues.length === 1 ? "issue" : "issues"}
        {skipped > 0 ? ` (${skipped} ${skipped === 1 ? "row" : "rows"} skipped)` : ""}
      </summary>
      <ol aria-label={`Issues of the ${sourceLabel(run.sourceName)} run ${run.fileName ?? run.id}`} className="mt-2 flex max-h-72 flex-col gap-1.5 overflow-y-auto pr-2">
        {issues.map((issue, index) => {
          const where = describePosition(issue.position);
          return (
            <li key={index} className="flex gap-2 text-xs">
              <span className={`h-fit shrink-0 rounded px-1.5 py-0.5 font-medium ring-1 ring-inset ${severityClass[issue.severity]}`}>{severityLabel[issue.severity]}</span>
              <span className="min-w-0 text-zinc-700">
                {where ? <span className="font-medium tabular-nums text-zinc-900">{where}: </span> : null}
                {issue.reason} <code className="font-mono text-[11px] text-zinc-500">{issue.code}</code>
              </span>
            </li>
          );
        })}
      </ol>
    </details>
  );
}

const COUNTS: { key: keyof Pick<RunHistoryRow, "rowsRead" | "created" | "updated" | "skipped" | "failed" | "suppressed">; label: string; tone?: "warning" | "danger" }[] = [
  { key: "rowsRead", label: "read" },
  { key: "created", label: "created" },
  { key: "updated", label: "updated" },
  { key: "skipped", label: "skipped", tone: "warning" },
  { key: "failed", label: "failed", tone: "danger" },
  { key: "suppressed", label: "suppressed" },
];

/** The six counts of a run as a compact grid: value then label, zeros dimmed, problems coloured. */
function RunCounts({ run }: { run: RunHistoryRow }) {
  return (
    <dl className="grid grid-cols-[repeat(3,auto)] gap-x-3 gap-y-0.5 text-xs">
      {COUNTS.map((count) => {
        // A cancelled run's uncommitted rows were not imported because of the cancel, not because they failed.
        const { key, label, tone } = run.status === "cancelled" && count.key === "failed" ? { ...count, label: "not imported", tone: "warning" as const } : count;
        const value = run[key];
        const colour = value === 0 ? "text-zinc-500" : tone === "danger" ? "font-medium text-red-700" : tone === "warning" ? "text-amber-800" : "text-zinc-700";
        return (
          // The label comes first for screen readers ("read 3"); the number is shown first.
          <div key={key} className={`flex flex-row-reverse justify-end gap-1 whitespace-nowrap ${colour}`}>
            <dt>{label}</dt>
            <dd className="font-medium tabular-nums">{formatCount(value)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

export function RunHistory({ runs, limit, sourceName }: { runs: RunHistoryRow[]; limit: number; sourceName?: string }) {
  const count = runs.length === limit ? `The newest ${limit} runs` : `${runs.length} ${runs.length === 1 ? "run" : "runs"}`;
  return (
    <Card>
      <div id="run-history" className="scroll-mt-6" />
      <CardHeader
        title={sourceName ? `Run history: ${sourceLabel(sourceName)}` : "Run history"}
        description={sourceName ? `${count} of this source.` : `${count}.`}
        actions={
          sourceName ? (
            <Link href="/admin/sync#run-history" className={buttonClass("ghost")}>
              All sources
            </Link>
          ) : undefined
        }
      />
      {runs.length === 0 ? (
        <EmptyState title={sourceName ? `No ${sourceLabel(sourceName)} imports yet` : "No imports yet"} description="Upload an export above, or run npm run import -- <source> <file> on the server." />
      ) : (
        <Table caption="Import runs, newest first">
          <thead>
            <tr>
              <Th>Run</Th>
              <Th>Status</Th>
              <Th>When</Th>
              <Th>Started by</Th>
              <Th>Rows</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const label = sourceLabel(run.sourceName);
              const what = `the ${label} run${run.fileName ? ` of ${run.fileName}` : ""}`;
              const active = run.status === "queued" || run.status === "running";
              return (
                <tr key={run.id} aria-label={`${label} run ${run.fileName ?? run.id}`} data-run-id={run.id}>
                  <Td className="min-w-44 max-w-60">
                    <p className="font-medium text-zinc-900">{label}</p>
                    <p className="truncate font-mono text-xs text-zinc-500" title={run.fileName ?? undefined}>
                      {run.fileName ?? "—"}
                      {run.fileBytes !== null ? <span className="font-sans text-zinc-500"> · {formatBytes(run.fileBytes)}</span> : null}
                    </p>
                    {run.error ? (
                      <div className="mt-1.5">
                        <FullText text={run.error} summary="the full error" />
                      </div>
                    ) : null}
                    <IssueList run={run} />
                  </Td>
                  <Td>
                    <RunStatusBadge status={run.status} cancelRequested={run.progress.cancelRequested} />
                  </Td>
                  <Td className="whitespace-nowrap">
                    <p>
                      <RelativeTime date={run.startedAt} />
                    </p>
                    {run.finishedAt ? (
                      <time className="text-xs text-zinc-500" dateTime={run.finishedAt.toISOString()} title={`Finished ${formatDateTime(run.finishedAt)}`}>
                        took {duration(run.startedAt, run.finishedAt)}
                      </time>
                    ) : null}
                  </Td>
                  <Td className="max-w-32">
                    {run.startedBy ? (
                      <span className="block truncate" title={run.startedBy.email}>
                        {run.startedBy.name ?? run.startedBy.email}
                      </span>
                    ) : run.startedById ? (
                      <span className="text-zinc-500">Deleted user</span>
                    ) : (
                      <span className="text-zinc-500">Command line</span>
                    )}
                  </Td>
                  <Td>
                    <RunCounts run={run} />
                  </Td>
                  <Td className="text-right">
                    {active ? (
                      run.progress.cancelRequested ? null : (
                        <CancelRunButton runId={run.id} what={what} />
                      )
                    ) : run.hasFile ? (
                      <SyncAgainButton runId={run.id} what={what} />
                    ) : null}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
