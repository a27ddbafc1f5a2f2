import { describe, expect, it } from "vitest";
import { readAhead } from "./read-ahead";

async function* numbers(count: number, failAt?: number, closed?: { value: boolean }): AsyncGenerator<number> {
  try {
    for (let i = 1; i <= count; i += 1) {
      if (i === failAt) throw new Error(`bad record ${i}`);
      await Promise.resolve();
      yield i;
    }
  } finally {
    if (closed) closed.value = true;
  }
}

describe("readAhead", () => {
  it("yields every item in order with the byte position it was produced at, without running more than `limit` ahead", async () => {
    let position = 0;
    let produced = 0;
    const source = (async function* () {
      for await (const n of numbers(25)) {
        produced = n;
        position = n * 10;
        yield n;
      }
    })();
    const seen: Array<[number, number]> = [];
    for await (const { item, bytesRead } of readAhead(source, 4, () => position)) {
      expect(produced - item).toBeLessThanOrEqual(4);
      seen.push([item, bytesRead]);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => [i + 1, (i + 1) * 10]));
  });

  it("lets I/O callbacks (database replies) run while a parser with its records in memory fills the buffer", async () => {
    const total = 200_000;
    let produced = 0;
    const source = (async function* () {
      for await (const n of numbers(total)) {
        produced = n;
        yield n;
      }
    })();
    const iterator = readAhead(source, total, () => 0)[Symbol.asyncIterator]();
    await iterator.next();
    // Every next() of this source resolves as a microtask: without the producer's slices, the buffer would
    // fill completely before any macrotask got a turn.
    const producedWhenIoRan = await new Promise<number>((resolve) => setImmediate(() => resolve(produced)));
    expect(producedWhenIoRan).toBeLessThan(total);
    await iterator.return?.(undefined);
  });

  it("delivers a parser error after the items parsed before it", async () => {
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const { item } of readAhead(numbers(10, 7), 3, () => 0)) seen.push(item);
      })(),
    ).rejects.toThrow("bad record 7");
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("closes the parser when the consumer stops early", async () => {
    const closed = { value: false };
    for await (const { item } of readAhead(numbers(100, undefined, closed), 5, () => 0)) {
      if (item === 3) break;
    }
    expect(closed.value).toBe(true);
  });
});

describe("readAhead memory", () => {
  it("does not keep consumed items when the producer stays ahead", async () => {
    let position = 0;
    const source = (async function* () {
      for (let i = 1; i <= 5000; i += 1) {
        position = i;
        yield i;
      }
    })();
    let count = 0;
    let maxBuffered = 0;
    for await (const { item, bytesRead } of readAhead(source, 100, () => position)) {
      count += 1;
      expect(bytesRead).toBe(item);
      maxBuffered = Math.max(maxBuffered, position - item);
    }
    expect(count).toBe(5000);
    expect(maxBuffered).toBeLessThanOrEqual(100);
  });
});
