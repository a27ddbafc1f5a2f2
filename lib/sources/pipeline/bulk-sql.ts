// Bulk statements (a batch's interactions, people and source records; a recompute's factor documents and
// stored aggregates) carry megabytes of parameters. Prisma's raw API moves them through its query engine at
// a fraction of the driver's speed and keeps serialized copies meanwhile, so they go through the
// node-postgres connection the transaction runs on (lib/db/client.ts directConnectionOf) and stay inside
// that transaction. A client WIG did not make falls back to the Prisma transaction.
import { directConnectionOf } from "../../db/client";
import { sqlRunner, type SqlClient, type SqlRunner } from "../../db/sql-runner";
import type { Tx } from "./types";

const clients = new WeakMap<Tx, Promise<SqlClient>>();

/** The transaction's own node-postgres connection when it can be found, else the transaction; found once per transaction. */
export function bulkClientOf(tx: Tx): Promise<SqlClient> {
  let client = clients.get(tx);
  if (!client) {
    client = directConnectionOf(tx).then((connection) => connection ?? tx);
    clients.set(tx, client);
  }
  return client;
}

/** bulkClientOf as a statement runner. */
export async function bulkSqlOf(tx: Tx): Promise<SqlRunner> {
  return sqlRunner(await bulkClientOf(tx));
}
