// RFC 5322 address lists as they appear in real mail: `"Smith, Dana" <dana@x.com>`, `Dana <dana@x.com>`,
// `dana@x.com (Dana)`, groups (`undisclosed-recipients:;`), and RFC 2047 encoded names
// (`=?UTF-8?B?…?= <x@y>`, decoded with libmime). One pass over the characters, no regex per address:
// this runs three times per message in the mbox hot path.
import libmime from "libmime";
import { normalizeEmail } from "../normalize-email";

export interface MailAddress {
  email: string;
  name?: string;
}

const QUOTE = 34; // "
const BACKSLASH = 92;
const LT = 60;
const GT = 62;
const LPAREN = 40;
const RPAREN = 41;
const COMMA = 44;
const COLON = 58;
const SEMICOLON = 59;

export function parseAddressList(value: string | undefined): MailAddress[] {
  if (!value) return [];
  const result: MailAddress[] = [];
  let start = 0;
  let inQuotes = false;
  let inAngle = false;
  let commentDepth = 0;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (inQuotes) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inQuotes = false;
    } else if (commentDepth > 0) {
      if (c === BACKSLASH) i += 1;
      else if (c === LPAREN) commentDepth += 1;
      else if (c === RPAREN) commentDepth -= 1;
    } else if (c === QUOTE) inQuotes = true;
    else if (c === LPAREN) commentDepth = 1;
    else if (c === LT) inAngle = true;
    else if (c === GT) inAngle = false;
    else if (!inAngle && (c === COMMA || c === SEMICOLON)) {
      pushAddress(value.slice(start, i), result);
      start = i + 1;
    } else if (!inAngle && c === COLON) {
      // "Group name:" introduces a group; the name is not an address.
      start = i + 1;
    }
  }
  pushAddress(value.slice(start), result);
  return result;
}

/** The angle-bracketed address's "<": the last one outside quotes (`"Dana <old@x>" <new@x>` is new@x). */
function angleStart(token: string): number {
  let inQuotes = false;
  let found = -1;
  for (let i = 0; i < token.length; i += 1) {
    const c = token.charCodeAt(i);
    if (inQuotes) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inQuotes = false;
    } else if (c === QUOTE) inQuotes = true;
    else if (c === LT) found = i;
  }
  return found;
}

function pushAddress(token: string, out: MailAddress[]): void {
  const lt = angleStart(token);
  const gt = lt === -1 ? -1 : token.indexOf(">", lt);
  let email: string;
  let name: string;
  if (lt !== -1 && gt !== -1) {
    email = token.slice(lt + 1, gt);
    name = token.slice(0, lt) + token.slice(gt + 1);
  } else {
    // "dana@x.com (Dana Smith)": the comment is the only name there is.
    const paren = token.indexOf("(");
    email = paren === -1 ? token : token.slice(0, paren);
    name = paren === -1 ? "" : token.slice(paren + 1, token.lastIndexOf(")") === -1 ? undefined : token.lastIndexOf(")"));
  }
  email = normalizeEmail(email);
  if (!email) return;
  const address: MailAddress = { email };
  const cleanName = cleanDisplayName(name);
  if (cleanName && cleanName.toLowerCase() !== email) address.name = cleanName;
  out.push(address);
}

function cleanDisplayName(raw: string): string {
  let name = raw.trim();
  if (name.length === 0) return "";
  if (name.includes("=?")) name = decodeWords(name);
  if (name.charCodeAt(0) === QUOTE && name.charCodeAt(name.length - 1) === QUOTE && name.length >= 2) {
    name = name.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  // An address quoted inside the name ("Dana <dana@x>" <dana@x>) is not part of it.
  if (name.includes("<")) name = name.replace(/<[^<>\s]*@[^<>\s]*>/g, " ");
  // Folding leaves tabs and double spaces inside names; most names have none, so skip the regex then.
  return name.includes("  ") || name.includes("\t") ? name.replace(/\s+/g, " ").trim() : name.trim();
}

/** RFC 2047 decoding that never throws: an undecodable word is kept as written. */
export function decodeWords(value: string): string {
  if (!value.includes("=?")) return value;
  try {
    return libmime.decodeWords(value);
  } catch {
    return value;
  }
}
