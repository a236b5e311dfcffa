// Encryption of sensitive text fields at rest: AES-256-GCM, which detects any
// change to the stored value as well as hiding it. Each value names the key
// that encrypted it, so keys can be rotated: values written under an old key
// keep decrypting while new values use the current one.
//
// Stored form: v1.<key id>.<iv>.<ciphertext>.<tag>, parts in base64url.
import crypto from "node:crypto";

const VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12; // the size GCM is designed for; random per value
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/u;

export class DecryptionError extends Error {
  override name = "DecryptionError";
  constructor(
    public readonly reason: "malformed" | "unknownKey" | "failed",
    message: string,
  ) {
    super(message);
  }
}

export type Keyring = { keys: Record<string, Buffer>; currentKeyId: string };

export type FieldCipher = {
  /** Encrypts text; the same aad (for example the record's id) must be given to decrypt it. */
  encrypt(plaintext: string, aad?: string): string;
  /** Decrypts a stored value; throws DecryptionError if it was altered, its key is unknown or the aad differs. */
  decrypt(value: string, aad?: string): string;
  readonly currentKeyId: string;
};

// The version and key id are bound into the authenticated data as well, so
// that no part of the stored value can be changed unnoticed.
function associatedData(keyId: string, aad: string | undefined): Buffer {
  return Buffer.from(`${VERSION}.${keyId}\n${aad ?? ""}`, "utf8");
}

// Buffer.from(…, "base64url") skips characters it does not understand; only
// the canonical encoding of some bytes is accepted.
function strictBase64url(part: string, what: string): Buffer {
  const bytes = Buffer.from(part, "base64url");
  if (bytes.toString("base64url") !== part) throw new DecryptionError("malformed", `The encrypted value's ${what} is not valid base64url.`);
  return bytes;
}

export function createFieldCipher({ keys, currentKeyId }: Keyring): FieldCipher {
  const keyring = new Map<string, Buffer>();
  for (const [id, key] of Object.entries(keys)) {
    if (!KEY_ID.test(id)) throw new Error(`Encryption key id "${id}" must be 1 to 64 letters, digits, "-" or "_".`);
    if (key.length !== KEY_BYTES) throw new Error(`Encryption key "${id}" must be ${KEY_BYTES} bytes, not ${key.length}.`);
    keyring.set(id, Buffer.from(key));
  }
  const currentKey = keyring.get(currentKeyId);
  if (!currentKey) throw new Error(`The current encryption key "${currentKeyId}" is not in the keyring.`);

  return {
    currentKeyId,

    encrypt(plaintext, aad) {
      // Lone surrogates cannot be encoded as UTF-8 and would come back as U+FFFD.
      if (/\p{Cs}/u.test(plaintext)) throw new TypeError("Cannot encrypt text that is not well-formed Unicode.");
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv("aes-256-gcm", currentKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(associatedData(currentKeyId, aad));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, currentKeyId, iv.toString("base64url"), ciphertext.toString("base64url"), tag.toString("base64url")].join(".");
    },

    decrypt(value, aad) {
      const parts = value.split(".");
      if (parts.length !== 5 || parts[0] !== VERSION) {
        throw new DecryptionError("malformed", `The value is not in the ${VERSION} encrypted format.`);
      }
      const [, keyId, ivPart, ciphertextPart, tagPart] = parts as [string, string, string, string, string];
      if (!KEY_ID.test(keyId)) throw new DecryptionError("malformed", "The encrypted value's key id is not valid.");
      const key = keyring.get(keyId);
      if (!key) throw new DecryptionError("unknownKey", `The value was encrypted with an unknown key ("${keyId}").`);
      const iv = strictBase64url(ivPart, "IV");
      const ciphertext = strictBase64url(ciphertextPart, "ciphertext");
      const tag = strictBase64url(tagPart, "tag");
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
        throw new DecryptionError("malformed", "The encrypted value's IV or tag has the wrong length.");
      }
      try {
        const decipher = crypto.createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(associatedData(keyId, aad));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
      } catch {
        throw new DecryptionError("failed", "The encrypted value was altered, or the associated data does not match.");
      }
    },
  };
}

/** The id a key is known by: the first 8 hex characters of its SHA-256. Reveals nothing useful about the key. */
export function keyIdFor(key: Buffer): string {
  return crypto.createHash("sha256").update(key).digest("hex").slice(0, 8);
}

function decodeKey(encoded: string, name: string): Buffer {
  const key = Buffer.from(encoded.trim(), "base64");
  if (key.length !== KEY_BYTES) throw new Error(`${name} must be ${KEY_BYTES} bytes encoded as base64.`);
  return key;
}

/**
 * The keyring from configuration: ENCRYPTION_KEY is the current key, and
 * ENCRYPTION_KEYS_OLD a comma-separated list of earlier keys, kept until every
 * value they encrypted has been re-encrypted.
 */
export function parseKeyring(env: { ENCRYPTION_KEY: string; ENCRYPTION_KEYS_OLD?: string }): Keyring {
  const current = decodeKey(env.ENCRYPTION_KEY, "ENCRYPTION_KEY");
  const currentKeyId = keyIdFor(current);
  const keys: Record<string, Buffer> = { [currentKeyId]: current };
  const old = (env.ENCRYPTION_KEYS_OLD ?? "").split(",").filter((part) => part.trim() !== "");
  old.forEach((encoded, index) => {
    const key = decodeKey(encoded, `ENCRYPTION_KEYS_OLD (key ${index + 1})`);
    const id = keyIdFor(key);
    const existing = keys[id];
    if (existing && !existing.equals(key)) throw new Error("Two encryption keys share an id; replace one of them.");
    keys[id] = key;
  });
  return { keys, currentKeyId };
}
