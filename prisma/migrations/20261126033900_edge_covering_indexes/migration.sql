-- Covering indexes for graph traversal (Prisma cannot declare INCLUDE columns, so they live here and are
-- listed in lib/db/sql-only-objects.ts). They serve the SQL path baselines and the ego-network fetch with
-- index-only scans: "who does A know, how strongly" and "who knows B, how strongly".
CREATE INDEX "Edge_from_to_covering_idx" ON "Edge" ("fromPersonId", "toPersonId") INCLUDE ("strength");
CREATE INDEX "Edge_to_from_covering_idx" ON "Edge" ("toPersonId", "fromPersonId") INCLUDE ("strength");
