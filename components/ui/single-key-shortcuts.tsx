"use client";
// The app-wide switch for single-character keyboard shortcuts (WCAG 2.1.4: speech input and stray key presses
// must be able to turn them off). One choice, kept in this browser, read by every screen that has such keys
// (the merge review queue, the graph canvas) and updated in all of them at once when it changes.
import { useCallback, useSyncExternalStore } from "react";

const STORAGE_KEY = "wig.shortcuts-off";
/** Where the review queue kept the choice before it was shared: still honoured, removed on the next change. */
const LEGACY_KEY = "wig.merges.shortcuts-off";
const CHANGED = "wig:shortcuts-changed";

/** Typing in a field, or a modifier held: the key is not ours. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function readOn(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== "1" && window.localStorage.getItem(LEGACY_KEY) !== "1";
  } catch {
    return true; // storage blocked: the default
  }
}

/** [on, setOn]. The server (and hydration) render the default, on; the stored choice applies right after. */
export function useSingleKeyShortcuts(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, readOn, () => true);
  const setOn = useCallback((next: boolean) => {
    try {
      window.localStorage.removeItem(LEGACY_KEY);
      if (next) window.localStorage.removeItem(STORAGE_KEY);
      else window.localStorage.setItem(STORAGE_KEY, "1");
    } catch {
      // storage blocked: nothing to remember the choice in
    }
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [on, setOn];
}

export function ShortcutsToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="flex items-center gap-1.5 text-xs text-zinc-600">
      <input type="checkbox" checked={on} onChange={(event) => onChange(event.target.checked)} className="accent-indigo-600" />
      Single-key shortcuts
    </label>
  );
}

export function Kbd({ children }: { children: string }) {
  return <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1 font-mono text-[10px] font-medium text-zinc-600 shadow-[0_1px_0_rgba(0,0,0,0.08)]">{children}</kbd>;
}
