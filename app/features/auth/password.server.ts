// Passwords: the policy a new password must meet, and argon2id hashing.
// Passwords are compared in Unicode NFKC form, as NIST SP 800-63B advises, so
// the same password typed on another keyboard or system (composed "é" against
// "e" + combining accent, full-width letters) still matches.
import { hash, parseOptions, verify, type Algorithm, type Options, type Version } from "@node-rs/argon2";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary } from "@zxcvbn-ts/language-en";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;
/** zxcvbn scores run 0 to 4; 3 is "safely unguessable: moderate protection from offline attack". */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Words anyone would try first against this service's accounts (ASVS 6.2.11's
 * context-specific words). Like the user's own name and e-mail address, they
 * count as easily guessed wherever they appear in a password.
 */
export const CONTEXT_WORDS = [
  "rasso",
  "portal",
  "isva",
  "cps",
  "crown prosecution service",
  "police",
  "victim",
  "survivor",
  "witness",
  "court",
];

export type PasswordCheck = { ok: true } | { ok: false; reason: "tooShort" | "tooLong" | "common" | "weak" };

export function normalisePassword(password: string): string {
  return password.normalize("NFKC");
}

// Building the ranked dictionaries takes about a tenth of a second, so it
// happens on the first check rather than when the module is imported.
let zxcvbn: ZxcvbnFactory | undefined;
let commonPasswords: Set<string> | undefined;

function strengthChecker(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    // Bounds the work per check: with the defaults (256 characters, 100 l33t
    // substitutions) a long random password from a password manager takes up
    // to half a second of CPU. The first 64 characters decide the score, and
    // 10 substitutions still catch "p4ssw0rd" and friends.
    maxLength: 64,
    l33tMaxSubstitutions: 10,
  });
  return zxcvbn;
}

function isCommon(lowerCased: string): boolean {
  commonPasswords ??= new Set(commonDictionary["passwords-common"]);
  // "password1234" and "Password123!" are the list's "password" with the
  // digits and symbols people add to get past composition rules.
  const stem = lowerCased.replace(/[\p{N}\p{P}\p{S}\s]+$/u, "");
  return commonPasswords.has(lowerCased) || (stem !== "" && commonPasswords.has(stem));
}

type PasswordOwner = { email?: string | null; name?: string | null };

function userInputs({ email, name }: PasswordOwner): string[] {
  // zxcvbn ranks user inputs by position, so the user's own details go first.
  const inputs = new Set<string>();
  const add = (value: string | null | undefined) => {
    const cleaned = value?.trim().toLowerCase();
    if (!cleaned) return;
    inputs.add(cleaned);
    // Parts too, so "jane.doe" catches "Doe" and "Jane Doe" catches "jane".
    for (const part of cleaned.split(/[\s._+@-]+/u)) if (part.length >= 3) inputs.add(part);
  };
  if (email) {
    const at = email.lastIndexOf("@");
    add(email);
    add(at > 0 ? email.slice(0, at) : email);
  }
  add(name);
  for (const word of CONTEXT_WORDS) add(word);
  return [...inputs];
}

/**
 * True when little but guessable words would be left: a password built from
 * the service's own words or the user's own details, with digits, symbols or
 * spaces around them ("RassoPortal2026!", "Jane-Doe-1990"), however strong it
 * looks to the scorer.
 */
