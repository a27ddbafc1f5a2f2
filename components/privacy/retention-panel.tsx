"use client";
// "Preview" (a dry run: counts only, nothing changes) and "Run now" for the retention policies. The same
// runRetention runs daily as the privacy.retention job at 03:15 UTC.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { runRetentionNow } from "@/app/admin/privacy/actions";
import { buttonClass } from "@/components/ui/button-link";

interface Counts {
  dryRun: boolean;
  softDeletedPeople: { enabled: boolean; count: number };
  interactions: { enabled: boolean; count: number };
  auditLogs: { enabled: boolean; count: number };
}

const line = (label: string, policy: { enabled: boolean; count: number }, dryRun: boolean) =>
  policy.enabled ? `${label}: ${policy.count} ${dryRun ? "would go" : "removed"}` : `${label}: kept (off)`;

export function RetentionPanel() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (dryRun: boolean) => {
    startTransition(async () => {
      const result = await runRetentionNow({ dryRun });
      setCounts(result.ok ? result.data : null);
      setError(result.ok ? null : result.error.message);
      if (result.ok && !dryRun) router.refresh();
    });
  };

  return (
    <div className="flex flex-col gap-3 px-5 py-4">
      <div className="flex gap-2">
        <button type="button" onClick={() => run(true)} disabled={pending} className={`${buttonClass("secondary")} disabled:opacity-50`}>
          Preview
        </button>
        <button type="button" onClick={() => run(false)} disabled={pending} className={`${buttonClass("primary")} disabled:opacity-50`}>
          Run now
        </button>
      </div>
      {counts ? (
        <ul role="status" aria-label={counts.dryRun ? "Retention preview" : "Retention run"} className="space-y-1 text-sm text-zinc-700">
          <li className="font-medium">{counts.dryRun ? "Preview (nothing changed)" : "Done"}</li>
          <li>{line("Soft-deleted people", counts.softDeletedPeople, counts.dryRun)}</li>
          <li>{line("Interactions", counts.interactions, counts.dryRun)}</li>
          <li>{line("Audit rows", counts.auditLogs, counts.dryRun)}</li>
        </ul>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
