// The batch writers' statements carry megabytes of parameters (a batch's interactions, people and source
// records). Prisma's raw API moves them through its query engine at a fraction of the driver's speed, so
// they go through the node-postgres connection the batch's transaction runs on (lib/db/client.ts
// directConnectionOf) and stay inside that transaction. A client WIG did not make falls back to Prisma.
import { directConnectionOf } from "../../db/client";
import { sqlRunner, type SqlRunner } from "../../db/sql-runner";
import type { Tx } from "./types";

const runners = new WeakMap<Tx, Promise<SqlRunner>>();

/** The bulk statement runner of a transaction, found once per transaction. */
export function bulkSqlOf(tx: Tx): Promise<SqlRunner> {
  let runner = runners.get(tx);
  if (!runner) {
    runner = directConnectionOf(tx).then((connection) => sqlRunner(connection ?? tx));
    runners.set(tx, runner);
  }
  return runner;
}
