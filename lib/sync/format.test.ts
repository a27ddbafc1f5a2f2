import { describe, expect, it } from "vitest";
import { formatBytes, progressPercent, tooLargeMessage } from "./format";

describe("formatBytes", () => {
  it.each([
    [0, "0 bytes"],
    [1, "1 byte"],
    [1023, "1023 bytes"],
    [1536, "1.5 KB"],
    [512 * 1024 ** 2, "512 MB"],
    [2.25 * 1024 ** 3, "2.3 GB"],
  ])("%d → %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe("progressPercent", () => {
  it("is a clamped whole percent, or null without a total", () => {
    expect(progressPercent(50, 200)).toBe(25);
    expect(progressPercent(999, 1000)).toBe(99);
    expect(progressPercent(1200, 1000)).toBe(100);
    expect(progressPercent(10, null)).toBeNull();
    expect(progressPercent(10, 0)).toBeNull();
  });
});

describe("tooLargeMessage", () => {
  it("names the size, the limit and what to do", () => {
    expect(tooLargeMessage(600 * 1024 ** 2, 512 * 1024 ** 2)).toBe(
      "This file is 600 MB, which is over the upload limit of 512 MB. Split the export, or ask the operator to raise WIG_UPLOAD_MAX_BYTES.",
    );
    expect(tooLargeMessage(null, 1024)).toMatch(/^This file is over the upload limit of 1 KB\./);
  });
});
