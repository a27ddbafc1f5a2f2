// The people directory's search (the home page's "Browse people"): a page of hits plus how many match in
// all, so the screen can say when it shows only the first ones. Soft-deleted people count nowhere.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db";
import { createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import { searchPeople, searchPeopleWithTotal } from "./queries";

beforeEach(async () => {
  await resetDatabase();
});

describe("searchPeopleWithTotal", () => {
  it("returns the first hits and the number of every visible match", async () => {
    const token = `Zq${randomUUID().slice(0, 8)}`;
    for (let index = 0; index < 5; index += 1) await createPerson(prisma, { name: `${token} Person ${index}` });
    await createPerson(prisma, { name: `${token} Deleted`, deleted: true });
    await createPerson(prisma, { name: "Someone Else" });

    const page = await searchPeopleWithTotal(token, 3);
    expect(page.hits).toHaveLength(3);
    expect(page.total).toBe(5);
    expect(page.hits[0]).not.toHaveProperty("total");
    expect(await searchPeople(token, 3)).toEqual(page.hits);

    expect((await searchPeopleWithTotal(token, 20)).total).toBe(5);
    expect(await searchPeopleWithTotal(`${token}-nobody`, 3)).toEqual({ hits: [], total: 0 });
  });
});
