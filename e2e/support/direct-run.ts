// `npx playwright test` run directly, not through `npm run test:e2e`: playwright.config.ts calls this in
// the Playwright runner process (never in workers) before the config is built. It prepares the build and
// the database, exports their variables (workers and `next start` inherit them), and stops PostgreSQL
// when the runner exits, after Playwright has stopped `next start` (webServer teardown runs last, so a
// globalTeardown would stop the database under a running server).
import { prepareE2eEnvironment } from "./environment";

export async function prepareDirectRun(): Promise<void> {
  const environment = await prepareE2eEnvironment();
  Object.assign(process.env, environment.env);
  process.once("exit", () => environment.stopNow());
}
