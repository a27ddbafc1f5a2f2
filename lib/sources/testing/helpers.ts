// Test support shared by the parser tests: read fixtures in small chunks (so every chunk-boundary path runs)
// and collect a parser's items by kind.
import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Readable } from "node:stream";
import type { TInteractionObservation, TParseIssue, TPersonObservation, TSourceItem } from "../types";

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** A fixture as a stream of deliberately small chunks. */
export function fixtureStream(name: string, chunkSize = 17): Readable {
  return createReadStream(fixturePath(name), { highWaterMark: chunkSize });
}

/** Inline test data as a stream of chunks of `chunkSize` bytes. */
export async function* bytesOf(data: string | Buffer, chunkSize = 7): AsyncGenerator<Buffer> {
  const buffer = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  for (let i = 0; i < buffer.length; i += chunkSize) yield buffer.subarray(i, i + chunkSize);
}

export interface Collected {
  people: TPersonObservation[];
  interactions: TInteractionObservation[];
  issues: TParseIssue[];
}

export async function collect(items: AsyncIterable<TSourceItem>): Promise<Collected> {
  const result: Collected = { people: [], interactions: [], issues: [] };
  for await (const item of items) {
    if (item.kind === "person") result.people.push(item);
    else if (item.kind === "interaction") result.interactions.push(item);
    else result.issues.push(item);
  }
  return result;
}
