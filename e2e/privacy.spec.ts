// Privacy (issue 7) in the browser: delete → gone from search and the graph → restore; erase with the typed
// confirmation → gone for good, with the identifiers on the suppression list, and an upload of a contact file
// naming them (through /admin/sync's endpoint and the worker) brings nobody back and counts them as
// suppressed (lib/privacy/erasure-scan.integration.test.ts re-imports all seven source formats); export downloads valid JSON matching the person;
// members cannot export (403); out-of-range retention settings are refused with the range shown; a member's
// blocklist hides their relationship from the graph for everyone.
import { readFile } from "node:fs/promises";
import { suppressionKeysFor } from "../lib/privacy/suppression-keys";
import { signInThroughApi } from "./fixtures/auth";
import { E2E_AUTH_SECRET } from "./support/settings";
import { expect, test } from "./fixtures/test";

// Each test walks several screens and server actions; on a loaded 2-core machine 30 s is too tight.
test.describe.configure({ timeout: 120_000 });

test("delete hides a person from search and the graph, restore brings them back", async ({ asAdmin: page, seed }) => {
  const name = seed.name("Deletable");
  const email = seed.email("deletable");
  const person = await seed.person({ names: [name], emails: [email] });
  const neighbour = await seed.person({ names: [seed.name("Neighbour")] });
  await seed.edge(person, neighbour, { strength: 0.8 });
  const inGraph = async () => {
    const response = await page.request.get(`/api/graph/ego?person=${neighbour.id}`);
    expect(response.status()).toBe(200);
    const graph = (await response.json()) as { nodes: Array<{ id: string }> };
    return graph.nodes.some((node) => node.id === person.id);
  };
  const inSearch = async () => {
    await page.goto(`/?q=${encodeURIComponent(name)}`);
    return (await page.locator(`a[href="/people/${person.id}"]`).count()) > 0;
  };
  expect(await inSearch()).toBe(true);
  expect(await inGraph()).toBe(true);

  await page.goto("/admin/privacy");
  const form = page.getByRole("form", { name: "Delete a person" });
  // A bare name cannot name one person: the field asks for a pick from the suggestions instead.
  const field = form.getByLabel("Person (name, email or id)");
  await field.fill("nobody in particular");
  await form.getByRole("button", { name: "Find person" }).click();
  await expect(form.getByRole("alert")).toContainText("pick them from the suggestions");
  // Picking the person from the suggestions finds them (finding changes nothing).
  await field.fill(name);
  await form.getByRole("option").filter({ hasText: email }).click();
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "The person is deleted" })).toBeVisible();

  expect(await inSearch()).toBe(false);
  expect(await inGraph()).toBe(false);
  expect((await page.goto(`/people/${person.id}`))?.status()).toBe(404);

  await page.goto("/admin/privacy");
  await page.getByRole("button", { name: `Restore ${name}` }).click();
  // The refreshed list no longer holds the row; the confirmation stays, above the table.
  await expect(page.getByRole("button", { name: `Restore ${name}` })).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: `Restored ${name}.` })).toBeVisible();
  await expect.poll(async () => (await page.request.get(`/people/${person.id}`)).status(), { timeout: 30_000 }).toBe(200);
  expect(await inSearch()).toBe(true);
  expect(await inGraph()).toBe(true);
});

