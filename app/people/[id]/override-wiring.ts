// Which server actions the override control calls. The actions live in ./override-actions.ts (owned by
// the strength module); until they exist the control renders disabled.
import type { ClearOverrideAction, SetOverrideAction } from "@/components/people/override-control";

export const overrideActions: { set: SetOverrideAction | null; clear: ClearOverrideAction | null } = { set: null, clear: null };
