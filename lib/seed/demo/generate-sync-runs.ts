// The demo's import history: one finished run per source the contract seed says was synced (SyncState),
// ending when its last success was, and counting what the demo holds from that source; Slack also has the
// failed run behind its SyncState's error. Without them /admin/sync showed sources synced weeks ago and a
// run history with no runs. The runs keep no file (filePath null), so "Sync again" is not offered.
import { CONTRACT_SYNC_STATES } from "../contract-seed-data";
import { stableUuid } from "../seed-ids";
import type { DemoNetwork } from "./types";

export interface DemoSyncRun {
  id: string;
  sourceName: string;
  status: "success" | "failed";
  startedAt: Date;
  finishedAt: Date;
  createdAt: Date;
  rowsRead: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  suppressed: number;
  error: string | null;
  fileName: string;
  fileBytes: number;
  options: Record<string, never>;
  cursor: string;
  progressDone: number;
  progressTotal: number;
  progressUnit: "bytes";
  correlationId: string;
}

/** The export file each source's run read, and roughly how many bytes a record takes in it. */
const FILES: Record<string, { fileName: string; bytesPerRecord: number }> = {
  linkedin: { fileName: "Connections.csv", bytesPerRecord: 140 },
  gmail: { fileName: "All mail Including Spam and Trash.mbox", bytesPerRecord: 4_800 },
  calendar: { fileName: "amara.okafor@kestrelrow.vc.ics", bytesPerRecord: 900 },
  slack: { fileName: "Kestrel Row Slack export.zip", bytesPerRecord: 260 },
};

/** Seconds an import of this many records took, as measured imports go (a few thousand records a second). */
const durationMs = (records: number): number => 1_500 + Math.round(records * 0.4);

export function generateDemoSyncRuns(network: Pick<DemoNetwork, "interactions" | "identities">): DemoSyncRun[] {
  const interactions = new Map<string, number>();
  for (const interaction of network.interactions) interactions.set(interaction.sourceName, (interactions.get(interaction.sourceName) ?? 0) + 1);
  const identities = new Map<string, number>();
  for (const identity of network.identities) identities.set(identity.sourceName, (identities.get(identity.sourceName) ?? 0) + 1);

  const runs: DemoSyncRun[] = [];
  for (const state of CONTRACT_SYNC_STATES) {
    const file = FILES[state.sourceName];
    if (!file || !state.lastSuccessAt) continue;
    const records = interactions.get(state.sourceName) ?? 0;
    const fileBytes = Math.max(1, records) * file.bytesPerRecord;
    const finishedAt = state.lastSuccessAt;
    const startedAt = new Date(finishedAt.getTime() - durationMs(records));
    const success: DemoSyncRun = {
      id: stableUuid(`demo/sync-run/${state.sourceName}/success`),
      sourceName: state.sourceName,
      status: "success",
      startedAt,
      finishedAt,
      createdAt: startedAt,
      rowsRead: records,
      created: records + (identities.get(state.sourceName) ?? 0),
      updated: 0,
      skipped: 0,
      failed: 0,
      suppressed: 0,
      error: null,
      fileName: file.fileName,
      fileBytes,
      options: {},
      cursor: String(records),
      progressDone: fileBytes,
      progressTotal: fileBytes,
      progressUnit: "bytes",
      correlationId: `seed-demo-${state.sourceName}-import`,
    };
    runs.push(success);
    // A source whose last sync failed after that success (Slack's damaged zip): the failed run too.
    if (state.status === "failed" && state.lastError && state.lastSyncAt && state.lastSyncAt > finishedAt) {
      const failedStart = new Date(state.lastSyncAt.getTime() - 2_000);
      runs.push({
        ...success,
        id: stableUuid(`demo/sync-run/${state.sourceName}/failed`),
        status: "failed",
        startedAt: failedStart,
        finishedAt: state.lastSyncAt,
        createdAt: failedStart,
        rowsRead: 0,
        created: 0,
        error: state.lastError,
        fileBytes: Math.round(fileBytes * 0.4),
        cursor: "0",
        progressDone: 0,
        progressTotal: Math.round(fileBytes * 0.4),
        correlationId: `seed-demo-${state.sourceName}-import-failed`,
      });
    }
  }
  return runs;
}
