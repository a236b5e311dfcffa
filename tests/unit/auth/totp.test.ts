import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currentTotp, newTotpSecret, totpQrSvg, totpStep, totpUri, verifyTotp } from "~/features/auth/totp.server.ts";

// RFC 6238 appendix B: the SHA-1 seed is the ASCII "12345678901234567890".
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const NOW = new Date("2026-11-23T10:00:10Z");
const STEP = totpStep(NOW);
const at = (step: number) => new Date(step * 30_000 + 5_000);

describe("newTotpSecret", () => {
  it("is 160 random bits in base32", () => {
    const secrets = Array.from({ length: 20 }, newTotpSecret);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(new Set(secrets).size).toBe(secrets.length);
  });
});

describe("totpUri and totpQrSvg", () => {
  it("names the issuer, account and settings", () => {
    const uri = totpUri({ secret: SECRET, account: "jane.doe@example.org" });
    expect(uri).toMatch(/^otpauth:\/\/totp\/RASSO%20portal:jane\.doe%40example\.org\?/);
    const params = new URL(uri).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      issuer: "RASSO portal",
      secret: SECRET,
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });

  it("draws an SVG without inline styles or scripts", async () => {
    const svg = await totpQrSvg(totpUri({ secret: SECRET, account: "jane.doe@example.org" }));
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(/style\s*=|<script|<style/i);
  });
});

describe("currentTotp", () => {
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("matches RFC 6238 at %i s", (seconds, code) => {
    expect(currentTotp(RFC_SECRET, new Date(seconds * 1000))).toBe(code);
  });
});

describe("verifyTotp", () => {
  const code = (step: number) => currentTotp(SECRET, at(step));

  it("accepts the current code once", () => {
    const first = verifyTotp({ secret: SECRET, code: code(STEP), lastStep: null, now: NOW });
    expect(first).toEqual({ ok: true, step: STEP });
    expect(verifyTotp({ secret: SECRET, code: code(STEP), lastStep: STEP, now: NOW })).toEqual({ ok: false });
  });

  it("refuses an older step once a newer one has been used", () => {
    expect(verifyTotp({ secret: SECRET, code: code(STEP - 1), lastStep: STEP, now: NOW })).toEqual({ ok: false });
    expect(verifyTotp({ secret: SECRET, code: code(STEP - 1), lastStep: STEP - 1, now: NOW })).toEqual({ ok: false });
  });

  it.each([
    [-1, true],
    [1, true],
    [-2, false],
    [2, false],
    [10, false],
  ])("a code %i steps away is %s", (offset, accepted) => {
    const result = verifyTotp({ secret: SECRET, code: code(STEP + offset), lastStep: null, now: NOW });
    expect(result).toEqual(accepted ? { ok: true, step: STEP + offset } : { ok: false });
  });

  it("accepts the next step after the current one was used", () => {
    expect(verifyTotp({ secret: SECRET, code: code(STEP + 1), lastStep: STEP, now: NOW })).toEqual({ ok: true, step: STEP + 1 });
  });

  it("ignores spaces", () => {
    const digits = code(STEP);
    const spaced = ` ${digits.slice(0, 3)} ${digits.slice(3)} `;
    expect(verifyTotp({ secret: SECRET, code: spaced, lastStep: null, now: NOW })).toEqual({ ok: true, step: STEP });
  });

  it.each([
    ["five digits", (c: string) => c.slice(0, 5)],
    ["seven digits", (c: string) => `${c}0`],
    ["a letter", (c: string) => `${c.slice(0, 5)}a`],
    ["a dash", (c: string) => `${c.slice(0, 3)}-${c.slice(3)}`],
    ["a sign", (c: string) => `+${c.slice(1)}`],
    ["nothing", () => ""],
  ])("refuses %s", (_what, change) => {
    expect(verifyTotp({ secret: SECRET, code: change(code(STEP)), lastStep: null, now: NOW })).toEqual({ ok: false });
  });

  it("accepts a time given in milliseconds", () => {
    expect(verifyTotp({ secret: SECRET, code: code(STEP), lastStep: null, now: NOW.getTime() })).toEqual({ ok: true, step: STEP });
  });

  it("never throws, whatever the code", () => {
    const codes = fc.oneof(fc.string({ unit: "binary" }), fc.stringMatching(/^[0-9 ]{0,9}$/));
    fc.assert(
      fc.property(codes, fc.option(fc.integer()), (input, lastStep) => {
        const result = verifyTotp({ secret: SECRET, code: input, lastStep, now: NOW });
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });
});
