import { describe, expect, it } from "vitest";
import { lookupInput, lookupProblem } from "./person-lookup";

describe("person lookups", () => {
  it("takes an email address or a person id as typed, and asks for a pick for anything else", () => {
    expect(lookupProblem("dana@stripe.com")).toBeNull();
    expect(lookupProblem(" 3f2b1c9e-8a7d-4e6f-9b0a-1c2d3e4f5a6b ")).toBeNull();
    expect(lookupProblem("Dana Smith")).toMatch(/^“Dana Smith” is not an email address or a person id: type part of their name and pick them/);
    expect(lookupProblem("3f2b1c9e")).not.toBeNull();
    expect(lookupInput("dana@stripe.com")).toEqual({ email: "dana@stripe.com" });
    expect(lookupInput("3f2b1c9e-8a7d-4e6f-9b0a-1c2d3e4f5a6b")).toEqual({ personId: "3f2b1c9e-8a7d-4e6f-9b0a-1c2d3e4f5a6b" });
  });
});
