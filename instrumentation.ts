// Next's startup hook: close the database pool cleanly when the server is asked to stop, so in-flight
// queries finish and PostgreSQL does not log aborted connections.
export async function register(): Promise<void> {
  // Only the Node.js server has process signals and the pg driver. The condition is written as a block
  // (not an early return) so the bundler drops this code from the edge build entirely.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { disconnectDatabase } = await import("./lib/db");
    let shuttingDown = false;

    const shutdown = (signal: NodeJS.Signals) => {
      if (shuttingDown) return;
      shuttingDown = true;
      // A requested stop is a clean exit (0): supervisors such as scripts/start.ts treat non-zero as a crash.
      disconnectDatabase()
        .catch((error: unknown) => console.error(`Error while disconnecting from the database on ${signal}:`, error))
        .finally(() => process.exit(0));
    };

    process.once("SIGTERM", shutdown);
    process.once("SIGINT", shutdown);
  }
}
