// The audit trail: newest first, grouped by operation, filterable by correlation id, 50 rows per page.
import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClass } from "@/components/ui/button-link";
import { PageHeader } from "@/components/ui/page-header";
import { isUuid } from "@/lib/api/ids";
import { firstParam, type SearchParams } from "@/lib/api/search-params";
import { listAuditLogs } from "@/lib/stats/audit-queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit" };

function auditHref(params: { correlationId?: string; cursor?: string }): string {
  const search = new URLSearchParams();
  if (params.correlationId) search.set("correlationId", params.correlationId);
  if (params.cursor) search.set("cursor", params.cursor);
  const query = search.toString();
  return query ? `/admin/audit?${query}` : "/admin/audit";
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const correlationId = firstParam(params, "correlationId")?.trim().slice(0, 200) || undefined;
  const rawCursor = firstParam(params, "cursor");
  // A malformed cursor cannot name a row; start from the newest instead of failing.
  const cursor = isUuid(rawCursor) ? rawCursor : undefined;
  const { rows, nextCursor } = await listAuditLogs({ correlationId, cursor });

  return (
    <>
      <PageHeader eyebrow="Admin" title="Audit" description="Every operation WIG performed, grouped by the correlation id that ties its steps together." />

      <form action="/admin/audit" method="get" className="mb-4 flex flex-wrap items-center gap-2">
        <label htmlFor="correlation-filter" className="text-sm text-zinc-600">
          Correlation id
        </label>
        <input
          id="correlation-filter"
          name="correlationId"
          defaultValue={correlationId ?? ""}
          placeholder="e.g. merge-1732600000000"
          spellCheck={false}
          className="w-80 max-w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 font-mono text-sm shadow-sm placeholder:font-sans placeholder:text-zinc-400 focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/20"
        />
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
        {correlationId ? (
          <Link href="/admin/audit" className={buttonClass("ghost")}>
            Clear filter
          </Link>
        ) : null}
      </form>

      <AuditTable rows={rows} filterHref={(id) => auditHref({ correlationId: id })} />

      <nav aria-label="Audit pages" className="mt-4 flex items-center justify-between text-sm">
        {cursor ? (
          <Link href={auditHref({ correlationId })} className={buttonClass("ghost")}>
            ← Newest
          </Link>
        ) : (
          <span className="text-zinc-400">Showing the newest entries</span>
        )}
        {nextCursor ? (
          <Link href={auditHref({ correlationId, cursor: nextCursor })} className={buttonClass("secondary")}>
            Older →
          </Link>
        ) : rows.length > 0 ? (
          <span className="text-zinc-400">End of the audit trail</span>
        ) : null}
      </nav>
    </>
  );
}
