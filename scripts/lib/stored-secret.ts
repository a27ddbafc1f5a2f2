// The CLIs that import data (npm run import, npm run worker) hash identifiers for the erasure suppression
// list with AUTH_SECRET. `npm start` generates it into <data dir>/auth-secret when it is not set; use the
// same one here, or records of erased people would not match the list.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { dataDirectory } from "../../lib/db/runtime";

export function useStoredAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  const file = join(dataDirectory(), "auth-secret");
  if (existsSync(file)) process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}
