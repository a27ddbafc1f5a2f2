"use client";
// Bulk approve: the admin picks a probability threshold, sees how many pending candidates it covers
// ("37 candidates ≥ 0.92 will be merged"), then confirms. The confirmation carries the previewed count,
// so if the queue changed in between the server refuses instead of merging a different set.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { bulkMerge, previewBulkMerge } from "@/app/merges/actions";
import { buttonClass } from "@/components/ui/button-link";
import { formatCount } from "@/components/ui/format";

const inputClass =
  "w-24 rounded-md border border-zinc-300 px-2 py-1.5 text-sm text-zinc-900 shadow-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-100";

interface Preview {
  count: number;
  minProbability: number;
}

interface Outcome {
  ok: boolean;
  message: string;
}

export const DEFAULT_BULK_THRESHOLD = 0.95;

function describeResult(data: { considered: number; approved: number; skipped: number; conflicts: string[] }): string {
  const merged = `Done: ${formatCount(data.approved)} merged`;
  if (data.skipped === 0) return `${merged}.`;
  const reasons = [...new Set(data.conflicts)].slice(0, 3).join(" ");
  return `${merged}, ${formatCount(data.skipped)} skipped because one side had changed meanwhile.${reasons ? ` ${reasons}` : ""}`;
}

export function BulkApprove() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(String(DEFAULT_BULK_THRESHOLD));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const parsed = Number(text);
  const threshold = text.trim() !== "" && Number.isFinite(parsed) ? parsed : null;

  const change = (value: string) => {
    setText(value);
    setPreview(null);
  };

  const runPreview = () => {
    if (threshold === null || threshold < 0.5 || threshold > 1) {
      setOutcome({ ok: false, message: "Choose a threshold between 0.5 and 1." });
      return;
    }
    startTransition(async () => {
      const result = await previewBulkMerge({ minProbability: threshold });
      if (result.ok) {
        setPreview(result.data);
        setOutcome(null);
      } else setOutcome({ ok: false, message: result.error.message });
    });
  };

  const confirm = (target: Preview) => {
    startTransition(async () => {
      const result = await bulkMerge({ minProbability: target.minProbability, expectedCount: target.count });
      setPreview(null);
      setOutcome(result.ok ? { ok: true, message: describeResult(result.data) } : { ok: false, message: result.error.message });
      if (result.ok) router.refresh();
    });
  };

  return (
    <div className="flex flex-col gap-3 px-5 py-4" data-testid="bulk-approve">
      <form
        className="flex flex-wrap items-end gap-3"
        aria-label="Bulk approve"
        onSubmit={(event) => {
          event.preventDefault();
          runPreview();
        }}
      >
        <label className="flex flex-col gap-1.5 text-sm font-medium text-zinc-700">
          Minimum probability
          <span className="flex items-center gap-3">
            <input
              type="range"
              min={0.5}
              max={1}
              step={0.01}
              value={threshold ?? DEFAULT_BULK_THRESHOLD}
              onChange={(event) => change(event.target.value)}
              aria-label="Minimum probability (slider)"
              className="w-48 accent-indigo-600"
            />
            <input
              type="number"
              name="minProbability"
              min={0.5}
              max={1}
              step={0.0001}
              value={text}
              onChange={(event) => change(event.target.value)}
              className={inputClass}
            />
          </span>
        </label>
        <button type="submit" disabled={pending} className={`${buttonClass("secondary")} disabled:opacity-50`}>
          {pending && !preview ? "Counting…" : "Preview"}
        </button>
      </form>

      {preview ? (
        <div role="group" className="flex flex-wrap items-center gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2" aria-label="Confirm bulk approve">
          <p className="text-sm text-amber-900" role="status" data-testid="bulk-preview">
            {preview.count === 0
              ? `No pending candidates ≥ ${preview.minProbability} to merge.`
              : `${formatCount(preview.count)} ${preview.count === 1 ? "candidate" : "candidates"} ≥ ${preview.minProbability} will be merged.`}
          </p>
          {preview.count > 0 ? (
            <button type="button" onClick={() => confirm(preview)} disabled={pending} className={`${buttonClass("primary")} disabled:opacity-50`}>
              {pending ? "Merging…" : `Merge ${formatCount(preview.count)}`}
            </button>
          ) : null}
          <button type="button" onClick={() => setPreview(null)} disabled={pending} className={buttonClass("ghost")}>
            Cancel
          </button>
        </div>
      ) : null}

      {outcome ? (
        <p role={outcome.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${outcome.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
          {outcome.message}
        </p>
      ) : null}
      <p className="text-xs text-zinc-500">Every merge lands in the history below and can be undone one by one.</p>
    </div>
  );
}
