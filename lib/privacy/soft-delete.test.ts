// Input rules of soft delete / restore and the merge marker that blocks a restore; no database needed.
import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import type { Db } from "../db/client";
import { findPersonToDelete, mergedIntoOf, restorePerson, softDeletePerson, ZFindPersonToDeleteInput } from "./soft-delete";

// Validation happens before any query: a client that is touched fails the test.
const untouchable = new Proxy({}, { get: () => { throw new Error("the database must not be touched"); } }) as unknown as Db;

describe("mergedIntoOf", () => {
  it("reads metadata.mergedInto only when it is a non-empty string", () => {
    expect(mergedIntoOf({ mergedInto: "abc", other: 1 })).toBe("abc");
    expect(mergedIntoOf({ mergedInto: "" })).toBeNull();
    expect(mergedIntoOf({ mergedInto: 12 })).toBeNull();
    expect(mergedIntoOf(["mergedInto"])).toBeNull();
    expect(mergedIntoOf(null)).toBeNull();
  });
});

describe("ZFindPersonToDeleteInput", () => {
  it("takes exactly one of a person id or an email, normalizing the email", () => {
    expect(ZFindPersonToDeleteInput.parse({ email: "  Ada@Example.COM " })).toEqual({ email: "ada@example.com" });
    expect(ZFindPersonToDeleteInput.safeParse({ personId: "00000000-0000-4000-8000-000000000001" }).success).toBe(true);
    expect(ZFindPersonToDeleteInput.safeParse({}).success).toBe(false);
    expect(ZFindPersonToDeleteInput.safeParse({ personId: "00000000-0000-4000-8000-000000000001", email: "a@b.co" }).success).toBe(false);
    expect(ZFindPersonToDeleteInput.safeParse({ personId: "nope" }).success).toBe(false);
  });
});

describe("bad input is refused before the database", () => {
  it.each([
    ["softDeletePerson", () => softDeletePerson(untouchable, { personId: "nope" })],
    ["softDeletePerson with an oversized reason", () => softDeletePerson(untouchable, { personId: "00000000-0000-4000-8000-000000000001", reason: "x".repeat(2_001) })],
    ["restorePerson", () => restorePerson(untouchable, { personId: "" })],
    ["findPersonToDelete", () => findPersonToDelete(untouchable, { email: "not-an-email" })],
  ])("%s answers BAD_REQUEST", async (_name, run) => {
    const error = await run().then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_REQUEST");
  });
});
