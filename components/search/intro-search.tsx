"use client";
// The search screen: pick a person or an organization in the typeahead, then see the best warm-intro
// paths to them. The chosen target and options live in the URL (?to=&from=&maxHops=&k=), so a search can
// be shared, reloaded and returned to from the graph.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { ApiError } from "@/components/api/fetch-json";
import { StrengthBar } from "@/components/ui/strength-bar";
import { TARGET_IS_SOURCE, TARGET_NO_MATCH } from "@/lib/paths/intro-path.types";
import type { PathsResponse } from "@/lib/paths/queries";
import type { TypeaheadHit } from "@/lib/search/typeahead.types";
import { PathCard } from "./path-card";
import { TargetTypeahead } from "./target-typeahead";
import { useIntroPaths } from "./use-intro-paths";

export interface TeamOption {
  email: string;
  name: string;
}

const HOP_CHOICES = [1, 2, 3, 4] as const;
const K_CHOICES = [3, 5, 10] as const;

function intParam(value: string | null, fallback: number): number {
  const parsed = value === null ? NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : fallback;
}

export function IntroSearch({ team, hasOwnNode }: { team: TeamOption[]; hasOwnNode: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const to = searchParams.get("to");
  const from = searchParams.get("from");
  // Out-of-range values from a hand-edited URL are passed through on purpose: the API answers 400 with the ranges.
  const maxHops = intParam(searchParams.get("maxHops"), 3);
  const k = intParam(searchParams.get("k"), 5);
  const label = searchParams.get("label") ?? "";

  const update = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === "") next.delete(key);
        else next.set(key, value);
      }
      router.replace(`${pathname}?${next}`, { scroll: false });
    },
    [pathname, router, searchParams],
  );

  const query = useIntroPaths(to ? { to, from, k, maxHops } : null);
  const onPick = (hit: TypeaheadHit) => update({ to: hit.id, label: hit.name });

  return (
    <div className="space-y-6">
      <div className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm">
        <TargetTypeahead onPick={onPick} initialValue={label} />
        <div className="mt-4 flex flex-wrap items-end gap-4 text-sm">
          {/* max-w-full: a long "Name (email)" option must not make the select wider than the card on a phone. */}
          <label className="flex min-w-0 max-w-full flex-col gap-1 text-xs font-medium text-zinc-600">
            Start from
            <select
              value={from ?? ""}
              onChange={(event) => update({ from: event.target.value || null })}
              className="max-w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm text-zinc-800"
            >
              <option value="">{hasOwnNode ? "Me" : "Me (not linked to a person yet)"}</option>
              {team.map((member) => (
                <option key={member.email} value={member.email}>
                  {member.name} ({member.email})
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600">
            Up to
            <select value={String(maxHops)} onChange={(event) => update({ maxHops: event.target.value })} className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm text-zinc-800">
              {HOP_CHOICES.map((hops) => (
                <option key={hops} value={hops}>
                  {hops} {hops === 1 ? "hop" : "hops"}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600">
            Show
            <select value={String(k)} onChange={(event) => update({ k: event.target.value })} className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm text-zinc-800">
              {K_CHOICES.map((count) => (
                <option key={count} value={count}>
                  best {count}
                </option>
              ))}
            </select>
          </label>
          {to ? (
            <button type="button" onClick={() => update({ to: null, label: null })} className="ml-auto text-xs text-zinc-500 hover:text-zinc-900">
              Clear
            </button>
          ) : null}
        </div>
      </div>

      {!to ? null : query.isPending ? (
        <p role="status" className="text-sm text-zinc-500">
          Finding the warmest paths…
        </p>
      ) : query.error ? (
        <SearchError error={query.error} />
      ) : (
        <PathsResult result={query.data} />
      )}
    </div>
  );
}

function SearchError({ error }: { error: Error }) {
  const status = error instanceof ApiError ? error.status : 0;
  const fields = error instanceof ApiError && error.fields ? Object.entries(error.fields) : [];
  if (status === 400 && error instanceof ApiError && error.fields?.to?.includes(TARGET_IS_SOURCE)) {
    return (
      <div role="status" className="rounded-xl border border-zinc-200 bg-white px-5 py-4 text-sm text-zinc-700">
        <p className="font-semibold text-zinc-900">That is where the paths start</p>
        <p className="mt-1">Intro paths lead from you (or the member you start from) to someone else. Search for the person or company you want to reach.</p>
      </div>
    );
  }
  if (status === 404) {
    // An address or domain nobody has, or a record (by id, from a link) that is gone: each says what to do.
    const noMatch = error instanceof ApiError && error.fields?.to?.includes(TARGET_NO_MATCH) === true;
    return (
      <div role="alert" className="rounded-xl border border-red-200 bg-red-50 px-5 py-4 text-sm text-red-900">
        <p className="font-semibold">{noMatch ? "Nobody in the graph matches that" : "That person or organization is not in the graph"}</p>
        <p className="mt-1">
          {noMatch
            ? `${error.message} Check the spelling, or type part of a name and pick from the suggestions. Someone who is not here yet arrives with an import of an export that holds them.`
            : "They may have been deleted or merged into someone else. Search again to pick a current record."}
        </p>
      </div>
    );
  }
  const title = status === 400 ? "Those search settings are out of range" : status === 409 ? "Paths need a starting point" : "The search failed";
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 px-5 py-4 text-sm text-red-900">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{error.message}</p>
      {fields.length > 0 ? (
        <ul className="mt-2 list-inside list-disc text-xs">
          {fields.map(([field, messages]) => (
            <li key={field}>
              {field}: {messages.join("; ")}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function PathsResult({ result }: { result: PathsResponse }) {
  const targetName = result.target.kind === "person" ? result.target.person.name : result.target.organization.name;
  if (result.noPath) {
    return (
      <div className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm" data-testid="no-path">
        <h2 className="text-base font-semibold text-zinc-900">No path within {result.maxHops} {result.maxHops === 1 ? "hop" : "hops"}</h2>
        <p className="mt-1 text-sm text-zinc-600">{result.noPath.message}</p>
        {result.noPath.nearest.length > 0 ? (
          <>
            <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-zinc-500">
              {result.target.kind === "organization" ? `Nearest people at ${targetName} you can reach` : `People who know ${targetName} that you can reach`}
            </h3>
            <ul className="mt-2 divide-y divide-zinc-100">
              {result.noPath.nearest.map((near) => (
                <li key={near.person.id} className="flex items-center justify-between gap-3 py-2">
                  <Link href={`/people/${near.person.id}`} className="min-w-0 truncate text-sm text-zinc-800 hover:text-accent-700 hover:underline">
                    {near.person.name}
                    <span className="text-zinc-500">{near.person.title ? ` · ${near.person.title}` : ""}</span>
                  </Link>
                  <span className="flex items-center gap-3 text-xs text-zinc-500">
                    {near.hopsFromSource} {near.hopsFromSource === 1 ? "hop" : "hops"} away
                    {near.strengthToTarget !== null ? <StrengthBar strength={near.strengthToTarget} /> : null}
                  </span>
                </li>
              ))}
            </ul>
            <p className="mt-3 text-xs text-zinc-500">Try a longer hop limit above, or ask one of them.</p>
          </>
        ) : null}
      </div>
    );
  }
  return (
    <section aria-labelledby="intro-paths-title">
      <h2 id="intro-paths-title" className="sr-only">
        Intro paths
      </h2>
      <p className="mb-3 text-sm text-zinc-600">
        {result.paths.length} {result.paths.length === 1 ? "path" : "paths"} from <span className="font-medium text-zinc-900">{result.from.name}</span> to{" "}
        <span className="font-medium text-zinc-900">{result.target.kind === "organization" ? `anyone at ${targetName}` : targetName}</span>, strongest first (the product of the hop strengths).
      </p>
      <ol className="space-y-4">
        {result.paths.map((path, index) => (
          <PathCard key={path.people.map((person) => person.id).join(">")} path={path} rank={index + 1} />
        ))}
      </ol>
    </section>
  );
}
