"use client";
// "How well do you know them?" The signed-in member's own judgement of this relationship, stored apart
// from the computed evidence and shown as an explained factor of the strength. Calls the server actions
// it is given (app/people/[id]/override-actions.ts), which check the session and the input themselves.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

export type OverrideLevel = "knows_well" | "barely_knows";

interface ActionOutcome {
  ok: boolean;
  error?: { message: string };
}

export type SetOverrideAction = (input: { personId: string; level: OverrideLevel; note?: string }) => Promise<ActionOutcome>;
export type ClearOverrideAction = (input: { personId: string }) => Promise<ActionOutcome>;

const CHOICES: Array<{ level: OverrideLevel; label: string; hint: string }> = [
  { level: "knows_well", label: "I know them well", hint: "raises the strength of your tie" },
  { level: "barely_knows", label: "I barely know them", hint: "lowers it, whatever the data says" },
];

export function OverrideControl({
  personId,
  personName,
  current,
  setOverride,
  clearOverride,
}: {
  personId: string;
  personName: string;
  current: OverrideLevel | null;
  setOverride: SetOverrideAction | null;
  clearOverride: ClearOverrideAction | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const available = setOverride !== null && clearOverride !== null;

  function run(action: () => Promise<ActionOutcome>, success: string) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setMessage({ tone: "ok", text: success });
        router.refresh();
      } else {
        setMessage({ tone: "error", text: result.error?.message ?? "That did not work. Try again." });
      }
    });
  }

  return (
    <section className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm" aria-label="Your relationship">
      <h2 className="text-sm font-semibold text-zinc-900">How well do you know {personName.split(" ")[0]}?</h2>
      <p className="mt-0.5 text-xs text-zinc-500">Your own judgement enters your tie's strength as a separate, explained factor. Only your relationship changes.</p>
      {/* Toggle buttons, not radios: choosing one saves at once, and radios would save on every arrow key. */}
      <div className="mt-3 flex flex-col gap-2" role="group" aria-label="Your judgement">
        {CHOICES.map((choice) => {
          const selected = current === choice.level;
          return (
            <button
              key={choice.level}
              type="button"
              aria-pressed={selected}
              disabled={!available || pending}
              onClick={() => run(() => (setOverride as SetOverrideAction)({ personId, level: choice.level }), `Saved: “${choice.label}”.`)}
              className={`flex items-center justify-between rounded-lg border px-3 py-2 text-left text-sm transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${
                selected ? "border-amber-400 bg-amber-50 text-amber-900" : "border-zinc-200 text-zinc-700 hover:bg-zinc-50"
              }`}
            >
              <span className="font-medium">{choice.label}</span>
              <span className="text-[11px] text-zinc-500">{choice.hint}</span>
            </button>
          );
        })}
      </div>
      {current !== null ? (
        <button
          type="button"
          disabled={!available || pending}
          onClick={() => run(() => (clearOverride as ClearOverrideAction)({ personId }), "Cleared: the strength follows the data again.")}
          className="mt-2 text-xs text-zinc-500 underline hover:text-zinc-900 disabled:opacity-60"
        >
          Clear my judgement
        </button>
      ) : null}
      {!available ? <p className="mt-2 text-xs text-zinc-500">Saving judgements is not available yet.</p> : null}
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={`mt-2 text-xs ${message.tone === "error" ? "text-red-700" : "text-emerald-700"}`}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
