// Runs the Prisma CLI without the network: `node scripts/prisma.mjs generate|format|validate|studio …`.
// The CLI wants a native schema-engine binary it would download on first use. generate, format, validate
// and studio never call it, so PRISMA_SCHEMA_ENGINE_BINARY points at a stub that explains itself if run.
// Commands that do need it (migrate, db push) go through scripts/db/migrate.ts and the WebAssembly engine.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stub = join(root, "node_modules", ".cache", "wig", "schema-engine-stub.sh");
if (!existsSync(stub)) {
  mkdirSync(dirname(stub), { recursive: true });
  writeFileSync(
    stub,
    '#!/bin/sh\necho "WIG: the native Prisma schema engine cannot be downloaded here; use npm run migrate, migrate:deploy or db:push (they use the WebAssembly engine)." >&2\nexit 1\n',
  );
  chmodSync(stub, 0o755);
}
const prismaBin = join(root, "node_modules", "prisma", "build", "index.js");
if (!existsSync(prismaBin)) {
  console.error("WIG: prisma is not installed; run `npm install` first.");
  process.exit(1);
}
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const result = spawnSync(process.execPath, [prismaBin, ...process.argv.slice(2)], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
