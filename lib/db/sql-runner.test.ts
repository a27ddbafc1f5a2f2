// The statement queue and InFlight, on their own: statements one at a time in call order, the next one
// started before the previous one's caller resumes, and a failure reported by its cause. (On a real
// PostgreSQL connection: sql-runner.integration.test.ts.)
import { describe, expect, it } from "vitest";
import { InFlight, StatementQueue } from "./sql-runner";

/** A statement that settles when told to, recording when it started. */
function controlled(log: string[], name: string) {
  let finish: (value: string) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const statement = () => {
    log.push(`start ${name}`);
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { statement, finish: () => finish(name), fail: (error: unknown) => fail(error) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("StatementQueue", () => {
  it("runs statements one at a time, in the order they were queued", async () => {
    const queue = new StatementQueue();
    const log: string[] = [];
    const [a, b, c] = ["a", "b", "c"].map((name) => controlled(log, name)) as [ReturnType<typeof controlled>, ReturnType<typeof controlled>, ReturnType<typeof controlled>];
    const results = [queue.run(a.statement), queue.run(b.statement), queue.run(c.statement)];
    await tick();
    expect(log).toEqual(["start a"]);
    a.finish();
    await tick();
    expect(log).toEqual(["start a", "start b"]);
    b.finish();
    await tick();
    expect(log).toEqual(["start a", "start b", "start c"]);
    c.finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c"]);
  });

  it("starts the next statement before the previous one's caller goes on", async () => {
    const queue = new StatementQueue();
    const log: string[] = [];
    const a = controlled(log, "a");
    const b = controlled(log, "b");
    const caller = (async () => {
      await queue.run(a.statement);
      log.push("caller of a resumes");
    })();
    void queue.run(b.statement);
    a.finish();
    await caller;
    expect(log).toEqual(["start a", "start b", "caller of a resumes"]);
    b.finish();
  });

  it("goes on after a failed statement, and after one that throws instead of returning a promise", async () => {
    const queue = new StatementQueue();
    const log: string[] = [];
    const a = controlled(log, "a");
    const first = queue.run(a.statement);
    const second = queue.run(() => {
      throw new Error("not even sent");
    });
    const third = queue.run(async () => "third");
    a.fail(new Error("syntax error"));
    await expect(first).rejects.toThrow("syntax error");
    await expect(second).rejects.toThrow("not even sent");
    expect(await third).toBe("third");
  });
});

describe("InFlight", () => {
  const aborted = Object.assign(new Error("current transaction is aborted, commands ignored until end of transaction block"), { code: "25P02" });

  it("reports the failure's cause, not the statements that failed because of it", async () => {
    const inFlight = new InFlight();
    let failCause: (error: unknown) => void = () => {};
    inFlight.track(Promise.reject(aborted)); // settles first
    inFlight.track(new Promise((_, reject) => (failCause = reject)));
    inFlight.track(Promise.resolve(1));
    setImmediate(() => failCause(Object.assign(new Error("division by zero"), { code: "22012" })));
    await expect(inFlight.settle()).rejects.toThrow("division by zero");
  });

  it("waits for every statement before reporting, and falls back to the caller's error", async () => {
    const inFlight = new InFlight();
    let settled = false;
    inFlight.track(new Promise((resolve) => setTimeout(resolve, 20)).then(() => (settled = true)));
    const caller = new Error("the caller's own");
    expect(await inFlight.causeOf(caller)).toBe(caller);
    expect(settled).toBe(true);
    await expect(inFlight.settle()).resolves.toBeUndefined();
  });

  it("reports a consequence when it is all there is", async () => {
    const inFlight = new InFlight();
    inFlight.track(Promise.reject(aborted));
    await expect(inFlight.settle()).rejects.toBe(aborted);
  });
});
