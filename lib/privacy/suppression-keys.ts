// Keyed hashes of normalized identifiers: the erasure suppression list stores these, never the identifiers.
// HMAC-SHA256 with the server secret, so the list cannot be reversed by hashing a dictionary of addresses
// without the secret. Both the eraser (lib/privacy) and the importers (lib/sources/pipeline) go through
// `suppressionKeysFor`, so an identifier hashes the same way on both sides.
import { createHmac } from "node:crypto";
import { serverSecret } from "../auth/secret";
import { normalizeEmail } from "../identity/normalize/normalize-email";
import { normalizeLinkedInUrl } from "../identity/normalize/normalize-linkedin";
import { normalizePhone, type PhoneOptions } from "../identity/normalize/normalize-phone";

export type SuppressionKind = "email" | "phone" | "linkedin" | "handle";

export interface SuppressionKey {
  kind: SuppressionKind;
  hash: string;
}

export interface SuppressibleIdentifiers {
  emails?: readonly string[];
  phones?: readonly string[];
  linkedinUrls?: readonly string[];
  /** Source-qualified handles: "slack:U123". */
  handles?: readonly string[];
}

export function suppressionHash(kind: SuppressionKind, normalizedValue: string, secret = serverSecret()): string {
  return createHmac("sha256", secret).update(`${kind}:${normalizedValue}`).digest("hex");
}

/** Every key an identity produces; identifiers that do not normalize are skipped. */
export function suppressionKeysFor(identifiers: SuppressibleIdentifiers, options: PhoneOptions & { secret?: string } = {}): SuppressionKey[] {
  const keys = new Map<string, SuppressionKey>();
  const add = (kind: SuppressionKind, value: string | null) => {
    if (!value) return;
    const hash = suppressionHash(kind, value, options.secret);
    keys.set(hash, { kind, hash });
  };
  for (const email of identifiers.emails ?? []) add("email", normalizeEmail(email));
  for (const phone of identifiers.phones ?? []) add("phone", normalizePhone(phone, options));
  for (const url of identifiers.linkedinUrls ?? []) add("linkedin", normalizeLinkedInUrl(url));
  for (const handle of identifiers.handles ?? []) add("handle", handle.trim().toLowerCase() || null);
  return [...keys.values()];
}

/** An in-memory view of the suppression list for one import run. */
export class SuppressionSet {
  constructor(private readonly hashes: ReadonlySet<string>, private readonly options: PhoneOptions & { secret?: string } = {}) {}

  get size(): number {
    return this.hashes.size;
  }

  /** True when any identifier of the record is on the list. */
  matches(identifiers: SuppressibleIdentifiers): boolean {
    if (this.hashes.size === 0) return false;
    return suppressionKeysFor(identifiers, this.options).some((key) => this.hashes.has(key.hash));
  }
}
