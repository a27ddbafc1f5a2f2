"use client";
// Undoes one merge from the history (admin): asks once, then restores both people exactly as they were.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
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
  // Undo and Confirm/Cancel replace each other: keyboard focus moves to whichever is now shown.
  const undoButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef(false);
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (confirming ? confirmButton : undoButton).current?.focus();
  }, [confirming]);
  const showConfirm = (show: boolean) => {
    moveFocus.current = true;
    setConfirming(show);
  };

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
          <button ref={confirmButton} type="button" onClick={undo} disabled={pending} aria-label={`Confirm undo of ${label}`} className={`${buttonClass("primary")} disabled:opacity-50`}>
            {pending ? "Undoing…" : "Confirm undo"}
          </button>
          <button type="button" onClick={() => showConfirm(false)} disabled={pending} className={buttonClass("ghost")}>
            Cancel
          </button>
        </span>
      ) : (
        <button ref={undoButton} type="button" onClick={() => showConfirm(true)} disabled={pending} aria-label={`Undo ${label}`} className={`${buttonClass("secondary")} disabled:opacity-50`}>
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
