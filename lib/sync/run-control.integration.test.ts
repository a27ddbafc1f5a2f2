// queueUploadedImport on a real PostgreSQL and job queue: an export uploaded for another team member is
// queued as theirs (their addresses become the run's owner addresses), and a member without an account is
// refused before any run exists.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { createPerson } from "../testing/factories";
import { resetDatabase } from "../testing/reset-database";
import { queueUploadedImport } from "./run-control";

beforeEach(resetDatabase);

const scratch = mkdtempSync(join(tmpdir(), "wig-run-control-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function upload(): { filePath: string; fileName: string; fileBytes: number } {
  const filePath = join(scratch, `upload-${Math.random().toString(36).slice(2)}`);
  writeFileSync(filePath, "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n");
  return { filePath, fileName: "Connections.csv", fileBytes: 70 };
}

describe("queueUploadedImport", () => {
  it("queues another member's export as theirs: their sign-in address first, then their person's", async () => {
    const admin = await prisma.user.create({ data: { email: "amara@kestrel.example", role: "admin" } });
    const person = await createPerson(prisma, { names: ["Daniel Reyes"], emails: ["daniel@kestrel.example", "d.reyes@gmail.com"] });
    const daniel = await prisma.user.create({ data: { email: "Daniel@Kestrel.example", personId: person.id } });

    const queued = await queueUploadedImport(prisma, { sourceName: "linkedin", ...upload(), startedById: admin.id, ownerUserId: daniel.id });
    const run = await prisma.syncRun.findUniqueOrThrow({ where: { id: queued.runId } });
    expect(run.startedById).toBe(admin.id);
    expect(run.options).toMatchObject({ ownerEmails: ["daniel@kestrel.example", "d.reyes@gmail.com"] });

    // Without an owner the run names none, and the import falls back to the uploader (import-batches.ts).
    const own = await queueUploadedImport(prisma, { sourceName: "linkedin", ...upload(), startedById: admin.id });
    expect((await prisma.syncRun.findUniqueOrThrow({ where: { id: own.runId } })).options).not.toHaveProperty("ownerEmails");
  });

  it("refuses an owner without an account, creating no run", async () => {
    const admin = await prisma.user.create({ data: { email: "amara@kestrel.example", role: "admin" } });
    await expect(
      queueUploadedImport(prisma, { sourceName: "linkedin", ...upload(), startedById: admin.id, ownerUserId: "3e0c2b7a-1f4d-4a8e-9b6c-2d5f8a1e7c90" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/no account any more/) });
    expect(await prisma.syncRun.count()).toBe(0);
  });
});
