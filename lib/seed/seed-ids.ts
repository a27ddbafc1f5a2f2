// Deterministic primary keys for seed rows. The id is a hash of a stable key ("demo/person/<email>"),
// so re-running a seed targets the same rows (upserts and ON CONFLICT DO NOTHING find them) and adding
// one row never shifts the ids of the others. Formatted as RFC 4122 version-4 style (version nibble 4,
// variant 10xx) so any UUID validator accepts them; they are name-based, not random.
//
// The hash is cyrb128 (bryc, public domain): 128 bits from four mixed 32-bit lanes. It is not
// cryptographic (nothing here needs that) but ~20× faster than node:crypto's per-call sha256, which
// matters when the demo derives ids for ~100k rows.

function cyrb128(key: string): [number, number, number, number] {
  let h1 = 1_779_033_703;
  let h2 = 3_144_134_277;
  let h3 = 1_013_904_242;
  let h4 = 2_773_480_762;
  for (let index = 0; index < key.length; index += 1) {
    const code = key.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ code, 597_399_067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2_869_860_233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951_274_213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2_716_044_179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597_399_067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2_869_860_233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951_274_213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2_716_044_179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
const hex8 = (value: number): string =>
  `${BYTE_HEX[value >>> 24]}${BYTE_HEX[(value >>> 16) & 255]}${BYTE_HEX[(value >>> 8) & 255]}${BYTE_HEX[value & 255]}`;

/** 32 hex digits of the key's hash. */
export function stableHex(key: string): string {
  return cyrb128(key).map(hex8).join("");
}

export function stableUuid(key: string): string {
  const [a, b, c, d] = cyrb128(key);
  const versioned = ((b & 0xffff0fff) | 0x00004000) >>> 0; // version nibble 4
  const variant = ((c & 0x3fffffff) | 0x80000000) >>> 0; // variant bits 10
  const [second, third, fourth] = [hex8(versioned), hex8(variant), hex8(d)];
  return `${hex8(a)}-${second.slice(0, 4)}-${second.slice(4)}-${third.slice(0, 4)}-${third.slice(4)}${fourth}`;
}

/** A short, stable hex tag for source ids (Message-ID-like strings) and handles. */
export function stableTag(key: string, length = 8): string {
  return stableHex(key).slice(0, length);
}
