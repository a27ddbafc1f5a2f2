// The audit trail as a table whose rows are grouped by correlation id: one operation, one block.
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatRelative, shortId } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import { isUuid } from "@/lib/api/ids";
import type { AuditRow } from "@/lib/audit/queries";

interface Group {
  correlationId: string;
  rows: AuditRow[];
}

/** Consecutive rows that share a correlation id form one group (rows are already newest first). */
function groupByCorrelation(rows: AuditRow[]): Group[] {
  const groups: Group[] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last.correlationId === row.correlationId) last.rows.push(row);
    else groups.push({ correlationId: row.correlationId, rows: [row] });
  }
  return groups;
}

/** Entity types with a screen of their own; ids are checked so a malformed id never becomes a broken link. */
function entityHref(entityType: string, entityId: string): string | null {
  if (entityType === "Person" && isUuid(entityId)) return `/people/${entityId}`;
  return null;
}

/** "2026-11-26 09:30:12 UTC": audit times are compared across people and logs, so never in local time. */
function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

function TimeCell({ date, now }: { date: Date; now: Date }) {
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()} className="block">
      <span className="block font-mono text-xs text-zinc-700 tabular-nums">{formatUtc(date)}</span>
      <span className="block text-xs text-zinc-500">{formatRelative(date, now)}</span>
    </time>
  );
}

function EntityCell({ row }: { row: AuditRow }) {
  if (!row.entityId) return <span className="text-zinc-500">{row.entityType}</span>;
  const label = (
    <>
      <span className="text-zinc-500">{row.entityType}</span> <span className="font-mono text-xs">{shortId(row.entityId)}</span>
    </>
  );
  const href = entityHref(row.entityType, row.entityId);
  if (href) {
    return (
      <Link href={href} title={row.entityId} className="hover:text-accent-700 hover:underline">
        {label}
      </Link>
    );
  }
  return <span title={row.entityId}>{label}</span>;
}

/** A user by name and email; another recorded actor (a job name) as written; none as a dash. */
function ActorCell({ row }: { row: AuditRow }) {
  if (row.actor) {
    return (
      <span className="block max-w-48" title={`${row.actor.email} (${row.actor.id})`}>
        <span className="block truncate text-zinc-800">{row.actor.name ?? row.actor.email}</span>
        {row.actor.name ? <span className="block truncate text-xs text-zinc-500">{row.actor.email}</span> : null}
      </span>
    );
  }
  if (!row.actorId) return <span className="text-zinc-500">—</span>;
  return (
    <span className="font-mono text-xs" title={row.actorId}>
      {isUuid(row.actorId) ? shortId(row.actorId) : row.actorId}
    </span>
  );
}

function MetadataCell({ metadata }: { metadata: AuditRow["metadata"] }) {
  if (metadata === null) return <span className="text-zinc-500">—</span>;
  return (
    <details className="group max-w-56 open:max-w-md">
      <summary className="flex cursor-pointer list-none items-center gap-1.5 font-mono text-xs text-zinc-500 hover:text-zinc-800 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="inline-block text-zinc-500 transition-transform group-open:rotate-90">
          ▸
        </span>
        <span className="min-w-0 truncate">{JSON.stringify(metadata)}</span>
      </summary>
      <pre className="mt-2 max-h-64 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs text-zinc-700 ring-1 ring-zinc-200">{JSON.stringify(metadata, null, 2)}</pre>
    </details>
  );
}

export function AuditTable({
  rows,
  filterHref,
  emptyAction,
  filtered = false,
}: {
  rows: AuditRow[];
  /** The trail filtered to one operation. */
  filterHref: (correlationId: string) => string;
  emptyAction?: ReactNode;
  filtered?: boolean;
}) {
  if (rows.length === 0) {
    return (
      <Card>
        {filtered ? (
          <EmptyState title="No entries match these filters" description="Loosen a filter or widen the time range." action={emptyAction} />
        ) : (
          <EmptyState title="No audit entries" description="Every change WIG makes (imports, merges, erasures) is recorded here with the operation it belongs to." action={emptyAction} />
        )}
      </Card>
    );
  }
  // One "now" for the whole table, so rows written in the same second read the same.
  const now = new Date();
  return (
    <Card>
      <Table caption="Audit log, newest first, grouped by correlation id">
        <thead>
          <tr>
            <Th>Time (UTC)</Th>
            <Th>Action</Th>
            <Th>Entity</Th>
            <Th>Actor</Th>
            <Th>Details</Th>
          </tr>
        </thead>
        {groupByCorrelation(rows).map((group, index) => (
          <tbody key={`${group.correlationId}:${index}`}>
            <tr>
              <th colSpan={5} scope="colgroup" className="border-b border-zinc-100 bg-zinc-50/60 px-5 py-2 text-left text-xs font-normal text-zinc-500">
                <span className="mr-2 inline-block size-1.5 rounded-full bg-accent-500 align-middle" aria-hidden="true" />
                Operation{" "}
                <Link
                  href={filterHref(group.correlationId)}
                  title="Show only this operation"
                  className="font-mono font-medium text-zinc-700 hover:text-accent-700 hover:underline"
                >
                  {group.correlationId}
                </Link>
                <span className="text-zinc-500">
                  {" "}
                  · {group.rows.length} {group.rows.length === 1 ? "entry" : "entries"}
                </span>
              </th>
            </tr>
            {group.rows.map((row) => (
              <tr key={row.id} className="hover:bg-zinc-50/70">
                <Td className="whitespace-nowrap">
                  <TimeCell date={row.createdAt} now={now} />
                </Td>
                <Td>
                  <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">{row.action}</code>
                </Td>
                <Td className="whitespace-nowrap">
                  <EntityCell row={row} />
                </Td>
                <Td className="whitespace-nowrap text-zinc-600">
                  <ActorCell row={row} />
                </Td>
                <Td>
                  <MetadataCell metadata={row.metadata} />
                </Td>
              </tr>
            ))}
          </tbody>
        ))}
      </Table>
    </Card>
  );
}
