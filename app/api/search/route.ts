// GET /api/search?q=<1..100 chars>&limit=<1..20> – typeahead over people (name, email) and organizations
// (name, domain), ranked exact → prefix → similarity; soft-deleted and erased records never appear.
import { defineRoute } from "@/lib/api/define-route";
import { jsonOk } from "@/lib/api/responses";
import { prisma } from "@/lib/db";
import { searchTypeahead } from "@/lib/search/typeahead";
import { ZTypeaheadQuery, type TypeaheadResponse } from "@/lib/search/typeahead.types";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "member", query: ZTypeaheadQuery }, async ({ query }) => {
  const hits = await searchTypeahead(prisma, query.q, query.limit);
  return jsonOk<TypeaheadResponse>({ q: query.q, hits });
});
