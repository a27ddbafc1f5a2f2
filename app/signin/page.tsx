// /signin – the custom sign-in page (email + password; Google when configured).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Wordmark } from "@/components/nav/wordmark";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { readAuthProviderSettings } from "@/lib/auth/providers";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const googleEnabled = readAuthProviderSettings().google !== null;
  const expired = params.reason === "expired";
  return (
    <div className="flex min-h-[80vh] items-center justify-center">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <Wordmark />
          <h1 className="text-xl font-semibold text-zinc-900">Sign in to WIG</h1>
          <p className="text-sm text-zinc-500">Who can introduce you, and how strong is each link.</p>
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
          {expired ? (
            <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
              Your session ended. Sign in again to continue.
            </p>
          ) : null}
          <SignInForm callbackUrl={callbackUrl} googleEnabled={googleEnabled} />
        </div>
      </div>
    </div>
  );
}
