// Correlation id format, without Node-only imports so proxy.ts can use it on any runtime.

/** Ids we accept from outside (an `x-correlation-id` header): short, printable, no spaces. */
export const CORRELATION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export function isValidCorrelationId(value: string | null | undefined): value is string {
  return typeof value === "string" && CORRELATION_ID_PATTERN.test(value);
}

/** `<prefix>-<timestamp>-<random>`, e.g. `merge-1764126000000-3f9c2a1b` (the contract's style). */
export function newCorrelationId(prefix = "op"): string {
  return `${prefix}-${Date.now()}-${crypto.randomUUID().slice(0, 8)}`;
}
