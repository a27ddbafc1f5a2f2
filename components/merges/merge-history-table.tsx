// The history of merges: who merged what into whom, when, how (auto, review, manual), with the match
// probability and the explanation; undone merges stay listed, marked. Admins undo from here.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";
import type { MergeHistoryView } from "./types";
import { UndoMergeButton } from "./undo-merge-button";
import { formatProbability } from "./waterfall";

const METHOD_LABELS: Record<string, string> = { auto: "Automatic", review: "Reviewed", manual: "Manual", bulk: "Bulk approved" };

export function MergeHistoryTable({ rows, isAdmin }: { rows: MergeHistoryView[]; isAdmin: boolean }) {
  return (
    <Table caption="Merge history">
      <thead>
        <tr>
          <Th>Kept</Th>
          <Th>Merged into it</Th>
          <Th>How</Th>
          <Th>Why</Th>
          <Th>When, by</Th>
          <Th className="text-right">{isAdmin ? "Undo" : <span className="sr-only">Status</span>}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const label = `merge of ${row.merged.name} into ${row.survivor.name}`;
          return (
            <tr key={row.id} className={row.undoneAt ? "bg-zinc-50/60 text-zinc-500" : "hover:bg-zinc-50/70"} data-testid="merge-history-row" data-merge-id={row.id}>
              <Td className="min-w-40">
                <Link href={`/people/${row.survivor.id}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
                  {row.survivor.name}
                </Link>
              </Td>
              <Td className="min-w-40">
                <span className={row.undoneAt ? "" : "text-zinc-800"}>{row.merged.name}</span>
                <span className="block font-mono text-[10px] text-zinc-500" title={row.merged.id}>
                  {row.merged.id}
                </span>
              </Td>
              <Td className="whitespace-nowrap">
                <span className="flex flex-col items-start gap-1">
                  <Badge tone={row.method === "auto" ? "accent" : "neutral"}>{METHOD_LABELS[row.method] ?? row.method}</Badge>
                  {row.probability !== null ? <span className="font-mono text-xs">{formatProbability(row.probability)}</span> : null}
                </span>
              </Td>
              <Td className="min-w-56">
                <p className="whitespace-pre-line text-xs">{row.explanation || "—"}</p>
              </Td>
              {/* One column for both keeps the table inside a 1280 px window with the undo button in view. */}
              <Td className="whitespace-nowrap text-xs">
                <RelativeTime date={new Date(row.createdAt)} />
                <span className="block text-zinc-500">{row.mergedBy ?? (row.method === "auto" ? "Identity resolution" : "—")}</span>
              </Td>
              <Td className="text-right">
                {isAdmin && (row.canUndo || row.undoneAt) ? (
                  <UndoMergeButton mergeId={row.id} label={label} undone={row.undoneAt ? <UndoneMark row={row} /> : null} />
                ) : row.undoneAt ? (
                  <UndoneMark row={row} />
                ) : isAdmin && row.undoBlockedReason ? (
                  <span className="block max-w-48 text-right text-[11px] text-zinc-500">{row.undoBlockedReason}</span>
                ) : null}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

function UndoneMark({ row }: { row: { undoneAt: string | Date | null; undoneBy: string | null } }) {
  if (!row.undoneAt) return null;
  return (
    <span className="flex flex-col items-end gap-0.5" title={formatDateTime(new Date(row.undoneAt))}>
      <Badge tone="warning">Undone</Badge>
      <span className="text-[11px]">
        {row.undoneBy ? `by ${row.undoneBy}, ` : ""}
        <RelativeTime date={new Date(row.undoneAt)} />
      </span>
    </span>
  );
}
