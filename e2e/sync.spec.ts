// The admin sync dashboard (/admin/sync) end to end, with the job worker running beside `next start`
// (playwright.config.ts): upload a LinkedIn Connections.csv, watch the run complete without reloading,
// find the new people in search, sync it again; LinkedIn's whole export zip is recognised and imported; a member is kept out; an mbox uploaded as LinkedIn fails
// with a message a person can act on; the upload limit holds before and during the upload.
// Each test's file carries a unique token (names, URLs, companies), so its people are its own to delete.
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import type { Page } from "@playwright/test";
import type { Db } from "../lib/db/client";
import { writeZip } from "../lib/sources/testing/write-zip";
import { uniqueToken } from "./fixtures/seed";
import { expect, test } from "./fixtures/test";
import { E2E_UPLOAD_MAX_BYTES, e2eBaseUrl } from "./support/settings";

const CONNECTIONS = readFileSync(new URL("./fixtures/files/linkedin-connections.csv", import.meta.url), "utf8");
const MBOX = readFileSync(new URL("./fixtures/files/gmail-takeout.mbox", import.meta.url));
const baseURL = e2eBaseUrl();
const MB = 1024 * 1024;

function connectionsCsv(token: string): Buffer {
  return Buffer.from(CONNECTIONS.replaceAll("{{token}}", token), "utf8");
}

/** Deletes what an import of this test's files created: people and organizations carrying the token, and the runs its admins started. */
async function cleanupImport(db: Db, token: string, startedBy: string[]): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "Person" WHERE array_to_string(names, ' ') LIKE $1 OR array_to_string(emails, ' ') LIKE $1`, `%${token}%`);
  await db.$executeRawUnsafe(`DELETE FROM "Organization" WHERE name LIKE $1 OR domain LIKE $1`, `%${token}%`);
  await db.$executeRawUnsafe(`DELETE FROM "Interaction" WHERE "sourceId" LIKE $1 OR array_to_string(participants, ' ') LIKE $1`, `%${token}%`);
  if (startedBy.length > 0) {
    // The owner node the pipeline resolves from the uploading admin's email.
    const admins = await db.user.findMany({ where: { id: { in: startedBy } }, select: { email: true } });
    for (const { email } of admins) await db.person.deleteMany({ where: { emails: { has: email.toLowerCase() } } });
    await waitUntilIdle(db, startedBy);
    await db.syncRun.deleteMany({ where: { startedById: { in: startedBy } } });
  }
}

/** Waits until no run these users started is queued or running (so cleanup never pulls a run from under the worker). */
async function waitUntilIdle(db: Db, startedBy: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const active = await db.syncRun.count({ where: { startedById: { in: startedBy }, status: { in: ["queued", "running"] } } });
    if (active === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function runRow(page: Page, fileName: string) {
  return page.getByRole("row", { name: new RegExp(`run ${fileName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) });
}

