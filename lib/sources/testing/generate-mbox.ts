// Deterministic synthetic Gmail Takeout mbox with realistic headers (Received chains, ARC, DKIM, folded
// lines, RFC 2047 names) and small multipart bodies, for tests and the import benchmark. Roughly 4 KB per
// message, like real Gmail mail. The mix: personal mail to and from the owner, mailing lists, Spam, Trash.

export interface GeneratedMboxOptions {
  messages: number;
  seed?: number;
  owner?: string;
  /** Distinct correspondents. */
  contacts?: number;
  /** Messages per yielded chunk. */
  batch?: number;
}

export interface GeneratedMboxStats {
  personal: number;
  sentByOwner: number;
  mailingList: number;
  spam: number;
  trash: number;
}

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Dana", "Marcus", "Li", "José", "Priya", "Zoë", "Aiko", "Tom", "Ana", "Sam", "Olu", "Mei", "Ivan", "Sara", "Noah"];
const LAST = ["Smith", "Okafor", "Wei", "García", "Raman", "Müller", "Tanaka", "O'Brien", "Souza", "Lee", "Adeyemi", "Chen", "Petrov", "Nilsson", "Cohen"];
const DOMAINS = ["stripe.com", "acme.example", "gmail.com", "globex.example", "initech.example", "example.org"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (n: number) => String(n).padStart(2, "0");
const rfc2822 = (d: Date) =>
  `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
const asctime = (d: Date) =>
  `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;

function base64ish(rand: () => number, length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(rand() * 64)];
  return out;
}

function folded(rand: () => number, lines: number): string {
  return Array.from({ length: lines }, () => `        ${base64ish(rand, 70)}`).join("\r\n");
}

function contact(index: number): { name: string; email: string } {
  const first = FIRST[index % FIRST.length] as string;
  const last = LAST[Math.floor(index / FIRST.length) % LAST.length] as string;
  const domain = DOMAINS[index % DOMAINS.length] as string;
  const local = `${first}.${last}${index}`.toLowerCase().normalize("NFD").replace(/[^a-z0-9.]/g, "");
  return { name: `${first} ${last}`, email: `${local}@${domain}` };
}

function displayName(name: string, index: number): string {
  // Some clients send non-ASCII names as RFC 2047 words, others quote them, others send raw UTF-8.
  if (index % 3 === 0 && /[^\x20-\x7e]/.test(name)) return `=?UTF-8?B?${Buffer.from(name, "utf8").toString("base64")}?=`;
  if (name.includes("'") || index % 5 === 0) return `"${name}"`;
  return name;
}

