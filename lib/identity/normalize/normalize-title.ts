// Job titles to a set of words for a weak similarity signal. Abbreviations are expanded so "Sr. Eng. Mgr"
// and "Senior Engineering Manager" share words; filler words are dropped so "Head of Sales" and "Sales
// Head" agree. Titles change with every promotion, which is why the title comparison weighs little.
import { foldText } from "./fold-text";

const EXPANSIONS: Readonly<Record<string, string>> = {
  sr: "senior", snr: "senior", jr: "junior", vp: "vice president", svp: "senior vice president",
  evp: "executive vice president", avp: "assistant vice president", mgr: "manager", mngr: "manager",
  eng: "engineering", engr: "engineer", dir: "director", dev: "developer", swe: "software engineer",
  pm: "product manager", tpm: "technical program manager", em: "engineering manager", hr: "human resources",
  ops: "operations", mktg: "marketing", acct: "account", exec: "executive", assoc: "associate",
  asst: "assistant", admin: "administrator", coo: "chief operating officer", cfo: "chief financial officer",
  cto: "chief technology officer", ceo: "chief executive officer", cmo: "chief marketing officer",
  cpo: "chief product officer", ciso: "chief information security officer",
};
const FILLER = new Set(["of", "the", "and", "for", "at", "in", "a", "an", "to"]);

/** Sorted distinct title words, or null for an empty title. */
export function normalizeTitle(raw: string): string[] | null {
  const words = foldText(raw)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .flatMap((word) => (EXPANSIONS[word] ?? word).split(" "))
    .filter((word) => word.length > 0 && !FILLER.has(word));
  const distinct = [...new Set(words)].sort();
  return distinct.length > 0 ? distinct : null;
}
