import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button-link";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center text-center">
      <p className="text-sm font-semibold text-accent-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-zinc-900">We couldn’t find that</h1>
      <p className="mt-2 max-w-md text-sm text-zinc-500">
        The page or person you’re looking for doesn’t exist, or has been removed from the graph.
      </p>
      <div className="mt-6 flex gap-2">
        <ButtonLink href="/" variant="primary">
          Search people
        </ButtonLink>
        <ButtonLink href="/graph">Open the graph</ButtonLink>
      </div>
    </div>
  );
}