test("erase needs the typed confirmation, then the person is gone, suppressed, and not re-imported", async ({ asAdmin: page, db, seed }) => {
  const name = seed.name("Erasable");
  const email = seed.email("erasable");
  const person = await seed.person({ names: [name], emails: [email], phones: ["+14155550123"] });
  const keys = suppressionKeysFor({ emails: [email], phones: ["+14155550123"] }, { secret: E2E_AUTH_SECRET });
  try {
    await page.goto("/admin/privacy");
    const form = page.getByRole("form", { name: "Erase a person" });
    await form.getByLabel("Person (name, email or id)").fill(email);
    await form.getByRole("button", { name: "Find person to erase" }).click();

    const confirm = page.getByRole("button", { name: `Erase ${name}` });
    await expect(confirm).toBeDisabled();
    await page.getByLabel(/or ERASE to confirm/).fill("someone else");
    await expect(confirm).toBeDisabled();
    await page.getByLabel(/or ERASE to confirm/).fill(name);
    await confirm.click();
    await expect(page.getByRole("status").filter({ hasText: "Erased" })).toBeVisible();

    const row = await db.person.findUniqueOrThrow({ where: { id: person.id } });
    expect(row).toMatchObject({ names: [], emails: [], phones: [] });
    expect(row.erasedAt).not.toBeNull();
    expect(await db.suppressedIdentifier.count({ where: { hash: { in: keys.map((key) => key.hash) } } })).toBe(keys.length);

    await page.goto(`/?q=${encodeURIComponent(name)}`);
    await expect(page.locator(`a[href="/people/${person.id}"]`)).toHaveCount(0);
    expect((await page.goto(`/people/${person.id}`))?.status()).toBe(404);
    // Not even the privacy screen lists them, and an export says they were erased.
    await page.goto("/admin/privacy");
    await expect(page.getByText(name)).toHaveCount(0);
    const exported = await page.request.get(`/api/people/${person.id}/export`);
    expect(exported.status()).toBe(404);
    expect(((await exported.json()) as { error: { message: string } }).error.message).toMatch(/erased/);

    // Importing a contact file that names them again: the run succeeds, counts them as suppressed, and
    // nobody with their address comes back.
    const vcard = ["BEGIN:VCARD", "VERSION:3.0", `FN:${name}`, `EMAIL:${email}`, "TEL:+1 415 555 0123", "END:VCARD", ""].join("\r\n");
    const upload = await page.request.post("/api/sync/uploads?source=vcard&fileName=contacts.vcf", {
      headers: { Origin: new URL(page.url()).origin, "Content-Type": "application/octet-stream" },
      data: Buffer.from(vcard),
    });
    expect(upload.status()).toBe(202);
    const { runId } = (await upload.json()) as { runId: string };
    await expect
      .poll(async () => (await db.syncRun.findUniqueOrThrow({ where: { id: runId } })).status, { timeout: 60_000 })
      .toBe("success");
    expect((await db.syncRun.findUniqueOrThrow({ where: { id: runId } })).suppressed).toBeGreaterThanOrEqual(1);
    expect(await db.person.count({ where: { emails: { has: email } } })).toBe(0);
  } finally {
    await db.suppressedIdentifier.deleteMany({ where: { hash: { in: keys.map((key) => key.hash) } } });
  }
});

