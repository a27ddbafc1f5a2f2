"use client";
// Undoes one merge from the history (admin): asks once, then restores both people exactly as they were.
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { undoMergeAction } from "@/app/merges/actions";
import { buttonClass } from "@/components/ui/button-link";

interface Outcome {
  ok: boolean;
  message: string;
}

/**
 * `undone`: what the cell shows once the merge is undone. The table keeps rendering this component for an
 * undone merge, so the confirmation survives the refresh that brings the undone state in.
 */
export function UndoMergeButton({ mergeId, label, undone = null }: { mergeId: string; label: string; undone?: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const undo = () => {
    startTransition(async () => {
      const result = await undoMergeAction({ mergeId });
      setConfirming(false);
      setOutcome(result.ok ? { ok: true, message: result.data.message } : { ok: false, message: result.error.message });
      if (result.ok) router.refresh();
    });
  };

  return (
    <span className="flex flex-col items-end gap-1">
      {undone ?? (confirming ? (
        <span className="flex items-center gap-1">
          <button type="button" onClick={undo} disabled={pending} aria-label={`Confirm undo of ${label}`} className={`${buttonClass("primary")} disabled:opacity-50`}>
            {pending ? "Undoing…" : "Confirm undo"}
          </button>
          <button type="button" onClick={() => setConfirming(false)} disabled={pending} className={buttonClass("ghost")}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} disabled={pending} aria-label={`Undo ${label}`} className={`${buttonClass("secondary")} disabled:opacity-50`}>
          Undo
        </button>
      ))}
      {outcome ? (
        <span role={outcome.ok ? "status" : "alert"} className={`max-w-56 text-right text-xs ${outcome.ok ? "text-emerald-700" : "text-red-700"}`}>
          {outcome.message}
        </span>
      ) : null}
    </span>
  );
}
