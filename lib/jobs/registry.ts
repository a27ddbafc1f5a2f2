// Every job type the worker runs. Add a definition here (one line) when a module defines a job.
import { retentionJob } from "../privacy/retention-job";
import { importJob } from "../sources/jobs/import-job";
import { recomputeAllJob } from "../strength/recompute-job";
import type { JobDefinition } from "./define-job";

export const JOB_DEFINITIONS: readonly JobDefinition<never>[] = [
  importJob as JobDefinition<never>,
  retentionJob as JobDefinition<never>,
  recomputeAllJob as JobDefinition<never>,
];
