// Home: headline counts and people search (name substring or exact email).
import type { Metadata } from "next";
import { PersonCell } from "@/components/people/person-cell";
import { SearchForm } from "@/components/people/search-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { firstParam, type SearchParams } from "@/lib/api/search-params";
import { searchPeople, type PersonSearchHit } from "@/lib/people/queries";
import { getHeadlineCounts } from "@/lib/stats/queries";
import { requirePageUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search" };

const MAX_QUERY_LENGTH = 200;
const RESULT_LIMIT = 20;

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser("member");
  const params = await searchParams;
  const query = (firstParam(params, "q") ?? "").trim().slice(0, MAX_QUERY_LENGTH);
  const deniedAdmin = firstParam(params, "denied") === "admin";
  const [counts, hits] = await Promise.all([getHeadlineCounts(), query ? searchPeople(query, RESULT_LIMIT) : Promise.resolve(null)]);

  return (
    <>
      <PageHeader title="Find a warm intro" description="Search everyone in your team's network, then see who knows them and how well." />
      {deniedAdmin ? (
        <p role="status" className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          That page is for admins. Ask an admin of your WIG if you need sync, privacy or audit access.
        </p>
      ) : null}

      <dl className="mb-8 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label="People" value={counts.people} hint="everyone you can search for" />
        <StatCard label="Organizations" value={counts.organizations} hint="companies people work at" />
        <StatCard label="Edges" value={counts.edges} hint="directed links between people" />
        <StatCard label="Interactions" value={counts.interactions} hint="emails, meetings, calls, messages" />
      </dl>

      <Card>
        <div className="border-b border-zinc-100 p-5">
          <SearchForm defaultValue={query} />
        </div>
        {hits === null ? (
          <EmptyState title="Search by name or email" description="Type part of a name (“dana”) or a full email address (“dana@stripe.com”)." />
        ) : (
          <SearchResults query={query} hits={hits} />
        )}
      </Card>
    </>
  );
}

function SearchResults({ query, hits }: { query: string; hits: PersonSearchHit[] }) {
  if (hits.length === 0) {
    return <EmptyState title={`No one matches “${query}”`} description="Names match on any part; emails must match the whole address." />;
  }
  return (
    <>
      <CardHeader
        title="People"
        description={hits.length === RESULT_LIMIT ? `First ${RESULT_LIMIT} matches. Refine the search to narrow it down.` : `${hits.length} ${hits.length === 1 ? "match" : "matches"}`}
      />
      <ul className="divide-y divide-zinc-100" aria-label={`Search results for ${query}`}>
        {hits.map((hit) => (
          <li key={hit.id} className="flex items-center justify-between gap-4 px-5 py-3 hover:bg-zinc-50/70">
            <PersonCell person={hit} />
            {hit.emailMatch ? <Badge tone="accent">email match</Badge> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
