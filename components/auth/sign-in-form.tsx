"use client";
// Email + password form; shows the action's message (the same one for unknown email and wrong password).
import { useActionState } from "react";
import { signInWithGoogle, signInWithPassword } from "@/app/signin/actions";

interface FormState {
  message: string | null;
  /** Kept so the email survives React's reset of the form after each submission. */
  email: string;
}

export function SignInForm({ callbackUrl, googleEnabled }: { callbackUrl: string; googleEnabled: boolean }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(async (_previous, form) => {
    const email = String(form.get("email") ?? "");
    const result = await signInWithPassword({
      email,
      password: String(form.get("password") ?? ""),
      callbackUrl,
    });
    return { message: result.ok ? null : result.error.message, email };
  }, { message: null, email: "" });

  return (
    <div className="flex flex-col gap-4">
      <form action={submit} className="flex flex-col gap-4" aria-label="Sign in">
        <label className="flex flex-col gap-1.5 text-sm font-medium text-zinc-700">
          Email
          <input name="email" type="email" autoComplete="username" required defaultValue={state.email}
            className="rounded-md border border-zinc-300 px-3 py-2 text-sm font-normal text-zinc-900 shadow-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-100" />
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-medium text-zinc-700">
          Password
          <input name="password" type="password" autoComplete="current-password" required
            className="rounded-md border border-zinc-300 px-3 py-2 text-sm font-normal text-zinc-900 shadow-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-100" />
        </label>
        {state.message ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {state.message}
          </p>
        ) : null}
        <button type="submit" disabled={pending}
          className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60">
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {googleEnabled ? (
        <form action={async () => { await signInWithGoogle({ callbackUrl }); }}>
          <button type="submit" className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-50">
            Continue with Google
          </button>
        </form>
      ) : null}
    </div>
  );
}
