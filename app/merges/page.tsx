// Merges: the review queue of candidate duplicates (most uncertain first, side by side, with the waterfall
// of the match weight), bulk approval above a threshold, proposing a merge, and the history with undo.
// Members see the queue read-only and may propose merges; deciding, bulk approval and undo are for admins.
import type { Metadata } from "next";
import { BulkApprove } from "@/components/merges/bulk-approve";
import { MergeHistoryTable } from "@/components/merges/merge-history-table";
import { ProposeMergeForm } from "@/components/merges/propose-merge-form";
import { ReviewQueue } from "@/components/merges/review-queue";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { loadMergeHistory, loadReviewQueue } from "@/lib/merges-ui/view-models";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Merges" };

const QUEUE_LIMIT = 50;
const HISTORY_LIMIT = 50;

export default async function MergesPage() {
  const user = await requirePageUser("member");
  const isAdmin = user.role === "admin";
  const [queue, history] = await Promise.all([loadReviewQueue(QUEUE_LIMIT), loadMergeHistory(HISTORY_LIMIT)]);
  return (
    <>
      <PageHeader
        title="Merges"
        description="Records that may be the same person, waiting for a decision, and every merge made so far. Each merge keeps a snapshot, so it can be undone exactly."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Review queue"
            description={
              queue.candidates.length === 0
                ? "No candidates waiting."
                : `${queue.hasMore ? `The ${queue.candidates.length} most uncertain` : formatCount(queue.candidates.length)} pending ${queue.candidates.length === 1 ? "candidate" : "candidates"}, most uncertain first.${isAdmin ? " Keys: a approve, r reject, s skip, j/k move, ? help." : ""}`
            }
          />
          <ReviewQueue candidates={queue.candidates} isAdmin={isAdmin} />
        </Card>

        {isAdmin ? (
          <Card>
            <CardHeader title="Bulk approve" description="Merge every pending candidate at or above a probability you choose. You see the count before anything changes." />
            <BulkApprove />
          </Card>
        ) : null}

        <Card>
          <CardHeader
            title="Propose a merge"
            description={isAdmin ? "Two records you know are the same person: the pair joins the queue above." : "Two records you know are the same person: an admin reviews the pair before anything is merged."}
          />
          <ProposeMergeForm />
        </Card>

        <Card>
          <CardHeader
            title="Merge history"
            description={history.rows.length === 0 ? "No merges yet." : `${history.hasMore ? `The ${history.rows.length} most recent merges` : `${formatCount(history.rows.length)} ${history.rows.length === 1 ? "merge" : "merges"}`}, newest first. Undone merges stay listed, marked.`}
          />
          {history.rows.length === 0 ? (
            <EmptyState title="No merges yet" description="When identity resolution or an admin combines duplicate records, the result and its reasons appear here." />
          ) : (
            <MergeHistoryTable rows={history.rows} isAdmin={isAdmin} />
          )}
        </Card>
      </div>
    </>
  );
}
