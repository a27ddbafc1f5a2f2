// Sync health: one row per source, its status, when it last ran and succeeded, and the last error.
import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { sourceLabel } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { SyncStatusBadge } from "@/components/ui/sync-status-badge";
import { Table, Td, Th } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import { listSyncStates } from "@/lib/stats/sync-queries";
import { requirePageUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sync" };

export default async function SyncPage() {
  await requirePageUser("admin");
  const states = await listSyncStates();
  const failing = states.filter((state) => state.status === "failed").length;
  return (
    <>
      <PageHeader
        eyebrow="Admin"
        title="Sync"
        description={
          states.length === 0
            ? "Sources feed people and interactions into the graph."
            : failing > 0
              ? `${failing} of ${states.length} sources failed their last sync.`
              : `${states.length} ${states.length === 1 ? "source" : "sources"} configured, none failing.`
        }
      />
      <Card>
        {states.length === 0 ? (
          <EmptyState title="No sources configured" description="Import a LinkedIn, Google Contacts, mail or calendar export to create the first source." />
        ) : (
          <Table caption="Sync state per source">
            <thead>
              <tr>
                <Th>Source</Th>
                <Th>Status</Th>
                <Th>Last sync</Th>
                <Th>Last success</Th>
                <Th>Last error</Th>
                <Th>Cursor</Th>
              </tr>
            </thead>
            <tbody>
              {states.map((state) => (
                <tr key={state.id}>
                  <Td className="font-medium text-zinc-900">{sourceLabel(state.sourceName)}</Td>
                  <Td>
                    <SyncStatusBadge status={state.status} />
                  </Td>
                  <Td className="whitespace-nowrap">
                    <RelativeTime date={state.lastSyncAt} fallback="Never" />
                  </Td>
                  <Td className="whitespace-nowrap">
                    <RelativeTime date={state.lastSuccessAt} fallback="Never" />
                  </Td>
                  <Td className="max-w-80">
                    {state.lastError ? (
                      <p className="line-clamp-3 break-words text-xs text-red-700" title={state.lastError}>
                        {state.lastError}
                      </p>
                    ) : (
                      <span className="text-zinc-400">—</span>
                    )}
                  </Td>
                  <Td className="max-w-48">
                    {state.cursor ? (
                      <code className="block truncate font-mono text-xs text-zinc-500" title={state.cursor}>
                        {state.cursor}
                      </code>
                    ) : (
                      <span className="text-zinc-400">—</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
