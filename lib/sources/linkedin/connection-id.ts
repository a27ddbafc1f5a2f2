// The id of a LinkedIn connection's interaction. A connection is a tie between the member whose export it is
// and the contact, so the id names both: the same contact in a second member's export is that member's own
// connection, not a re-import. Hashed, so the id names nobody (as messages.csv ids). Connections imported
// before 27 Nov 2026 were keyed `connection:<contact>`; migration 20261127010000_linkedin_connection_ids
// re-keys them with this formula in SQL.
import { stableId } from "../stable-id";

/** `ownerKey`: the member's participant key (lower-cased email); `contactSourceId`: the row's source id (profile slug). */
export function connectionSourceId(ownerKey: string, contactSourceId: string): string {
  return stableId("linkedin-connection", [ownerKey, contactSourceId]);
}
