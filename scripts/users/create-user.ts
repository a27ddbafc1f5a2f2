// npm run user:create -- --email <address> [--name <name>] [--admin] [--password-stdin]
// Creates a WIG user. The password is prompted for (not echoed), or read from standard input with
// --password-stdin for scripts. Writes a user.created audit row like every mutation.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { runInOperation, newCorrelationId } from "../../lib/audit/correlation";
import { createPrismaClient } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations";
import { openDatabase } from "../../lib/db/runtime";
import { createUser } from "../../lib/auth/users";
import { isAppError } from "../../lib/errors/app-error";
import { CliUsageError, parseCliArgs, runCli } from "../lib/cli";

const USAGE = "usage: npm run user:create -- --email <address> [--name <name>] [--admin] [--password-stdin]";

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      let muted = false;
      const output = new Writable({
        write(chunk, _encoding, callback) {
          if (!muted) process.stdout.write(chunk);
          callback();
        },
      });
      const rl = createInterface({ input: process.stdin, output, terminal: true });
      rl.question(prompt, (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
      muted = true;
    });
  const first = await ask("Password: ");
  const second = await ask("Repeat password: ");
  if (first !== second) throw new CliUsageError("The passwords do not match.");
  return first;
}

runCli("user:create", async () => {
  const { values } = parseCliArgs({
    email: { type: "string" },
    name: { type: "string" },
    admin: { type: "boolean", default: false },
    "password-stdin": { type: "boolean", default: false },
  });
  if (!values.email) throw new CliUsageError(USAGE);
  const password = await readPassword(values["password-stdin"]);
  const db = await openDatabase({ allowShared: true });
  await applyMigrations(db.url);
  const prisma = createPrismaClient(db.url);
  try {
    const user = await runInOperation({ correlationId: newCorrelationId("cli-user"), actorId: null }, () =>
      createUser(prisma, { email: values.email ?? "", name: values.name, password, role: values.admin ? "admin" : "member" }),
    );
    console.log(`Created ${user.role} ${user.email}${user.personId ? ` (linked to person ${user.personId})` : " (no person with this email yet; linked when one is imported)"}.`);
  } catch (error) {
    if (isAppError(error)) throw new CliUsageError(error.message);
    throw error;
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
}, { usage: USAGE });
