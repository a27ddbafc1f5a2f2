// `npx playwright test` run directly, not through `npm run test:e2e`: playwright.config.ts calls this in
// the Playwright runner process (never in workers) before the config is built. It prepares the build and
// the database and exports their variables (workers and `next start` inherit them).
// PostgreSQL is stopped by stop-database-reporter.ts, whose onExit runs after Playwright has stopped
// `next start` (a globalTeardown would run before that, under a live server); if the run ends some other
// way, the exit hook below still asks it to stop.
import { prepareE2eEnvironment, type E2eEnvironment } from "./environment";
import { DIRECT_RUN_KEY } from "./settings";

type Holder = { [DIRECT_RUN_KEY]?: E2eEnvironment };

export async function prepareDirectRun(): Promise<void> {
  const environment = await prepareE2eEnvironment();
  Object.assign(process.env, environment.env);
  process.once("exit", () => environment.stopNow());
  (globalThis as Holder)[DIRECT_RUN_KEY] = environment;
}
