// The correlation id of the current operation (one request or one job), carried by AsyncLocalStorage
// so every audit row written while handling it shares the id without threading it through every call.
import { AsyncLocalStorage } from "node:async_hooks";

export interface OperationContext {
  correlationId: string;
  /** The signed-in user (or job owner) performing the operation; null for the system. */
  actorId: string | null;
}

const storage = new AsyncLocalStorage<OperationContext>();

export function runInOperation<T>(context: OperationContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentOperation(): OperationContext | undefined {
  return storage.getStore();
}

export { CORRELATION_ID_PATTERN, isValidCorrelationId, newCorrelationId } from "./correlation-id";
