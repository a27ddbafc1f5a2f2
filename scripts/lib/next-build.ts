// Builds the production Next.js app when the sources changed since the last build. The fingerprint is
// a hash of every source file's path, size and mtime, stored next to the build; cheap to compute.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const SOURCE_ROOTS = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "package.json", "tsconfig.json", "postcss.config.mjs", "instrumentation.ts", "proxy.ts"];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function collect(path: string, into: string[]): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path)) {
      if (!SKIP.has(entry) && !entry.endsWith(".test.ts")) collect(join(path, entry), into);
    }
  } else {
    into.push(`${path}:${stat.size}:${Math.floor(stat.mtimeMs)}`);
  }
}

export function sourceFingerprint(root = process.cwd()): string {
  const entries: string[] = [];
  for (const source of SOURCE_ROOTS) collect(join(root, source), entries);
  const hash = createHash("sha256");
  for (const entry of entries.sort()) hash.update(relative(root, entry)).update("\n");
  return hash.digest("hex");
}

const fingerprintFile = (root: string) => join(root, ".next", "wig-build-fingerprint");

export function isBuildFresh(root = process.cwd()): boolean {
  if (!existsSync(join(root, ".next", "BUILD_ID")) || !existsSync(fingerprintFile(root))) return false;
  return readFileSync(fingerprintFile(root), "utf8").trim() === sourceFingerprint(root);
}

/** Runs `next build` unless the existing build matches the sources. Resolves to true when it built. */
export async function ensureProductionBuild(
  options: { root?: string; force?: boolean; log?: (line: string) => void; signal?: AbortSignal } = {},
): Promise<boolean> {
  const root = options.root ?? process.cwd();
  if (!options.force && isBuildFresh(root)) return false;
  const fingerprint = sourceFingerprint(root);
  options.log?.("Building the production app (next build; about a minute on 2 cores, only when sources changed)…");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: root,
      // The build never needs the database; keep it from trying.
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
      // Its own process group, so stopping it (signal) also stops the build's worker processes.
      detached: true,
    });
    const stop = () => {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          // Already gone.
        }
      }
    };
    options.signal?.addEventListener("abort", stop, { once: true });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      options.signal?.removeEventListener("abort", stop);
      if (code === 0) resolve();
      else reject(new Error(options.signal?.aborted ? "next build was stopped" : `next build failed with exit code ${code ?? signal}`));
    });
  });
  writeFileSync(fingerprintFile(root), fingerprint);
  return true;
}
