-- Edge rows are rewritten by every recompute (an import's pairs, a merge, the nightly job), and each write
-- changes strength and lastSeenAt. With B-tree indexes on those columns (and the covering indexes that
-- INCLUDE strength) every such write was a new row version plus an entry in each of the eight indexes,
-- and after a checkpoint a full-page image of every index page it touched: 12 KB of WAL a row.
-- Summarizing (BRIN) indexes do not prevent heap-only-tuple (HOT) updates (PostgreSQL 16+), and free space
-- on each page (fillfactor) lets the new version stay on its page, so a recompute now writes the row and
-- nothing else. See lib/strength/README.md, "Edge storage".

-- DropIndex
DROP INDEX "Edge_lastSeenAt_idx";

-- DropIndex
DROP INDEX "Edge_strength_idx";

-- CreateIndex
CREATE INDEX "Edge_lastSeenAt_idx" ON "Edge" USING BRIN ("lastSeenAt");

-- CreateIndex
CREATE INDEX "Edge_strength_idx" ON "Edge" USING BRIN ("strength");

-- The covering (from, to) INCLUDE (strength) indexes also blocked HOT. "Who does A know" and "who knows B"
-- read the unique (from, to, type) and the toPersonId indexes and then the row (the screens filter on
-- sources, channels and dates, which no index held anyway).
DROP INDEX "Edge_from_to_covering_idx";
DROP INDEX "Edge_to_from_covering_idx";

-- Room for the next version of each row on its own page: an edge row is about 1 KB (its explanation) and
-- both directions of a pair are written side by side, so 30 % of a page holds both new versions. The full
-- recompute's replacement table copies these settings (lib/strength/edge-rebuild.ts). Takes effect as
-- pages are written.
ALTER TABLE "Edge" SET (fillfactor = 70);
ALTER TABLE "PairAggregate" SET (fillfactor = 80);
