-- CreateEnum
CREATE TYPE "MergeCandidateStatus" AS ENUM ('pending', 'approved', 'rejected', 'superseded');

-- CreateEnum
CREATE TYPE "MergeDecisionKind" AS ENUM ('distinct', 'same');

-- CreateEnum
CREATE TYPE "StrengthOverrideLevel" AS ENUM ('knows_well', 'barely_knows');

-- AlterEnum
ALTER TYPE "SyncRunStatus" ADD VALUE 'queued';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "cancelRequestedAt" TIMESTAMP(3),
ADD COLUMN     "cursor" TEXT,
ADD COLUMN     "filePath" TEXT,
ADD COLUMN     "jobId" TEXT,
ADD COLUMN     "options" JSONB,
ADD COLUMN     "progressDone" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "progressTotal" BIGINT,
ADD COLUMN     "progressUnit" TEXT NOT NULL DEFAULT 'bytes';

-- CreateTable
CREATE TABLE "MergeCandidate" (
    "id" UUID NOT NULL,
    "personAId" UUID NOT NULL,
    "personBId" UUID NOT NULL,
    "probability" DOUBLE PRECISION NOT NULL,
    "matchWeight" DOUBLE PRECISION NOT NULL,
    "explanation" JSONB NOT NULL,
    "status" "MergeCandidateStatus" NOT NULL DEFAULT 'pending',
    "proposedById" UUID,
    "proposalNote" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MergeCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MergeDecision" (
    "id" UUID NOT NULL,
    "personAId" UUID NOT NULL,
    "personBId" UUID NOT NULL,
    "decision" "MergeDecisionKind" NOT NULL,
    "decidedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MergeDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Merge" (
    "id" UUID NOT NULL,
    "survivorId" UUID NOT NULL,
    "mergedId" UUID NOT NULL,
    "candidateId" UUID,
    "method" TEXT NOT NULL,
    "probability" DOUBLE PRECISION,
    "explanation" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "mergedById" UUID,
    "correlationId" TEXT NOT NULL,
    "undoneAt" TIMESTAMP(3),
    "undoneById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Merge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrengthOverride" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "level" "StrengthOverrideLevel" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StrengthOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuppressedIdentifier" (
    "hash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuppressedIdentifier_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "BlocklistEntry" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "personId" UUID,
    "domain" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlocklistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrivacySettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "softDeletedPurgeDays" INTEGER NOT NULL DEFAULT 30,
    "interactionRetentionMonths" INTEGER,
    "auditRetentionMonths" INTEGER,
    "storeSubjects" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PrivacySettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MergeCandidate_status_probability_idx" ON "MergeCandidate"("status", "probability");

-- CreateIndex
CREATE INDEX "MergeCandidate_personBId_idx" ON "MergeCandidate"("personBId");

-- CreateIndex
CREATE UNIQUE INDEX "MergeCandidate_personAId_personBId_key" ON "MergeCandidate"("personAId", "personBId");

-- CreateIndex
CREATE INDEX "MergeDecision_personBId_idx" ON "MergeDecision"("personBId");

-- CreateIndex
CREATE UNIQUE INDEX "MergeDecision_personAId_personBId_key" ON "MergeDecision"("personAId", "personBId");

-- CreateIndex
CREATE INDEX "Merge_survivorId_idx" ON "Merge"("survivorId");

-- CreateIndex
CREATE INDEX "Merge_mergedId_idx" ON "Merge"("mergedId");

-- CreateIndex
CREATE INDEX "Merge_createdAt_idx" ON "Merge"("createdAt");

-- CreateIndex
CREATE INDEX "StrengthOverride_personId_idx" ON "StrengthOverride"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "StrengthOverride_userId_personId_key" ON "StrengthOverride"("userId", "personId");

-- CreateIndex
CREATE INDEX "BlocklistEntry_personId_idx" ON "BlocklistEntry"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "BlocklistEntry_userId_personId_key" ON "BlocklistEntry"("userId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "BlocklistEntry_userId_domain_key" ON "BlocklistEntry"("userId", "domain");
