// Two Vitest tiers. Unit tests (`*.test.ts` beside the code) need no database. Integration tests
// (`*.integration.test.ts`) run against a real PostgreSQL that lib/testing/global-setup.ts starts
// (embedded) or creates (a fresh database on DATABASE_URL's server), one file at a time.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = { "@": root, "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)) };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts", "e2e/support/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
          // A guard against hangs, not a speed assertion: the exhaustive and property tests take a few
          // seconds alone and several times that on a loaded 2-core CI machine.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // next-auth imports "next/server" without an extension, which Node's ESM resolver rejects: let Vite resolve it.
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
          include: ["lib/**/*.integration.test.ts", "app/**/*.integration.test.ts", "scripts/**/*.integration.test.ts"],
          environment: "node",
          globalSetup: ["lib/testing/global-setup.ts"],
          setupFiles: ["lib/testing/setup-integration.ts"],
          // One database, so one file at a time; each test resets what it touches.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
