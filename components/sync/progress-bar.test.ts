// The live progress bar is a real progressbar: aria-valuenow is the whole percent and aria-valuetext
// says it in words; without a total (or while queued) it is indeterminate.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RunProgress } from "@/lib/sync/queries";
import { describeProgress, ProgressBar } from "./progress-bar";

const base: RunProgress = {
  id: "0d6a4b9e-3c1f-4e2a-8b7d-5f9e1c2a3b4d",
  sourceName: "gmail",
  status: "running",
  fileName: "All mail.mbox",
  progressDone: 256 * 1024 * 1024,
  progressTotal: 1024 * 1024 * 1024,
  progressUnit: "bytes",
  rowsRead: 41_250,
  cancelRequested: false,
  startedAt: "2026-11-26T06:00:00.000Z",
  finishedAt: null,
  error: null,
};

describe("describeProgress", () => {
  it("says the percent, done of total in the run's unit, and rows so far", () => {
    expect(describeProgress(base)).toBe("25% · 256 MB of 1 GB · 41,250 rows so far");
    expect(describeProgress({ ...base, progressUnit: "records", progressDone: 30, progressTotal: 120, rowsRead: 1 })).toBe("25% · 30 records of 120 records · 1 row so far");
    expect(describeProgress({ ...base, progressTotal: null })).toBe("256 MB read · 41,250 rows so far");
    expect(describeProgress({ ...base, status: "queued" })).toBe("Waiting for the worker");
    expect(describeProgress({ ...base, progressDone: base.progressTotal as number })).toBe(
      "File read · 41,250 rows so far · finishing: saving the last rows and updating relationship strengths",
    );
  });
});

describe("ProgressBar", () => {
  it("renders a labelled progressbar with its value", () => {
    const html = renderToStaticMarkup(createElement(ProgressBar, { run: base, label: "Progress of the Gmail import" }));
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-label="Progress of the Gmail import"');
    expect(html).toContain('aria-valuenow="25"');
    expect(html).toContain('aria-valuemin="0"');
    expect(html).toContain('aria-valuemax="100"');
    expect(html).toContain('aria-valuetext="25% · 256 MB of 1 GB · 41,250 rows so far"');
    expect(html).toContain("width:25%");
  });

  it("is indeterminate once the file is read while the run still finishes, not stuck at 100%", () => {
    const html = renderToStaticMarkup(createElement(ProgressBar, { run: { ...base, progressDone: base.progressTotal as number }, label: "Progress" }));
    expect(html).not.toContain("aria-valuenow");
    expect(html).not.toContain("width:100%");
    expect(html).toContain("finishing");
  });

  it("is indeterminate while queued", () => {
    const html = renderToStaticMarkup(createElement(ProgressBar, { run: { ...base, status: "queued", progressDone: 0 }, label: "Progress" }));
    expect(html).toContain('role="progressbar"');
    expect(html).not.toContain("aria-valuenow");
    expect(html).toContain("Waiting for the worker");
  });
});
