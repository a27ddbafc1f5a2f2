// GET /admin/audit – the audit trail (admins only): newest first, grouped by operation, filterable by
// correlation id, entity, action, actor and time range, keyset-paged 50 rows at a time.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActiveFilters, AuditFilterForm, type ActiveFilter } from "@/components/audit/audit-filters";
import { AuditPagination } from "@/components/audit/audit-pagination";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClass } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { SearchParams } from "@/lib/api/search-params";
import { listAuditFilterOptions, listAuditLogs, resolveAuditActors, type AuditActor, type AuditFilters } from "@/lib/audit/queries";
import { requirePageUser } from "@/lib/auth/session";
import { AUDIT_PATH, auditHref, auditHrefWithout, formatActionFilter, parseAuditSearchParams } from "./search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit" };

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The chips above the table: each filter in words, with a link that drops just that one. */
function describeFilters(filters: AuditFilters, actor: AuditActor | undefined): ActiveFilter[] {
  const chips: ActiveFilter[] = [];
  const mono = (value: string) => <span className="font-mono">{value}</span>;
  if (filters.correlationId) chips.push({ label: "Operation", value: mono(filters.correlationId), removeHref: auditHrefWithout(filters, "correlationId") });
  if (filters.action) {
    const label = "equals" in filters.action ? "Action" : "Action starts with";
    const value = "equals" in filters.action ? filters.action.equals : formatActionFilter(filters.action).replace(/\*$/, "");
    chips.push({ label, value: mono(value), removeHref: auditHrefWithout(filters, "action") });
  }
  if (filters.entityType) chips.push({ label: "Entity type", value: filters.entityType, removeHref: auditHrefWithout(filters, "entityType") });
  if (filters.entityId) chips.push({ label: "Entity id", value: mono(filters.entityId), removeHref: auditHrefWithout(filters, "entityId") });
  if (filters.actorId) {
    const value = actor ? `${actor.name ?? actor.email}${actor.name ? ` <${actor.email}>` : ""}` : mono(filters.actorId);
    chips.push({ label: "Actor", value, removeHref: auditHrefWithout(filters, "actorId") });
  }
  if (filters.from) chips.push({ label: "From", value: utc(filters.from), removeHref: auditHrefWithout(filters, "from") });
  if (filters.to) chips.push({ label: "Before", value: utc(filters.to), removeHref: auditHrefWithout(filters, "to") });
  return chips;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser("admin");
  const parsed = parseAuditSearchParams(await searchParams);
  // A submitted form sends every field, empty or not; the shareable URL keeps only the filters in force.
  if (parsed.ok && !parsed.isCanonical) redirect(parsed.canonicalHref);

  const filters = parsed.ok ? parsed.filters : {};
  const cursor = parsed.ok ? parsed.cursor : undefined;
  // An invalid filter runs no query: showing a wider result than was asked for would mislead.
  const [options, page, actors] = await Promise.all([
    listAuditFilterOptions(),
    parsed.ok ? listAuditLogs({ filters, cursor }) : null,
    resolveAuditActors(filters.actorId ? [filters.actorId] : []),
  ]);
  const chips = describeFilters(filters, filters.actorId ? actors.get(filters.actorId) : undefined);
  const anyFilter = Object.values(parsed.values).some((value) => value !== "");
  // "Back to newest" whenever this is not the newest page (or a stale link landed past the end).
  const newestHref = page && (page.newer || (cursor && page.rows.length === 0)) ? auditHref(filters) : null;

  return (
    <>
      <PageHeader
        eyebrow="Admin"
        title="Audit"
        description="Every operation WIG performed, grouped by the correlation id that ties its steps together. Times are in UTC."
      />

      {parsed.ok ? null : (
        <p role="alert" className="mb-4 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700 ring-1 ring-inset ring-red-200">
          Some filters are not valid. Correct the highlighted {Object.keys(parsed.errors).length === 1 ? "field" : "fields"} and apply again.
        </p>
      )}

      <AuditFilterForm values={parsed.values} errors={parsed.ok ? {} : parsed.errors} options={options} clearHref={anyFilter ? AUDIT_PATH : undefined} />

      {parsed.ok && parsed.cursorError ? (
        <p role="status" className="mb-4 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
          {parsed.cursorError}
        </p>
      ) : null}

      <ActiveFilters filters={chips} />

      {page ? (
        <>
          <AuditTable
            rows={page.rows}
            filtered={chips.length > 0}
            filterHref={(correlationId) => auditHref({ correlationId })}
            emptyAction={
              newestHref ? (
                <Link href={newestHref} className={buttonClass("secondary")}>
                  Back to newest
                </Link>
              ) : chips.length > 0 ? (
                <Link href={AUDIT_PATH} className={buttonClass("secondary")}>
                  Clear filters
                </Link>
              ) : undefined
            }
          />
          <AuditPagination
            shown={page.rows.length}
            newestHref={newestHref}
            newerHref={page.newer ? auditHref(filters, page.newer) : null}
            olderHref={page.older ? auditHref(filters, page.older) : null}
          />
        </>
      ) : (
        <Card>
          <EmptyState title="No entries shown" description="The audit trail appears here once every filter is valid." />
        </Card>
      )}
    </>
  );
}
