// One error for "this file cannot be imported as this source": wrong format, truncated beyond repair, unsafe
// archive. It is an AppError (422) so routes and the sync dashboard show its message as is: every message
// says what was found and what to do.
import { AppError } from "../errors/app-error";
import type { TParseIssue, TSourcePosition } from "./types";

export class SourceFormatError extends AppError {
  override name = "SourceFormatError";
  /** Machine code for the dashboard ("wrong_format", "truncated", "zip_too_large", …). */
  readonly reasonCode: string;
  readonly position: TSourcePosition | undefined;

  constructor(reasonCode: string, message: string, options: { position?: TSourcePosition; cause?: unknown } = {}) {
    super("UNPROCESSABLE", message, { cause: options.cause });
    this.reasonCode = reasonCode;
    this.position = options.position;
  }

  /** The same failure as a fatal issue, for run summaries that list issues uniformly. */
  toIssue(): TParseIssue {
    return { kind: "issue", severity: "fatal", code: this.reasonCode, reason: this.message, position: this.position ?? {} };
  }
}

export function isSourceFormatError(error: unknown): error is SourceFormatError {
  return error instanceof SourceFormatError;
}
