// The survivor's three-way restore (pure): verbatim when untouched since the merge, otherwise the merge's
// contributions are removed and later changes kept.
import { describe, expect, it } from "vitest";
import { restoredSurvivor } from "./undo-merge";

const before = { id: "s", names: ["Dana Reyes"], emails: ["dana@acme.example"], phones: [], previousIds: [], title: null, socialHandles: null, mergeExplanation: null, metadata: null, updatedAt: "2026-01-01T00:00:00" };
const after = { ...before, names: ["Dana Reyes", "D. Reyes"], emails: ["dana@acme.example", "dana@gmail.com"], previousIds: ["m"], title: "CTO", mergeExplanation: "same", updatedAt: "2026-02-01T00:00:00" };

describe("restoredSurvivor", () => {
  it("restores the snapshot verbatim when nothing changed since the merge", () => {
    expect(restoredSurvivor({ before: { survivor: before } as never, after: { survivor: after } as never }, { ...after })).toEqual(before);
  });

  it("keeps values and fields changed later, removes what the merge brought", () => {
    const current = { ...after, emails: [...after.emails, "dana@new.example"], title: "CEO", updatedAt: "2026-03-01T00:00:00" };
    const row = restoredSurvivor({ before: { survivor: before } as never, after: { survivor: after } as never }, current);
    expect(row).toMatchObject({ names: ["Dana Reyes"], emails: ["dana@acme.example", "dana@new.example"], previousIds: [], title: "CEO", mergeExplanation: null });
    expect(row.updatedAt).not.toBe(current.updatedAt);
  });
});
