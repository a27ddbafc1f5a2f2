-- Edge.strengthFactors is an explanation that is written whole and read whole, never queried inside.
-- json keeps the text as written: no re-encoding into jsonb's binary form (about 3 times the cost of the
-- insert itself here) and no TOAST compression for documents under 2 kB.
-- AlterTable
ALTER TABLE "Edge" ALTER COLUMN "strengthFactors" SET DATA TYPE JSON;
