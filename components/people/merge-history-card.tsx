// The merges this record absorbed (Merge rows, newest first, undone ones marked), why, and the ids it
// absorbed (kept so a merge can be undone).
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime, plural } from "@/components/ui/format";
import { formatProbability } from "@/lib/identity/format-probability";
import type { MergeRecord } from "@/lib/people/person-details";

const METHOD_LABELS: Record<string, string> = { auto: "automatic (strong identifiers)", review: "approved in review", bulk: "bulk-approved in review", manual: "manual" };

export function MergeHistoryCard({ explanation, previousIds, merges = [] }: { explanation: string | null; previousIds: readonly string[]; merges?: MergeRecord[] }) {
  return (
    <Card>
      <CardHeader title="Merge history" description={`${plural(previousIds.length, "record")} merged into this person.`} />
      <div className="space-y-4 px-5 py-4 text-sm" data-testid="merge-history">
        {merges.length > 0 ? (
          <ol className="space-y-3">
            {merges.map((merge) => (
              <li key={merge.id} className={merge.undoneAt ? "opacity-60" : ""}>
                <p className="text-xs text-zinc-500">
                  {formatDateTime(merge.createdAt)} · {METHOD_LABELS[merge.method] ?? merge.method}
                  {merge.probability !== null ? ` · probability ${formatProbability(merge.probability)}` : ""}
                  {merge.undoneAt ? ` · undone ${formatDateTime(merge.undoneAt)}` : ""}
                </p>
                <p className="mt-0.5 whitespace-pre-line text-zinc-800">{merge.explanation}</p>
                <p className="font-mono text-[11px] text-zinc-500">{merge.mergedId}</p>
              </li>
            ))}
          </ol>
        ) : explanation ? (
          <div>
            <h3 className="text-xs font-medium text-zinc-500">Why they were merged</h3>
            <p className="mt-1 whitespace-pre-line text-zinc-800">{explanation}</p>
          </div>
        ) : null}
        {previousIds.length > 0 && merges.length === 0 ? (
          <div>
            <h3 className="text-xs font-medium text-zinc-500">Previous record ids</h3>
            <ul className="mt-1 space-y-0.5 font-mono text-[11px] text-zinc-600">
              {previousIds.map((id) => (
                <li key={id}>{id}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
