// Email domains that say nothing about where a person works: an organization is never created from them.
const FREE_MAIL = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "msn.com",
  "yahoo.com", "yahoo.co.uk", "yahoo.fr", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com",
  "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.net", "gmx.de", "web.de", "mail.com",
  "fastmail.com", "zoho.com", "yandex.com", "yandex.ru", "qq.com", "163.com", "126.com", "hey.com",
]);

/** The organization domain of an email address, or null for free-mail and malformed addresses. */
export function organizationDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1) return null;
  const domain = email.slice(at + 1).toLowerCase();
  if (!domain.includes(".") || FREE_MAIL.has(domain) || /^gmx\./.test(domain)) return null;
  return domain;
}

/** "mail.stripe.com" → "Stripe": a readable name for an organization known only by its domain. */
export function nameFromDomain(domain: string): string {
  const labels = domain.split(".");
  const base = labels.length >= 3 && /^(co|com|org|net|ac)$/.test(labels[labels.length - 2] ?? "") ? labels[labels.length - 3] : labels[labels.length - 2];
  const word = base ?? domain;
  return word.charAt(0).toUpperCase() + word.slice(1);
}
