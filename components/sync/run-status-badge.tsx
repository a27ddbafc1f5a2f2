import type { SyncRunStatus } from "@/lib/db";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const tone: Record<SyncRunStatus, BadgeTone> = { queued: "neutral", running: "accent", success: "success", failed: "danger", cancelled: "warning" };
const label: Record<SyncRunStatus, string> = { queued: "Queued", running: "Running", success: "Success", failed: "Failed", cancelled: "Cancelled" };

export function runStatusLabel(status: SyncRunStatus): string {
  return label[status];
}

/** One import run's status (SyncStatusBadge is the per-source health). */
export function RunStatusBadge({ status, cancelRequested = false }: { status: SyncRunStatus; cancelRequested?: boolean }) {
  if (cancelRequested && (status === "queued" || status === "running")) {
    return (
      <Badge tone="warning" dot>
        Cancelling
      </Badge>
    );
  }
  return (
    <Badge tone={tone[status]} dot>
      {label[status]}
    </Badge>
  );
}
