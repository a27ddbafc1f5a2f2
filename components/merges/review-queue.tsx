"use client";
// The review queue: pending candidates, most uncertain first, one in focus at a time with the two people
// side by side and the waterfall of the match weight. Admins approve, reject or skip, by button or key
// (a, r, s; j/k move; ? or the "Shortcuts" button shows the list, a disclosure); members see the same queue
// read-only. Keys are ignored while typing in a field, and with modifier keys held, so browser shortcuts keep
// working. Single-key shortcuts can be turned off (WCAG 2.1.4: speech input and stray key presses must not
// approve a merge); the choice is shared with the graph screen and kept in this browser.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useState, useTransition } from "react";
import { approveMergeCandidate, rejectMergeCandidate, skipMergeCandidate } from "@/app/merges/actions";
import { buttonClass } from "@/components/ui/button-link";
import { formatDateTime } from "@/components/ui/format";
import { isTypingTarget, Kbd, ShortcutsToggle, useSingleKeyShortcuts } from "@/components/ui/single-key-shortcuts";
import { CandidateComparison } from "./candidate-comparison";
import type { CandidateView } from "./types";
import { formatProbability } from "./waterfall";
import { WaterfallChart } from "./waterfall-chart";

interface Outcome {
  ok: boolean;
  message: string;
  /** After a merge: the surviving person's profile. */
  href?: string;
}

type Decision = "approve" | "reject" | "skip";

export const SHORTCUTS: ReadonlyArray<{ keys: string[]; label: string; adminOnly: boolean }> = [
  { keys: ["a"], label: "Approve: same person, merge them", adminOnly: true },
  { keys: ["r"], label: "Reject: different people, never suggest again", adminOnly: true },
  { keys: ["s"], label: "Skip: decide later", adminOnly: true },
  { keys: ["j"], label: "Next candidate", adminOnly: false },
  { keys: ["k"], label: "Previous candidate", adminOnly: false },
  { keys: ["?"], label: "Show or hide these shortcuts", adminOnly: false },
];

function probabilityTone(probability: number): string {
  if (probability >= 0.9) return "bg-emerald-50 text-emerald-800 ring-emerald-200";
  if (probability >= 0.6) return "bg-amber-50 text-amber-800 ring-amber-200";
  return "bg-zinc-100 text-zinc-700 ring-zinc-200";
}

