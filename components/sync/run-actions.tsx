"use client";
// "Sync again" and "Cancel" for one run: call the admin action, show its message, and hand the run to
// the live status so the dashboard follows it without a reload.
import { useState, useTransition } from "react";
import { cancelRun, syncAgain } from "@/app/admin/sync/actions";
import { buttonClass } from "@/components/ui/button-link";
import { useSyncLive } from "./sync-live";

interface Outcome {
  ok: boolean;
  message: string;
}

function RunActionButton({
  label,
  pendingLabel,
  describedAs,
  run,
  variant = "secondary",
}: {
  label: string;
  pendingLabel: string;
  describedAs: string;
  run: () => Promise<{ ok: true; data: { runId: string; message: string } } | { ok: false; error: { message: string } }>;
  variant?: "secondary" | "ghost";
}) {
  const live = useSyncLive();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const onClick = () => {
    startTransition(async () => {
      const result = await run();
      if (result.ok) {
        setOutcome({ ok: true, message: result.data.message });
        live.watch(result.data.runId);
        live.refresh();
      } else {
        setOutcome({ ok: false, message: result.error.message });
      }
    });
  };
  return (
    <span className="flex flex-col items-end gap-1">
      <button type="button" onClick={onClick} disabled={pending} aria-label={describedAs} className={`${buttonClass(variant)} whitespace-nowrap px-2.5 py-1 text-xs disabled:opacity-50`}>
        {pending ? pendingLabel : label}
      </button>
      {outcome ? (
        <span role={outcome.ok ? "status" : "alert"} className={`max-w-56 text-right text-xs ${outcome.ok ? "text-emerald-700" : "text-red-700"}`}>
          {outcome.message}
        </span>
      ) : null}
    </span>
  );
}

export function SyncAgainButton({ runId, what }: { runId: string; what: string }) {
  return <RunActionButton label="Sync again" pendingLabel="Queuing…" describedAs={`Sync again: ${what}`} run={() => syncAgain({ runId })} />;
}

export function CancelRunButton({ runId, what }: { runId: string; what: string }) {
  return <RunActionButton label="Cancel" pendingLabel="Cancelling…" describedAs={`Cancel ${what}`} run={() => cancelRun({ runId })} variant="ghost" />;
}
