// The correlation id of the current operation (one request or one job), carried by AsyncLocalStorage
// so every audit row written while handling it shares the id without threading it through every call.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export interface OperationContext {
  correlationId: string;
  /** The signed-in user (or job owner) performing the operation; null for the system. */
  actorId: string | null;
}

const storage = new AsyncLocalStorage<OperationContext>();

/** Ids we accept from outside (an `x-correlation-id` header): short, printable, no spaces. */
export const CORRELATION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export function isValidCorrelationId(value: string | null | undefined): value is string {
  return typeof value === "string" && CORRELATION_ID_PATTERN.test(value);
}

/** `<prefix>-<timestamp>-<random>`, e.g. `merge-1764126000000-3f9c2a1b` (the contract's style). */
export function newCorrelationId(prefix = "op"): string {
  return `${prefix}-${Date.now()}-${randomUUID().slice(0, 8)}`;
}

export function runInOperation<T>(context: OperationContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentOperation(): OperationContext | undefined {
  return storage.getStore();
}
