// Stable ids for records whose source has none (a Google Contacts row, a vCard without UID, an email without
// Message-ID): the same content always hashes to the same id, so re-importing the same file changes nothing.
import { createHash } from "node:crypto";

export function stableId(prefix: string, parts: ReadonlyArray<string | undefined>): string {
  const hash = createHash("sha256");
  // A separator that cannot occur in the parts keeps ["ab", "c"] and ["a", "bc"] apart.
  for (const part of parts) hash.update(`${part ?? ""}\u001f`);
  return `${prefix}:${hash.digest("base64url").slice(0, 22)}`;
}
