"use client";
// Unexpected errors inside the shell. Server errors arrive with a generic message and a digest (the
// details stay in the server log), so we show the digest for support rather than the message.
import { useEffect } from "react";
import { buttonClass } from "@/components/ui/button-link";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = typeof error === "object" && error !== null && "digest" in error ? String((error as { digest: unknown }).digest) : null;

  return (
    <div role="alert" className="flex min-h-[60vh] flex-col items-center justify-center text-center">
      <div aria-hidden="true" className="mb-4 flex size-10 items-center justify-center rounded-full bg-red-50 text-red-600 ring-1 ring-red-100">
        <svg viewBox="0 0 24 24" width={18} height={18} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round">
          <path d="M12 8v5M12 16.5v.5" />
          <circle cx="12" cy="12" r="9" />
        </svg>
      </div>
      <h1 className="text-xl font-semibold tracking-tight text-zinc-900">Something went wrong</h1>
      <p className="mt-2 max-w-md text-sm text-zinc-500">
        This screen could not be loaded. It may be a temporary problem with the database; trying again often helps.
      </p>
      {digest ? <p className="mt-2 font-mono text-xs text-zinc-500">Reference: {digest}</p> : null}
      <div className="mt-6 flex gap-2">
        <button type="button" onClick={() => retry()} className={buttonClass("primary")}>
          Try again
        </button>
        <a href="/" className={buttonClass("secondary")}>
          Go to search
        </a>
      </div>
    </div>
  );
}