export function* generateMbox(options: GeneratedMboxOptions, stats?: GeneratedMboxStats): Generator<Buffer> {
  const rand = random(options.seed ?? 42);
  const owner = options.owner ?? "alex.owner@gmail.com";
  const contacts = options.contacts ?? 2000;
  const batch = options.batch ?? 200;
  const start = Date.UTC(2024, 0, 1);
  let parts: string[] = [];
  for (let i = 0; i < options.messages; i += 1) {
    const date = new Date(start + i * 7 * 60 * 1000 + Math.floor(rand() * 60000));
    const who = contact(Math.floor(rand() * contacts));
    const other = contact(Math.floor(rand() * contacts));
    const roll = rand();
    const kind = roll < 0.1 ? "list" : roll < 0.13 ? "spam" : roll < 0.15 ? "trash" : roll < 0.3 ? "sent" : "personal";
    if (stats) {
      if (kind === "list") stats.mailingList += 1;
      else if (kind === "spam") stats.spam += 1;
      else if (kind === "trash") stats.trash += 1;
      else if (kind === "sent") stats.sentByOwner += 1;
      else stats.personal += 1;
    }
    const thread = (BigInt(1780000000000000000n) + BigInt(Math.floor(i / 3))).toString();
    const labels = kind === "spam" ? "Spam" : kind === "trash" ? "Trash,Opened" : kind === "sent" ? "Sent,Opened" : "Inbox,Important,Opened,Category Personal";
    const fromLine = kind === "sent" ? `Alex Owner <${owner}>` : `${displayName(who.name, i)} <${who.email}>`;
    const toLine = kind === "sent" ? `${displayName(who.name, i)} <${who.email}>` : `Alex Owner <${owner}>`;
    const sender = kind === "sent" ? owner : who.email;
    const domain = sender.split("@")[1] as string;
    const headers = [
      `From ${thread}@xxx ${asctime(date)}`,
      `X-GM-THRID: ${thread}`,
      `X-Gmail-Labels: ${labels}`,
      `Delivered-To: ${owner}`,
      `Received: by 2002:a05:6a10:8c0e:b0:5b4:${(i % 9999).toString(16)}:abcd with SMTP id x14csp${i}pxs;\r\n        ${rfc2822(date)}`,
      `X-Google-Smtp-Source: ${base64ish(rand, 88)}`,
      `X-Received: by 2002:a17:907:7b94:b0:a6f:${(i % 4096).toString(16)}:1e0 with SMTP id ${base64ish(rand, 20)}.${i};\r\n        ${rfc2822(date)}`,
      `ARC-Seal: i=1; a=rsa-sha256; t=${Math.floor(date.getTime() / 1000)}; cv=none;\r\n        d=google.com; s=arc-20240605;\r\n        b=${base64ish(rand, 60)}\r\n${folded(rand, 4)}`,
      `ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=google.com; s=arc-20240605;\r\n        h=to:subject:message-id:date:from:mime-version:dkim-signature;\r\n        bh=${base64ish(rand, 44)};\r\n        b=${base64ish(rand, 60)}\r\n${folded(rand, 4)}`,
      `ARC-Authentication-Results: i=1; mx.google.com;\r\n       dkim=pass header.i=@${domain} header.s=google header.b=${base64ish(rand, 8)};\r\n       spf=pass (google.com: domain of ${sender} designates 209.85.220.41 as permitted sender) smtp.mailfrom=${sender};\r\n       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=${domain}`,
      `Return-Path: <${sender}>`,
      `Received: from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41])\r\n        by mx.google.com with SMTPS id a640c23a62f3a-${base64ish(rand, 16)}.12.${date.getUTCFullYear()}\r\n        for <${owner}>\r\n        (Google Transport Security);\r\n        ${rfc2822(date)}`,
      `Received-SPF: pass (google.com: domain of ${sender} designates 209.85.220.41 as permitted sender) client-ip=209.85.220.41;`,
      `Authentication-Results: mx.google.com;\r\n       dkim=pass header.i=@${domain} header.s=google header.b=${base64ish(rand, 8)};\r\n       spf=pass smtp.mailfrom=${sender};\r\n       dmarc=pass header.from=${domain}`,
      `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n        d=${domain}; s=google; t=${Math.floor(date.getTime() / 1000)}; x=${Math.floor(date.getTime() / 1000) + 604800}; darn=gmail.com;\r\n        h=to:subject:message-id:date:from:mime-version:from:to:cc:subject\r\n         :date:message-id:reply-to;\r\n        bh=${base64ish(rand, 44)};\r\n        b=${base64ish(rand, 60)}\r\n${folded(rand, 5)}`,
      `X-Gm-Message-State: ${base64ish(rand, 64)}\r\n\t${base64ish(rand, 60)}`,
      `MIME-Version: 1.0`,
      `From: ${fromLine}`,
      `Date: ${rfc2822(date)}`,
      `Message-ID: <CA${base64ish(rand, 24).replace(/[+/]/g, "x")}.${i}@mail.gmail.com>`,
      `Subject: ${i % 3 === 0 ? "Re: " : ""}Quick question ${i}`,
      `To: ${toLine}${i % 7 === 0 ? `,\r\n\t${displayName(other.name, i + 1)} <${other.email}>` : ""}`,
    ];
    if (i % 11 === 0) headers.push(`Cc: ${other.name} <${other.email}>`);
    if (i % 3 === 0) headers.push(`In-Reply-To: <CAprev.${i - 1}@mail.gmail.com>`, `References: <CAroot.${thread}@mail.gmail.com>\r\n <CAprev.${i - 1}@mail.gmail.com>`);
    if (kind === "list") headers.push(`List-Id: <announce.${domain}>`, `List-Unsubscribe: <mailto:unsubscribe@${domain}>`, "Precedence: bulk");
    headers.push(`Content-Type: multipart/alternative; boundary="000000000000${i.toString(16).padStart(12, "0")}"`);
    const boundary = `--000000000000${i.toString(16).padStart(12, "0")}`;
    const body = [
      "",
      boundary,
      'Content-Type: text/plain; charset="UTF-8"',
      "",
      `Hi,\r\n\r\nThanks for the note about item ${i}. Let's talk next week.\r\n>From the archive: see below.\r\n\r\nBest`,
      boundary,
      'Content-Type: text/html; charset="UTF-8"',
      "",
      `<div dir="ltr">Hi,<div><br></div><div>Thanks for the note about item ${i}. Let's talk next week.</div></div>`,
      `${boundary}--`,
      "",
    ];
    parts.push(headers.join("\r\n"), "\r\n", body.join("\r\n"), "\r\n");
    if (parts.length >= batch * 4) {
      yield Buffer.from(parts.join(""), "utf8");
      parts = [];
    }
  }
  if (parts.length > 0) yield Buffer.from(parts.join(""), "utf8");
}

export function emptyMboxStats(): GeneratedMboxStats {
  return { personal: 0, sentByOwner: 0, mailingList: 0, spam: 0, trash: 0 };
}
