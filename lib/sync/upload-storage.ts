// Where dashboard uploads live and how they get there: the request body is streamed to
// <data dir>/uploads/<uuid>, counting bytes as they arrive, so a 500 MB export never sits in memory. The
// limit is enforced twice: up front from Content-Length (nothing is read), and while streaming (a client
// that lies or sends chunked stops at the first byte over the limit). A refused or broken upload leaves no
// partial file behind. The worker reads the file by path; lib/sources owns what happens after that.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors/app-error";
import { formatBytes, tooLargeMessage } from "./format";

/**
 * <data dir>/uploads. The data folder is resolved exactly as lib/db/runtime.ts's dataDirectory() does
 * (WIG_DATA_DIR, else ./.data; a test holds them equal): importing that module into a route would bundle
 * the embedded-PostgreSQL launcher, and its cwd-relative path makes Turbopack trace the whole project.
 */
export function uploadsDirectory(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return join(resolve(/* turbopackIgnore: true */ env.WIG_DATA_DIR || join(process.cwd(), ".data")), "uploads");
}

export interface StoredUpload {
  /** Absolute path of the stored file. */
  path: string;
  /** The uuid naming the file. */
  id: string;
  bytes: number;
}

export interface StoreUploadOptions {
  body: ReadableStream<Uint8Array> | null;
  /** The folder to write into (created when missing): uploadsDirectory(). */
  directory: string;
  limitBytes: number;
  /** Content-Length when the client sent one. */
  declaredBytes?: number | null;
  signal?: AbortSignal;
}

class UploadTooLarge extends Error {}

/** Counts bytes and fails the stream at the first byte over the limit. */
class ByteLimit extends Transform {
  bytes = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      callback(new UploadTooLarge());
      return;
    }
    callback(null, chunk);
  }
}

/** Content-Length as a number, null when absent or not a plain non-negative integer. */
export function declaredLength(headers: Headers): number | null {
  const raw = headers.get("content-length");
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : null;
}

export function tooLarge(fileBytes: number | null, limitBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", tooLargeMessage(fileBytes, limitBytes));
}

/**
 * Streams `body` to a new file under `directory`. Throws AppError PAYLOAD_TOO_LARGE (413) over the limit,
 * BAD_REQUEST for an empty body or a client that went away mid-upload; the partial file is deleted in
 * every failure case.
 */
export async function storeUpload(options: StoreUploadOptions): Promise<StoredUpload> {
  const { limitBytes } = options;
  if (options.declaredBytes !== undefined && options.declaredBytes !== null) {
    if (options.declaredBytes > limitBytes) throw tooLarge(options.declaredBytes, limitBytes);
    if (options.declaredBytes === 0) throw emptyFile();
  }
  if (!options.body) throw emptyFile();

  await mkdir(options.directory, { recursive: true, mode: 0o700 });
  const id = randomUUID();
  const path = join(options.directory, id);
  const counter = new ByteLimit(limitBytes);
  try {
    // Readable.fromWeb keeps backpressure: the socket is read only as fast as the disk takes it.
    const source = Readable.fromWeb(options.body as import("node:stream/web").ReadableStream<Uint8Array>);
    await pipeline(source, counter, createWriteStream(path, { flags: "wx", mode: 0o600 }), { signal: options.signal });
  } catch (error) {
    await rm(path, { force: true });
    if (error instanceof UploadTooLarge) throw tooLarge(null, limitBytes);
    if (error instanceof AppError) throw error;
    throw new AppError("BAD_REQUEST", `The upload did not arrive completely (${formatBytes(counter.bytes)} received). Try again.`, { cause: error });
  }
  if (counter.bytes === 0) {
    await rm(path, { force: true });
    throw emptyFile();
  }
  return { path, id, bytes: counter.bytes };
}

function emptyFile(): AppError {
  return new AppError("BAD_REQUEST", "The file is empty. Choose the export file itself (for LinkedIn, Connections.csv).");
}

/** Deletes a stored upload (a run that could not be queued). Never throws. */
export async function discardUpload(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => undefined);
}
