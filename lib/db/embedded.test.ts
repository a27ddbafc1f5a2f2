import { describe, expect, it } from "vitest";
import { sharedBuffersMb } from "./postgres-process";

const GB = 1024 ** 3;

describe("sharedBuffersMb", () => {
  it("takes an eighth of the machine's memory, between 128 MB and 1 GB", () => {
    expect(sharedBuffersMb({}, 24 * GB)).toBe(1024);
    expect(sharedBuffersMb({}, 4 * GB)).toBe(512);
    expect(sharedBuffersMb({}, 0.5 * GB)).toBe(128);
  });

  it("follows WIG_EMBEDDED_PG_SHARED_BUFFERS_MB when it is a sensible number", () => {
    expect(sharedBuffersMb({ WIG_EMBEDDED_PG_SHARED_BUFFERS_MB: "256" }, 24 * GB)).toBe(256);
    expect(sharedBuffersMb({ WIG_EMBEDDED_PG_SHARED_BUFFERS_MB: "lots" }, 24 * GB)).toBe(1024);
    expect(sharedBuffersMb({ WIG_EMBEDDED_PG_SHARED_BUFFERS_MB: "4" }, 24 * GB)).toBe(1024);
  });
});
