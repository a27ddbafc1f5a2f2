// Every job type the worker runs. Add a definition here (one line) when a module defines a job.
import { recomputeAllJob } from "../strength/recompute-job";
import type { JobDefinition } from "./define-job";

export const JOB_DEFINITIONS: readonly JobDefinition<never>[] = [recomputeAllJob as JobDefinition<never>];
