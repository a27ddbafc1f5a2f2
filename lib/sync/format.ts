// Display helpers for the sync dashboard, shared by the server (413 messages) and the browser (the
// oversize check before uploading). Pure, no data access.

const UNITS = ["bytes", "KB", "MB", "GB", "TB"] as const;

/** Binary units, as file managers show them: 536870912 → "512 MB", 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 100 || Number.isInteger(value) ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, "");
  return `${rounded} ${UNITS[unit]}`;
}

/** Whole percent of done/total, clamped to 0–100; null when the total is unknown. */
export function progressPercent(done: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.min(100, Math.max(0, Math.floor((done / total) * 100)));
}

/** The message of a refused oversize upload, the same in the browser and in the 413. */
export function tooLargeMessage(fileBytes: number | null, limitBytes: number): string {
  const size = fileBytes === null ? "This file" : `This file is ${formatBytes(fileBytes)}, which`;
  return `${size} is over the upload limit of ${formatBytes(limitBytes)}. Split the export, or ask the operator to raise WIG_UPLOAD_MAX_BYTES.`;
}
