// The import pipeline: parsed observations → identity resolution → people, organizations, interactions,
// edges, with run history (SyncRun), SyncState and audit rows. See README.md.
export { importFile } from "./import-file";
export { executeRun, type ExecuteRunOptions } from "./execute-run";
export { createQueuedRun, type NewRun } from "./create-run";
export { ZImportRunOptions, type TImportRunOptions } from "./import-options";
export { lockedRuns } from "./run-lock";
export { ExactIdentityResolver } from "./exact-identity-resolver";
export { organizationDomain } from "./free-mail";
export { DECAY_REFERENCE_DATE } from "./recompute-edges";
export type { IdentityObservation, IdentityResolver, ImportFileOptions, ImportSummary, ResolvedIdentity, ResolveStats } from "./types";
