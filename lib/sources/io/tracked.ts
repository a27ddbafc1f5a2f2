// Wraps a parser's item stream with the bookkeeping every parser needs: counts for progress, cancellation
// between records, and the final progress report.
import type { TSourceItem } from "../types";
import type { ProgressTracker } from "./progress";

export async function* tracked(tracker: ProgressTracker, items: AsyncIterable<TSourceItem>): AsyncGenerator<TSourceItem> {
  for await (const item of items) {
    tracker.checkAborted();
    if (item.kind === "issue") tracker.countIssue();
    else tracker.countRecord();
    yield item;
  }
  tracker.finish();
}
