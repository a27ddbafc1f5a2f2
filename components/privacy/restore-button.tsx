"use client";
// Restores one soft-deleted person or organization from the privacy screen, shows the action's message,
// then refreshes the server-rendered lists.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { restoreOrganization, restorePerson } from "@/app/admin/privacy/actions";
import { buttonClass } from "@/components/ui/button-link";

interface Outcome {
  ok: boolean;
  message: string;
}

export function RestoreButton({ kind, id, label }: { kind: "person" | "organization"; id: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const restore = () => {
    startTransition(async () => {
      const result = kind === "person" ? await restorePerson({ personId: id }) : await restoreOrganization({ organizationId: id });
      setOutcome(result.ok ? { ok: true, message: result.data.message } : { ok: false, message: result.error.message });
      if (result.ok) router.refresh();
    });
  };

  return (
    <span className="flex flex-col items-end gap-1">
      <button type="button" onClick={restore} disabled={pending} aria-label={`Restore ${label}`} className={`${buttonClass("secondary")} disabled:opacity-50`}>
        {pending ? "Restoring…" : "Restore"}
      </button>
      {outcome ? (
        <span role={outcome.ok ? "status" : "alert"} className={`text-xs ${outcome.ok ? "text-emerald-700" : "text-red-700"}`}>
          {outcome.message}
        </span>
      ) : null}
    </span>
  );
}
