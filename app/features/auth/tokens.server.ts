// Random tokens for sessions and e-mailed single-use links. The database keeps
// only their SHA-256 hashes, so a copy of it cannot be used to sign in. A fast
// hash is enough because each token is 256 random bits: there is nothing to
// guess, unlike a password.
import crypto from "node:crypto";

/** 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** SHA-256 of the token, as 64 hex characters: what the database stores. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Compares two strings in time that depends on neither's content. Both are
 * hashed first so that strings of different lengths can be compared too,
 * without revealing the length of the expected one.
 */
export function safeEqual(a: string, b: string): boolean {
  const digestA = crypto.createHash("sha256").update(a, "utf8").digest();
  const digestB = crypto.createHash("sha256").update(b, "utf8").digest();
  return crypto.timingSafeEqual(digestA, digestB);
}