function builtFromGuessableWords(lowerCased: string, inputs: string[]): boolean {
  let rest = lowerCased;
  const words = inputs.flatMap((input) => [input, input.replace(/\s+/gu, "")]).sort((a, b) => b.length - a.length);
  for (const word of words) if (word.length >= 3) rest = rest.replaceAll(word, "");
  if (rest === lowerCased) return false;
  return [...rest.replace(/[\p{N}\p{P}\s$+<=>^`|~]/gu, "")].length < MIN_OTHER_LETTERS;
}

/** Letters a password must have besides the service's words and the user's details. */
const MIN_OTHER_LETTERS = 4;

/** Whether a new password meets the policy. Any characters are allowed, spaces included. */
export function checkPassword(password: string, user: PasswordOwner = {}): PasswordCheck {
  const normalised = normalisePassword(password);
  const length = [...normalised].length; // code points, so an emoji counts once
  if (length < MIN_PASSWORD_LENGTH) return { ok: false, reason: "tooShort" };
  if (length > MAX_PASSWORD_LENGTH) return { ok: false, reason: "tooLong" };
  if (isCommon(normalised.toLowerCase())) return { ok: false, reason: "common" };
  const inputs = userInputs(user);
  if (builtFromGuessableWords(normalised.toLowerCase(), inputs)) return { ok: false, reason: "weak" };
  const { score } = strengthChecker().check(normalised, inputs);
  if (score < MIN_PASSWORD_SCORE) return { ok: false, reason: "weak" };
  return { ok: true };
}

// argon2id at 46 MiB and 2 passes: OWASP's Password Storage Cheat Sheet lists
// 19 MiB/2 passes and 46 MiB/1 pass as equivalent minimums, and this is above
// both. Memory is what slows GPU cracking, and the accounts here guard very
// sensitive case information, so we pay more than the minimum; it costs about
// 18 ms of one core per hash on the development server. Hashes run on libuv's
// thread pool (4 threads by default), so at most about 184 MiB is in use
// however many sign-ins arrive at once. Raise these as hardware allows:
// needsRehash upgrades stored hashes at the next successful sign-in.
export const ARGON2_PARAMS = {
  algorithm: 2 as Algorithm, // Argon2id (the package's const enum cannot be read under isolatedModules)
  version: 1 as Version, // 0x13
  memoryCost: 47_104,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} satisfies Options;

// The NFKC form of a password can be at most 128 code points, which is at most
// 256 UTF-16 units. Anything longer cannot match, so it is refused before
// hashing (the time this takes does not depend on any account).
const MAX_VERIFY_UNITS = MAX_PASSWORD_LENGTH * 2;

export function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), ARGON2_PARAMS);
}

/** True if the password matches the hash. A malformed hash never matches. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  const normalised = normalisePassword(password);
  if (normalised.length > MAX_VERIFY_UNITS) return false;
  try {
    return await verify(storedHash, normalised);
  } catch {
    return false;
  }
}

/** True if the hash was made with weaker settings than today's (rehash after a successful sign-in). */
export function needsRehash(storedHash: string): boolean {
  try {
    const used = parseOptions(storedHash);
    return (
      used.algorithm !== ARGON2_PARAMS.algorithm ||
      used.version !== ARGON2_PARAMS.version ||
      used.memoryCost < ARGON2_PARAMS.memoryCost ||
      used.timeCost < ARGON2_PARAMS.timeCost ||
      used.parallelism < ARGON2_PARAMS.parallelism ||
      used.outputLen < ARGON2_PARAMS.outputLen ||
      used.saltLen < 16
    );
  } catch {
    return true;
  }
}

/**
 * The argon2id hash, at ARGON2_PARAMS, of a random value that was thrown away:
 * nothing verifies against it. Checked against ARGON2_PARAMS by the unit tests.
 */
export const DUMMY_HASH =
  "$argon2id$v=19$m=47104,t=2,p=1$RWuDtU7uQEDb4sV6rpfnBA$rsVs4SxclGYZQq8vmjllOh04c/Rdgd5RDssS1kEBV0E";

/**
 * Verifies against the user's hash, or against DUMMY_HASH when there is no
 * such user, so that both take the same time and how long sign-in takes does
 * not reveal whether an address has an account.
 */
export async function verifyPasswordOrDummy(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    await verifyPassword(DUMMY_HASH, password);
    return false;
  }
  return verifyPassword(storedHash, password);
}
