// Recovery codes: ten single-use codes, shown once when two-step sign-in is set
// up, for when the authenticator app is lost. They are stored hashed like
// passwords (argon2id, salted): ten characters are too few bits for a plain hash.
import crypto from "node:crypto";

// No 0/O, 1/I/L: nothing that reads as another character when copied by hand.
export const RECOVERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const RECOVERY_CODE_COUNT = 10;
const CODE_LENGTH = 10;

function newCode(): string {
  let code = "";
  // randomInt rejects out-of-range values internally, so every character is equally likely.
  for (let i = 0; i < CODE_LENGTH; i++) code += RECOVERY_CODE_ALPHABET[crypto.randomInt(RECOVERY_CODE_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Ten different codes, formatted "ABCDE-FGH23". */
export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(newCode());
  return [...codes];
}

/** Upper case without dashes or spaces, so "abcde fgh23" and "ABCDE-FGH23" are the same code. */
export function normaliseRecoveryCode(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/[\s\p{Pd}]+/gu, "")
    .toUpperCase();
}
