// The one email normalization parsers apply before identity resolution does the rest (Gmail dots, plus
// tags): trimmed, "mailto:" removed, lowercased, and plausible (something@something, no spaces).
export function normalizeEmail(raw: string): string {
  let email = raw.trim();
  if (email.length > 7 && email.slice(0, 7).toLowerCase() === "mailto:") email = email.slice(7);
  email = email.toLowerCase();
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1 || email.includes(" ")) return "";
  return email;
}
