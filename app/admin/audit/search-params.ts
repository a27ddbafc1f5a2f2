// /admin/audit's query string <-> filters and cursor. Every filter is a GET parameter, so a filtered view
// (and any page of it) is a URL someone can share. Pure: no data access, unit-tested beside this file.
import { z } from "zod";
import type { AuditFieldErrors, AuditFilterField, AuditFormValues } from "@/components/audit/audit-filters";
import type { SearchParams } from "@/lib/api/search-params";
import { isUuid } from "@/lib/api/ids";
import type { AuditActionFilter, AuditCursor, AuditFilters } from "@/lib/audit/queries";

export const AUDIT_PATH = "/admin/audit";

/** Form order, which is also the order of parameters in the links this page builds. */
export const AUDIT_FILTER_FIELDS = ["correlationId", "action", "entityType", "entityId", "actorId", "from", "to"] as const satisfies readonly AuditFilterField[];

const MAX_TEXT = 200;

/** Free text that must fit a column comparison: trimmed, bounded, no control characters; "" means absent. */
const ZText = (label: string) =>
  z
    .string()
    .trim()
    .max(MAX_TEXT, { error: `${label} can be at most ${MAX_TEXT} characters.` })
    .regex(/^[^\p{Cc}]*$/u, { error: `${label} cannot contain control characters.` })
    .transform((value) => value || undefined)
    .optional();

/** "person.merged" is exact; "person." (a trailing dot) or "person*" is every action with that prefix. */
export function parseActionFilter(value: string): AuditActionFilter {
  if (value.endsWith("*")) return { startsWith: value.slice(0, -1) };
  if (value.endsWith(".")) return { startsWith: value };
  return { equals: value };
}

export function formatActionFilter(filter: AuditActionFilter): string {
  if ("equals" in filter) return filter.equals;
  return filter.startsWith.endsWith(".") ? filter.startsWith : `${filter.startsWith}*`;
}

const ZAction = ZText("Action").transform((value, ctx) => {
  if (value === undefined) return undefined;
  if (value === "*") {
    ctx.addIssue("Choose an action, or a prefix such as person.");
    return z.NEVER;
  }
  return parseActionFilter(value);
});

// What a `datetime-local` input submits (seconds optional), read as UTC; a trailing Z is tolerated.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/;

/** A wall-clock `datetime-local` value as a UTC instant, or null when it is not a real date and time. */
export function parseUtcDateTime(value: string): Date | null {
  const match = DATE_TIME.exec(value);
  if (!match) return null;
  // Groups are year, month, day, hour, minute, then optional seconds and a fraction ("5" is 500 ms).
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0] = match
    .slice(1)
    .map((part, index) => Number(index === 6 ? (part ?? "0").padEnd(3, "0") : (part ?? "0")));
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  // Date.UTC rolls 2026-02-30 over to March 2nd (and 24:00 to the next day): reject what did not survive.
  const same = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && date.getUTCHours() === h && date.getUTCMinutes() === mi && date.getUTCSeconds() === s;
  return same ? date : null;
}

/** The value a `datetime-local` input shows for a UTC instant (seconds and milliseconds only when set). */
export function formatUtcDateTime(date: Date): string {
  const iso = date.toISOString();
  if (date.getUTCMilliseconds() !== 0) return iso.slice(0, 23);
  return date.getUTCSeconds() !== 0 ? iso.slice(0, 19) : iso.slice(0, 16);
}

const ZDateTime = (label: string) =>
  ZText(label).transform((value, ctx) => {
    if (value === undefined) return undefined;
    const date = parseUtcDateTime(value);
    if (date) return date;
    ctx.addIssue(`${label} must be a date and time in UTC, like 2026-11-26T09:30.`);
    return z.NEVER;
  });

const ZAuditFilters = z
  .object({
    correlationId: ZText("Correlation id"),
    action: ZAction,
    entityType: ZText("Entity type"),
    entityId: ZText("Entity id"),
    actorId: ZText("Actor"),
    from: ZDateTime("From"),
    to: ZDateTime("To"),
  })
  .superRefine((filters, ctx) => {
    if (filters.from && filters.to && filters.from >= filters.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "To must be later than From." });
    }
  });

