// Which server actions the override control calls: the strength module's member actions in
// ./override-actions.ts (each authenticates and validates itself).
import type { ClearOverrideAction, SetOverrideAction } from "@/components/people/override-control";
import { clearStrengthOverride, setStrengthOverride } from "./override-actions";

export const overrideActions: { set: SetOverrideAction | null; clear: ClearOverrideAction | null } = {
  set: setStrengthOverride,
  clear: clearStrengthOverride,
};
