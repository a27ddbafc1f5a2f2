// Graph: the ego network of ?person=<id> (by default the signed-in member's own person, else the most
// connected person), with filters (?hops, ?limit, ?minStrength, ?source, ?channel, ?window) and an intro path
// to highlight (?path=<id,id,…>).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GraphExplorer } from "@/components/graph/graph-explorer";
import { ButtonLink } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { displayName } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { isUuid } from "@/lib/api/ids";
import { firstParam, type SearchParams } from "@/lib/api/search-params";
import { requirePageUser } from "@/lib/auth/session";
import { DEFAULT_EGO_FILTERS, ZEgoFilters, type TEgoFilters } from "@/lib/people/ego-network.types";
import { getMostConnectedPersonId, getPersonSummary } from "@/lib/people/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Graph" };

/** Filters from the URL; a hand-edited value out of range falls back to its default rather than failing the page. */
function filtersFrom(params: SearchParams): TEgoFilters {
  const filters: TEgoFilters = { ...DEFAULT_EGO_FILTERS };
  for (const key of ["limit", "hops", "minStrength", "source", "channel", "window"] as const) {
    const value = firstParam(params, key);
    if (value === undefined || value === "") continue;
    const parsed = ZEgoFilters.shape[key].safeParse(value);
    if (parsed.success) Object.assign(filters, { [key]: parsed.data });
  }
  return filters;
}

function pathFrom(params: SearchParams): string[] {
  const ids = (firstParam(params, "path") ?? "").split(",").map((id) => id.trim()).filter(Boolean);
  return ids.length <= 6 && ids.every(isUuid) ? ids : [];
}

export default async function GraphPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("member");
  const params = await searchParams;
  const requested = firstParam(params, "person")?.trim() || undefined;
  if (requested !== undefined && !isUuid(requested)) notFound();
  // Without ?person the graph opens on the member's own network; an account linked to no live person (or
  // a person since deleted) gets the most connected person instead.
  const own = requested === undefined && user.personId ? await getPersonSummary(user.personId) : null;
  const personId = requested ?? own?.id ?? (await getMostConnectedPersonId());

  if (!personId) {
    return (
      <>
        <PageHeader title="Graph" description="Explore who knows whom, and how well." />
        <Card>
          <EmptyState title="The graph is empty" description="Relationships appear here once a source has been imported." action={<ButtonLink href="/admin/sync">Go to Sync</ButtonLink>} />
        </Card>
      </>
    );
  }

  const person = own ?? (await getPersonSummary(personId));
  // Unknown and soft-deleted people look the same: neither is drawn.
  if (!person) notFound();
  const name = displayName(person.names);
  const path = pathFrom(params);

  return (
    <>
      <PageHeader
        title={`${name}’s network`}
        description={
          path.length > 1
            ? "The intro path is highlighted in amber. Click an edge for its factors; click anyone to move the centre to them."
            : "Click an edge for its factor breakdown; click anyone to move the centre to them."
        }
        actions={<ButtonLink href={`/people/${person.id}`}>Profile</ButtonLink>}
      />
      <GraphExplorer
        center={{ id: person.id, name, subtitle: [person.title, person.organizationName].filter(Boolean).join(" · ") }}
        filters={filtersFrom(params)}
        path={path}
        viewerPersonId={user.personId}
      />
    </>
  );
}
