// Home: find a warm intro. A typeahead over people and organizations, then the best intro paths from
// the signed-in member (or a team member) to the target, each hop explained. Headline counts below.
import type { Metadata } from "next";
import { Suspense } from "react";
import { PersonCell } from "@/components/people/person-cell";
import { SearchForm } from "@/components/people/search-form";
import { IntroSearch } from "@/components/search/intro-search";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { firstParam, type SearchParams } from "@/lib/api/search-params";
import { requirePageUser } from "@/lib/auth/session";
import { searchPeopleWithTotal, type PersonSearchResult } from "@/lib/people/queries";
import { listTeamMembers } from "@/lib/people/team";
import { getHeadlineCounts } from "@/lib/stats/queries";

export const dynamic = "force-dynamic";
// The root layout's title template applies to child segments only, not to a page beside it: spell it out.
export const metadata: Metadata = { title: { absolute: "Search · WIG" } };

const MAX_QUERY_LENGTH = 200;
const RESULT_LIMIT = 20;

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("member");
  const params = await searchParams;
  const deniedAdmin = firstParam(params, "denied") === "admin";
  // ?q= is the plain people directory (a GET form that works without JavaScript), beside the typeahead.
  const query = (firstParam(params, "q") ?? "").trim().slice(0, MAX_QUERY_LENGTH);
  const [counts, team, results] = await Promise.all([getHeadlineCounts(), listTeamMembers(), query ? searchPeopleWithTotal(query, RESULT_LIMIT) : Promise.resolve(null)]);

  return (
    <>
      <PageHeader title="Find a warm intro" description="Search for a person or a company, then see who can introduce you and how strong each link is." />
      {deniedAdmin ? (
        <p role="status" className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          That page is for admins. Ask an admin of your WIG if you need sync, privacy or audit access.
        </p>
      ) : null}

      <Suspense>
        <IntroSearch hasOwnNode={user.personId !== null} team={team.filter((member) => member.userId !== user.id).map(({ email, name }) => ({ email, name }))} />
      </Suspense>

      <Card className="mt-10">
        <CardHeader title="Browse people" description="Matches by name or exact email, linking to their profile." />
        <div className="border-b border-zinc-100 p-5">
          <SearchForm defaultValue={query} />
        </div>
        {results === null ? null : <SearchResults query={query} results={results} />}
      </Card>

      <dl className="mt-8 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label="People" value={counts.people} hint="everyone you can search for" />
        <StatCard label="Organizations" value={counts.organizations} hint="companies people work at" />
        <StatCard label="Edges" value={counts.edges} hint="directed links between people" />
        <StatCard label="Interactions" value={counts.interactions} hint="emails, meetings, calls, messages, connections" />
      </dl>
    </>
  );
}

function SearchResults({ query, results: { hits, total } }: { query: string; results: PersonSearchResult }) {
  if (hits.length === 0) {
    return <EmptyState title={`No one matches “${query}”`} description="Names match on any part; emails must match the whole address." />;
  }
  return (
    <>
      {total > hits.length ? (
        <p className="border-b border-zinc-100 px-5 py-2.5 text-sm text-zinc-500" data-testid="search-results-truncated">
          Showing the first {formatCount(hits.length)} of {formatCount(total)} matches. Refine your search to narrow them down.
        </p>
      ) : null}
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