export function ReviewQueue({ candidates, isAdmin }: { candidates: CandidateView[]; isAdmin: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [handled, setHandled] = useState<ReadonlySet<string>>(new Set());
  const [skipped, setSkipped] = useState<readonly string[]>([]);
  const [focusedId, setFocusedId] = useState<string | null>(candidates[0]?.id ?? null);
  const [lastIndex, setLastIndex] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  const [keysOn, setKeysOn] = useSingleKeyShortcuts();
  const helpId = useId();
  const [source, setSource] = useState(candidates);

  // Fresh server data (a refresh after a decision, or an undo that sent a pair back to the queue) already
  // reflects every decision and the server's skip order: local bookkeeping starts over from it.
  if (source !== candidates) {
    setSource(candidates);
    setHandled(new Set());
    setSkipped([]);
  }

  // Skipped candidates go to the back of the queue (for this visit); decided ones disappear at once.
  const queue = useMemo(() => {
    const open = candidates.filter((candidate) => !handled.has(candidate.id));
    const later = open.filter((candidate) => skipped.includes(candidate.id));
    return [...open.filter((candidate) => !skipped.includes(candidate.id)), ...later];
  }, [candidates, handled, skipped]);

  const foundIndex = queue.findIndex((candidate) => candidate.id === focusedId);
  const index = foundIndex >= 0 ? foundIndex : Math.min(lastIndex, queue.length - 1);
  const focused = index >= 0 ? queue[index] : undefined;

  const focusAt = useCallback(
    (next: number) => {
      if (queue.length === 0) return;
      const clamped = Math.max(0, Math.min(queue.length - 1, next));
      setFocusedId(queue[clamped]?.id ?? null);
      setLastIndex(clamped);
    },
    [queue],
  );

  const decide = useCallback(
    (decision: Decision) => {
      if (!focused || !isAdmin || pending) return;
      const candidate = focused;
      startTransition(async () => {
        const action = decision === "approve" ? approveMergeCandidate : decision === "reject" ? rejectMergeCandidate : skipMergeCandidate;
        const result = await action({ candidateId: candidate.id });
        if (!result.ok) {
          setOutcome({ ok: false, message: result.error.message });
          return;
        }
        const pair = `${candidate.a.name} and ${candidate.b.name}`;
        const survivorId = "survivorId" in result.data ? result.data.survivorId : undefined;
        setOutcome({ ok: true, message: `${pair}: ${result.data.message}`, ...(survivorId ? { href: `/people/${survivorId}` } : {}) });
        setLastIndex(index);
        if (decision === "skip") {
          setSkipped((list) => [...list.filter((id) => id !== candidate.id), candidate.id]);
          const next = queue[index + 1] ?? queue.find((entry) => entry.id !== candidate.id);
          setFocusedId(next?.id ?? candidate.id);
        } else {
          setHandled((set) => new Set([...set, candidate.id]));
          setFocusedId(queue[index + 1]?.id ?? queue[index - 1]?.id ?? null);
          router.refresh();
        }
      });
    },
    [focused, isAdmin, pending, index, queue, router],
  );

  const toggleKeys = (on: boolean) => {
    setKeysOn(on);
    if (!on) setShowHelp(false);
  };
  // The list only describes the single-key shortcuts: with them off there is nothing to show.
  const helpShown = keysOn && showHelp;
  const helpToggle = keysOn ? (
    <button
      type="button"
      onClick={() => setShowHelp((shown) => !shown)}
      aria-expanded={helpShown}
      aria-controls={helpId}
      aria-keyshortcuts="?"
      className="rounded px-1 py-0.5 text-xs text-zinc-600 underline-offset-2 hover:bg-zinc-100 hover:text-zinc-900 hover:underline"
    >
      Shortcuts <Kbd>?</Kbd>
    </button>
  ) : null;

  useEffect(() => {
    if (!keysOn) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const key = event.key;
      if (key === "?") setShowHelp((shown) => !shown);
      else if (key === "j") focusAt(index + 1);
      else if (key === "k") focusAt(index - 1);
      else if (key === "Escape") setShowHelp(false);
      else if (isAdmin && key === "a") decide("approve");
      else if (isAdmin && key === "r") decide("reject");
      else if (isAdmin && key === "s") decide("skip");
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [decide, focusAt, index, isAdmin, keysOn]);

  const shortcuts = SHORTCUTS.filter((shortcut) => isAdmin || !shortcut.adminOnly);

  return (
    <div className="flex flex-col gap-4 px-5 py-4" data-testid="review-queue">
      {outcome ? (
        <p role={outcome.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${outcome.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
          {outcome.message}
          {outcome.href ? (
            <>
              {" "}
              <Link href={outcome.href} className="font-medium underline">
                Open the merged person
              </Link>
            </>
          ) : null}
        </p>
      ) : null}

      {!focused ? (
        <div className="py-10 text-center">
          <p className="text-sm font-medium text-zinc-900">The queue is empty</p>
          <p className="mt-1 text-sm text-zinc-500">
            Nothing waits for review. Uncertain matches from identity resolution{isAdmin ? "" : " and merges members propose"} appear here.
          </p>
        </div>
      ) : (
        <div className="grid gap-5 lg:grid-cols-[15rem_1fr]">
          <nav aria-label="Candidates, most uncertain first" className="min-w-0">
            <ol className="max-h-[32rem] space-y-1 overflow-y-auto pr-1">
              {queue.map((candidate, position) => {
                const current = candidate.id === focused.id;
                return (
                  <li key={candidate.id}>
                    <button
                      type="button"
                      onClick={() => focusAt(position)}
                      aria-current={current ? "true" : undefined}
                      className={`flex w-full items-center justify-between gap-2 rounded-md px-2 py-1.5 text-left text-xs ${current ? "bg-accent-50 text-accent-900 ring-1 ring-accent-200" : "text-zinc-700 hover:bg-zinc-50"}`}
                    >
                      <span className="min-w-0">
                        <span className="block truncate font-medium">{candidate.a.name}</span>
                        <span className="block truncate text-zinc-600">{candidate.b.name}</span>
                      </span>
                      <span className="flex shrink-0 flex-col items-end">
                        <span className="font-mono tabular-nums">{formatProbability(candidate.probability)}</span>
                        {candidate.proposedBy ? <span className="text-[10px] text-accent-700">proposed</span> : null}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
          </nav>

          <p className="sr-only" aria-live="polite" aria-atomic="true">
            {`Candidate ${index + 1} of ${queue.length}: ${focused.a.name} and ${focused.b.name}, ${formatProbability(focused.probability)} match.`}
          </p>
          <article aria-labelledby="focused-candidate-title" className="min-w-0 space-y-5" data-testid="focused-candidate" data-candidate-id={focused.id}>
            <header className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="text-xs text-zinc-500">
                  Candidate {index + 1} of {queue.length}
                  {focused.proposedBy ? ` · proposed by ${focused.proposedBy}` : " · found by identity resolution"} · {formatDateTime(new Date(focused.createdAt))}
                </p>
                <h3 id="focused-candidate-title" className="mt-0.5 text-base font-semibold text-zinc-900">
                  {focused.a.name} <span className="font-normal text-zinc-500">and</span> {focused.b.name}
                </h3>
                {focused.proposalNote ? <p className="mt-1 text-sm italic text-zinc-600">“{focused.proposalNote}”</p> : null}
              </div>
              <span className={`rounded-full px-2.5 py-1 text-sm font-semibold ring-1 ring-inset ${probabilityTone(focused.probability)}`} title="Match probability">
                {formatProbability(focused.probability)} match
              </span>
            </header>

            {isAdmin ? (
              <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Decision">
                <button type="button" onClick={() => decide("approve")} disabled={pending} aria-keyshortcuts={keysOn ? "a" : undefined} className={`${buttonClass("primary")} disabled:opacity-50`}>
                  Approve merge {keysOn ? <Kbd>a</Kbd> : null}
                </button>
                <button
                  type="button"
                  onClick={() => decide("reject")}
                  disabled={pending}
                  aria-keyshortcuts={keysOn ? "r" : undefined}
                  className={`${buttonClass("secondary")} text-red-700 disabled:opacity-50`}
                >
                  Not the same person {keysOn ? <Kbd>r</Kbd> : null}
                </button>
                <button type="button" onClick={() => decide("skip")} disabled={pending} aria-keyshortcuts={keysOn ? "s" : undefined} className={`${buttonClass("ghost")} disabled:opacity-50`}>
                  Skip {keysOn ? <Kbd>s</Kbd> : null}
                </button>
                <span className="ml-auto flex flex-wrap items-center gap-3 text-xs text-zinc-500">
                  {keysOn ? (
                    <span>
                      <Kbd>j</Kbd>/<Kbd>k</Kbd> next/previous
                    </span>
                  ) : null}
                  {helpToggle}
                  <ShortcutsToggle on={keysOn} onChange={toggleKeys} />
                </span>
              </div>
            ) : (
              <div className="flex flex-wrap items-center gap-3 rounded-md bg-zinc-50 px-3 py-2 text-xs text-zinc-600">
                <p className="min-w-0 flex-1">
                  Read-only: an admin decides.{keysOn ? <> <Kbd>j</Kbd>/<Kbd>k</Kbd> move through the queue.</> : null} Know two records are the same person? Propose a merge below.
                </p>
                {helpToggle}
                <ShortcutsToggle on={keysOn} onChange={toggleKeys} />
              </div>
            )}

            {/* A disclosure, not a dialog: it takes no focus and traps nothing, the button above says whether it is open. */}
            {keysOn ? (
              <section id={helpId} aria-labelledby={`${helpId}-title`} hidden={!helpShown} className="rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-3">
                <h4 id={`${helpId}-title`} className="text-xs font-semibold text-zinc-700">
                  Keyboard shortcuts
                </h4>
                <dl className="mt-2 grid grid-cols-[3rem_1fr] gap-y-1 text-xs">
                  {shortcuts.map((shortcut) => (
                    <div key={shortcut.label} className="contents">
                      <dt>
                        {shortcut.keys.map((key) => (
                          <Kbd key={key}>{key}</Kbd>
                        ))}
                      </dt>
                      <dd className="text-zinc-600">{shortcut.label}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ) : null}

            <section aria-label="Comparison">
              <CandidateComparison a={focused.a} b={focused.b} />
            </section>

            <section aria-labelledby="waterfall-title" className="rounded-lg border border-zinc-200 px-4 py-3">
              <h4 id="waterfall-title" className="mb-3 text-xs font-semibold text-zinc-700">
                Why this score
              </h4>
              {focused.explanation ? (
                <WaterfallChart explanation={focused.explanation} />
              ) : (
                <p className="text-sm text-zinc-500">
                  No score explanation: {focused.proposedBy ? "a member proposed this pair by hand." : "none was recorded for this candidate."}
                </p>
              )}
            </section>
          </article>
        </div>
      )}
    </div>
  );
}
