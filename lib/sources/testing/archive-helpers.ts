// Test support for the archive parsers (Slack, LinkedIn's export, Takeout): a scratch folder per test file,
// zips written into it, and a parser's items in order, with or without the file each came from.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { TSourceItem } from "../types";
import { writeZip, type ZipSource } from "./write-zip";

/** A scratch folder made before the file's tests and removed after them; `zip` writes an archive into it. */
export function archiveScratch(prefix: string) {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    path: (name: string) => join(dir, name),
    zip: async (name: string, sources: ZipSource[]): Promise<string> => {
      const path = join(dir, name);
      await writeFile(path, writeZip(sources));
      return path;
    },
  };
}

export async function allItems(items: AsyncIterable<TSourceItem>): Promise<TSourceItem[]> {
  const out: TSourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** An item without the archive file it came from: what the file's own parser gives. */
export function withoutEntry(item: TSourceItem): TSourceItem {
  const { entry: _entry, ...position } = item.position;
  return { ...item, position } as TSourceItem;
}
