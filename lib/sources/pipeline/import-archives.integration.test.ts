// Exports that arrive as archives, through the whole import pipeline on a real PostgreSQL: LinkedIn's data
// export (zip or folder) against its two files imported one after the other, a zip that is not LinkedIn's,
// and Google Takeout's zip against the plain .mbox.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { recomputeAllEdges } from "../../strength/recompute-all";
import { resetDatabase } from "../../testing/reset-database";
import { fixturePath } from "../testing/helpers";
import { writeZip, type ZipSource } from "../testing/write-zip";
import { importFile } from "./import-file";
import { dataCounts, dataRows, NOTHING, NOW, OWNER, scratchFolders } from "./testing/import-data";

beforeEach(resetDatabase);

const folders = scratchFolders();

describe("importFile of an archive", () => {
  it("imports LinkedIn's whole data export (zip or folder) as the two files would be imported one after the other", async () => {
    const scratch = folders.make();
    const sources: ZipSource[] = [
      { name: "Profile.csv", data: Buffer.from("First Name,Last Name,Headline\nAlex,Owner,Partner\n") },
      { name: "Connections.csv", data: readFileSync(fixturePath("linkedin-connections.csv")) },
      { name: "messages.csv", data: readFileSync(fixturePath("linkedin-messages.csv")) },
      { name: "Invitations.csv", data: Buffer.from("From,To,Sent At\n") },
    ];
    const zip = join(scratch, "Basic_LinkedInDataExport_09-30-2026.zip");
    writeFileSync(zip, writeZip(sources));
    const options = { db: prisma, sourceName: "linkedin", ownerEmails: [OWNER], now: NOW } as const;

    // What people, interactions and edges hold, with person ids replaced by names (ids differ between runs).
    // The edges are compared after the nightly full recompute: an import refreshes the mutual connections of
    // the pairs it touches only, so two imports leave the owner–Marcus count from before the messages (one
    // run counts Priya, whom both met in a group thread), until that recompute counts every pair.
    const projection = async () => {
      await recomputeAllEdges(prisma, { asOf: NOW });
      const rows = await dataRows();
      const nameOf = new Map(rows.people.map((person) => [person.id, person.names.join("|")]));
      return {
        people: rows.people.map((p) => `${p.names.join("|")} ${p.emails.join(",")} ${JSON.stringify(p.socialHandles)} ${p.title ?? ""}`).sort(),
        interactions: rows.interactions.map((i) => `${i.sourceName} ${i.sourceId} ${i.timestamp.toISOString()} ${i.channel} ${i.direction ?? ""} ${i.participants.join(",")}`).sort(),
        edges: rows.edges.map((e) => `${nameOf.get(e.fromPersonId)} → ${nameOf.get(e.toPersonId)} ${e.strength.toFixed(6)} ${e.interactionCount} ${e.channels.join(",")}`).sort(),
      };
    };

    const archive = await importFile({ ...options, path: zip });
    expect(archive).toMatchObject({ status: "success", error: null, format: "linkedin_archive", failed: 0 });
    expect(archive.issues).toContainEqual(expect.objectContaining({ code: "invalid_date", position: { row: 9, entry: "Connections.csv" } }));
    const fromArchive = await projection();
    // Both files arrived: the owner's connections and the conversations.
    expect(fromArchive.interactions.filter((line) => line.startsWith("linkedin linkedin-connection:"))).toHaveLength(7);
    expect(fromArchive.interactions.filter((line) => line.startsWith("linkedin linkedin-msg:"))).toHaveLength(3);
    // The owner's own profile in messages.csv is the owner (the one person in every conversation): their
    // conversation with Dana joins the connection on one edge, and no second "Alex Owner" appears.
    expect(await prisma.person.count({ where: { names: { has: "Alex Owner" } } })).toBe(0);
    const owner = await prisma.person.findFirstOrThrow({ where: { emails: { has: OWNER } } });
    const dana = await prisma.person.findFirstOrThrow({ where: { names: { has: "Dana Smith" } } });
    const ownerToDana = await prisma.edge.findFirstOrThrow({ where: { fromPersonId: owner.id, toPersonId: dana.id } });
    expect(ownerToDana.interactionCount).toBe(3);
    const again = await importFile({ ...options, path: zip, now: new Date("2026-10-02T00:00:00Z") });
    expect(again).toMatchObject({ status: "success", created: 0, updated: 0 });

    await resetDatabase();
    const connections = await importFile({ ...options, path: fixturePath("linkedin-connections.csv") });
    const messages = await importFile({ ...options, path: fixturePath("linkedin-messages.csv") });
    expect(await projection()).toEqual(fromArchive);
    expect(archive.rowsRead).toBe(connections.rowsRead + messages.rowsRead);

    // The unpacked folder is the same export.
    await resetDatabase();
    const folder = join(scratch, "Basic_LinkedInDataExport_09-30-2026");
    for (const source of sources) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, source.name), source.data);
    }
    expect(await importFile({ ...options, path: folder })).toMatchObject({ status: "success", format: "linkedin_archive" });
    expect(await projection()).toEqual(fromArchive);
  });

  it("refuses a zip that is not LinkedIn's export, uploaded as LinkedIn, saying what it lacks", async () => {
    const scratch = folders.make();
    const zip = join(scratch, "photos.zip");
    writeFileSync(zip, writeZip([{ name: "IMG_0001.jpg", data: Buffer.from([0xff, 0xd8, 0xff]) }]));
    const summary = await importFile({ db: prisma, sourceName: "linkedin", path: zip, ownerEmails: [OWNER], now: NOW });
    expect(summary).toMatchObject({ status: "failed" });
    expect(summary.error).toMatch(/neither Connections\.csv nor messages\.csv/);
    expect(await dataCounts()).toEqual(NOTHING);
  });

  it("imports Google Takeout's zip as its mailbox, finding the owner in it, as the plain .mbox would be", async () => {
    const scratch = folders.make();
    const zip = join(scratch, "takeout-20261001T000000Z-001.zip");
    writeFileSync(
      zip,
      writeZip([
        { name: "Takeout/archive_browser.html", data: Buffer.from("<html></html>") },
        { name: "Takeout/Mail/All mail Including Spam and Trash.mbox", data: readFileSync(fixturePath("gmail-takeout.mbox")) },
      ]),
    );
    const interactionsNow = async () =>
      (await prisma.interaction.findMany({ orderBy: { sourceId: "asc" } })).map((i) => `${i.sourceId} ${i.timestamp.toISOString()} ${i.direction ?? ""} ${i.participants.join(",")}`);
    // No owner given: both infer it from the mailbox.
    const zipped = await importFile({ db: prisma, sourceName: "gmail", path: zip, now: NOW });
    expect(zipped).toMatchObject({ status: "success", error: null, format: "mbox", failed: 0 });
    expect(zipped.interactions.created).toBe(4);
    const fromZip = await interactionsNow();
    expect(fromZip.some((line) => line.includes(OWNER))).toBe(true);

    await resetDatabase();
    const plain = await importFile({ db: prisma, sourceName: "gmail", path: fixturePath("gmail-takeout.mbox"), now: NOW });
    expect(await interactionsNow()).toEqual(fromZip);
    expect(zipped.rowsRead).toBe(plain.rowsRead);
    expect(zipped.filtered).toEqual(plain.filtered);
  });

});
