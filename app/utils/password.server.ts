import { randomBytes } from "node:crypto";
import argon2 from "argon2";

// argon2id with its parameters written out (today the library's defaults: 64 MiB, 3 passes, 4 lanes), so every hash and the decoy agree.
export const ARGON2_PARAMETERS = { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 4 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_PARAMETERS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed hash never verifies
  }
}

/** A stored hash made with other parameters than today's: rehashed at the next successful check, so every account costs the same to check. */
export function passwordNeedsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, ARGON2_PARAMETERS);
  } catch {
    return true;
  }
}

/**
 * What a password for an account that does not exist is checked against, so that a wrong email
 * costs one verification with the same parameters as a wrong password. Made as the server loads
 * (a random password nobody knows), not at the first unknown email, which used to pay for a hash too.
 */
const decoy = hashPassword(randomBytes(32).toString("base64url"));
export function decoyHash(): Promise<string> {
  return decoy;
}
