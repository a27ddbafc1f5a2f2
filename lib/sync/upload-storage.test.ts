// The upload limit while streaming: over the limit is a 413 naming the limit and leaves no file; an empty
// body is a 400; a body is written as it arrives, whatever its size, without Content-Length.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { dataDirectory } from "../db/runtime";
import { declaredLength, storeUpload, uploadsDirectory } from "./upload-storage";

let directory: string;
beforeEach(async () => {
  directory = join(await mkdtemp(join(tmpdir(), "wig-uploads-")), "uploads");
});
afterEach(async () => {
  await rm(join(directory, ".."), { recursive: true, force: true });
});

/** A body arriving in `chunks` pieces of `size` bytes, like a socket would deliver it. */
function streamOf(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) {
        controller.close();
        return;
      }
      controller.enqueue(new Uint8Array(size).fill(65 + (sent % 26)));
      sent += 1;
    },
  });
}

const files = async () => (await readdir(directory).catch(() => [])).length;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("storeUpload", () => {
  it("streams the body to a new file named by a uuid", async () => {
    const stored = await storeUpload({ body: streamOf(40, 64 * 1024), directory, limitBytes: 10 * 1024 ** 2 });
    expect(stored.bytes).toBe(40 * 64 * 1024);
    expect(stored.path).toBe(join(directory, stored.id));
    expect(stored.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await readFile(stored.path)).length).toBe(stored.bytes);
  });

  it("accepts a body of exactly the limit", async () => {
    const stored = await storeUpload({ body: streamOf(4, 1024), directory, limitBytes: 4096 });
    expect(stored.bytes).toBe(4096);
  });

  it("stops at the first byte over the limit, answers 413 with the limit, and deletes the partial file", async () => {
    const error = await failure(storeUpload({ body: streamOf(100, 1024), directory, limitBytes: 10 * 1024 }));
    expect(error.status).toBe(413);
    expect(error.message).toContain("over the upload limit of 10 KB");
    expect(await files()).toBe(0);
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    let pulled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull() {
          pulled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const error = await failure(storeUpload({ body, directory, limitBytes: 1024, declaredBytes: 600 * 1024 ** 2 }));
    expect(error.status).toBe(413);
    expect(error.message).toBe("This file is 600 MB, which is over the upload limit of 1 KB. Split the export, or ask the operator to raise WIG_UPLOAD_MAX_BYTES.");
    expect(pulled).toBe(false);
    expect(await files()).toBe(0);
  });

  it("refuses an empty file, declared or not, and keeps nothing", async () => {
    expect((await failure(storeUpload({ body: streamOf(0, 0), directory, limitBytes: 1024 }))).status).toBe(400);
    expect((await failure(storeUpload({ body: null, directory, limitBytes: 1024 }))).message).toMatch(/^The file is empty/);
    expect((await failure(storeUpload({ body: streamOf(1, 10), directory, limitBytes: 1024, declaredBytes: 0 }))).status).toBe(400);
    expect(await files()).toBe(0);
  });

  it("turns a body that breaks off into a 400 and deletes what arrived", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 3) controller.enqueue(new Uint8Array(1024));
        else controller.error(new Error("socket hang up"));
      },
    });
    const error = await failure(storeUpload({ body, directory, limitBytes: 1024 ** 2 }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/did not arrive completely/);
    expect(await files()).toBe(0);
  });
});

describe("declaredLength", () => {
  it("reads a plain Content-Length and ignores anything else", () => {
    expect(declaredLength(new Headers({ "content-length": "1234" }))).toBe(1234);
    expect(declaredLength(new Headers())).toBeNull();
    expect(declaredLength(new Headers({ "content-length": "-1" }))).toBeNull();
    expect(declaredLength(new Headers({ "content-length": "12abc" }))).toBeNull();
  });
});

describe("uploadsDirectory", () => {
  it("is the uploads folder of the same data directory lib/db/runtime.ts uses", () => {
    for (const env of [{}, { WIG_DATA_DIR: "/srv/wig" }, { WIG_DATA_DIR: "relative/data" }, { WIG_DATA_DIR: "" }]) {
      expect(uploadsDirectory(env)).toBe(join(dataDirectory(env as NodeJS.ProcessEnv), "uploads"));
    }
  });
});
