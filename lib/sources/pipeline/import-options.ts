// What a queued import run carries in SyncRun.options (validated here, by queueImport and by the job).
import { z } from "zod";

export const ZImportRunOptions = z
  .object({
    /** The importing person's addresses: mailbox owner, and the other end of LinkedIn connections. */
    ownerEmails: z.array(z.email().max(320)).max(20).optional(),
    /** Pins the clock for strength scoring and calendar occurrences (tests, reproducible imports). ISO 8601. */
    now: z.iso.datetime().optional(),
  })
  .strict();
export type TImportRunOptions = z.infer<typeof ZImportRunOptions>;
