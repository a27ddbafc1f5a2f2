import { describe, expect, it } from "vitest";
import { scorePair } from "./score-pair";

describe("scorePair", () => {
  it("scores and explains one pair outside a run", () => {
    const score = scorePair(
      { id: "a", names: ["Jane Doe"], emails: ["jane.doe@acme.com"] },
      { id: "b", names: ["Doe, Jane"], emails: ["Jane.Doe@ACME.com"], linkedin: "jane-doe" },
      { recordCount: 10_000 },
    );
    expect(score.strongIdentifier).toBe("email");
    expect(score.explanation.probability).toBeGreaterThan(0.99);
  });

  it("finds strong evidence against two different LinkedIn profiles", () => {
    const score = scorePair(
      { id: "a", names: ["Jane Doe"], linkedin: "jane-doe" },
      { id: "b", names: ["Jane Doe"], linkedin: "jane-doe-2" },
      { recordCount: 10_000 },
    );
    expect(score.strongIdentifier).toBeNull();
    expect(score.explanation.contributions.find((contribution) => contribution.comparison === "linkedin")?.weight).toBeLessThan(-8);
    expect(score.explanation.probability).toBeLessThan(0.5);
  });
});
