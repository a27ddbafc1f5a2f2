// The person picker of "Propose a merge" on /merges: the people search, trimmed to what the picker shows.
import "server-only";
import { displayName } from "@/components/ui/format";
import { searchPeople } from "@/lib/people/queries";

export interface PickablePerson {
  id: string;
  name: string;
  subtitle: string | null;
}

export async function findPeopleToPropose(query: string, limit = 8): Promise<PickablePerson[]> {
  const hits = await searchPeople(query, limit);
  return hits.map((hit) => ({
    id: hit.id,
    name: displayName(hit.names),
    subtitle: [hit.title, hit.organizationName].filter(Boolean).join(" · ") || null,
  }));
}
