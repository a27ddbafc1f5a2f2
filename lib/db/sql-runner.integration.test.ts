// withLocalSetting on a real PostgreSQL: the setting holds for the work only, and a failing statement's
// own error reaches the caller (the reset after it is refused by the aborted transaction, and not reported).
import { describe, expect, it } from "vitest";
import { usePgClient } from "../testing/pg-client";
import { sqlRunner, withLocalSetting } from "./sql-runner";

const pgClient = usePgClient();
const workMem = async (): Promise<string> => (await pgClient().query<{ value: string }>(`SELECT current_setting('work_mem') AS value`)).rows[0]?.value ?? "";

describe("withLocalSetting", () => {
  it("changes a setting for the work and puts the previous value back", async () => {
    const sql = sqlRunner(pgClient());
    await pgClient().query("BEGIN");
    try {
      await pgClient().query(`SET LOCAL work_mem = '5MB'`);
      const during = await withLocalSetting(sql, "work_mem", "64MB", workMem);
      expect(during).toBe("64MB");
      expect(await workMem()).toBe("5MB");
    } finally {
      await pgClient().query("ROLLBACK");
    }
  });

  it("passes the work's own error on, and the rollback restores the setting", async () => {
    const sql = sqlRunner(pgClient());
    const before = await workMem();
    await pgClient().query("BEGIN");
    const failing = withLocalSetting(sql, "work_mem", "64MB", () => sql.exec(`SELECT 1 / 0`));
    await expect(failing).rejects.toThrow(/division by zero/);
    await pgClient().query("ROLLBACK");
    expect(await workMem()).toBe(before);
  });
});
