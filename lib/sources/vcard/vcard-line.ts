// Line-level repairs that make vCard 2.1/3.0 lines digestible by ical.js (see vcard-cards.ts for why).
interface SplitLine {
  /** "item1." or "" */
  group: string;
  name: string;
  params: string[];
  value: string;
}

/** The property name, uppercased and without its group ("item1.EMAIL;TYPE=x:…" → "EMAIL"). */
export function propertyName(line: string): string {
  const end = line.search(/[;:]/);
  const head = end === -1 ? line : line.slice(0, end);
  const dot = head.lastIndexOf(".");
  return (dot === -1 ? head : head.slice(dot + 1)).trim().toUpperCase();
}

export function isQuotedPrintable(line: string): boolean {
  const split = splitLine(line);
  return split !== null && split.params.some((param) => /^(encoding=)?quoted-printable$/i.test(param));
}

/** Decodes a QUOTED-PRINTABLE value (soft breaks already joined) and drops ENCODING/CHARSET parameters. */
export function decodeQuotedPrintableLine(line: string): string {
  const split = splitLine(line);
  if (!split) return line;
  const charset = split.params.find((param) => /^charset=/i.test(param))?.slice("charset=".length) ?? "utf-8";
  const bytes: number[] = [];
  const raw = Buffer.from(split.value, "utf8");
  for (let i = 0; i < raw.length; i += 1) {
    const byte = raw[i] as number;
    const hex = byte === 0x3d ? raw.subarray(i + 1, i + 3).toString("latin1") : "";
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(byte);
    }
  }
  let decoded: string;
  try {
    decoded = new TextDecoder(charset.replace(/"/g, "")).decode(Uint8Array.from(bytes));
  } catch {
    decoded = Buffer.from(bytes).toString("utf8"); // Unknown charset label: UTF-8 is the best guess.
  }
  // A decoded line break must be escaped again, or ical.js would see a new property line.
  const value = decoded.replace(/\r\n|\r|\n/g, "\\n");
  const params = split.params.filter((param) => !/^(encoding=)?quoted-printable$|^charset=/i.test(param));
  return `${split.group}${split.name}${params.map((param) => `;${param}`).join("")}:${value}`;
}

/** vCard 2.1 allows "TEL;HOME;VOICE:"; ical.js needs "TEL;TYPE=HOME;TYPE=VOICE:". */
export function normalizeBareParameters(line: string): string {
  const split = splitLine(line);
  if (!split || split.params.every((param) => param.includes("="))) return line;
  const params = split.params.map((param) => (param.includes("=") ? param : `TYPE=${param}`));
  return `${split.group}${split.name}${params.map((param) => `;${param}`).join("")}:${split.value}`;
}

function splitLine(line: string): SplitLine | null {
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (char === ":" && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon === -1) return null;
  const [nameWithGroup = "", ...params] = splitParams(line.slice(0, colon));
  const dot = nameWithGroup.lastIndexOf(".");
  return {
    group: dot === -1 ? "" : nameWithGroup.slice(0, dot + 1),
    name: dot === -1 ? nameWithGroup : nameWithGroup.slice(dot + 1),
    params: params.filter((param) => param.length > 0),
    value: line.slice(colon + 1),
  };
}

function splitParams(head: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < head.length; i += 1) {
    const char = head[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (char === ";" && !inQuotes) {
      parts.push(head.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(head.slice(start));
  return parts;
}
