// GET /api/people/[id]/export – everything held on one person as a JSON download (right of access), streamed.
// Admins only (members get 403); soft-deleted people can be exported; unknown or erased people are a 404
// with a message saying which. The `person.exported` audit row is written before the first byte.
import { defineRoute } from "@/lib/api/define-route";
import { notFound } from "@/lib/api/responses";
import { isUuid } from "@/lib/api/ids";
import { prisma } from "@/lib/db";
import { exportStream, prepareExport } from "@/lib/privacy/export-person";

export const dynamic = "force-dynamic";

export const GET = defineRoute<undefined, undefined, { id: string }>({ access: "admin" }, async ({ params }) => {
  if (!isUuid(params.id)) return notFound("No person with this id.");
  const prepared = await prepareExport(prisma, { personId: params.id });
  return new Response(exportStream(prisma, prepared.personId), {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${prepared.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
