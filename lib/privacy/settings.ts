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

/** A whole number within `limits`; every failure says the allowed range. */
function boundedInteger(label: string, limits: { min: number; max: number }, unit: string) {
  const message = rangeMessage(label, limits, unit);
  return z.number({ error: message }).int(message).min(limits.min, message).max(limits.max, message);
}

export const ZPrivacySettingsInput = z.object({
  /** Purge soft-deleted people after this many days. */
  softDeletedPurgeDays: boundedInteger("Purge after", RETENTION_LIMITS.softDeletedPurgeDays, "days"),
  /** null turns the interaction purge off. */
  interactionRetentionMonths: boundedInteger("Interaction retention", RETENTION_LIMITS.interactionRetentionMonths, "months").nullable(),
  /** null keeps audit logs forever. */
  auditRetentionMonths: boundedInteger("Audit retention", RETENTION_LIMITS.auditRetentionMonths, "months").nullable(),
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
