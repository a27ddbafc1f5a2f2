import { describe, expect, it } from "vitest";
import { SuppressionSet, suppressionHash, suppressionKeysFor } from "./suppression-keys";

const secret = "test-secret-test-secret-test-secret-!";

describe("suppression keys", () => {
  it("hashes the normalized identifier, so spelling variants collide", () => {
    const a = suppressionKeysFor({ emails: ["Dana.Smith@Stripe.com "] }, { secret });
    const b = suppressionKeysFor({ emails: ["dana.smith@stripe.com"] }, { secret });
    expect(a).toEqual(b);
    expect(a[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a[0]?.hash).not.toContain("dana");
  });

  it("depends on the secret and on the kind", () => {
    expect(suppressionHash("email", "a@b.co", secret)).not.toBe(suppressionHash("email", "a@b.co", `${secret}x`));
    expect(suppressionHash("email", "x", secret)).not.toBe(suppressionHash("handle", "x", secret));
  });

  it("matches a record when any identifier is listed", () => {
    const keys = suppressionKeysFor({ phones: ["+1 415 555 2671"], linkedinUrls: ["https://www.linkedin.com/in/Dana-Smith/"] }, { secret });
    const set = new SuppressionSet(new Set(keys.map((key) => key.hash)), { secret });
    expect(set.matches({ emails: ["other@x.io"], linkedinUrls: ["linkedin.com/in/dana-smith"] })).toBe(true);
    expect(set.matches({ phones: ["(415) 555-2671"] })).toBe(true);
    expect(set.matches({ emails: ["other@x.io"] })).toBe(false);
    expect(new SuppressionSet(new Set()).matches({ emails: ["a@b.co"] })).toBe(false);
  });
});
