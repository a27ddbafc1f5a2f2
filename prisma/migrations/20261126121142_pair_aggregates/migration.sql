-- CreateTable
CREATE TABLE "PairAggregate" (
    "personAId" UUID NOT NULL,
    "personBId" UUID NOT NULL,
    "keysFingerprint" TEXT NOT NULL,
    "through" TIMESTAMP(3) NOT NULL,
    "data" BYTEA NOT NULL,
    "sources" TEXT[],
    "mutualConnections" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PairAggregate_pkey" PRIMARY KEY ("personAId","personBId")
);

-- CreateIndex
CREATE INDEX "PairAggregate_personBId_idx" ON "PairAggregate"("personBId");
