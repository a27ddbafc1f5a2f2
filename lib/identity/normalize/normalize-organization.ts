// Organization names and domains to comparison keys. "Acme, Inc.", "ACME Inc" and "Acme" are one company;
// the legal form says nothing about identity. Suffix phrases are matched on whole trailing tokens (after
// dots are removed, so "S.A." is "sa" and "B.V." is "bv"), longest first, repeatedly ("Acme Holdings Co.,
// Ltd." loses "co ltd" then stops, because "holdings" is part of the name). A name that would become empty
// ("Company") is kept as it is.
import { registrableDomain } from "./domain";
import { foldText } from "./fold-text";
import { isFreeMailDomain } from "./free-mail-domains";
import { parseEmail } from "./normalize-email";

const LEGAL_SUFFIXES: readonly (readonly string[])[] = [
  ["sa", "de", "cv"], ["s", "de", "rl"], ["sp", "z", "oo"], ["pty", "ltd"], ["pvt", "ltd"], ["pte", "ltd"],
  ["co", "ltd"], ["co", "inc"], ["sdn", "bhd"], ["and", "co"], ["gmbh", "and", "co", "kg"], ["ag", "and", "co", "kg"],
  ["inc"], ["incorporated"], ["llc"], ["llp"], ["lp"], ["ltd"], ["limited"], ["plc"], ["corp"], ["corporation"],
  ["co"], ["company"], ["gmbh"], ["ag"], ["kg"], ["ug"], ["mbh"], ["sa"], ["sas"], ["sasu"], ["sarl"], ["sl"],
  ["slu"], ["srl"], ["spa"], ["bv"], ["nv"], ["ab"], ["asa"], ["as"], ["aps"], ["oy"], ["oyj"], ["pty"],
  ["pte"], ["kk"], ["gk"], ["kft"], ["zrt"], ["doo"], ["ooo"], ["pjsc"], ["sro"], ["se"], ["lda"], ["ltda"],
].slice().sort((a, b) => b.length - a.length);

function endsWith(tokens: readonly string[], suffix: readonly string[]): boolean {
  if (suffix.length >= tokens.length) return false;
  return suffix.every((token, index) => tokens[tokens.length - suffix.length + index] === token);
}

/** "The Acme Widget Co., Ltd." → "acme widget" (words kept, legal form and leading "the" dropped). */
export function normalizeOrganizationName(raw: string): string | null {
  const folded = foldText(raw).replace(/&/g, " and ").replace(/\./g, "").replace(/[^\p{L}\p{N}]+/gu, " ");
  let tokens = folded.trim().split(" ").filter((token) => token.length > 0);
  if (tokens.length > 1 && tokens[0] === "the") tokens = tokens.slice(1);
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (endsWith(tokens, suffix)) {
        tokens = tokens.slice(0, tokens.length - suffix.length);
        stripped = true;
        break;
      }
    }
  }
  return tokens.length > 0 ? tokens.join(" ") : null;
}

/** Space-free key so "Bright Lane" and "Brightlane" agree. */
export function organizationKey(raw: string): string | null {
  return normalizeOrganizationName(raw)?.replace(/ /g, "") ?? null;
}

/** A company's domain ("https://www.Acme.co.uk/about" or "acme.co.uk") to its registrable form. */
export function organizationDomain(raw: string): string | null {
  const host = raw.trim().toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/[/?#].*$/, "").replace(/^www\./, "");
  const domain = registrableDomain(host);
  return domain && !isFreeMailDomain(domain) ? domain : null;
}

/** The organization an address points to ("jane@eu.acme.com" → "acme.com"); null for free-mail providers. */
export function organizationDomainFromEmail(email: string): string | null {
  const parts = parseEmail(email);
  return parts ? organizationDomainOfMailDomain(parts.domain) : null;
}

/** The same for an address's domain part ("eu.acme.com" → "acme.com"). */
export function organizationDomainOfMailDomain(mailDomain: string): string | null {
  if (isFreeMailDomain(mailDomain)) return null;
  const domain = registrableDomain(mailDomain);
  return domain && !isFreeMailDomain(domain) ? domain : null;
}
