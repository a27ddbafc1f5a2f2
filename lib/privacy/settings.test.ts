import { describe, expect, it } from "vitest";
import { DEFAULT_PRIVACY_SETTINGS, ZPrivacySettingsInput } from "./settings";

describe("privacy settings input", () => {
  it("accepts the defaults and the limits of each range", () => {
    expect(ZPrivacySettingsInput.parse(DEFAULT_PRIVACY_SETTINGS)).toEqual(DEFAULT_PRIVACY_SETTINGS);
    const edges = { softDeletedPurgeDays: 3650, interactionRetentionMonths: 1, auditRetentionMonths: 600, storeSubjects: true };
    expect(ZPrivacySettingsInput.parse(edges)).toEqual(edges);
  });

  it("refuses out-of-range and fractional values, naming the allowed range", () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ softDeletedPurgeDays: 0 }, "from 1 to 3650 days"],
      [{ softDeletedPurgeDays: 2.5 }, "from 1 to 3650 days"],
      [{ interactionRetentionMonths: 601 }, "from 1 to 600 months"],
      [{ auditRetentionMonths: -1 }, "from 1 to 600 months"],
    ];
    for (const [change, range] of cases) {
      const result = ZPrivacySettingsInput.safeParse({ ...DEFAULT_PRIVACY_SETTINGS, ...change });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toContain(range);
    }
  });
});
