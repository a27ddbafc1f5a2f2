"use server";
// Admin actions for the privacy screen: soft delete and restore of people and organizations (issue 7, item 1),
// erasure, retention settings and runs.
// Each one authenticates and authorizes itself (defineAction), and the lib function writes the audit row in
// the same transaction as the change, with this request's correlation id.
import { z } from "zod";
import { plural } from "@/components/ui/format";
import { defineAction } from "@/lib/actions/define-action";
import { prisma } from "@/lib/db";
import {
  findPersonToDelete,
  restoreOrganization as restoreOrganizationRecord,
  restorePerson as restorePersonRecord,
  softDeleteOrganization as softDeleteOrganizationRecord,
  softDeletePerson as softDeletePersonRecord,
  ZFindPersonToDeleteInput,
  ZRestoreOrganizationInput,
  ZRestorePersonInput,
  ZSoftDeleteOrganizationInput,
  ZSoftDeletePersonInput,
} from "@/lib/privacy/soft-delete";
import { erasePerson as erasePersonRecord, ZErasePersonInput } from "@/lib/privacy/erase-person";
import { findPersonToErase, ZFindPersonToEraseInput } from "@/lib/privacy/queries";
import { runRetention } from "@/lib/privacy/retention";
import { ZPrivacySettingsInput } from "@/lib/privacy/settings";
import { updatePrivacySettings } from "@/lib/privacy/update-settings";

/** The confirmation step of "Delete a person": who an id or email resolves to, before anything changes. */
export const previewPersonDeletion = defineAction({ access: "admin", input: ZFindPersonToDeleteInput }, async ({ input }) =>
  findPersonToDelete(prisma, input),
);

export const deletePerson = defineAction({ access: "admin", input: ZSoftDeletePersonInput }, async ({ input }) => {
  const result = await softDeletePersonRecord(prisma, input);
  return { id: result.id, message: "The person is deleted: hidden everywhere except this screen, and restorable here." };
});

export const restorePerson = defineAction({ access: "admin", input: ZRestorePersonInput }, async ({ input }) => {
  const result = await restorePersonRecord(prisma, input);
  return { id: result.id, message: "The person is restored and visible again." };
});

export const deleteOrganization = defineAction({ access: "admin", input: ZSoftDeleteOrganizationInput }, async ({ input }) => {
  const result = await softDeleteOrganizationRecord(prisma, input);
  return { id: result.id, message: "The organization is deleted; its people stay, shown without it." };
});

export const restoreOrganization = defineAction({ access: "admin", input: ZRestoreOrganizationInput }, async ({ input }) => {
  const result = await restoreOrganizationRecord(prisma, input);
  return { id: result.id, message: "The organization is restored and visible again." };
});

// ---- Erasure, retention and settings (issue 7, items 2, 3 and 5) ----

/** The confirmation step of "Erase a person": who it is, what they are linked to. Nothing changes. */
export const previewPersonErasure = defineAction({ access: "admin", input: ZFindPersonToEraseInput }, async ({ input }) => findPersonToErase(prisma, input));

export const erasePerson = defineAction({ access: "admin", input: ZErasePersonInput.omit({ actorId: true }) }, async ({ input }) => {
  const result = await erasePersonRecord(prisma, input);
  const counts = result.counts;
  return {
    id: result.personId,
    counts: result.counts,
    message: `Erased: ${plural(counts.suppressionKeys, "identifier")} added to the suppression list; ${plural(Math.round(counts.edgesDeleted / 2), "relationship")} and ${plural(counts.interactionsDeleted, "interaction")} deleted.`,
  };
});

export const savePrivacySettings = defineAction({ access: "admin", input: ZPrivacySettingsInput }, async ({ input, user }) => {
  const result = await updatePrivacySettings(prisma, input, { actorId: user.id });
  return { settings: result.settings, message: "Privacy settings saved." };
});

const ZRetentionRun = z.object({ dryRun: z.boolean() });

/** "Preview" (dryRun: true, changes nothing) and "Run now" on the retention card. */
export const runRetentionNow = defineAction({ access: "admin", input: ZRetentionRun }, async ({ input }) => runRetention(prisma, { dryRun: input.dryRun, now: new Date() }));
