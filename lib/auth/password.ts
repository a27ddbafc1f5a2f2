// Password hashing with argon2id (@node-rs/argon2: maintained, prebuilt native binaries shipped inside the
// npm package, so nothing is compiled or downloaded at install). Parameters are the library's defaults,
// which follow OWASP's argon2id recommendation (19 MiB, 2 iterations, 1 lane).
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const ZPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the account does not exist makes "unknown user" cost as much time as
// "wrong password", so response times do not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= hash("wig-timing-equalizer-not-a-real-password");
  const target = passwordHash ?? (await dummyHash);
  try {
    const matches = await verify(target, password);
    return passwordHash ? matches : false;
  } catch {
    return false;
  }
}