test.describe("importing from the dashboard", () => {
  // Both tests change the LinkedIn source's state: one after the other.
  test.describe.configure({ mode: "serial" });

  test("an admin uploads a LinkedIn export, watches it complete, and finds the new people", async ({ asAdmin: page, admin, db }) => {
    test.setTimeout(90_000);
    const token = uniqueToken();
    const fileName = `Connections-${token}.csv`;
    try {
      await page.goto("/admin/sync");
      await expect(page.getByRole("heading", { level: 1, name: "Sync" })).toBeVisible();

      await page.getByRole("combobox", { name: "Source" }).selectOption("linkedin");
      await page.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: "text/csv", buffer: connectionsCsv(token) });
      await expect(page.getByTestId("sync-dropzone")).toContainText(fileName);
      await page.getByRole("button", { name: "Upload and import" }).click();

      // The history follows the run to its end without a reload: queued/running, then success.
      const row = runRow(page, fileName);
      await expect(row).toBeVisible();
      await expect(row.getByText("Success", { exact: true })).toBeVisible({ timeout: 45_000 });
      await expect(row).toContainText(admin.name);
      // The upload card says how the import it queued went.
      await expect(page.getByRole("status").filter({ hasText: `Imported ${fileName} as LinkedIn: 3 rows read` })).toBeVisible();
      // Three people read and created; the row blank except for its date is skipped and listed with its row number.
      const run = await db.syncRun.findFirstOrThrow({ where: { fileName }, orderBy: { startedAt: "desc" } });
      expect(run).toMatchObject({ status: "success", startedById: admin.id });
      expect(run.created).toBeGreaterThanOrEqual(3);
      expect(Number(run.fileBytes)).toBe(connectionsCsv(token).length);
      await expect(page.getByRole("progressbar", { name: `Progress of the LinkedIn import of ${fileName}` })).toHaveCount(0);
      await expect(page.getByRole("row", { name: "LinkedIn source" }).getByText("Healthy")).toBeVisible();
      await page.screenshot({ path: test.info().outputPath("sync-dashboard.png"), fullPage: true });

      // The new people are in the app: search finds them, and the profile opens.
      await page.goto(`/?q=${encodeURIComponent(`Vasquez-${token}`)}`);
      const hit = page.getByRole("link", { name: `Ines Vasquez-${token}` });
      await expect(hit).toBeVisible();
      await page.goto(`/?q=${encodeURIComponent(`Mensah-${token}`)}`);
      await page.getByRole("link", { name: `Kofi Mensah-${token}` }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Kofi Mensah-${token}` })).toBeVisible();
      await expect(page.getByText(`kofi.mensah@${token}.example.org`).first()).toBeVisible();

      // "Sync again" queues the same file once more; re-importing it creates no one new.
      await page.goto("/admin/sync");
      await runRow(page, fileName).getByRole("button", { name: `Sync again: the LinkedIn run of ${fileName}` }).click();
      await expect(page.getByRole("status").filter({ hasText: "Queued: the import runs again" })).toBeVisible();
      await expect(runRow(page, fileName)).toHaveCount(2);
      await expect(runRow(page, fileName).first().getByText("Success", { exact: true })).toBeVisible({ timeout: 45_000 });
      const again = await db.syncRun.findFirstOrThrow({ where: { fileName }, orderBy: { startedAt: "desc" } });
      expect(again.id).not.toBe(run.id);
      expect(again.status).toBe("success");
      expect(await db.personIdentity.count({ where: { sourceName: "linkedin", sourceId: { contains: token } } })).toBe(3);

      // The history narrows to one source from the Sources table.
      await page.getByRole("link", { name: "LinkedIn runs only" }).click();
      await expect(page.getByRole("heading", { name: "Run history: LinkedIn" })).toBeVisible();
      await expect(runRow(page, fileName)).toHaveCount(2);
    } finally {
      await cleanupImport(db, token, [admin.id]);
    }
  });

  test("an admin drops LinkedIn's whole data export zip: the source is guessed and its Connections.csv imported", async ({ asAdmin: page, admin, db }) => {
    test.setTimeout(90_000);
    const token = uniqueToken();
    const fileName = `Basic_LinkedInDataExport_${token}.zip`;
    // As LinkedIn sends it: the two files WIG reads among others, not first in the archive.
    const zip = writeZip([
      { name: "Ad_Targeting.csv", data: Buffer.from("Member Age,Company Names\n25 to 34,Stripe\n") },
      { name: "Profile.csv", data: Buffer.from("First Name,Last Name,Headline\nAmara,Okafor,Partner\n") },
      { name: "Connections.csv", data: connectionsCsv(token) },
    ]);
    try {
      await page.goto("/admin/sync");
      await page.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: "application/zip", buffer: zip });
      await expect(page.getByTestId("sync-dropzone")).toContainText(fileName);
      await expect(page.getByRole("combobox", { name: "Source" })).toHaveValue("linkedin");
      await page.getByRole("button", { name: "Upload and import" }).click();

      const row = runRow(page, fileName);
      await expect(row.getByText("Success", { exact: true })).toBeVisible({ timeout: 45_000 });
      await expect(page.getByRole("status").filter({ hasText: `Imported ${fileName} as LinkedIn: 3 rows read` })).toBeVisible();
      expect(await db.personIdentity.count({ where: { sourceName: "linkedin", sourceId: { contains: token } } })).toBe(3);
      await page.goto(`/?q=${encodeURIComponent(`Mensah-${token}`)}`);
      await expect(page.getByRole("link", { name: `Kofi Mensah-${token}` })).toBeVisible();
    } finally {
      await cleanupImport(db, token, [admin.id]);
    }
  });

  test("an admin imports a member's LinkedIn export as the member's, so the connections are the member's ties", async ({ asAdmin: page, admin, users, seed, db }) => {
    test.setTimeout(90_000);
    const token = uniqueToken();
    const fileName = `Connections-${token}.csv`;
    const person = await seed.person({ names: [`Rosa Okonjo-${token}`] });
    const member = await users.create({ role: "member", email: person.emails[0] });
    try {
      await page.goto("/admin/sync");
      await page.getByRole("combobox", { name: "Source" }).selectOption("linkedin");
      const owner = page.getByRole("combobox", { name: "Whose export is this?" });
      await expect(owner.getByRole("option", { name: `Rosa Okonjo-${token} · ${member.email}` })).toHaveCount(1);
      await owner.selectOption(member.id);
      await page.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: "text/csv", buffer: connectionsCsv(token) });
      await page.getByRole("button", { name: "Upload and import" }).click();
      await expect(runRow(page, fileName).getByText("Success", { exact: true })).toBeVisible({ timeout: 45_000 });

      // The three connections hang off the member's own node; the uploading admin gets none (and no node).
      const edges = await db.edge.findMany({ where: { fromPersonId: person.id }, include: { toPerson: { select: { names: true } } } });
      expect(edges).toHaveLength(3);
      for (const edge of edges) expect(edge.toPerson.names.join(" ")).toContain(token);
      expect(await db.person.count({ where: { emails: { has: admin.email.toLowerCase() } } })).toBe(0);
      const run = await db.syncRun.findFirstOrThrow({ where: { fileName } });
      expect(run).toMatchObject({ status: "success", startedById: admin.id, options: { ownerEmails: [member.email.toLowerCase()] } });
    } finally {
      await cleanupImport(db, token, [admin.id]);
    }
  });

  test("an mbox dropped onto the LinkedIn import fails with a message saying what to do", async ({ asAdmin: page, admin, db }) => {
    test.setTimeout(90_000);
    const token = uniqueToken();
    const fileName = `All mail-${token}.mbox`;
    try {
      await page.goto("/admin/sync");
      // Chosen first: the dashboard would otherwise suggest Gmail for a .mbox file.
      await page.getByRole("combobox", { name: "Source" }).selectOption("linkedin");
      const dataTransfer = await page.evaluateHandle(
        ({ text, name }) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([text], name, { type: "application/mbox" }));
          return transfer;
        },
        { text: MBOX.toString("utf8"), name: fileName },
      );
      await page.getByTestId("sync-dropzone").dispatchEvent("drop", { dataTransfer });
      await expect(page.getByTestId("sync-dropzone")).toContainText(fileName);
      await expect(page.getByRole("combobox", { name: "Source" })).toHaveValue("linkedin");
      await page.getByRole("button", { name: "Upload and import" }).click();

      const row = runRow(page, fileName);
      await expect(row.getByText("Failed", { exact: true })).toBeVisible({ timeout: 45_000 });
      await expect(row).toContainText("This looks like an mbox file");
      await expect(page.getByRole("alert").filter({ hasText: `The import of ${fileName} failed: ` })).toContainText("This looks like an mbox file");
      await row.getByText("Show the full error").click();
      await expect(row.getByText(/Import it as the "gmail" source instead/).last()).toBeVisible();
      await page.screenshot({ path: test.info().outputPath("sync-failed-run.png"), fullPage: true });

      const linkedin = page.getByRole("row", { name: "LinkedIn source" });
      await expect(linkedin.getByText("Failed", { exact: true })).toBeVisible();
      await expect(linkedin).toContainText("This looks like an mbox file");
      // Nothing of the file was imported.
      expect(await db.person.count({ where: { emails: { has: "dana@stripe.example" } } })).toBe(0);
    } finally {
      await cleanupImport(db, token, [admin.id]);
    }
  });
});

test("a member can neither open the sync dashboard nor use its endpoints", async ({ asMember: page }) => {
  await page.goto("/admin/sync");
  await expect(page).toHaveURL((url) => url.pathname === "/" && url.searchParams.get("denied") === "admin");
  await expect(page.getByRole("heading", { name: "Import a file" })).toHaveCount(0);

  const status = await page.request.get("/api/sync/status");
  expect(status.status()).toBe(403);
  const upload = await page.request.post("/api/sync/uploads?source=linkedin&fileName=Connections.csv", {
    headers: { Origin: baseURL, "Content-Type": "application/octet-stream" },
    data: connectionsCsv(uniqueToken()),
  });
  expect(upload.status()).toBe(403);
  expect(await upload.json()).toMatchObject({ error: { code: "FORBIDDEN", status: 403 } });
});

test.describe("the upload limit", () => {
  test("an oversize file is refused in the browser before anything is sent", async ({ asAdmin: page }) => {
    test.setTimeout(60_000);
    const uploads: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/sync/uploads")) uploads.push(request.url());
    });
    await page.goto("/admin/sync");
    await expect(page.getByText(`Files up to ${E2E_UPLOAD_MAX_BYTES / MB} MB`)).toBeVisible();
    // Made in the page and dropped on the zone: cheaper than sending 17 MB through the test protocol.
    const dataTransfer = await page.evaluateHandle((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], "Connections.csv", { type: "text/csv" }));
      return transfer;
    }, E2E_UPLOAD_MAX_BYTES + MB);
    await page.getByTestId("sync-dropzone").dispatchEvent("drop", { dataTransfer });
    await expect(page.getByRole("alert").filter({ hasText: "over the upload limit" })).toHaveText(
      `This file is ${E2E_UPLOAD_MAX_BYTES / MB + 1} MB, which is over the upload limit of ${E2E_UPLOAD_MAX_BYTES / MB} MB. Split the export, or ask the operator to raise WIG_UPLOAD_MAX_BYTES.`,
    );
    await expect(page.getByRole("button", { name: "Upload and import" })).toBeDisabled();
    expect(uploads).toEqual([]);
  });

  test("the server enforces it while streaming, keeps large bodies whole, and refuses empty or foreign uploads", async ({ asAdmin: page, admin, db }) => {
    test.setTimeout(90_000);
    const token = uniqueToken();
    try {
      const post = (query: string, data: Buffer, headers: Record<string, string> = { Origin: baseURL }) =>
        page.request.post(`/api/sync/uploads?${query}`, { headers: { "Content-Type": "application/octet-stream", ...headers }, data });

      const tooLarge = await post(`source=linkedin&fileName=big-${token}.csv`, Buffer.alloc(E2E_UPLOAD_MAX_BYTES + 1, 0x41));
      expect(tooLarge.status()).toBe(413);
      expect(await tooLarge.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining(`over the upload limit of ${E2E_UPLOAD_MAX_BYTES / MB} MB`) } });

      const empty = await post(`source=linkedin&fileName=empty-${token}.csv`, Buffer.alloc(0));
      expect(empty.status()).toBe(400);
      expect((await empty.json()).error.message).toMatch(/^The file is empty/);

      const unknownSource = await post(`source=myspace&fileName=x-${token}.csv`, Buffer.from("a,b\r\n"));
      expect(unknownSource.status()).toBe(400);

      // The proxy's origin check still applies although the proxy does not see this route.
      const foreign = await post(`source=linkedin&fileName=x-${token}.csv`, Buffer.from("a,b\r\n"), { Origin: "http://evil.example" });
      expect(foreign.status()).toBe(403);

      // 12 MB: over the 10 MB Next keeps of bodies its proxy sees. It must arrive whole.
      const body = Buffer.alloc(12 * MB, 0x61);
      const accepted = await post(`source=linkedin&fileName=whole-${token}.csv`, body);
      expect(accepted.status()).toBe(202);
      const { runId } = (await accepted.json()) as { runId: string };
      const run = await db.syncRun.findUniqueOrThrow({ where: { id: runId } });
      expect(Number(run.fileBytes)).toBe(body.length);
      expect(run.startedById).toBe(admin.id);
      expect((await stat(run.filePath ?? "")).size).toBe(body.length);

      expect(await db.syncRun.count({ where: { fileName: { in: [`big-${token}.csv`, `empty-${token}.csv`, `x-${token}.csv`] } } })).toBe(0);
    } finally {
      await cleanupImport(db, token, [admin.id]);
    }
  });
});

test("a running import's progress bar moves, and the history updates when it ends, without a reload", async ({ asAdmin: page, admin, db }) => {
  test.setTimeout(60_000);
  const token = uniqueToken();
  const fileName = `All mail-${token}.mbox`;
  // A run as the worker leaves it mid-import (no job is queued, so no worker touches it).
  const run = await db.syncRun.create({
    data: {
      sourceName: "gmail",
      status: "running",
      startedById: admin.id,
      fileName,
      fileBytes: 400n * BigInt(MB),
      progressDone: 100n * BigInt(MB),
      progressTotal: 400n * BigInt(MB),
      progressUnit: "bytes",
      rowsRead: 1234,
      correlationId: `sync-e2e-${token}`,
    },
  });
  try {
    await page.goto("/admin/sync");
    const bar = page.getByRole("progressbar", { name: `Progress of the Gmail import of ${fileName}` });
    await expect(bar).toHaveAttribute("aria-valuenow", "25");
    await expect(bar).toHaveAttribute("aria-valuetext", "25% · 100 MB of 400 MB · 1,234 rows so far");
    let reloaded = false;
    page.on("load", () => {
      reloaded = true;
    });

    await db.syncRun.update({ where: { id: run.id }, data: { progressDone: 300n * BigInt(MB), rowsRead: 5678 } });
    await expect(bar).toHaveAttribute("aria-valuenow", "75");
    await expect(page.getByText("75% · 300 MB of 400 MB · 5,678 rows so far")).toBeVisible();

    // Cancel asks the worker to stop; the run shows it is cancelling until the worker ends it.
    await page.getByRole("button", { name: `Cancel the Gmail import of ${fileName}` }).click();
    await expect(runRow(page, fileName).getByText("Cancelling", { exact: true })).toBeVisible();
    expect((await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).cancelRequestedAt).not.toBeNull();

    await db.syncRun.update({ where: { id: run.id }, data: { status: "cancelled", finishedAt: new Date(), failed: 4444 } });
    await expect(runRow(page, fileName).getByText("Cancelled", { exact: true })).toBeVisible();
    // The rows the cancel rolled back are "not imported", not "failed".
    await expect(runRow(page, fileName).getByText("not imported", { exact: true })).toBeVisible();
    await expect(runRow(page, fileName).getByText("failed", { exact: true })).toHaveCount(0);
    await expect(bar).toHaveCount(0);
    expect(reloaded).toBe(false);
  } finally {
    await db.syncRun.deleteMany({ where: { id: run.id } });
  }
});
