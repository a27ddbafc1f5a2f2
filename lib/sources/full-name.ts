// A display name from its parts, as contact exports split them (vCard N, Google Contacts' name columns).
// Chinese, Japanese and Korean names are written family name first and without spaces (王小明, 田中愛子);
// everything else given, middle, family, with spaces.
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function fullName(parts: { given: string; additional?: string; family: string }): string {
  const given = parts.given.trim();
  const additional = (parts.additional ?? "").trim();
  const family = parts.family.trim();
  if (EAST_ASIAN.test(family + given)) return `${family}${given}${additional}`;
  return [given, additional, family].filter(Boolean).join(" ");
}
