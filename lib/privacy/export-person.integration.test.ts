// Export (issue 7, item 4): the streamed document is valid JSON holding the profile, identities by source,
// edges with factors, every interaction (across several keyset pages), merges and audit entries; a
// soft-deleted person exports; an erased or unknown person is NOT_FOUND with a clear message and no audit row.
import { beforeEach, describe, expect, it } from "vitest";
import { runInOperation } from "../audit/correlation";
import { prisma } from "../db";
import { connect, createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import { erasePerson } from "./erase-person";
import { exportPersonToString, findPersonIdByEmail, prepareExport } from "./export-person";

beforeEach(resetDatabase);

describe("person export", () => {
  it("streams everything held on the person as one JSON document", async () => {
    const dana = await createPerson(prisma, { names: ["Dana Smith"], emails: ["dana@stripe.example"], phones: ["+14155550100"] });
    const other = await createPerson(prisma, { names: ["Marcus Okafor"], emails: ["marcus@example.org"] });
    const third = await createPerson(prisma, { names: ["Third Person"], emails: ["third@example.org"] });
    await prisma.person.update({ where: { id: dana.id }, data: { socialHandles: { slack: "U01DANA" } } });
    await connect(prisma, dana, other, { strength: 0.7 });
    await prisma.personIdentity.createMany({
      data: [
        { personId: dana.id, sourceName: "gmail", sourceId: "dana@stripe.example" },
        { personId: dana.id, sourceName: "slack", sourceId: "slack:U01DANA" },
      ],
    });
    // 1,203 interactions: three keyset pages, one of them with a group.
    await prisma.interaction.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({
        sourceName: "gmail",
        sourceId: `m${i}`,
        timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        participants: i === 7 ? ["slack:U01DANA", "marcus@example.org", "third@example.org"] : ["dana@stripe.example", "marcus@example.org"],
        channel: "email",
      })),
    });
    await prisma.interaction.create({ data: { sourceName: "gmail", sourceId: "unrelated", timestamp: new Date(), participants: ["marcus@example.org", "third@example.org"], channel: "email" } });
    await prisma.merge.create({ data: { survivorId: dana.id, mergedId: third.id, method: "manual", explanation: "test", snapshot: { a: 1 }, correlationId: "test-op-merge0001" } });

    const prepared = await runInOperation({ correlationId: "test-op-export001", actorId: null }, () => prepareExport(prisma, { personId: dana.id }));
    expect(prepared.fileName).toBe(`wig-export-dana-smith-${dana.id.slice(0, 8)}.json`);
    const document = JSON.parse(await exportPersonToString(prisma, dana.id));

    expect(document).toMatchObject({ format: "wig.person-export", version: 1 });
    expect(document.person).toMatchObject({ id: dana.id, names: ["Dana Smith"], emails: ["dana@stripe.example"], phones: ["+14155550100"], socialHandles: { slack: "U01DANA" } });
    expect(document.identitiesBySource).toEqual({
      gmail: [expect.objectContaining({ sourceId: "dana@stripe.example" })],
      slack: [expect.objectContaining({ sourceId: "slack:U01DANA" })],
    });
    expect(document.edges).toHaveLength(2);
    expect(document.edges[0]).toMatchObject({ otherPerson: { id: other.id, name: "Marcus Okafor" }, strength: 0.7 });
    expect(document.interactions).toHaveLength(1203);
    expect(new Set(document.interactions.map((row: { id: string }) => row.id)).size).toBe(1203);
    expect(document.interactions[7]).toMatchObject({ asParticipant: ["slack:U01DANA"], otherParticipantCount: 2 });
    // Other people's identifiers are not disclosed.
    expect(JSON.stringify(document.interactions)).not.toContain("marcus@example.org");
    expect(document.merges).toHaveLength(1);
    expect(document.auditEntries.map((row: { action: string }) => row.action)).toEqual(["person.exported"]);
    expect((await prisma.auditLog.findFirstOrThrow({ where: { action: "person.exported" } })).correlationId).toBe("test-op-export001");
  });

  it("exports a soft-deleted person; refuses an erased or unknown one with a clear message and no audit row", async () => {
    const deleted = await createPerson(prisma, { names: ["Gone For Now"], emails: ["gone@example.com"], deleted: true });
    await prepareExport(prisma, { personId: deleted.id });
    expect(JSON.parse(await exportPersonToString(prisma, deleted.id)).person.names).toEqual(["Gone For Now"]);

    // Someone else's export lists the edge to them, but no longer their name.
    const friend = await createPerson(prisma, { names: ["Still Here"] });
    await connect(prisma, friend, deleted, { strength: 0.4 });
    const edges = JSON.parse(await exportPersonToString(prisma, friend.id)).edges;
    expect(edges.map((edge: { otherPerson: unknown }) => edge.otherPerson)).toEqual([
      { id: deleted.id, name: null, deleted: true },
      { id: deleted.id, name: null, deleted: true },
    ]);

    const erased = await createPerson(prisma, { names: ["Erased Person"] });
    await erasePerson(prisma, { personId: erased.id, confirm: "ERASE" });
    const before = await prisma.auditLog.count();
    await expect(prepareExport(prisma, { personId: erased.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/erased/) });
    await expect(prepareExport(prisma, { personId: "00000000-0000-4000-8000-000000000404" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma.auditLog.count()).toBe(before);
  });

  it("finds a person by email for the command line", async () => {
    const person = await createPerson(prisma, { emails: ["cli@example.com"] });
    expect(await findPersonIdByEmail(prisma, "CLI@example.com ")).toBe(person.id);
    await expect(findPersonIdByEmail(prisma, "nobody@example.com")).rejects.toMatchObject({ code: "NOT_FOUND", message: "No person has the email address nobody@example.com." });
  });
});
