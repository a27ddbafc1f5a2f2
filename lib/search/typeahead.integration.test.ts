// The typeahead against a real PostgreSQL with the trigram indexes: ranking (exact, prefix, then
// similarity), organizations by name and domain, LIKE wildcards taken literally, soft-deleted and erased
// records never returned, and the queries served by the trigram indexes.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db";
import { createOrganization, createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import { searchOrganizationsTypeahead, searchPeopleTypeahead, searchTypeahead } from "./typeahead";

beforeEach(async () => {
  await resetDatabase();
});

describe("searchPeopleTypeahead", () => {
  it("ranks an exact email first, then name prefixes, then substrings", async () => {
    const token = `tq${randomUUID().slice(0, 6)}`;
    const inside = await createPerson(prisma, { names: [`Mara ${token}son`], emails: [`mara.${token}@example.com`] });
    const prefix = await createPerson(prisma, { names: [`${token} Ada`], emails: [`ada.x@example.com`] });
    const exact = await createPerson(prisma, { names: ["Someone Else"], emails: [token] });
    const hits = await searchPeopleTypeahead(prisma, token.toUpperCase(), 10);
    expect(hits.map((hit) => hit.id)).toEqual([exact.id, prefix.id, inside.id]);
  });

  it("matches any name variation or email, and never a soft-deleted or erased person", async () => {
    const token = `tq${randomUUID().slice(0, 6)}`;
    const visible = await createPerson(prisma, { names: ["Dana Visible", `D. ${token}`], emails: ["dana@example.com"] });
    const byEmail = await createPerson(prisma, { names: ["Eve"], emails: [`eve.${token}@stripe.example`] });
    await createPerson(prisma, { names: [`Deleted ${token}`], deleted: true });
    const erased = await createPerson(prisma, { names: [`Erased ${token}`] });
    await prisma.person.update({ where: { id: erased.id }, data: { erasedAt: new Date() } });
    const ids = (await searchPeopleTypeahead(prisma, token, 20)).map((hit) => hit.id).sort();
    expect(ids).toEqual([visible.id, byEmail.id].sort());
  });

  it("treats % and _ literally", async () => {
    const token = `tq${randomUUID().slice(0, 6)}`;
    const literal = await createPerson(prisma, { names: [`${token} 100% Real`] });
    await createPerson(prisma, { names: [`${token} 100 x Real`] });
    expect((await searchPeopleTypeahead(prisma, `${token} 100%`, 10)).map((hit) => hit.id)).toEqual([literal.id]);
    expect(await searchPeopleTypeahead(prisma, `${token}_`, 10)).toEqual([]);
  });
});

describe("searchOrganizationsTypeahead and searchTypeahead", () => {
  it("finds organizations by name or domain with their visible head count, exact matches leading", async () => {
    const token = `tq${randomUUID().slice(0, 6)}`;
    const org = await createOrganization(prisma, { name: `Stripe ${token}`, domain: `${token}.example` });
    await createOrganization(prisma, { name: `Deleted ${token}`, domain: `del-${token}.example` }).then((row) =>
      prisma.organization.update({ where: { id: row.id }, data: { deletedAt: new Date() } }),
    );
    await createPerson(prisma, { names: [`Pat ${token}`], organizationId: org.id });
    await createPerson(prisma, { names: ["Gone"], organizationId: org.id, deleted: true });

    const byDomain = await searchOrganizationsTypeahead(prisma, `${token}.example`, 5);
    expect(byDomain).toEqual([{ kind: "organization", id: org.id, name: org.name, domain: org.domain, people: 1 }]);
    const mixed = await searchTypeahead(prisma, `${token}.example`, 8);
    expect(mixed[0]).toMatchObject({ kind: "organization", id: org.id });
    const all = await searchTypeahead(prisma, token, 8);
    expect(all.map((hit) => hit.kind).sort()).toEqual(["organization", "person"]);
  });

  it("puts a company whose name starts with the query before the people who merely have an address there", async () => {
    const token = `tq${randomUUID().slice(0, 6)}`;
    const org = await createOrganization(prisma, { name: `${token}ridge Analytics`, domain: `${token}ridge.example` });
    for (const name of ["Ann Zed", "Bo Yuen", "Cy Xu"]) await createPerson(prisma, { names: [name], emails: [`${name.split(" ")[0]?.toLowerCase()}@${token}ridge.example`], organizationId: org.id });
    const named = await createPerson(prisma, { names: [`${token}`], emails: [`x@${token}.example`] });

    const hits = await searchTypeahead(prisma, token, 8);
    // The person the query names exactly, then the company, then its people.
    expect(hits.map((hit) => hit.id).slice(0, 2)).toEqual([named.id, org.id]);
    expect(hits.slice(2).map((hit) => hit.kind)).toEqual(["person", "person", "person"]);
    const byCompany = await searchTypeahead(prisma, `${token}ridge`, 8);
    expect(byCompany[0]).toMatchObject({ kind: "organization", id: org.id });
  });

  it("uses the trigram indexes for substring queries", async () => {
    // Enough rows for the planner to prefer an index at all; the 100k-row figure is scripts/bench/search-typeahead.ts.
    await prisma.person.createMany({ data: Array.from({ length: 2000 }, (_, i) => ({ names: [`Filler ${i} ${randomUUID()}`], emails: [`f${i}@example.com`] })) });
    await prisma.organization.createMany({ data: Array.from({ length: 2000 }, (_, i) => ({ name: `Filler Org ${i}`, domain: `f${i}-${randomUUID().slice(0, 8)}.example` })) });
    await prisma.$executeRawUnsafe(`ANALYZE "Person"`);
    await prisma.$executeRawUnsafe(`ANALYZE "Organization"`);
    // The plain deletedAt indexes compete on a table this small; dropping them inside a rolled-back
    // transaction leaves the planner to show whether the trigram index matches the query's expression.
    const explain = async (table: string, sql: string) => {
      let plan = "";
      await prisma
        .$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`DROP INDEX "${table}_deletedAt_idx"`);
          await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
          const rows = await tx.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(`EXPLAIN ${sql}`);
          plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
          throw new Error("rollback");
        })
        .catch((error: unknown) => {
          if (!(error instanceof Error && error.message === "rollback")) throw error;
        });
      return plan;
    };
    expect(await explain("Person", `SELECT id FROM "Person" p WHERE p."deletedAt" IS NULL AND p."erasedAt" IS NULL AND wig_person_search_text(p."names", p."emails") ~ '(^|[ .@_+-])dana'`)).toContain(
      "Person_search_trgm_idx",
    );
    expect(await explain("Organization", `SELECT id FROM "Organization" o WHERE o."deletedAt" IS NULL AND wig_organization_search_text(o."name", o."domain") LIKE '%stripe%'`)).toContain(
      "Organization_search_trgm_idx",
    );
  });
});
