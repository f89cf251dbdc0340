import { hash, verify } from '@node-rs/argon2';

/** Hashes a password with argon2id (the library's defaults follow OWASP's advice). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when no user matches keeps the answer time the same either way.
const DUMMY_HASH = hash('clientela-no-such-user');

/** Checks a password; with no stored hash it still spends the same time and says no. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    await verify(await DUMMY_HASH, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
