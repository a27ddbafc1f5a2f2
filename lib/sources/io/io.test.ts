import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseGoogleContacts } from "../google-contacts/google-contacts";
import { parseVCard } from "../vcard/vcard";
import { bytesOf, collect } from "../testing/helpers";
import { readLines } from "./lines";

describe("shared input handling", () => {
  it("propagates an input stream error instead of hanging", async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from("First Name,Middle Name,Last Name,Labels,E-mail 1 - Value\nA,,B,,a@b.example\n"));
        this.destroy(new Error("disk went away"));
      },
    });
    await expect(collect(parseGoogleContacts(failing))).rejects.toThrow("disk went away");
  });

  it("stops between records when the signal aborts", async () => {
    const controller = new AbortController();
    const cards = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n".repeat(50);
    let seen = 0;
    const run = async () => {
      for await (const item of parseVCard(bytesOf(cards, 64), { signal: controller.signal })) {
        if (item.kind === "person" && ++seen === 3) controller.abort(new Error("cancelled by admin"));
      }
    };
    await expect(run()).rejects.toThrow("cancelled by admin");
    expect(seen).toBe(3);
  });

  it("splits lines across chunks, strips CR, and cuts overlong lines", async () => {
    const lines = [];
    for await (const line of readLines(bytesOf(`a\r\nbb\n${"x".repeat(50)}\nlast`, 3), 10)) lines.push(line);
    expect(lines.map((l) => [l.text, l.line, l.byteOffset, l.truncated])).toEqual([
      ["a", 1, 0, false],
      ["bb", 2, 3, false],
      ["x".repeat(10), 3, 6, true],
      ["last", 4, 57, false],
    ]);
  });
});
