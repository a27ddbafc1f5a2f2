// npm run studio — Prisma Studio on the database WIG uses (DATABASE_URL, or the embedded one, shared
// with a running `npm start` when there is one). Stops the embedded server again when Studio exits.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { openDatabase } from "../../lib/db/runtime";
import { parseCliArgs, runCli } from "../lib/cli";

runCli("studio", async () => {
  const { values } = parseCliArgs({ port: { type: "string", default: "5555" }, browser: { type: "string", default: "none" } });
  const db = await openDatabase({ allowShared: true, onNotice: (line) => console.log(line) });
  const child = spawn(process.execPath, [join(process.cwd(), "scripts", "prisma.mjs"), "studio", "--port", values.port, "--browser", values.browser], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: db.url },
  });
  const stop = () => child.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const code = await new Promise<number>((resolve) => child.once("exit", (exitCode) => resolve(exitCode ?? 0)));
  await db.close();
  return code;
}, { handleSignals: false });
