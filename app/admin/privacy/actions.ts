"use server";
// Admin actions for the privacy screen: soft delete and restore of people and organizations (issue 7, item 1).
// Each one authenticates and authorizes itself (defineAction), and the lib function writes the audit row in
// the same transaction as the change, with this request's correlation id.
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
