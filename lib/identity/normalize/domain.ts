// Registrable-domain helpers. WIG does not ship the full Public Suffix List (≈10k rules, and a dependency
// the brief rules out); the multi-label suffixes below cover the country domains companies actually use
// for email. An unknown two-label suffix degrades gracefully: "mail.acme.xy" keeps "mail.acme.xy"'s last
// two labels, "acme.xy", which is still right for the common case.

const MULTI_LABEL_SUFFIXES = new Set([
  "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk",
  "com.au", "net.au", "org.au", "edu.au", "co.nz", "org.nz", "co.jp", "ne.jp", "or.jp", "ac.jp",
  "com.br", "net.br", "com.mx", "com.ar", "com.co", "com.pe", "com.cl", "co.in", "net.in", "org.in", "ac.in",
  "co.za", "org.za", "com.cn", "net.cn", "org.cn", "com.hk", "com.sg", "com.my", "com.tw", "co.kr", "or.kr",
  "com.tr", "co.il", "org.il", "com.ua", "com.pl", "co.id", "co.th", "com.ph", "com.vn", "com.eg", "com.ng",
  "co.ke", "com.pk", "com.sa", "ae.org", "com.es", "gov.in",
]);

/** Lower-cased host without a trailing dot, or null when it is not a plausible domain. */
export function cleanDomain(host: string): string | null {
  const domain = host.trim().toLowerCase().replace(/\.+$/, "");
  if (!/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(domain)) return null;
  return domain;
}

/** "mail.eu.acme.co.uk" → "acme.co.uk": the part a company registers, so subdomains compare equal. */
export function registrableDomain(host: string): string | null {
  const domain = cleanDomain(host);
  if (!domain) return null;
  const labels = domain.split(".");
  const lastTwo = labels.slice(-2).join(".");
  const keep = MULTI_LABEL_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.slice(-keep).join(".");
}

/** The label a company chose: "acme.co.uk" → "acme". Used to relate a domain to a company name. */
export function domainLabel(registrable: string): string {
  return registrable.split(".")[0] ?? registrable;
}
