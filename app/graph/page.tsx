// Graph: the ego network of ?person=<id>, or of the most connected person when none is given.
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
import { getMostConnectedPersonId, getPersonSummary } from "@/lib/people/queries";
import { requirePageUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Graph" };

export default async function GraphPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser("member");
  const requested = firstParam(await searchParams, "person")?.trim() || undefined;
  if (requested !== undefined && !isUuid(requested)) notFound();
  const personId = requested ?? (await getMostConnectedPersonId());

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

  const person = await getPersonSummary(personId);
  // Unknown and soft-deleted people look the same: neither is drawn.
  if (!person) notFound();
  const name = displayName(person.names);

  return (
    <>
      <PageHeader
        title={`${name}’s network`}
        description={
          requested ? "Direct connections and the links among them. Click anyone to move the centre to them." : "Starting from the most connected person. Click anyone to move the centre to them."
        }
        actions={<ButtonLink href={`/people/${person.id}`}>Profile</ButtonLink>}
      />
      <GraphExplorer
        center={{ id: person.id, name, subtitle: [person.title, person.organizationName].filter(Boolean).join(" · ") }}
      />
    </>
  );
}
