// Ids are PostgreSQL UUIDs. We accept any 8-4-4-4-12 hex string (not only RFC 4122 v4): seeds and imports
// may use deterministic ids, and PostgreSQL's uuid type accepts them all. Checking before querying turns
// "/people/not-a-uuid" into a 404 instead of a database error.
import { z } from "zod";

export const ZUuid = z.guid({ error: "must be a UUID" });

export function isUuid(value: unknown): value is string {
  return ZUuid.safeParse(value).success;
}
