"use server";
// A member's own blocklist (issue 7, item 5): each action is the signed-in member's, on their own entries
// only (lib/privacy/blocklist.ts scopes every query by user id), audited in the same transaction.
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { prisma } from "@/lib/db";
import { addBlocklistEntry, findPersonToBlock, removeBlocklistEntry, ZBlockPersonLookup, ZBlocklistDomain, ZRemoveBlocklistEntryInput } from "@/lib/privacy/blocklist";

export const blockPerson = defineAction({ access: "member", input: ZBlockPersonLookup }, async ({ input, user }) => {
  const person = await findPersonToBlock(prisma, input);
  const entry = await addBlocklistEntry(prisma, user.id, { personId: person.id });
  return { id: entry.id, message: `${person.name} is on your blocklist: your relationship with them is hidden from the graph and intro paths.` };
});

export const blockDomain = defineAction({ access: "member", input: z.object({ domain: ZBlocklistDomain }) }, async ({ input, user }) => {
  const entry = await addBlocklistEntry(prisma, user.id, { domain: input.domain });
  return { id: entry.id, message: `Everyone at ${entry.domain ?? input.domain} is on your blocklist.` };
});

export const unblock = defineAction({ access: "member", input: ZRemoveBlocklistEntryInput }, async ({ input, user }) => {
  await removeBlocklistEntry(prisma, user.id, input);
  return { message: "Removed from your blocklist." };
});
