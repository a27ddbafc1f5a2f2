"use client";
// Calls the guarded sign-out action (which audits the sign-out and redirects to /signin).
import { signOutAction } from "@/app/signin/actions";

export function SignOutButton() {
  return (
    <form action={async () => { await signOutAction(undefined); }}>
      <button type="submit" className="rounded-md px-2 py-1 text-xs font-medium text-zinc-600 ring-1 ring-zinc-300 hover:bg-white hover:text-zinc-900">
        Sign out
      </button>
    </form>
  );
}
