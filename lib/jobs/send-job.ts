// Enqueues a job after validating its payload, so a bad payload fails at the sender, not in the worker.
import type PgBoss from "pg-boss";
import { getSenderBoss } from "./boss";
import type { JobDefinition } from "./define-job";

export interface SendJobOptions {
  /** Use this boss instead of the process-wide sender (tests, the worker itself). */
  boss?: PgBoss;
  /** At most one queued-or-active job per key (pg-boss singletonKey). */
  singletonKey?: string;
  startAfter?: Date;
  /** The job's id (a uuid), when the caller must record it before sending. */
  id?: string;
}

export async function ensureQueue(boss: PgBoss, definition: JobDefinition<never> | JobDefinition<unknown>): Promise<void> {
  const existing = await boss.getQueue(definition.name);
  const settings = {
    name: definition.name,
    retryLimit: definition.retryLimit ?? 2,
    retryDelay: 5,
    expireInSeconds: (definition.expireInMinutes ?? 60) * 60,
  };
  if (existing) await boss.updateQueue(definition.name, settings);
  else await boss.createQueue(definition.name, settings);
}

export async function sendJob<Payload>(definition: JobDefinition<Payload>, payload: Payload, options: SendJobOptions = {}): Promise<string> {
  const data = definition.payload.parse(payload);
  const boss = options.boss ?? (await getSenderBoss());
  await ensureQueue(boss, definition as JobDefinition<unknown>);
  const id = await boss.send(definition.name, data as object, {
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.id ? { id: options.id } : {}),
  });
  if (!id) throw new Error(`The ${definition.name} job was not queued: one with the same key is already waiting.`);
  return id;
}
