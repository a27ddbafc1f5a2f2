// Sync health for the admin screen: one row per configured source.
// (Lives with the other operational read models until lib/sources grows its own queries module.)
import "server-only";
import { prisma } from "@/lib/db";

export async function listSyncStates() {
  return prisma.syncState.findMany({
    orderBy: { sourceName: "asc" },
    select: {
      id: true,
      sourceName: true,
      status: true,
      cursor: true,
      lastSyncAt: true,
      lastSuccessAt: true,
      lastError: true,
    },
  });
}
export type SyncStateRow = Awaited<ReturnType<typeof listSyncStates>>[number];
