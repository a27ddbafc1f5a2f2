// Team-wide privacy settings (one PrivacySettings row). Reading never fails: a missing row means the
// defaults, which are the privacy-preserving choices (purge soft-deleted people after 30 days, keep
// interactions and audit logs, never store subjects).
import { z } from "zod";
import type { Db } from "../db/client";

export const RETENTION_LIMITS = {
  softDeletedPurgeDays: { min: 1, max: 3650 },
  interactionRetentionMonths: { min: 1, max: 600 },
  auditRetentionMonths: { min: 1, max: 600 },
} as const;

function rangeMessage(label: string, limits: { min: number; max: number }, unit: string): string {
  return `${label} must be a whole number from ${limits.min} to ${limits.max} ${unit}.`;
}

export const ZPrivacySettingsInput = z.object({
  softDeletedPurgeDays: z
    .number({ error: "Enter a number of days." })
    .int(rangeMessage("Purge after", RETENTION_LIMITS.softDeletedPurgeDays, "days"))
    .min(RETENTION_LIMITS.softDeletedPurgeDays.min, rangeMessage("Purge after", RETENTION_LIMITS.softDeletedPurgeDays, "days"))
    .max(RETENTION_LIMITS.softDeletedPurgeDays.max, rangeMessage("Purge after", RETENTION_LIMITS.softDeletedPurgeDays, "days")),
  /** null turns the interaction purge off. */
  interactionRetentionMonths: z
    .number()
    .int(rangeMessage("Interaction retention", RETENTION_LIMITS.interactionRetentionMonths, "months"))
    .min(RETENTION_LIMITS.interactionRetentionMonths.min, rangeMessage("Interaction retention", RETENTION_LIMITS.interactionRetentionMonths, "months"))
    .max(RETENTION_LIMITS.interactionRetentionMonths.max, rangeMessage("Interaction retention", RETENTION_LIMITS.interactionRetentionMonths, "months"))
    .nullable(),
  /** null keeps audit logs forever. */
  auditRetentionMonths: z
    .number()
    .int(rangeMessage("Audit retention", RETENTION_LIMITS.auditRetentionMonths, "months"))
    .min(RETENTION_LIMITS.auditRetentionMonths.min, rangeMessage("Audit retention", RETENTION_LIMITS.auditRetentionMonths, "months"))
    .max(RETENTION_LIMITS.auditRetentionMonths.max, rangeMessage("Audit retention", RETENTION_LIMITS.auditRetentionMonths, "months"))
    .nullable(),
  storeSubjects: z.boolean(),
});
export type TPrivacySettings = z.infer<typeof ZPrivacySettingsInput>;

export const DEFAULT_PRIVACY_SETTINGS: TPrivacySettings = {
  softDeletedPurgeDays: 30,
  interactionRetentionMonths: null,
  auditRetentionMonths: null,
  storeSubjects: false,
};

export async function getPrivacySettings(db: Pick<Db, "privacySettings">): Promise<TPrivacySettings> {
  const row = await db.privacySettings.findUnique({ where: { id: 1 } });
  if (!row) return { ...DEFAULT_PRIVACY_SETTINGS };
  return {
    softDeletedPurgeDays: row.softDeletedPurgeDays,
    interactionRetentionMonths: row.interactionRetentionMonths,
    auditRetentionMonths: row.auditRetentionMonths,
    storeSubjects: row.storeSubjects,
  };
}
