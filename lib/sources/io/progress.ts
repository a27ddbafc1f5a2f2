// Counts what a parser consumed and produced and reports it through the caller's callback. One tracker per
// parse; the callback gets a fresh snapshot so callers may keep it (e.g. as the run summary).
import type { ParseOptions, ParseProgress } from "../types";

export class ProgressTracker {
  private bytesRead = 0;
  private records = 0;
  private issues = 0;
  private readonly filtered: Record<string, number> = {};
  private readonly onProgress: ParseOptions["onProgress"];
  private readonly signal: AbortSignal | undefined;

  constructor(options: ParseOptions = {}) {
    this.onProgress = options.onProgress;
    this.signal = options.signal;
  }

  addBytes(count: number): void {
    this.bytesRead += count;
    this.report(false);
  }

  countRecord(): void {
    this.records += 1;
  }

  countIssue(): void {
    this.issues += 1;
  }

  filter(reason: string, count = 1): void {
    this.filtered[reason] = (this.filtered[reason] ?? 0) + count;
  }

  /** Throws the abort reason between records, so a cancelled job stops promptly without leaving half a record. */
  checkAborted(): void {
    this.signal?.throwIfAborted();
  }

  finish(): void {
    this.report(true);
  }

  snapshot(done: boolean): ParseProgress {
    return { bytesRead: this.bytesRead, records: this.records, issues: this.issues, filtered: { ...this.filtered }, done };
  }

  private report(done: boolean): void {
    if (this.onProgress) this.onProgress(this.snapshot(done));
  }
}
