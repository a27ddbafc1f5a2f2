// When `npm start` restarts a job worker that died (a crash, an out-of-memory abort, a kill): at once the
// first time, then with a doubling delay while it keeps dying soon after starting, so a job that crashes
// it every time cannot spin the machine. A worker that ran for a while before dying starts the count again.
// A restarted worker re-queues the import a dead one left `running`, which resumes from its cursor.

/** A worker that lived this long before exiting counts as healthy: the next restart is immediate again. */
export const HEALTHY_UPTIME_MS = 60_000;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;

export interface RestartState {
  /** Consecutive exits that came soon after a start. */
  quickExits: number;
}

/** The delay before the next start, and the state to keep, given how long the worker that exited ran. */
export function nextRestart(state: RestartState, uptimeMs: number): { delayMs: number; state: RestartState } {
  const quickExits = uptimeMs >= HEALTHY_UPTIME_MS ? 0 : state.quickExits + 1;
  const delayMs = quickExits === 0 ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (quickExits - 1));
  return { delayMs, state: { quickExits } };
}
