// LinkedIn profile URLs appear as "https://www.linkedin.com/in/Dana-Smith-12a/", "linkedin.com/in/dana-smith-12a",
// "https://de.linkedin.com/in/dana-smith-12a?trk=…" or percent-encoded ("/in/jos%C3%A9-…"). Slugs are
// case-insensitive on LinkedIn, so the canonical form is the decoded, lowercased slug.
export interface LinkedInProfile {
  slug: string;
  url: string;
}

const PROFILE_PATH = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.|mobile\.)?linkedin\.com\/in\/([^/?#\s]+)/i;

export function canonicalLinkedInProfile(raw: string | undefined): LinkedInProfile | null {
  if (!raw) return null;
  const match = PROFILE_PATH.exec(raw.trim());
  const encoded = match?.[1];
  if (!encoded) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(encoded);
  } catch {
    slug = encoded; // A stray "%" is not worth dropping the profile over.
  }
  slug = slug.normalize("NFC").toLowerCase();
  return { slug, url: `https://www.linkedin.com/in/${encodeURIComponent(slug)}` };
}
