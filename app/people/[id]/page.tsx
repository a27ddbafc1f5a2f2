// A person's profile: identity, organization, strongest relationships and merge history.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { IdentityCard } from "@/components/people/identity-card";
import { MergeHistoryCard } from "@/components/people/merge-history-card";
import { RelationshipsTable } from "@/components/people/relationships-table";
import { Avatar } from "@/components/ui/avatar";
import { ButtonLink, buttonClass } from "@/components/ui/button-link";
import { displayName } from "@/components/ui/format";
import { isUuid } from "@/lib/api/ids";
import { getPersonProfile, getStrongestRelationships } from "@/lib/people/queries";
import { getSessionUser, requirePageUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page both need the person; cache() makes that one query per request.
const loadProfile = cache(async (id: string) => (isUuid(id) ? getPersonProfile(id) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // Metadata renders alongside the page: never put a name in the title for someone not signed in.
  if (!(await getSessionUser())) return { title: "Person" };
  const person = await loadProfile((await params).id);
  return { title: person ? displayName(person.names) : "Person not found" };
}

export default async function PersonPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requirePageUser("member");
  // Unknown, soft-deleted and malformed ids all 404 alike: a deleted person is indistinguishable from none.
  const [person, relationships] = await Promise.all([loadProfile(id), isUuid(id) ? getStrongestRelationships(id) : null]);
  if (!person || !relationships) notFound();

  const name = displayName(person.names);
  const hasMergeHistory = person.previousIds.length > 0 || Boolean(person.mergeExplanation);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-zinc-500">
        <Link href="/" className="hover:text-zinc-900">
          Search
        </Link>
        <span aria-hidden="true" className="px-1.5 text-zinc-300">
          /
        </span>
        <span className="text-zinc-700">{name}</span>
      </nav>

      <header className="mb-8 flex flex-col gap-5 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex min-w-0 items-center gap-4">
          <Avatar name={name} size="lg" />
          <div className="min-w-0">
            <h1 className="truncate text-2xl font-semibold tracking-tight text-zinc-900">{name}</h1>
            <p className="mt-0.5 text-sm text-zinc-500">
              {[person.title, person.organization?.name].filter(Boolean).join(" · ") || "No title or organization recorded"}
              {person.organization?.domain ? <span className="text-zinc-400"> · {person.organization.domain}</span> : null}
            </p>
          </div>
        </div>
        <div className="flex gap-2">
          {viewer.role === "admin" ? (
            // A plain link (not next/link): the route answers with a JSON attachment (lib/privacy/export-person.ts).
            <a href={`/api/people/${person.id}/export`} download className={buttonClass("secondary")}>
              Export JSON
            </a>
          ) : null}
          <ButtonLink href={`/graph?person=${person.id}`} variant="primary">
            Explore network
          </ButtonLink>
        </div>
      </header>

      <div className="grid items-start gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <div className="space-y-6">
          <IdentityCard person={person} />
          {hasMergeHistory ? <MergeHistoryCard explanation={person.mergeExplanation} previousIds={person.previousIds} /> : null}
        </div>
        <RelationshipsTable rows={relationships.rows} total={relationships.total} />
      </div>
    </>
  );
}
