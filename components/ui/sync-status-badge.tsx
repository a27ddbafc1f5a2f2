import type { SyncStatus } from "@/lib/db";
import { Badge, type BadgeTone } from "./badge";

const tone: Record<SyncStatus, BadgeTone> = { idle: "neutral", running: "accent", success: "success", failed: "danger" };
const label: Record<SyncStatus, string> = { idle: "Idle", running: "Running", success: "Healthy", failed: "Failed" };

export function SyncStatusBadge({ status }: { status: SyncStatus }) {
  return (
    <Badge tone={tone[status]} dot>
      {label[status]}
    </Badge>
  );
}
