import { describe, expect, it } from "vitest";
import { HEADER, MboxScanner, type RawMessage } from "./mbox-scanner";

function scan(data: string, chunkSize: number): RawMessage[] {
  const scanner = new MboxScanner();
  const out: RawMessage[] = [];
  const bytes = Buffer.from(data, "utf8");
  for (let i = 0; i < bytes.length; i += chunkSize) scanner.push(bytes.subarray(i, i + chunkSize), out);
  scanner.end(out);
  return out;
}

const tricky = [
  "\r\n",
  "From 1@xxx Wed Sep 02 08:15:00 +0000 2026\r\n",
  "From: =?UTF-8?B?Wm/DqyBNw7xsbGVy?= <zoe@x.example>\r\n",
  "To: a@x.example,\r\n\tb@x.example\r\n",
  "Subject: one\r\n",
  "Subject: ignored repeat\r\n  with a continuation\r\n",
  "\r\n",
  "From what I hear, this body line is not a separator.\r\n",
  "Friday Mon meeting notes: not a separator either.\r\n",
  "From: Sat Nam <sat@x.example> quoted in a body\r\n",
  ">From quoted\r\n",
  "\r\n",
  "From 2@xxx Thu Sep 03 08:15:00 +0000 2026\n",
  "from: LF Only <lf@x.example>\n",
  "Cc: c@x.example\n",
  // A header whose value starts with a weekday ("Thu" is a common given name) is no separator.
  "From: Thu Nguyen <thu@x.example>\n",
  "Fwd: Sun Life\n",
  "From 3@xxx Fri Sep 04 08:15:00 +0000 2026\n",
  "From: Headers Only <h@x.example>\n",
  "\n",
  "From 4@xxx Sat Sep 05 08:15:00 +0000 2026\r\n",
  "From: Last <last@x.example>\r\n",
  "Date: Sat, 5 Sep 2026 08:15:00 +0000\r\n",
  "\r\n",
  "tail without newline",
].join("");

describe("MboxScanner", () => {
  it("gives the same messages for every chunk size, across every boundary position", () => {
    const expected = scan(tricky, tricky.length);
    expect(expected.map((m) => [m.index, m.headers[HEADER.from], m.complete])).toEqual([
      [1, "=?UTF-8?B?Wm/DqyBNw7xsbGVy?= <zoe@x.example>", true],
      [2, "LF Only <lf@x.example>", true],
      [3, "Headers Only <h@x.example>", true],
      [4, "Last <last@x.example>", true],
    ]);
    expect(expected[0]?.headers[HEADER.to]).toBe("a@x.example,\tb@x.example");
    expect(expected[0]?.headers[HEADER.subject]).toBe("one");
    expect(expected[1]?.headers[HEADER.cc]).toBe("c@x.example");
    expect(expected.map((m) => m.byteOffset)).toEqual(
      ["From 1@", "From 2@", "From 3@", "From 4@"].map((marker) => Buffer.from(tricky.slice(0, tricky.indexOf(marker))).length),
    );
    for (let size = 1; size <= 80; size += 1) expect(scan(tricky, size)).toEqual(expected);
  });

  it("reads a sender whose name starts with a weekday as a header, not as the next message", () => {
    const data = "From 1@xxx Mon Sep 02 10:15:00 +0000 2024\nX-Gmail-Labels: Inbox\nFrom: Thu Nguyen <thu.nguyen@example.vn>\nTo: alex@example.com\n\nHi\n";
    for (const size of [7, data.length]) {
      const messages = scan(data, size);
      expect(messages.map((m) => [m.headers[HEADER.from], m.headers[HEADER.to]])).toEqual([["Thu Nguyen <thu.nguyen@example.vn>", "alex@example.com"]]);
    }
  });

  it("flags a message whose headers never end, and a file that is not mbox", () => {
    const cut = scan("From 1@xxx Wed Sep 02 08:15:00 +0000 2026\nFrom: a@x.example\nTo: b@x", 5);
    expect(cut).toEqual([expect.objectContaining({ complete: false })]);
    expect(cut[0]?.headers[HEADER.to]).toBe("b@x");
    const scanner = new MboxScanner();
    scanner.push(Buffer.from("Name,Email\nA,a@x\n"), []);
    expect(scanner.notMbox).toBe(true);
  });

  it("keeps header memory bounded on a header line that never ends", () => {
    const huge = `From 1@xxx Wed Sep 02 08:15:00 +0000 2026\nX-Junk: ${"a".repeat(3 * 1024 * 1024)}\n\nFrom 2@xxx Thu Sep 03 08:15:00 +0000 2026\nFrom: ok@x.example\n\n`;
    const messages = scan(huge, 64 * 1024);
    expect(messages.map((m) => [m.index, m.oversized])).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});
