// LinkedIn profile URLs to the profile's slug, the one thing that identifies the profile. The same profile
// appears as "https://uk.linkedin.com/in/Jane-Doe/", "linkedin.com/in/jane-doe?trk=…", a percent-encoded
// "/in/jos%C3%A9-garc%C3%ADa", the mobile "/mwlite/in/…", a bare handle "jane-doe", or the pre-2016
// public form "/pub/jane-doe/a7/576/b50", which LinkedIn redirects to "/in/jane-doe-b50576a7" (its
// segments reversed and concatenated). Company, school and feed URLs are not profiles: null.

const BARE_SLUG = /^[\p{L}\p{N}_-]{3,100}$/u;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray "%" is kept rather than losing the slug
  }
}

function cleanSlug(slug: string): string | null {
  const cleaned = decode(slug).normalize("NFC").toLowerCase().trim();
  return BARE_SLUG.test(cleaned) ? cleaned : null;
}

export function normalizeLinkedInUrl(raw: string): string | null {
  // A path without its host ("/in/jane-doe", "in/jane-doe") is still unambiguous.
  const value = raw.trim().replace(/^\/?(?=(in|pub)\/)/i, "linkedin.com/");
  if (!/linkedin\.com/i.test(value)) return value.startsWith("@") ? cleanSlug(value.slice(1)) : cleanSlug(value);
  const withoutScheme = value.replace(/^[a-z]+:\/\//i, "").replace(/[?#].*$/, "");
  const slashAt = withoutScheme.indexOf("/");
  const host = (slashAt === -1 ? withoutScheme : withoutScheme.slice(0, slashAt)).toLowerCase();
  if (host !== "linkedin.com" && !host.endsWith(".linkedin.com")) return null;
  const segments = (slashAt === -1 ? "" : withoutScheme.slice(slashAt)).split("/").filter((segment) => segment.length > 0);
  const kind = segments.findIndex((segment) => segment === "in" || segment === "pub");
  const name = segments[kind + 1];
  if (kind === -1 || name === undefined) return null;
  if (segments[kind] === "in") return cleanSlug(name);
  const suffix = segments.slice(kind + 2, kind + 5);
  const slug = suffix.length === 3 ? `${name}-${suffix.reverse().join("")}` : name;
  return cleanSlug(slug);
}
