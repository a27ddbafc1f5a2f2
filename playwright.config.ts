// Browser tests against a production build (`next start`) and a dedicated database (wig_e2e).
// `npm run test:e2e` (scripts/test.ts) prepares the build and the database first and passes them in the
// environment; `npx playwright test` does the same here (e2e/support/direct-run.ts). Either way that
// happens before Playwright starts `webServer`, which it does before any globalSetup.
import { availableParallelism } from "node:os";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable, e2eBaseUrl, e2ePort, E2E_DATABASE_URL_VAR, serverEnvironment } from "./e2e/support/settings";

const isWorker = process.env.TEST_WORKER_INDEX !== undefined;
const args = process.argv.slice(2);
const runsTests = args.includes("test") && !args.some((arg) => ["--list", "--help", "-h"].includes(arg));
const directRun = !process.env[E2E_DATABASE_URL_VAR] && !isWorker && runsTests;
if (directRun) {
  // Imported only here: the database code registers exit hooks that workers must not have.
  const { prepareDirectRun } = await import("./e2e/support/direct-run");
  await prepareDirectRun();
}

const databaseUrl = process.env[E2E_DATABASE_URL_VAR];
const port = e2ePort();
const baseURL = e2eBaseUrl();
const executablePath = chromiumExecutable();
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: "e2e",
  // Specs only: e2e/support/*.test.ts are Vitest unit tests of the harness itself.
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  workers: Math.min(2, availableParallelism()),
  // scripts/test.ts replaces these with list + json; a direct run adds the reporter that stops its database.
  reporter: directRun ? [["list"], ["./e2e/support/stop-database-reporter.ts"]] : [["list"]],
  // Generous: a 2-core CI machine running the server, the worker, PostgreSQL and two browsers is slow, not broken.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
      },
    },
  ],
  // Without a prepared database there is nothing to serve (`--list`, editor integrations): no server then.
  // Two processes, as `npm start` runs them: the web server, and the job worker that runs imports queued
  // from the sync dashboard (e2e/sync.spec.ts), on the same database and environment.
  webServer: databaseUrl
    ? [
        {
          // `exec` and no npx: one process, so the SIGTERM of gracefulShutdown reaches Next itself.
          command: `exec "${process.execPath}" node_modules/next/dist/bin/next start -p ${port}`,
          port,
          env: serverEnvironment(databaseUrl),
          reuseExistingServer: false,
          timeout: 60_000,
          gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
          stdout: "ignore",
          stderr: "pipe",
        },
        {
          name: "worker",
          command: `exec "${process.execPath}" --import tsx scripts/worker.ts`,
          // Ready once it listens on its queues (lib/jobs/worker.ts logs this line).
          wait: { stdout: /listening on \d+ queue/ },
          env: serverEnvironment(databaseUrl),
          reuseExistingServer: false,
          timeout: 60_000,
          gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
          stdout: "pipe",
          stderr: "pipe",
        },
      ]
    : undefined,
});
