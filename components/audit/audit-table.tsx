// The audit trail as a table whose rows are grouped by correlation id: one operation, one block.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, shortId } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import { isUuid } from "@/lib/api/ids";
import type { AuditRow } from "@/lib/stats/audit-queries";

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

function EntityCell({ row }: { row: AuditRow }) {
  if (!row.entityId) return <span className="text-zinc-500">{row.entityType}</span>;
  const label = (
    <>
      <span className="text-zinc-500">{row.entityType}</span> <span className="font-mono text-xs">{shortId(row.entityId)}</span>
    </>
  );
  if (row.entityType === "Person" && isUuid(row.entityId)) {
    return (
      <Link href={`/people/${row.entityId}`} title={row.entityId} className="hover:text-accent-700 hover:underline">
        {label}
      </Link>
    );
  }
  return <span title={row.entityId}>{label}</span>;
}

/** A signed-in user by name; another recorded actor (a job name) as written; none as a dash. */
function ActorCell({ row }: { row: AuditRow }) {
  if (row.actorName) return <span title={row.actorId ?? undefined}>{row.actorName}</span>;
  if (!row.actorId) return <span className="text-zinc-400">—</span>;
  if (isUuid(row.actorId)) {
    return (
      <span className="font-mono text-xs" title={row.actorId}>
        {shortId(row.actorId)}
      </span>
    );
  }
  return <span>{row.actorId}</span>;
}

function MetadataCell({ metadata }: { metadata: unknown }) {
  if (metadata === null || metadata === undefined) return <span className="text-zinc-400">—</span>;
  const json = JSON.stringify(metadata, null, 2);
  const preview = JSON.stringify(metadata);
  return (
    <details className="group max-w-md">
      <summary className="cursor-pointer list-none truncate font-mono text-xs text-zinc-500 hover:text-zinc-800">{preview}</summary>
      <pre className="mt-2 max-h-64 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs text-zinc-700 ring-1 ring-zinc-200">{json}</pre>
    </details>
  );
}

export function AuditTable({ rows, filterHref }: { rows: AuditRow[]; filterHref: (correlationId: string) => string }) {
  if (rows.length === 0) {
    return (
      <Card>
        <EmptyState title="No audit entries" description="Every change WIG makes (imports, merges, erasures) is recorded here with the operation it belongs to." />
      </Card>
    );
  }
  return (
    <Card>
      <Table caption="Audit log, newest first, grouped by correlation id">
        <thead>
          <tr>
            <Th>Time</Th>
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
                <Link href={filterHref(group.correlationId)} className="font-mono font-medium text-zinc-700 hover:text-accent-700 hover:underline">
                  {group.correlationId}
                </Link>
                <span className="text-zinc-400"> · {group.rows.length} {group.rows.length === 1 ? "entry" : "entries"}</span>
              </th>
            </tr>
            {group.rows.map((row) => (
              <tr key={row.id} className="hover:bg-zinc-50/70">
                <Td className="whitespace-nowrap text-xs text-zinc-500">
                  <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt)}</time>
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
