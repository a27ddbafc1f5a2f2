"use server";
// The person page's override control: "I know them well" / "I barely know them" about the signed-in
// member's own relationship with this person. Each action authenticates itself (defineAction, members);
// lib/strength/overrides.ts checks that the relationship is the member's own, writes the audit row and
// recomputes the pair's edges in one transaction.
import { defineAction } from "@/lib/actions/define-action";
import { prisma } from "@/lib/db";
import {
  clearStrengthOverride as clearOverride,
  getStrengthOverride as getOverride,
  setStrengthOverride as setOverride,
  ZClearStrengthOverrideInput,
  ZSetStrengthOverrideInput,
} from "@/lib/strength/overrides";

/** Input { personId, level: "knows_well" | "barely_knows", note? } → StrengthOverrideView. */
export const setStrengthOverride = defineAction({ access: "member", input: ZSetStrengthOverrideInput }, async ({ input, user }) => {
  const { view } = await setOverride(prisma, { userId: user.id, ...input });
  return view;
});

/** Input { personId } → StrengthOverrideView with level null. */
export const clearStrengthOverride = defineAction({ access: "member", input: ZClearStrengthOverrideInput }, async ({ input, user }) => {
  const { view } = await clearOverride(prisma, { userId: user.id, ...input });
  return view;
});

/** Input { personId } → StrengthOverrideView (canOverride false when it is not the member's relationship). */
export const getStrengthOverride = defineAction({ access: "member", input: ZClearStrengthOverrideInput }, async ({ input, user }) =>
  getOverride(prisma, { userId: user.id, personId: input.personId }),
);
