// Merges: the review queue of candidate duplicates (most uncertain first, side by side, with the waterfall
// of the match weight), bulk approval above a threshold, proposing a merge, and the history with undo.
// Members see the queue read-only and may propose merges; deciding, bulk approval and undo are for admins.
// Both lists page with a cursor in the URL (?queue=…, ?history=…), so a page is a link.
import type { Metadata } from "next";
import Link from "next/link";
import { BulkApprove } from "@/components/merges/bulk-approve";
import { MergeHistoryTable } from "@/components/merges/merge-history-table";
import { ProposeMergeForm } from "@/components/merges/propose-merge-form";
import { ReviewQueue } from "@/components/merges/review-queue";
import { buttonClass } from "@/components/ui/button-link";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { firstParam, type SearchParams } from "@/lib/api/search-params";
import { requirePageUser } from "@/lib/auth/session";
import { loadMergeHistory, loadReviewQueue } from "@/lib/merges-ui/view-models";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Merges" };

const QUEUE_LIMIT = 50;
const HISTORY_LIMIT = 50;
const MAX_CURSOR = 500;

function cursorParam(params: SearchParams, key: string): string | undefined {
  const value = firstParam(params, key)?.trim();
  return value && value.length <= MAX_CURSOR ? value : undefined;
}

function pageHref(params: { queue?: string | null; history?: string | null }): string {
  const query = new URLSearchParams();
  if (params.queue) query.set("queue", params.queue);
  if (params.history) query.set("history", params.history);
  const text = query.toString();
  return text ? `/merges?${text}` : "/merges";
}

function queueDescription(shown: number, total: number, paged: boolean, isAdmin: boolean): string {
  if (total === 0) return "No candidates waiting.";
  const count = shown < total || paged ? `${formatCount(shown)} of ${formatCount(total)}` : formatCount(total);
  const keys = isAdmin ? " Keys: a approve, r reject, s skip, j/k move, ? help." : "";
  return `${count} pending ${total === 1 ? "candidate" : "candidates"}, most uncertain first; skipped ones at the back.${keys}`;
}

export default async function MergesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("member");
  const isAdmin = user.role === "admin";
  const params = await searchParams;
  const queueCursor = cursorParam(params, "queue");
  const historyCursor = cursorParam(params, "history");
  const [queue, history] = await Promise.all([loadReviewQueue(QUEUE_LIMIT, queueCursor), loadMergeHistory(HISTORY_LIMIT, historyCursor)]);
  const queuePaged = Boolean(queueCursor) && !queue.cursorInvalid;
  const historyPaged = Boolean(historyCursor) && !history.cursorInvalid;
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
            description={queueDescription(queue.candidates.length, queue.total, queuePaged, isAdmin)}
            actions={
              queuePaged || queue.nextCursor ? (
                <span className="flex gap-2">
                  {queuePaged ? (
                    <Link href={pageHref({ history: historyCursor })} className={buttonClass("ghost")}>
                      Most uncertain
                    </Link>
                  ) : null}
                  {queue.nextCursor ? (
                    <Link href={pageHref({ queue: queue.nextCursor, history: historyCursor })} className={buttonClass("secondary")}>
                      Next {QUEUE_LIMIT}
                    </Link>
                  ) : null}
                </span>
              ) : null
            }
          />
          {queue.cursorInvalid ? (
            <p role="alert" className="mx-5 mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
              That queue link is out of date; showing the most uncertain candidates instead.
            </p>
          ) : null}
          <ReviewQueue key={queueCursor ?? "first"} candidates={queue.candidates} isAdmin={isAdmin} />
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
            description={
              isAdmin
                ? "Two records you know are the same person: the pair is scored and joins the queue above."
                : "Two records you know are the same person: the pair is scored and an admin reviews it before anything is merged."
            }
          />
          <ProposeMergeForm />
        </Card>

        <Card>
          <CardHeader
            title="Merge history"
            description={
              history.rows.length === 0
                ? "No merges yet."
                : `${historyPaged ? "Older merges" : "Newest first"}: who merged what, how and why. Undone merges stay listed, marked.${isAdmin ? " Undo restores both people exactly." : ""}`
            }
            actions={
              historyPaged || history.nextCursor ? (
                <span className="flex gap-2">
                  {historyPaged ? (
                    <Link href={pageHref({ queue: queueCursor })} className={buttonClass("ghost")}>
                      Newest
                    </Link>
                  ) : null}
                  {history.nextCursor ? (
                    <Link href={pageHref({ queue: queueCursor, history: history.nextCursor })} className={buttonClass("secondary")}>
                      Older
                    </Link>
                  ) : null}
                </span>
              ) : null
            }
          />
          {history.cursorInvalid ? (
            <p role="alert" className="mx-5 mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
              That history link is out of date; showing the newest merges instead.
            </p>
          ) : null}
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