test("export downloads valid JSON whose contents match the person", async ({ asAdmin: page, seed }) => {
  const name = seed.name("Exported");
  const emails = [seed.email("exported"), seed.email("exported2")];
  const person = await seed.person({ names: [name], emails, title: "CFO" });
  const other = await seed.person({ names: [seed.name("Other")] });
  await seed.edge(person, other, { strength: 0.6 });
  await seed.interaction({ participants: [emails[0] ?? "", other.emails[0] ?? ""] });

  await page.goto(`/people/${person.id}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export JSON" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^wig-export-.*\.json$/);
  const document = JSON.parse(await readFile((await download.path()) ?? "", "utf8")) as {
    format: string;
    person: { id: string; names: string[]; emails: string[]; title: string };
    edges: Array<{ otherPerson: { id: string } }>;
    interactions: Array<{ asParticipant: string[] }>;
    auditEntries: Array<{ action: string }>;
  };
  expect(document.format).toBe("wig.person-export");
  expect(document.person).toMatchObject({ id: person.id, names: [name], emails, title: "CFO" });
  expect(document.edges.map((edge) => edge.otherPerson.id)).toEqual([other.id, other.id]);
  expect(document.interactions).toHaveLength(1);
  expect(document.interactions[0]?.asParticipant).toEqual([emails[0]]);
  expect(document.auditEntries.map((entry) => entry.action)).toContain("person.exported");
});

test("admins export soft-deleted people; members get 403 and see no export button", async ({ asAdmin, asMember, seed }) => {
  const deleted = await seed.person({ names: [seed.name("Hidden")], deleted: true });
  const visible = await seed.person({ names: [seed.name("Shown")] });

  const asAdminExport = await asAdmin.request.get(`/api/people/${deleted.id}/export`);
  expect(asAdminExport.status()).toBe(200);
  expect(asAdminExport.headers()["content-disposition"]).toMatch(/^attachment; filename="wig-export-/);
  expect(((await asAdminExport.json()) as { person: { id: string } }).person.id).toBe(deleted.id);

  for (const id of [deleted.id, visible.id]) expect((await asMember.request.get(`/api/people/${id}/export`)).status()).toBe(403);
  await asMember.goto(`/people/${visible.id}`);
  await expect(asMember.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(asMember.getByRole("link", { name: "Export JSON" })).toHaveCount(0);
});

test("retention settings refuse out-of-range values with the allowed range; preview changes nothing", async ({ asAdmin: page }) => {
  await page.goto("/admin/privacy");
  const form = page.getByRole("form", { name: "Privacy settings" });
  await expect(form.getByText("days, allowed 1–3650")).toBeVisible();
  await form.getByLabel("Erase soft-deleted people after").fill("0");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "from 1 to 3650 days" })).toBeVisible();

  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("status", { name: "Retention preview" })).toContainText("Preview (nothing changed)");
});

test("a member's blocklist hides their relationship from the graph for everyone, until unblocked", async ({ browser, db, seed, users, asAdmin }) => {
  const me = await seed.person({ names: [seed.name("Blocker")] });
  const blocked = await seed.person({ names: [seed.name("Blocked")] });
  const friend = await seed.person({ names: [seed.name("Friend")] });
  await seed.edge(me, blocked, { strength: 0.7 });
  await seed.edge(me, friend, { strength: 0.5 });
  const member = await users.create({ role: "member", email: me.emails[0] });
  expect(member.personId).toBe(me.id);
  const context = await browser.newContext();
  try {
    await signInThroughApi(context.request, member);
    const page = await context.newPage();
    const neighbours = async (viewer: typeof page, personId: string) => {
      const response = await viewer.request.get(`/api/graph/ego?person=${personId}`);
      return ((await response.json()) as { nodes: Array<{ id: string }> }).nodes.map((node) => node.id);
    };
    expect(await neighbours(page, me.id)).toContain(blocked.id);

    await page.goto("/settings/blocklist");
    const form = page.getByRole("form", { name: "Block a person" });
    // Picked by name from the suggestions; blocking waits for the button.
    await form.getByLabel("Person (name, email or id)").fill(blocked.names[0] ?? "");
    await form.getByRole("option").filter({ hasText: blocked.names[0] ?? "" }).first().click();
    await expect(page.getByRole("button", { name: `Unblock ${blocked.names[0]}` })).toHaveCount(0);
    await form.getByRole("button", { name: "Block person" }).click();
    await expect(page.getByRole("status").filter({ hasText: "is on your blocklist" })).toBeVisible();

    // Hidden for the member and for an admin alike; the member's other relationships stay.
    expect(await neighbours(page, me.id)).not.toContain(blocked.id);
    expect(await neighbours(page, me.id)).toContain(friend.id);
    expect(await neighbours(asAdmin, blocked.id)).not.toContain(me.id);

    await page.getByRole("button", { name: `Unblock ${blocked.names[0]}` }).click();
    await expect(page.getByRole("button", { name: `Unblock ${blocked.names[0]}` })).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByRole("status").filter({ hasText: `Unblocked ${blocked.names[0]}.` })).toBeVisible();
    expect(await neighbours(page, me.id)).toContain(blocked.id);
  } finally {
    await context.close();
    await db.blocklistEntry.deleteMany({ where: { userId: member.id } });
  }
});
