// POST /api/sync/uploads?source=<source>&fileName=<name>[&owner=<user id>] with the file as the raw request body
// (Content-Type: application/octet-stream) – admin only. Streams the body to <data dir>/uploads/<uuid>
// (never buffered), refuses it past WIG_UPLOAD_MAX_BYTES with a 413 that names the limit (the partial file
// is deleted), refuses an empty file, then queues the import job. Answers 202 { runId, jobId, fileBytes }.
// `owner`: the team member whose export it is (default: the uploading admin); an unknown one is a 404.
// proxy.ts does not see this route (it would buffer the body); defineRoute's rawBody applies its origin check.
import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { jsonError, jsonOk } from "@/lib/api/responses";
import { prisma } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { ZSourceName } from "@/lib/sources/types";
import { queueUploadedImport } from "@/lib/sync/run-control";
import { declaredLength, discardUpload, storeUpload, uploadsDirectory } from "@/lib/sync/upload-storage";

export const dynamic = "force-dynamic";

const ZUploadQuery = z.object({
  source: ZSourceName,
  // Shown in the run history only; the stored file is named by a uuid, so no path ever comes from here.
  fileName: z
    .string()
    .trim()
    .min(1, "name the uploaded file")
    .max(255)
    .transform((name) => name.replace(/^.*[\\/]/, "").replace(/[\u0000-\u001f\u007f]/g, "") || "upload"),
  owner: z.uuid("owner must be a team member's user id").optional(),
});

export const POST = defineRoute({ access: "admin", query: ZUploadQuery, rawBody: true }, async ({ request, query, user }) => {
  const admin = user as NonNullable<typeof user>;
  const stored = await storeUpload({
    body: request.body,
    directory: uploadsDirectory(),
    limitBytes: serverEnv().WIG_UPLOAD_MAX_BYTES,
    declaredBytes: declaredLength(request.headers),
    signal: request.signal,
  });
  try {
    const queued = await queueUploadedImport(prisma, {
      sourceName: query.source,
      filePath: stored.path,
      fileName: query.fileName,
      fileBytes: stored.bytes,
      startedById: admin.id,
      ownerUserId: query.owner ?? null,
    });
    return jsonOk({ runId: queued.runId, jobId: queued.jobId, fileBytes: stored.bytes, sourceName: query.source }, { status: 202 });
  } catch (error) {
    await discardUpload(stored.path);
    // "The queue is unavailable" is expected and says what to do; the shared error mapping would hide it as a 500.
    if (isAppError(error) && error.code === "UNAVAILABLE") return jsonError(error.code, error.message);
    throw error;
  }
});
