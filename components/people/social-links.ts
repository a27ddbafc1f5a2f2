// Turns the free-form socialHandles JSON ({ linkedin, twitter, github, ... }) into display rows.
// Only http(s) URLs become links: a handle from an import must never become a javascript: href.

export interface SocialLink {
  network: string;
  /** The network as people spell it ("LinkedIn", "GitHub"). */
  networkLabel: string;
  label: string;
  href: string | null;
}

const PROFILE_URL: Record<string, (handle: string) => string> = {
  linkedin: (handle) => `https://www.linkedin.com/in/${encodeURIComponent(handle)}`,
  twitter: (handle) => `https://x.com/${encodeURIComponent(handle)}`,
  x: (handle) => `https://x.com/${encodeURIComponent(handle)}`,
  github: (handle) => `https://github.com/${encodeURIComponent(handle)}`,
};

const NETWORK_LABEL: Record<string, string> = { linkedin: "LinkedIn", twitter: "Twitter", x: "X", github: "GitHub", slack: "Slack" };

function safeHttpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

export function socialLinks(handles: unknown): SocialLink[] {
  if (typeof handles !== "object" || handles === null || Array.isArray(handles)) return [];
  const links: SocialLink[] = [];
  for (const [network, raw] of Object.entries(handles)) {
    if (typeof raw !== "string" || raw.trim() === "") continue;
    const value = raw.trim();
    const key = network.toLowerCase();
    const networkLabel = NETWORK_LABEL[key] ?? network.charAt(0).toUpperCase() + network.slice(1);
    if (/^https?:\/\//i.test(value)) {
      links.push({ network: key, networkLabel, label: value.replace(/^https?:\/\/(www\.)?/i, "").replace(/\/$/, ""), href: safeHttpUrl(value) });
      continue;
    }
    const handle = value.replace(/^@/, "");
    const build = PROFILE_URL[key];
    links.push({ network: key, networkLabel, label: key === "twitter" || key === "x" ? `@${handle}` : handle, href: build ? build(handle) : null });
  }
  return links.sort((a, b) => a.network.localeCompare(b.network));
}
