// A reporter only for its onExit hook, which Playwright calls after every teardown, `next start`
// included: the right moment to stop the database a direct `npx playwright test` run prepared
// (e2e/support/direct-run.ts). Under `npm run test:e2e`, scripts/test.ts owns the database instead.
import type { Reporter } from "@playwright/test/reporter";
import type { E2eEnvironment } from "./environment";
import { DIRECT_RUN_KEY } from "./settings";

export default class StopDatabaseReporter implements Reporter {
  printsToStdio(): boolean {
    return false;
  }

  async onExit(): Promise<void> {
    const environment = (globalThis as { [DIRECT_RUN_KEY]?: E2eEnvironment })[DIRECT_RUN_KEY];
    await environment?.stop();
  }
}
