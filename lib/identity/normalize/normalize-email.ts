// Email canonicalization. Two spellings of one mailbox must give one string, and two mailboxes must never
// collapse into one, so provider rules are applied only where the provider documents them:
// - Gmail ignores dots in the local part and treats googlemail.com as gmail.com;
// - Gmail, Outlook/Hotmail/Live, iCloud, Fastmail, Proton, Yandex and Zoho deliver "name+tag" to "name".
// Other domains keep their local part verbatim: a corporate server may treat "a+b" as a different mailbox.

export interface EmailParts {
  /** The canonical address, `${local}@${domain}`. */
  address: string;
  local: string;
  domain: string;
}

const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);
const PLUS_ADDRESSING_DOMAINS = new Set([
  "gmail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "icloud.com", "me.com", "mac.com",
  "fastmail.com", "fastmail.fm", "proton.me", "protonmail.com", "protonmail.ch", "pm.me", "yandex.ru",
  "yandex.com", "zoho.com",
]);
// Role mailboxes are shared by whoever staffs them, so they identify a company, not a person.
const ROLE_LOCAL_PARTS = new Set([
  "info", "admin", "hello", "contact", "sales", "support", "help", "team", "office", "hr", "jobs", "careers",
  "billing", "accounts", "finance", "press", "media", "marketing", "noreply", "no-reply", "donotreply",
  "postmaster", "webmaster", "security", "legal", "privacy", "enquiries", "inquiries", "reception", "mail",
]);
const SIMPLE_ADDRESS = /^[^\s@<>(),;:"]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u;

/** Canonical parts of an address, or null when the input is not an email address. */
export function parseEmail(raw: string): EmailParts | null {
  let value = raw.trim();
  // "Jane Doe <jane@acme.com>" and "mailto:jane@acme.com?subject=hi" both occur in exports.
  const bracketed = /<([^<>]+)>/.exec(value);
  if (bracketed?.[1]) value = bracketed[1].trim();
  value = value.replace(/^mailto:/i, "").replace(/\?.*$/, "").toLowerCase().replace(/\.+$/, "");
  if (!SIMPLE_ADDRESS.test(value)) return null;
  const at = value.lastIndexOf("@");
  let local = value.slice(0, at);
  let domain = value.slice(at + 1);
  if (GMAIL_DOMAINS.has(domain)) {
    domain = "gmail.com";
    local = local.replace(/\./g, "");
  }
  if (PLUS_ADDRESSING_DOMAINS.has(domain)) local = local.replace(/\+.*$/, "");
  if (local.length === 0) return null;
  return { address: `${local}@${domain}`, local, domain };
}

/** Canonical form of an address ("J.Doe+news@GoogleMail.com" → "jdoe@gmail.com"), or null if invalid. */
export function normalizeEmail(raw: string): string | null {
  return parseEmail(raw)?.address ?? null;
}

export function isRoleLocalPart(local: string): boolean {
  return ROLE_LOCAL_PARTS.has(local.replace(/\+.*$/, ""));
}

/**
 * The local part reduced to letters and digits ("jane.doe+x" → "janedoe"), for the "same local part on a
 * different domain" comparison (a work and a personal address chosen alike). Null for role mailboxes and
 * for short locals ("jd", "ab1"), which too many people share to mean anything.
 */
export function emailLocalKey(parts: EmailParts): string | null {
  if (isRoleLocalPart(parts.local)) return null;
  const key = parts.local.replace(/\+.*$/, "").replace(/[^\p{L}\p{N}]/gu, "");
  return key.length >= 5 ? key : null;
}
