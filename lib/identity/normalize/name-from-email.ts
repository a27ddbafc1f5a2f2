// A record without a name (a calendar attendee shown as a bare address, a contact saved as an address)
// can still say who it is: "marta.kelly@sierrastone.com" is Marta Kelly. Only the unambiguous shape is
// read, two alphabetic words joined by a dot, underscore or hyphen, with an optional middle initial
// ("marta.j.kelly"): "mkelly", "marta" or "kelly85" could be several names or none. Gmail ignores dots,
// so its canonical local parts have none and are never read (a dot there can sit anywhere).
import type { EmailParts } from "./normalize-email";
import type { ParsedName } from "./normalize-name";

const FIRST_DOT_LAST = /^(\p{L}{2,})[._-](?:\p{L}[._-])?(\p{L}{2,})$/u;

/** The name an address spells as first.last, or null. Reads the first address that has one. */
export function nameFromAddresses(addresses: readonly EmailParts[], cache: { name: { get(raw: string): ParsedName | null } }): ParsedName | null {
  for (const parts of addresses) {
    const match = FIRST_DOT_LAST.exec(parts.local.replace(/\+.*$/, ""));
    if (match?.[1] && match[2]) return cache.name.get(`${match[1]} ${match[2]}`);
  }
  return null;
}
