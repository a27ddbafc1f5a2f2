// Where an import's wall time goes, by phase, for `npm run bench:import` (and anyone profiling a run).
// Off unless a collector is installed: `collectPhaseTimings()` returns the totals object the pipeline adds
// to until `stopPhaseTimings()`. Phases nest only where documented (parse excludes the batch commits).
export type ImportPhase =
  | "parse"
  | "batch.organizations"
  | "batch.people"
  /** Inside batch.people (the default resolver): identity + candidate lookups, Person writes, PersonIdentity rows. */
  | "people.lookup"
  | "people.write"
  | "people.identities"
  | "batch.interactions"
  | "batch.bookkeeping"
  | "final.pairs"
  | "final.recompute"
  /** Inside final.recompute (the per-pair path: lib/strength/recompute.ts RecomputePhase). */
  | "recompute.keys"
  | "recompute.stored.read"
  | "recompute.history.read"
  | "recompute.mutual"
  | "recompute.write"
  /** Inside final.recompute (the full path: lib/strength/recompute-all.ts timings). */
  | "recompute.full.aggregate"
  | "recompute.full.mutual"
  | "recompute.full.write"
  | "recompute.full.swap"
  | "final.bookkeeping";

export type PhaseTimings = Partial<Record<ImportPhase, number>>;

let current: PhaseTimings | null = null;

export function collectPhaseTimings(): PhaseTimings {
  current = {};
  return current;
}

export function stopPhaseTimings(): void {
  current = null;
}

/** Adds `ms` to a phase (no-op when no collector is installed). */
export function addPhaseTime(phase: ImportPhase, ms: number): void {
  if (current) current[phase] = (current[phase] ?? 0) + ms;
}

export async function timed<T>(phase: ImportPhase, work: () => Promise<T>): Promise<T> {
  if (!current) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    addPhaseTime(phase, performance.now() - started);
  }
}

/** The sum of some phases so far (0 without a collector). */
export function phaseTotal(phases: readonly ImportPhase[]): number {
  if (!current) return 0;
  let total = 0;
  for (const phase of phases) total += current[phase] ?? 0;
  return total;
}
