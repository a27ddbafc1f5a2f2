import { describe, expect, it } from "vitest";
import { normalizeRecords } from "../normalize/normalize-record";
import { mergeNormalizedRecords } from "./merge-normalized-records";

describe("mergeNormalizedRecords", () => {
  it("unions identifiers and drops an initial that a full name covers", () => {
    const [a, b, c] = normalizeRecords([
      { id: "a", names: ["K. Stenwood"], emails: ["k@stenwood.io"], phones: ["(415) 555-0123"] },
      { id: "b", names: ["Katherine Stenwood"], emails: ["kate@gmail.com"], linkedin: "kstenwood" },
      { id: "c", names: ["Katherine Stenwood"], organizationName: "Stenwood Labs", title: "Founder" },
    ]);
    const merged = mergeNormalizedRecords("cluster", [a!, b!, c!]);
    expect(merged.names.map((name) => name.key)).toEqual(["katherine stenwood"]);
    expect(merged.emails).toEqual(["k@stenwood.io", "kate@gmail.com"]);
    expect(merged).toMatchObject({ id: "cluster", personalEmails: 1, phones: ["+14155550123"], linkedin: "kstenwood", title: ["founder"] });
    expect(merged.organizationLabels).toEqual(expect.arrayContaining(["stenwood", "stenwoodlabs"]));
    expect(mergeNormalizedRecords("x", [a!])).toBe(a);
  });
});
