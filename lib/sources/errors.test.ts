import { describe, expect, it } from "vitest";
import { isAppError } from "../errors/app-error";
import { isSourceFormatError, SourceFormatError } from "./errors";
import { ZParseIssue } from "./types";

describe("SourceFormatError", () => {
  it("is a 422 AppError that converts to a fatal issue", () => {
    const error = new SourceFormatError("truncated", "The file is cut off; export it again.", { position: { byteOffset: 42 } });
    expect(isAppError(error) && error.status).toBe(422);
    expect(isSourceFormatError(error)).toBe(true);
    expect(ZParseIssue.parse(error.toIssue())).toEqual({
      kind: "issue",
      severity: "fatal",
      code: "truncated",
      reason: "The file is cut off; export it again.",
      position: { byteOffset: 42 },
    });
  });
});
