import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFieldCipher, DecryptionError, keyIdFor, parseKeyring } from "~/features/crypto/field-encryption.server.ts";

const KEY_A = Buffer.alloc(32, 0xa1);
const KEY_B = Buffer.alloc(32, 0xb2);
const cipherA = createFieldCipher({ keys: { a: KEY_A }, currentKeyId: "a" });

// Flips one bit of one base64url part of a stored value.
function tamper(value: string, part: 2 | 3 | 4, byte = 0): string {
  const parts = value.split(".");
  const bytes = Buffer.from(parts[part]!, "base64url");
  bytes[byte] = bytes[byte]! ^ 0x01;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

function decryptionError(run: () => unknown): DecryptionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DecryptionError);
    return error as DecryptionError;
  }
  throw new Error("expected a DecryptionError");
}

describe("createFieldCipher", () => {
  it("round-trips text, with a fresh IV each time", () => {
    const text = "Disclosure of counselling notes: 3 sessions, Ms Ąžuolė 🌿";
    const first = cipherA.encrypt(text);
    const second = cipherA.encrypt(text);
    expect(first).not.toBe(second);
    expect(first).toMatch(/^v1\.a\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(first).not.toContain("counselling");
    expect(cipherA.decrypt(first)).toBe(text);
    expect(cipherA.decrypt(cipherA.encrypt(""))).toBe("");
  });

  it.each([
    ["IV", 2],
    ["ciphertext", 3],
    ["tag", 4],
  ] as const)("detects a changed %s", (_part, index) => {
    const stored = cipherA.encrypt("the account of what happened");
    expect(decryptionError(() => cipherA.decrypt(tamper(stored, index))).reason).toBe("failed");
  });

  it("detects a changed last byte of the tag and a cut-off tag", () => {
    const stored = cipherA.encrypt("the account of what happened");
    expect(() => cipherA.decrypt(tamper(stored, 4, 15))).toThrow(DecryptionError);
    expect(decryptionError(() => cipherA.decrypt(stored.slice(0, -4))).reason).toBe("malformed");
  });

  it("refuses base64url that is not in its canonical form", () => {
    const stored = cipherA.encrypt("x");
    // The tag's last character carries 4 unused bits: changing them leaves the bytes alone.
    const last = stored.at(-1)!;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    expect(() => cipherA.decrypt(stored.slice(0, -1) + sibling)).toThrow(DecryptionError);
  });

  it("binds the associated data", () => {
    const stored = cipherA.encrypt("the account of what happened", "case:123");
    expect(cipherA.decrypt(stored, "case:123")).toBe("the account of what happened");
    expect(decryptionError(() => cipherA.decrypt(stored, "case:124")).reason).toBe("failed");
    expect(() => cipherA.decrypt(stored)).toThrow(DecryptionError);
    expect(() => cipherA.decrypt(cipherA.encrypt("no aad"), "case:123")).toThrow(DecryptionError);
  });

  it("binds the key id: a value cannot be passed off as another key's", () => {
    const both = createFieldCipher({ keys: { a: KEY_A, b: KEY_A }, currentKeyId: "a" });
    const stored = both.encrypt("secret");
    expect(() => both.decrypt(stored.replace(/^v1\.a\./, "v1.b."))).toThrow(DecryptionError);
  });

  it("rotates: old values decrypt with the old key, new values use the current one", () => {
    const underA = cipherA.encrypt("written last year", "note:1");
    const rotated = createFieldCipher({ keys: { a: KEY_A, b: KEY_B }, currentKeyId: "b" });
    expect(rotated.decrypt(underA, "note:1")).toBe("written last year");
    const underB = rotated.encrypt("written today", "note:2");
    expect(underB.startsWith("v1.b.")).toBe(true);
    expect(rotated.decrypt(underB, "note:2")).toBe("written today");
    expect(decryptionError(() => cipherA.decrypt(underB, "note:2")).reason).toBe("unknownKey");
  });

  it("refuses an unknown key id or another format", () => {
    const stored = cipherA.encrypt("x");
    expect(decryptionError(() => cipherA.decrypt(stored.replace(/^v1\.a\./, "v1.zz."))).reason).toBe("unknownKey");
    expect(decryptionError(() => cipherA.decrypt(stored.replace(/^v1\./, "v2."))).reason).toBe("malformed");
    expect(decryptionError(() => cipherA.decrypt("plain text")).reason).toBe("malformed");
    expect(decryptionError(() => cipherA.decrypt("")).reason).toBe("malformed");
  });

  it("refuses text that is not well-formed Unicode rather than change it", () => {
    expect(() => cipherA.encrypt("half a pair: \ud83d")).toThrow(TypeError);
  });

  it("refuses a bad keyring", () => {
    expect(() => createFieldCipher({ keys: { a: Buffer.alloc(16) }, currentKeyId: "a" })).toThrow(/32 bytes/);
    expect(() => createFieldCipher({ keys: { a: KEY_A }, currentKeyId: "b" })).toThrow(/not in the keyring/);
    expect(() => createFieldCipher({ keys: { "a.b": KEY_A }, currentKeyId: "a.b" })).toThrow(/key id/);
  });

  it("round-trips any string, with any associated data", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.option(fc.string({ unit: "binary" }), { nil: undefined }), (text, aad) => {
        expect(cipherA.decrypt(cipherA.encrypt(text, aad), aad)).toBe(text);
      }),
    );
  });

  it("throws nothing but DecryptionError, whatever it is given", () => {
    const b64url = fc.string({ unit: fc.constantFrom(..."ABCDEFabcdef0123456789-_=+/.") });
    const lookalike = fc
      .tuple(fc.constantFrom("v1", "v2", ""), fc.constantFrom("a", "b", ""), b64url, b64url, b64url)
      .map((parts) => parts.join("."));
    const real = fc
      .tuple(fc.string(), fc.nat(200), fc.string({ maxLength: 3 }))
      .map(([text, at, insert]) => {
        const stored = cipherA.encrypt(text);
        return stored.slice(0, at) + insert + stored.slice(at + 1);
      });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), lookalike, real), fc.option(fc.string(), { nil: undefined }), (value, aad) => {
        try {
          cipherA.decrypt(value, aad);
        } catch (error) {
          expect(error).toBeInstanceOf(DecryptionError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseKeyring", () => {
  const a = KEY_A.toString("base64");
  const b = KEY_B.toString("base64");

  it("names each key by the first 8 hex characters of its SHA-256", () => {
    const expected = crypto.createHash("sha256").update(KEY_A).digest("hex").slice(0, 8);
    expect(keyIdFor(KEY_A)).toBe(expected);
    const keyring = parseKeyring({ ENCRYPTION_KEY: a });
    expect(keyring.currentKeyId).toBe(expected);
    expect(Object.keys(keyring.keys)).toEqual([expected]);
    expect(keyring.keys[expected]!.equals(KEY_A)).toBe(true);
  });

  it("adds the old keys, so values they encrypted still decrypt", () => {
    const before = createFieldCipher(parseKeyring({ ENCRYPTION_KEY: a }));
    const stored = before.encrypt("from before the rotation");
    const after = createFieldCipher(parseKeyring({ ENCRYPTION_KEY: b, ENCRYPTION_KEYS_OLD: ` ${a} , ` }));
    expect(after.currentKeyId).toBe(keyIdFor(KEY_B));
    expect(after.decrypt(stored)).toBe("from before the rotation");
    expect(after.encrypt("new").split(".")[1]).toBe(keyIdFor(KEY_B));
  });

  it("ignores an empty list and the current key repeated among the old ones", () => {
    expect(Object.keys(parseKeyring({ ENCRYPTION_KEY: a, ENCRYPTION_KEYS_OLD: "" }).keys)).toHaveLength(1);
    expect(Object.keys(parseKeyring({ ENCRYPTION_KEY: a, ENCRYPTION_KEYS_OLD: a }).keys)).toHaveLength(1);
  });

  it("refuses keys that are not 32 bytes", () => {
    expect(() => parseKeyring({ ENCRYPTION_KEY: "too-short" })).toThrow(/ENCRYPTION_KEY must be 32 bytes/);
    expect(() => parseKeyring({ ENCRYPTION_KEY: a, ENCRYPTION_KEYS_OLD: `${b},abcd` })).toThrow(/ENCRYPTION_KEYS_OLD \(key 2\)/);
  });
});