// ---- Cursor tokens: `older.<epoch ms>.<uuid>` — readable, and needs no escaping in a URL ----

const CURSOR = /^(older|newer)\.(\d{1,15})\.([0-9A-Fa-f-]{36})$/;

export function encodeCursor(cursor: AuditCursor): string {
  return `${cursor.direction}.${cursor.createdAt.getTime()}.${cursor.id}`;
}

export function decodeCursor(token: string): AuditCursor | null {
  const match = CURSOR.exec(token);
  const [direction, ms, id] = match ? match.slice(1) : [];
  if ((direction !== "older" && direction !== "newer") || !ms || !isUuid(id)) return null;
  return { direction, createdAt: new Date(Number(ms)), id: id.toLowerCase() };
}

// ---- Parsing the whole query string ----

export type ParsedAuditSearch =
  | {
      ok: true;
      filters: AuditFilters;
      cursor?: AuditCursor;
      /** Set when the link's cursor is malformed: the page then starts from the newest entries. */
      cursorError?: string;
      values: AuditFormValues;
      /** Where this view lives without empty or redundant parameters, e.g. after a form submit. */
      canonicalHref: string;
      isCanonical: boolean;
    }
  | { ok: false; errors: AuditFieldErrors; values: AuditFormValues };

function first(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parseAuditSearchParams(params: SearchParams): ParsedAuditSearch {
  const values = Object.fromEntries(AUDIT_FILTER_FIELDS.map((field) => [field, first(params, field)?.trim() ?? ""])) as AuditFormValues;
  const result = ZAuditFilters.safeParse(Object.fromEntries(AUDIT_FILTER_FIELDS.map((field) => [field, first(params, field)])));
  if (!result.success) {
    const errors: AuditFieldErrors = {};
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if (typeof field === "string" && (AUDIT_FILTER_FIELDS as readonly string[]).includes(field)) errors[field as AuditFilterField] ??= issue.message;
    }
    return { ok: false, errors, values };
  }

  const filters = Object.fromEntries(Object.entries(result.data).filter(([, value]) => value !== undefined)) as AuditFilters;
  const rawCursor = first(params, "cursor")?.trim();
  const cursor = rawCursor ? (decodeCursor(rawCursor) ?? undefined) : undefined;
  const cursorError = rawCursor && !cursor ? "That page link is not valid any more, so this is the newest page." : undefined;
  const canonicalHref = auditHref(filters, cursor);
  const canonical = new URL(canonicalHref, "http://localhost").searchParams;
  const differs = Object.entries(params).some(
    ([key, value]) => (key === "cursor" || (AUDIT_FILTER_FIELDS as readonly string[]).includes(key)) && (Array.isArray(value) || (value ?? null) !== canonical.get(key)),
  );
  // A bad cursor keeps its URL, so the page can say why it shows the newest entries instead.
  return { ok: true, filters, cursor, cursorError, values, canonicalHref, isCanonical: !differs || cursorError !== undefined };
}

// ---- Links ----

/** The audit page for these filters (and page); filters that are absent leave no empty parameters. */
export function auditHref(filters: AuditFilters, cursor?: AuditCursor): string {
  const search = new URLSearchParams();
  for (const field of AUDIT_FILTER_FIELDS) {
    const value = filters[field];
    if (value === undefined) continue;
    if (value instanceof Date) search.set(field, formatUtcDateTime(value));
    else if (typeof value === "string") search.set(field, value);
    else search.set(field, formatActionFilter(value));
  }
  if (cursor) search.set("cursor", encodeCursor(cursor));
  const query = search.toString();
  return query ? `${AUDIT_PATH}?${query}` : AUDIT_PATH;
}

/** The same view without one filter (and back on the newest page, since the result set changed). */
export function auditHrefWithout(filters: AuditFilters, field: AuditFilterField): string {
  const rest: AuditFilters = { ...filters };
  delete rest[field];
  return auditHref(rest);
}
