// Why this record absorbed others, and which ids it absorbed (kept so a merge can be undone).
import { Card, CardHeader } from "@/components/ui/card";

export function MergeHistoryCard({ explanation, previousIds }: { explanation: string | null; previousIds: readonly string[] }) {
  return (
    <Card>
      <CardHeader title="Merge history" description={`${previousIds.length} ${previousIds.length === 1 ? "record" : "records"} merged into this person.`} />
      <div className="space-y-4 px-5 py-4 text-sm">
        {explanation ? (
          <div>
            <h3 className="text-xs font-medium text-zinc-500">Why they were merged</h3>
            <p className="mt-1 whitespace-pre-line text-zinc-800">{explanation}</p>
          </div>
        ) : null}
        {previousIds.length > 0 ? (
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
