// The write side of the team's privacy settings (one PrivacySettings row, id = 1): validated against the
// documented ranges (ZPrivacySettingsInput: an out-of-range value is refused with the range in the message),
// upserted, and audited `privacy.settings_updated` with the before and after values in the same transaction.
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { parseInput } from "./parse-input";
import { getPrivacySettings, ZPrivacySettingsInput, type TPrivacySettings } from "./settings";

export interface UpdatePrivacySettingsResult {
  settings: TPrivacySettings;
  correlationId: string;
}

export async function updatePrivacySettings(db: Db, rawInput: unknown, options: { actorId?: string | null } = {}): Promise<UpdatePrivacySettingsResult> {
  const settings = parseInput(ZPrivacySettingsInput, rawInput, "Some privacy settings are out of range.");
  const updatedById = options.actorId ?? null;
  return db.$transaction(async (tx) => {
    // Serializes concurrent edits of the singleton (the row may not exist yet, so lock by key).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('wig.privacy_settings'))`;
    const before = await getPrivacySettings(tx);
    await tx.privacySettings.upsert({ where: { id: 1 }, create: { id: 1, ...settings, updatedById }, update: { ...settings, updatedById } });
    const correlationId = await writeAudit(tx, {
      action: "privacy.settings_updated",
      entityType: "PrivacySettings",
      entityId: "1",
      metadata: { before: { ...before }, after: { ...settings } },
      ...(options.actorId !== undefined ? { actorId: options.actorId } : {}),
    });
    return { settings, correlationId };
  });
}
