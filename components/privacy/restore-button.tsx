"use client";
// Restores one soft-deleted person or organization from the privacy screen, then refreshes the
// server-rendered lists. The restored row leaves the list, so success is confirmed above the table
// (RowActionStatus); a failure stays beside the button, on the row that is still there.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { restoreOrganization, restorePerson } from "@/app/admin/privacy/actions";
import { buttonClass } from "@/components/ui/button-link";
import { useRowActionStatus } from "@/components/ui/row-action-status";

export function RestoreButton({ kind, id, label }: { kind: "person" | "organization"; id: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const report = useRowActionStatus();

  const restore = () => {
    startTransition(async () => {
      const result = kind === "person" ? await restorePerson({ personId: id }) : await restoreOrganization({ organizationId: id });
      setError(result.ok ? null : result.error.message);
      report(result.ok ? `Restored ${label}.` : null);
      if (result.ok) router.refresh();
    });
  };

  return (
    <span className="flex flex-col items-end gap-1">
      <button type="button" onClick={restore} disabled={pending} aria-label={`Restore ${label}`} className={`${buttonClass("secondary")} disabled:opacity-50`}>
        {pending ? "Restoring…" : "Restore"}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
