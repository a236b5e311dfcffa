import { describe, expect, it } from "vitest";
import { hashToken, newToken, safeEqual } from "~/features/auth/tokens.server.ts";

describe("newToken", () => {
  it("is 32 random bytes in base64url", () => {
    const tokens = Array.from({ length: 50 }, newToken);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(50);
  });
});

describe("hashToken", () => {
  it("is SHA-256 in hex", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const token = newToken();
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(hashToken(newToken()));
  });
});

describe("safeEqual", () => {
  it.each([
    ["abc", "abc", true],
    ["abc", "abd", false],
    ["abc", "abcd", false],
    ["", "", true],
    ["", "a", false],
    ["é", "e\u0301", false],
  ])("%j and %j → %s", (a, b, expected) => {
    expect(safeEqual(a, b)).toBe(expected);
  });
});
