import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newRecoveryCodes, normaliseRecoveryCode } from "~/features/auth/recovery-codes.server.ts";

const FORMAT = /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/;

describe("newRecoveryCodes", () => {
  it("makes ten different codes in the xxxxx-xxxxx format", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(FORMAT);
  });

  it("never uses characters that are easily confused", () => {
    const all = Array.from({ length: 50 }, newRecoveryCodes).flat().join("");
    expect(all).not.toMatch(/[01OIL]/);
    // With 5,000 characters drawn, every character of the alphabet turns up.
    expect(new Set(all.replace(/-/g, "")).size).toBe(31);
  });
});

describe("normaliseRecoveryCode", () => {
  it("is the same however the code is typed", () => {
    for (const typed of ["abcde-fgh23", "ABCDEFGH23", " abcde fgh23 ", "AbCdE–FgH23", "ＡＢＣＤＥ-ＦＧＨ２３"]) {
      expect(normaliseRecoveryCode(typed)).toBe("ABCDEFGH23");
    }
  });

  it("differs between codes", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes.map(normaliseRecoveryCode)).size).toBe(10);
  });

  it("normalises to ten upper-case characters for any generated code", () => {
    fc.assert(
      fc.property(fc.constantFrom(...newRecoveryCodes()), fc.boolean(), (code, lower) => {
        const typed = lower ? code.toLowerCase() : code;
        expect(normaliseRecoveryCode(typed)).toBe(code.replace("-", ""));
      }),
    );
  });
});
