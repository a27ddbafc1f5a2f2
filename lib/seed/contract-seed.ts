// Writes the contract seed (contract-seed-data.ts) in one transaction. Every row is upserted by its fixed
// id with all of its seed fields, so a re-run inserts nothing new and restores any seed row that was edited
// or soft-deleted since. Sync states are keyed by sourceName instead: a real sync may already own "gmail".
import type { Db } from "../db/client";
import {
  CONTRACT_AUDIT_LOGS,
  CONTRACT_EDGES,
  CONTRACT_INTERACTIONS,
  CONTRACT_ORGANIZATIONS,
  CONTRACT_PEOPLE,
  CONTRACT_SEED_COUNTS,
  CONTRACT_SYNC_STATES,
} from "./contract-seed-data";

export { CONTRACT_SEED_COUNTS };
export type ContractSeedCounts = typeof CONTRACT_SEED_COUNTS;

export async function writeContractSeed(db: Db): Promise<ContractSeedCounts> {
  await db.$transaction(
    async (tx) => {
      for (const { id, ...data } of CONTRACT_ORGANIZATIONS) {
        await tx.organization.upsert({ where: { id }, create: { id, ...data }, update: { ...data, deletedAt: null } });
      }
      for (const { id, ...data } of CONTRACT_PEOPLE) {
        await tx.person.upsert({ where: { id }, create: { id, ...data }, update: { ...data, deletedAt: null } });
      }
      for (const { id, ...data } of CONTRACT_EDGES) {
        await tx.edge.upsert({ where: { id }, create: { id, ...data }, update: data });
      }
      for (const { id, ...data } of CONTRACT_INTERACTIONS) {
        await tx.interaction.upsert({ where: { id }, create: { id, ...data }, update: data });
      }
      for (const { id, ...data } of CONTRACT_SYNC_STATES) {
        await tx.syncState.upsert({ where: { sourceName: data.sourceName }, create: { id, ...data }, update: data });
      }
      for (const { id, ...data } of CONTRACT_AUDIT_LOGS) {
        await tx.auditLog.upsert({ where: { id }, create: { id, ...data }, update: data });
      }
    },
    // ~30 sequential round trips; the default 5 s budget is tight on a cold embedded server.
    { timeout: 30_000, maxWait: 10_000 },
  );
  return CONTRACT_SEED_COUNTS;
}
