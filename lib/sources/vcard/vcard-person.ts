// One parsed vCard (jCard from ical.js) → the fields of a PersonObservation. Works on jCard arrays rather
// than ICAL.Component getters because grouped properties (item1.EMAIL + item1.X-ABLabel) need the raw
// parameters, and the arrays are the same for vCard 3.0 and 4.0.
import { fullName } from "../full-name";
import { canonicalLinkedInProfile } from "../linkedin/linkedin-url";

export interface CardFields {
  uid?: string;
  names: string[];
  emails: string[];
  phones: string[];
  organizationName?: string;
  title?: string;
  linkedinUrl?: string;
  socialHandles: Record<string, string>;
  revision?: Date;
}

interface JProperty {
  name: string;
  params: Record<string, unknown>;
  values: unknown[];
}

export function readCard(jcard: unknown): CardFields {
  const properties = toProperties(jcard);
  const labels = groupLabels(properties);
  const all = (name: string) => properties.filter((p) => p.name === name);
  const text = (p: JProperty) => flatten(p.values).join(" ").trim();

  const fields: CardFields = { names: [], emails: [], phones: [], socialHandles: {} };
  const uid = all("uid").map(text)[0];
  if (uid) fields.uid = uid;

  const structured = all("n").map((p) => {
    // N is family;given;additional;prefix;suffix, each component possibly a list (vCard 4.0).
    const components = Array.isArray(p.values[0]) ? (p.values[0] as unknown[]) : [p.values[0]];
    const [family = "", given = "", additional = ""] = components.map((c) => flatten([c]).join(" "));
    return fullName({ given, additional, family });
  });
  fields.names = unique([...all("fn").map(text), ...structured, ...all("nickname").map(text)]);
  fields.emails = unique(byPreference(all("email")).map(text).map((email) => email.toLowerCase()).filter((email) => email.includes("@")));
  fields.phones = unique(byPreference(all("tel")).map(text).map((tel) => tel.replace(/^tel:/i, "")).filter(Boolean));

  const org = all("org")[0];
  const organization = org ? flatten(org.values)[0]?.trim() : undefined;
  if (organization) fields.organizationName = organization;
  const title = all("title").map(text)[0];
  if (title) fields.title = title;

  for (const property of [...all("url"), ...all("x-socialprofile")]) {
    const value = linkValue(text(property));
    const label = labels.get(String(property.params.group ?? "")) ?? "";
    const type = firstString(property.params.type)?.toLowerCase() ?? "";
    const user = firstString(property.params["x-user"])?.trim() || undefined;
    // Apple stores a bare LinkedIn handle under a group labelled "LinkedIn", or as x-user of a profile.
    const bareHandle = user ?? (BARE_HANDLE.test(value) ? value : undefined);
    const profile =
      canonicalLinkedInProfile(value) ?? (/linkedin/i.test(label + type) && bareHandle ? canonicalLinkedInProfile(`linkedin.com/in/${bareHandle}`) : null);
    if (profile) {
      fields.linkedinUrl ??= profile.url;
      continue;
    }
    if (property.name === "x-socialprofile" && type) {
      const handle = user ?? value.replace(/\/+$/, "").split("/").pop();
      if (handle) fields.socialHandles[type] = handle;
    }
  }

  const rev = all("rev").map(text)[0];
  const revision = rev && /^\d{4}-?\d{2}-?\d{2}/.test(rev) ? new Date(rev) : undefined;
  if (revision && !Number.isNaN(revision.getTime())) fields.revision = revision;
  return fields;
}

/** A handle on its own (no scheme, path or escapes): what a "LinkedIn"-labelled value may be instead of a URL. */
const BARE_HANDLE = /^[\p{L}\p{N}_%.-]+$/u;

/**
 * A URL or profile value as written: Google's vCard export escapes the colon ("https\://…", vCard 3.0 text
 * escaping applied to a URI), and Apple writes handles as "x-apple:<handle>".
 */
function linkValue(raw: string): string {
  return raw.trim().replace(/\\([\\:,;])/g, "$1").replace(/^x-apple:/i, "");
}

function toProperties(jcard: unknown): JProperty[] {
  if (!Array.isArray(jcard) || !Array.isArray(jcard[1])) return [];
  const properties: JProperty[] = [];
  for (const entry of jcard[1] as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string") continue;
    const params = typeof entry[1] === "object" && entry[1] !== null ? (entry[1] as Record<string, unknown>) : {};
    properties.push({ name: entry[0].toLowerCase(), params, values: entry.slice(3) });
  }
  return properties;
}

/** "item1" → "LinkedIn", from X-ABLabel lines; Apple wraps built-in labels as "_$!<Work>!$_". */
function groupLabels(properties: JProperty[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const property of properties) {
    if (property.name !== "x-ablabel" || typeof property.params.group !== "string") continue;
    labels.set(property.params.group, String(property.values[0] ?? "").replace(/^_\$!<(.*)>!\$_$/, "$1"));
  }
  return labels;
}

/** Preferred first: vCard 3.0 marks TYPE=pref, vCard 4.0 PREF=1 (lower is more preferred). */
function byPreference(properties: JProperty[]): JProperty[] {
  const rank = (p: JProperty): number => {
    const pref = Number(firstString(p.params.pref));
    if (Number.isFinite(pref) && pref > 0) return pref;
    const types = [p.params.type].flat().map((t) => String(t).toLowerCase());
    return types.includes("pref") ? 0 : 101;
  };
  return properties.map((p, i) => ({ p, i, r: rank(p) })).sort((a, b) => a.r - b.r || a.i - b.i).map(({ p }) => p);
}

function flatten(values: unknown[]): string[] {
  return values.flat(2).map((value) => (value === null || value === undefined ? "" : String(value)));
}

function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : typeof first === "number" ? String(first) : undefined;
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}
