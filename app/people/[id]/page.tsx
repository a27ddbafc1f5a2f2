// A person's profile: identity, identities per source and organization, strongest relationships with
// their top factors, the interaction timeline per month and channel, merge history, and the signed-in
// member's own judgement of their relationship with this person.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { IdentityCard } from "@/components/people/identity-card";
import { InteractionTimeline } from "@/components/people/interaction-timeline";
import { MergeHistoryCard } from "@/components/people/merge-history-card";
import { OverrideControl } from "@/components/people/override-control";
import { RelationshipsTable } from "@/components/people/relationships-table";
import { SourceIdentitiesCard } from "@/components/people/source-identities-card";
import { Avatar } from "@/components/ui/avatar";
import { ButtonLink, buttonClass } from "@/components/ui/button-link";
import { displayName } from "@/components/ui/format";
import { isUuid } from "@/lib/api/ids";
import { getSessionUser, requirePageUser } from "@/lib/auth/session";
import { getIdentitiesBySource, getInteractionTimeline, getMergeHistory, getOwnOverride, TIMELINE_MONTHS } from "@/lib/people/person-details";
import { getPersonProfile, getStrongestRelationships } from "@/lib/people/queries";
import { overrideActions } from "./override-wiring";

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
  const user = await requirePageUser("member");
  // Unknown, soft-deleted and malformed ids all 404 alike: a deleted person is indistinguishable from none.
  const person = await loadProfile(id);
  if (!person) notFound();
  const now = new Date();
  // Your own profile has no "Find an intro" (there is no path from you to yourself) and no override (it
  // rates your tie with this person, which needs a node of your own that is not this one).
  const isSelf = user.personId === person.id;
  const ownNode = user.personId !== null && !isSelf;
  const [relationships, identities, timeline, merges, override] = await Promise.all([
    getStrongestRelationships(person.id),
    getIdentitiesBySource(person.id),
    getInteractionTimeline(person.id, { now }),
    getMergeHistory(person.id),
    ownNode ? getOwnOverride(user.id, person.id) : null,
  ]);

  const name = displayName(person.names);
  const hasMergeHistory = person.previousIds.length > 0 || Boolean(person.mergeExplanation) || merges.length > 0;

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
              {person.organization?.domain ? <span className="text-zinc-500"> · {person.organization.domain}</span> : null}
            </p>
          </div>
        </div>
        <div className="flex gap-2">
          {user.role === "admin" ? (
            // A plain link (not next/link): the route answers with a JSON attachment (lib/privacy/export-person.ts).
            <a href={`/api/people/${person.id}/export`} download className={buttonClass("secondary")}>
              Export JSON
            </a>
          ) : null}
          {isSelf ? null : <ButtonLink href={`/?${new URLSearchParams({ to: person.id, label: name })}`}>Find an intro</ButtonLink>}
          <ButtonLink href={`/graph?person=${person.id}`} variant="primary">
            Explore network
          </ButtonLink>
        </div>
      </header>

      <div className="grid items-start gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <div className="space-y-6">
          {ownNode ? (
            <OverrideControl
              personId={person.id}
              personName={name}
              current={override?.level ?? null}
              setOverride={overrideActions.set}
              clearOverride={overrideActions.clear}
            />
          ) : null}
          <IdentityCard person={person} />
          <SourceIdentitiesCard groups={identities} organization={person.organization} />
          {hasMergeHistory ? <MergeHistoryCard explanation={person.mergeExplanation} previousIds={person.previousIds} merges={merges} /> : null}
        </div>
        <div className="min-w-0 space-y-6">
          <InteractionTimeline buckets={timeline} months={TIMELINE_MONTHS} now={now} />
          <RelationshipsTable rows={relationships.rows} total={relationships.total} />
        </div>
      </div>
    </>
  );
}
