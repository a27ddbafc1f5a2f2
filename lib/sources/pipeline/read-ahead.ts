// Lets the parser run ahead of the batch loop: while a batch's transaction waits on PostgreSQL (most of an
// import's wall time), the next records are parsed into a bounded buffer instead of the process idling.
// Items come out in order, each with the parser's byte position when it was produced, so progress and the
// resume cursor mean exactly what they meant without the read-ahead. A parser error is delivered after the
// items parsed before it, as it would have been.
export interface AheadItem<T> {
  item: T;
  /** Bytes the parser had consumed when it produced the item. */
  bytesRead: number;
}

/** How long the producer runs before it lets pending I/O callbacks (database replies) in. */
const PRODUCER_SLICE_MS = 2;

export async function* readAhead<T>(source: AsyncGenerator<T>, limit: number, bytesRead: () => number): AsyncGenerator<AheadItem<T>> {
  let buffer: Array<AheadItem<T>> = [];
  let head = 0;
  let done = false;
  let failure: { error: unknown } | null = null;
  let stopped = false;
  /** Wakes the consumer when an item, the end or an error arrives. */
  let wake: (() => void) | null = null;
  /** Wakes the producer when the buffer has room again (or the consumer stopped). */
  let room: (() => void) | null = null;
  const signal = (which: "wake" | "room") => {
    const resolve = which === "wake" ? wake : room;
    if (which === "wake") wake = null;
    else room = null;
    resolve?.();
  };

  const produce = async () => {
    let sliceStarted = performance.now();
    try {
      while (!stopped) {
        if (buffer.length - head >= limit) {
          await new Promise<void>((resolve) => (room = resolve));
          sliceStarted = performance.now();
          continue;
        }
        const next = await source.next();
        if (next.done) break;
        buffer.push({ item: next.value, bytesRead: bytesRead() });
        signal("wake");
        // A parser whose records are already in memory resolves each next() as a microtask, which would keep
        // the event loop from PostgreSQL's replies until a whole chunk is parsed: the batch's statements then
        // wait on the parser instead of overlapping it. Give the loop a turn every few milliseconds.
        if (performance.now() - sliceStarted >= PRODUCER_SLICE_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          sliceStarted = performance.now();
        }
      }
    } catch (error) {
      failure = { error };
    } finally {
      done = true;
      signal("wake");
    }
  };
  const producing = produce();

  try {
    for (;;) {
      if (head < buffer.length) {
        const next = buffer[head] as AheadItem<T>;
        head += 1;
        // Consumed items must not stay referenced: the producer may never let the buffer drain completely.
        if (head === buffer.length) {
          buffer = [];
          head = 0;
        } else if (head >= 256 && head * 2 >= buffer.length) {
          buffer = buffer.slice(head);
          head = 0;
        }
        if (buffer.length - head < limit) signal("room");
        yield next;
        continue;
      }
      if (done) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failure) throw (failure as { error: unknown }).error;
  } finally {
    stopped = true;
    signal("room");
    await producing;
    // Closes the parser (its streams) when the loop stopped early; a no-op once it has finished.
    await source.return(undefined);
  }
}
