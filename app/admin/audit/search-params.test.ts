import { describe, expect, it } from "vitest";
import {
  auditHref,
  auditHrefWithout,
  decodeCursor,
  encodeCursor,
  parseActionFilter,
  parseAuditSearchParams,
  parseUtcDateTime,
  formatUtcDateTime,
} from "./search-params";

const ID = "0b7f2c4e-1d2a-4c3b-9e8f-1234567890ab";

function parseOk(params: Record<string, string | string[]>) {
  const parsed = parseAuditSearchParams(params);
  if (!parsed.ok) throw new Error(`expected valid filters, got ${JSON.stringify(parsed.errors)}`);
  return parsed;
}

describe("parsing /admin/audit search params", () => {
  it("reads every filter, trimming text and reading times as UTC", () => {
    const parsed = parseOk({
      correlationId: " merge-1764126000000-3f9c2a1b ",
      action: "person.merged",
      entityType: "Person",
      entityId: ID,
      actorId: "system:sync",
      from: "2026-11-01T09:30",
      to: "2026-11-02T18:45:30",
    });
    expect(parsed.filters).toEqual({
      correlationId: "merge-1764126000000-3f9c2a1b",
      action: { equals: "person.merged" },
      entityType: "Person",
      entityId: ID,
      actorId: "system:sync",
      from: new Date("2026-11-01T09:30:00Z"),
      to: new Date("2026-11-02T18:45:30Z"),
    });
    // The padded correlation id is not the canonical form of this view.
    expect(parsed.isCanonical).toBe(false);
  });

  it("treats empty fields (a submitted form) as absent and asks for the clean URL", () => {
    const parsed = parseOk({ correlationId: "", action: "person.", entityType: "", entityId: "", actorId: "", from: "", to: "" });
    expect(parsed.filters).toEqual({ action: { startsWith: "person." } });
    expect(parsed.isCanonical).toBe(false);
    expect(parsed.canonicalHref).toBe("/admin/audit?action=person.");
    expect(parseOk({ action: "person." }).isCanonical).toBe(true);
  });

  it("reads a trailing dot or star as an action prefix", () => {
    expect(parseActionFilter("person.")).toEqual({ startsWith: "person." });
    expect(parseActionFilter("sync*")).toEqual({ startsWith: "sync" });
    expect(parseActionFilter("person.merged")).toEqual({ equals: "person.merged" });
    expect(parseOk({ action: "sync*" }).canonicalHref).toBe("/admin/audit?action=sync*");
  });

  it.each([
    ["from", "yesterday", /From must be a date and time in UTC/],
    ["from", "2026-02-30T10:00", /From must be a date and time in UTC/],
    ["to", "2026-11-01T24:00", /To must be a date and time in UTC/],
    ["correlationId", "x".repeat(201), /at most 200 characters/],
    ["entityId", "bad\u0000id", /control characters/],
    ["action", "*", /Choose an action/],
  ])("rejects %s=%j with a message on that field", (field, value, message) => {
    const parsed = parseAuditSearchParams({ [field]: value });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[field as keyof typeof parsed.errors]).toMatch(message);
    // The submitted text is kept so it can be corrected.
    expect(parsed.values[field as keyof typeof parsed.values]).toBe(value.trim());
  });

  it("rejects a time range that ends before it starts", () => {
    const parsed = parseAuditSearchParams({ from: "2026-11-02T00:00", to: "2026-11-01T00:00" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual({ to: "To must be later than From." });
  });

  it("takes the first of repeated parameters and canonicalizes the URL to one", () => {
    const parsed = parseOk({ entityType: ["Person", "Edge"] });
    expect(parsed.filters).toEqual({ entityType: "Person" });
    expect(parsed.isCanonical).toBe(false);
  });

  it("falls back to the newest page, with a message, when the cursor is malformed", () => {
    const parsed = parseOk({ entityType: "Person", cursor: "page-2" });
    expect(parsed.cursor).toBeUndefined();
    expect(parsed.cursorError).toMatch(/not valid/);
    expect(parsed.isCanonical).toBe(true);
  });
});

describe("cursor tokens", () => {
  it("round-trip and need no escaping in a URL", () => {
    const cursor = { direction: "older" as const, createdAt: new Date("2026-11-26T04:19:12.345Z"), id: ID };
    const token = encodeCursor(cursor);
    expect(encodeURIComponent(token)).toBe(token);
    expect(decodeCursor(token)).toEqual(cursor);
    expect(parseOk({ cursor: token }).cursor).toEqual(cursor);
  });

  it.each(["", "older", "sideways.1.0b7f2c4e-1d2a-4c3b-9e8f-1234567890ab", "older.abc.0b7f2c4e-1d2a-4c3b-9e8f-1234567890ab", "older.1.not-a-uuid"])(
    "rejects %j",
    (token) => {
      expect(decodeCursor(token)).toBeNull();
    },
  );
});

describe("UTC date-times", () => {
  it("formats what a datetime-local input shows, with seconds only when set", () => {
    expect(formatUtcDateTime(new Date("2026-11-01T09:30:00Z"))).toBe("2026-11-01T09:30");
    expect(formatUtcDateTime(new Date("2026-11-01T09:30:05Z"))).toBe("2026-11-01T09:30:05");
    expect(parseUtcDateTime("2026-11-01T09:30:05.5")).toEqual(new Date("2026-11-01T09:30:05.500Z"));
    expect(parseUtcDateTime("2026-11-01T09:30Z")).toEqual(new Date("2026-11-01T09:30:00Z"));
  });
});

describe("links", () => {
  it("keep only the filters in force, in form order, plus the cursor", () => {
    const filters = { actorId: "system:sync", action: { startsWith: "person." }, from: new Date("2026-11-01T00:00:00Z") };
    const cursor = { direction: "newer" as const, createdAt: new Date(1764126000000), id: ID };
    expect(auditHref(filters, cursor)).toBe(`/admin/audit?action=person.&actorId=system%3Async&from=2026-11-01T00%3A00&cursor=newer.1764126000000.${ID}`);
    expect(auditHrefWithout(filters, "action")).toBe("/admin/audit?actorId=system%3Async&from=2026-11-01T00%3A00");
    expect(auditHref({})).toBe("/admin/audit");
  });

  it("are already canonical when parsed back", () => {
    const href = auditHref({ correlationId: "op-1764126000000-3f9c2a1b", to: new Date("2026-11-01T10:00:30Z") });
    const params = Object.fromEntries(new URL(href, "http://localhost").searchParams);
    expect(parseOk(params).isCanonical).toBe(true);
  });
});
