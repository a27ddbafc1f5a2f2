// POST /api/sync/uploads through defineRoute, with the session and the job queue stubbed: the origin
// check the proxy would have made, admin only, the size limit from Content-Length and while streaming, the
// stored file handed to queueImport, and no file left behind by any refusal.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

const dataDir = await mkdtemp(join(tmpdir(), "wig-upload-route-"));
process.env.WIG_DATA_DIR = dataDir;
process.env.WIG_UPLOAD_MAX_BYTES = "1KB";

const getSessionUser = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("@/lib/errors/app-error");
  return {
    getSessionUser,
    authorize: (user: { role: string } | null, access: string) => {
      if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
      if (access === "admin" && user.role !== "admin") throw new AppError("FORBIDDEN", "This needs an admin account.");
      return user;
    },
  };
});
const queueUploadedImport = vi.hoisted(() => vi.fn());
vi.mock("@/lib/sync/run-control", () => ({ queueUploadedImport }));

const { POST } = await import("./route");

const ORIGIN = "http://localhost:3000";
const ADMIN = { id: "6f1c1b2a-7d1e-4c55-9a43-0c2b8e1f0a11", email: "ada@example.com", name: "Ada", role: "admin", personId: null };
const uploads = join(dataDir, "uploads");
const stored = async () => (await readdir(uploads).catch(() => [])).length;

function request(body: BodyInit | null, options: { query?: string; origin?: string | null; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers({ "content-type": "application/octet-stream", ...options.headers });
  if (options.origin !== null) headers.set("origin", options.origin ?? ORIGIN);
  return new Request(`${ORIGIN}/api/sync/uploads?${options.query ?? "source=linkedin&fileName=Connections.csv"}`, {
    method: "POST",
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

function chunked(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ === chunks) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(0x41));
    },
  });
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; status: number } }).error;
}

beforeEach(async () => {
  await rm(uploads, { recursive: true, force: true });
  getSessionUser.mockReset().mockResolvedValue(ADMIN);
  queueUploadedImport.mockReset().mockResolvedValue({ runId: "0d6a4b9e-3c1f-4e2a-8b7d-5f9e1c2a3b4d", jobId: "job-1" });
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("POST /api/sync/uploads", () => {
  it("stores the body under <data dir>/uploads/<uuid> and queues the import", async () => {
    const csv = "First Name,Last Name\r\nDana,Smith\r\n";
    const response = await POST(request(csv, { query: "source=linkedin&fileName=C%3A%5Cexports%5CConnections.csv" }));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ runId: "0d6a4b9e-3c1f-4e2a-8b7d-5f9e1c2a3b4d", jobId: "job-1", fileBytes: csv.length, sourceName: "linkedin" });
    expect(response.headers.get("x-correlation-id")).toBeTruthy();
    const [, input] = queueUploadedImport.mock.calls[0] as [unknown, { filePath: string; fileName: string; fileBytes: number; startedById: string; sourceName: string }];
    expect(input).toMatchObject({ sourceName: "linkedin", fileName: "Connections.csv", fileBytes: csv.length, startedById: ADMIN.id });
    expect(input.filePath).toMatch(new RegExp(`^${uploads}/[0-9a-f-]{36}$`));
    expect(await readFile(input.filePath, "utf8")).toBe("First Name,Last Name\r\nDana,Smith\r\n");
  });

  it("refuses a request without this site's Origin before anything else", async () => {
    for (const origin of [null, "http://evil.example"]) {
      const response = await POST(request("a", { origin }));
      expect(response.status).toBe(403);
      expect((await errorOf(response)).message).toMatch(/did not come from WIG itself/);
    }
    expect(getSessionUser).not.toHaveBeenCalled();
    expect(await stored()).toBe(0);
  });

  it("is for admins only", async () => {
    getSessionUser.mockResolvedValue(null);
    expect((await POST(request("a"))).status).toBe(401);
    getSessionUser.mockResolvedValue({ ...ADMIN, role: "member" });
    expect((await POST(request("a"))).status).toBe(403);
    expect(await stored()).toBe(0);
    expect(queueUploadedImport).not.toHaveBeenCalled();
  });

  it("validates the source name and the file name", async () => {
    const response = await POST(request("a", { query: "source=myspace&fileName=x.csv" }));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("BAD_REQUEST");
    expect((await POST(request("a", { query: "source=linkedin" }))).status).toBe(400);
  });

  it("answers 413 with the limit from Content-Length, and while streaming a body without one, keeping no file", async () => {
    const declared = await POST(request("x".repeat(1025), { headers: { "content-length": "1025" } }));
    expect(declared.status).toBe(413);
    expect((await errorOf(declared)).message).toBe(
      "This file is 1 KB, which is over the upload limit of 1 KB. Split the export, or ask the operator to raise WIG_UPLOAD_MAX_BYTES.",
    );
    const streamed = await POST(request(chunked(8, 256)));
    expect(streamed.status).toBe(413);
    expect((await errorOf(streamed)).message).toMatch(/^This file is over the upload limit of 1 KB\./);
    expect(await stored()).toBe(0);
    expect(queueUploadedImport).not.toHaveBeenCalled();
  });

  it("refuses an empty file", async () => {
    const response = await POST(request(""));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/^The file is empty/);
    expect(await stored()).toBe(0);
  });

  it("deletes the stored file when the import cannot be queued", async () => {
    const { AppError } = await import("@/lib/errors/app-error");
    queueUploadedImport.mockRejectedValue(new AppError("UNAVAILABLE", "The import could not be queued. Try again."));
    const response = await POST(request("a,b\r\n"));
    expect(response.status).toBe(503);
    expect((await errorOf(response)).message).toBe("The import could not be queued. Try again.");
    expect(await stored()).toBe(0);
  });

  it("queues the export as the chosen team member's, refuses an owner that is not a user id, and keeps no file when the member is gone", async () => {
    const owner = "3e0c2b7a-1f4d-4a8e-9b6c-2d5f8a1e7c90";
    expect((await POST(request("a,b\r\n", { query: `source=linkedin&fileName=Connections.csv&owner=${owner}` }))).status).toBe(202);
    expect(queueUploadedImport.mock.calls[0]?.[1]).toMatchObject({ startedById: ADMIN.id, ownerUserId: owner });
    // Without one, the export is the uploader's.
    await POST(request("a,b\r\n"));
    expect(queueUploadedImport.mock.calls[1]?.[1]).toMatchObject({ ownerUserId: null });

    const invalid = await POST(request("a,b\r\n", { query: "source=linkedin&fileName=Connections.csv&owner=daniel" }));
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(await errorOf(invalid))).toMatch(/team member's user id/);

    const { AppError } = await import("@/lib/errors/app-error");
    queueUploadedImport.mockRejectedValue(new AppError("NOT_FOUND", "The team member this export belongs to has no account any more. Choose another member."));
    const gone = await POST(request("a,b\r\n", { query: `source=linkedin&fileName=Connections.csv&owner=${owner}` }));
    expect(gone.status).toBe(404);
    expect(await stored()).toBe(2);
  });
});
