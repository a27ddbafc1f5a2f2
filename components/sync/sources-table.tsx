// Every source WIG can import, with its health (SyncState), when it last synced and succeeded, the last
// error in full on demand, the resume cursor, and what it has contributed (runs, people, interactions).
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { formatCount, sourceLabel } from "@/components/ui/format";
import { SyncStatusBadge } from "@/components/ui/sync-status-badge";
import { Table, Td, Th } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import type { SourceOverview } from "@/lib/sync/queries";

/** A long text clamped to its first lines, with the whole of it one click away (a native disclosure). */
export function FullText({ text, summary, tone = "error", className = "max-w-96" }: { text: string; summary: string; tone?: "error" | "plain"; className?: string }) {
  const colour = tone === "error" ? "text-red-700" : "text-zinc-600";
  return (
    <details className={`group ${className}`}>
      <summary className={`cursor-pointer list-none text-xs ${colour} [&::-webkit-details-marker]:hidden`}>
        <span className="line-clamp-2 break-words group-open:hidden">{text}</span>
        <span className="mt-0.5 inline-block font-medium text-accent-700 underline-offset-2 hover:underline">
          <span className="group-open:hidden">Show {summary}</span>
          <span className="hidden group-open:inline">Hide {summary}</span>
        </span>
      </summary>
      <p className={`mt-1 whitespace-pre-wrap break-words rounded-md bg-zinc-50 p-2 text-xs ring-1 ring-inset ring-zinc-200 ${colour}`}>{text}</p>
    </details>
  );
}

/** SyncState.cursor is JSON written by the pipeline ({ runId, fileName, rowsRead, … }) or a plain token. */
function describeCursor(cursor: string): string {
  try {
    const value = JSON.parse(cursor) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      // The pipeline's own cursor: where the last successful import ended (the run id stays in the tooltip).
      const { fileName, rowsRead } = value as { fileName?: unknown; rowsRead?: unknown };
      if (typeof fileName === "string") return typeof rowsRead === "number" ? `${fileName} · ${plural(rowsRead, "row", "rows")}` : fileName;
      return Object.entries(value as Record<string, unknown>)
        .filter(([, entry]) => entry !== null && entry !== undefined && typeof entry !== "object")
        .map(([key, entry]) => `${key}: ${String(entry)}`)
        .join(" · ");
    }
  } catch {
    // not JSON: show as is
  }
  return cursor;
}

const plural = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`;

/** Runs (and how many succeeded), people and interactions this source contributed, one per line. */
function SourceCounts({ counts }: { counts: SourceOverview["counts"] }) {
  const dim = (value: number) => (value === 0 ? "text-zinc-500" : "text-zinc-700");
  if (counts.runs === 0 && counts.people === 0 && counts.interactions === 0) return <span className="text-zinc-500">—</span>;
  return (
    <ul className="flex flex-col gap-0.5 whitespace-nowrap text-xs tabular-nums">
      <li className={dim(counts.runs)}>
        {plural(counts.runs, "run", "runs")}
        {counts.runs > 0 ? <span className="text-zinc-500"> · {formatCount(counts.successfulRuns)} ok</span> : null}
      </li>
      <li className={dim(counts.people)}>{plural(counts.people, "person", "people")}</li>
      <li className={dim(counts.interactions)}>{plural(counts.interactions, "interaction", "interactions")}</li>
    </ul>
  );
}

export function SourcesTable({ sources }: { sources: SourceOverview[] }) {
  const configured = sources.filter((source) => source.configured).length;
  return (
    <Card className="mb-6">
      <CardHeader title="Sources" description={`${configured} of ${sources.length} sources imported at least once.`} />
      <Table caption="Sync state per source">
        <thead>
          <tr>
            <Th>Source</Th>
            <Th>Status</Th>
            <Th>Last sync</Th>
            <Th>Last error</Th>
            <Th>Cursor</Th>
            <Th>Counts</Th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => {
            const label = sourceLabel(source.sourceName);
            return (
              <tr key={source.sourceName} aria-label={`${label} source`}>
                <Td className="whitespace-nowrap">
                  <p className="font-medium text-zinc-900">{label}</p>
                  {source.counts.runs > 0 ? (
                    <Link href={`/admin/sync?source=${source.sourceName}#run-history`} className="text-xs text-accent-700 underline-offset-2 hover:underline" aria-label={`${label} runs only`}>
                      Runs only
                    </Link>
                  ) : null}
                </Td>
                <Td>{source.configured ? <SyncStatusBadge status={source.status} /> : <span className="whitespace-nowrap text-xs text-zinc-500">Never imported</span>}</Td>
                <Td className="whitespace-nowrap">
                  <p>
                    <RelativeTime date={source.lastSyncAt} fallback="Never" />
                  </p>
                  {source.lastSyncAt ? (
                    <p className="text-xs text-zinc-500">
                      last success <RelativeTime date={source.lastSuccessAt} fallback="never" />
                    </p>
                  ) : null}
                </Td>
                <Td>{source.lastError ? <FullText text={source.lastError} summary={`the full ${label} error`} className="max-w-64" /> : <span className="text-zinc-500">—</span>}</Td>
                <Td className="max-w-44">
                  {source.cursor ? (
                    <code className="block truncate font-mono text-xs text-zinc-500" title={source.cursor}>
                      {describeCursor(source.cursor)}
                    </code>
                  ) : (
                    <span className="text-zinc-500">—</span>
                  )}
                </Td>
                <Td>
                  <SourceCounts counts={source.counts} />
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}
