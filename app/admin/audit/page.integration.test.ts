// Renders the /admin/audit page on a real PostgreSQL (sign-in stubbed: auth is tested on its own) to check
// what an admin sees: labelled filters, rows, inline validation messages and canonical redirects.
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { resetDatabase } from "@/lib/testing/reset-database";

const requirePageUser = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/session", () => ({ requirePageUser }));

const { default: AuditPage } = await import("./page");

beforeEach(async () => {
  await resetDatabase();
  requirePageUser.mockReset().mockResolvedValue({ id: "00000000-0000-4000-8000-000000000001", email: "admin@example.com", name: "Admin", role: "admin", personId: null });
});

async function render(params: Record<string, string>): Promise<string> {
  const element = await AuditPage({ searchParams: Promise.resolve(params) });
  return renderToStaticMarkup(element);
}

/** What `redirect()` threw, as the URL it redirects to. */
async function redirectOf(params: Record<string, string>): Promise<string> {
  const error: unknown = await render(params).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : "";
  expect(digest).toMatch(/^NEXT_REDIRECT/);
  return digest.split(";")[2] ?? "";
}

describe("the audit page", () => {
  it("checks for an admin before anything else", async () => {
    requirePageUser.mockRejectedValue(new Error("redirected to sign-in"));
    await expect(render({})).rejects.toThrow("redirected to sign-in");
    expect(requirePageUser).toHaveBeenCalledWith("admin");
  });

  it("shows rows grouped by operation, with labelled filters and the actor's name", async () => {
    const user = await prisma.user.create({ data: { email: "dana@example.com", name: "Dana Reyes" } });
    const personId = "0b7f2c4e-1d2a-4c3b-9e8f-1234567890ab";
    await prisma.auditLog.createMany({
      data: [
        { correlationId: "merge-1764126000000-aaaaaaaa", action: "person.merged", entityType: "Person", entityId: personId, actorId: user.id, metadata: { reason: "same phone" }, createdAt: new Date("2026-11-01T10:00:00Z") },
        { correlationId: "sync-1764126000000-bbbbbbbb", action: "sync.started", entityType: "Source", entityId: "linkedin", actorId: "system:sync", createdAt: new Date("2026-11-01T11:00:00Z") },
      ],
    });
    const html = await render({});
    for (const label of ["Correlation id", "Action", "Entity type", "Entity id", "Actor", "From (UTC)", "To (UTC)"]) {
      expect(html).toContain(`>${label}</label>`);
    }
    expect(html).toContain("<table");
    expect(html).toContain('href="/admin/audit?correlationId=merge-1764126000000-aaaaaaaa"');
    expect(html).toContain(`href="/people/${personId}"`);
    expect(html).toContain("Dana Reyes");
    expect(html).toContain("dana@example.com");
    expect(html).toContain("2026-11-01 10:00:00 UTC");
    expect(html).toContain('<option value="person.">All person.* actions</option>');
    expect(html.indexOf("sync.started</code>")).toBeLessThan(html.indexOf("person.merged</code>"));

    const filtered = await render({ action: "sync." });
    expect(filtered).toContain("sync.started</code>");
    expect(filtered).not.toContain("person.merged</code>");
  });

  it("explains an invalid filter next to its field and runs no query", async () => {
    const html = await render({ from: "yesterday", to: "2026-11-01T10:00" });
    expect(html).toContain('role="alert"');
    expect(html).toContain('id="audit-from-error"');
    expect(html).toContain("From must be a date and time in UTC");
    expect(html).toContain('aria-invalid="true"');
    expect(html).not.toContain("<table");
  });

  it("redirects a submitted form to the URL with only the filters in force", async () => {
    expect(await redirectOf({ correlationId: "", action: "person.", entityType: "", entityId: "", actorId: "", from: "2026-11-01T10:00", to: "" })).toBe(
      "/admin/audit?action=person.&from=2026-11-01T10%3A00",
    );
  });
});
