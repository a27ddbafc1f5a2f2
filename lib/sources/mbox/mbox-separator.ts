// mbox separator lines: "From <sender> <asctime date>" at the start of a line.
const LF = 0x0a;
const SP = 0x20;
export const SEPARATOR_NEEDLE = Buffer.from("\nFrom ", "latin1");
export const FROM_SPACE = Buffer.from("From ", "latin1");
const DAY_NAMES = new Set(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
const SEPARATOR_CHECK_BYTES = 64;

/**
 * Is the line at `pos` an mbox separator ("From <sender> <weekday> …")? mboxrd writers (Gmail Takeout)
 * quote body lines that start with "From ", but older mboxo files do not; requiring the asctime weekday
 * after the sender keeps "From what I hear…" in a body from splitting a message. Runs only when the
 * native search finds "\nFrom ", so its cost does not matter.
 */
export function separatorAt(buf: Buffer, pos: number): "yes" | "no" | "need_more" {
  // "From " itself: a caller may have looked at the first byte only, and "From: Thu Nguyen <…>" (a header,
  // or a quoted one in a body) or "Friday Mon …" must not pass for "From <sender> Thu …".
  for (let k = 0; k < FROM_SPACE.length; k += 1) {
    if (pos + k >= buf.length) return "need_more";
    if (buf[pos + k] !== FROM_SPACE[k]) return "no";
  }
  const limit = Math.min(buf.length, pos + SEPARATOR_CHECK_BYTES);
  const senderStart = pos + FROM_SPACE.length;
  let i = senderStart;
  while (i < limit && buf[i] !== SP && buf[i] !== LF) i += 1; // the sender token
  if (i === senderStart && i < limit) return "no"; // "From  Thu …": no sender
  while (i < limit && buf[i] === SP) i += 1;
  if (i + 4 <= limit) return DAY_NAMES.has(buf.toString("latin1", i, i + 3)) && buf[i + 3] === SP ? "yes" : "no";
  // Out of bytes before the weekday: a complete short line is no separator; a line cut by the chunk end may be.
  if (buf.indexOf(LF, pos) !== -1 || limit < buf.length) return "no";
  return "need_more";
}
