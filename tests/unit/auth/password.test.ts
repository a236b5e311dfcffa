import { hash, parseOptions } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import {
  ARGON2_PARAMS,
  checkPassword,
  type PasswordCheck,
  DUMMY_HASH,
  hashPassword,
  needsRehash,
  verifyPassword,
  verifyPasswordOrDummy,
} from "~/features/auth/password.server.ts";

const PHRASE =
  "Harbour lights flicker over 7 grey gulls; Marguerite sketches violins, quinces & jade kites beneath ochre cliffs at dusk (ok) and then";
const LONGEST = PHRASE.slice(0, 128);
const USER = { email: "jane.doe@example.org", name: "Jane Doe" };

describe("checkPassword", () => {
  it.each<[string, { email?: string; name?: string }, PasswordCheck, string]>([
    // password, user, expected, why
    ["abcdefghijk", {}, { ok: false, reason: "tooShort" }, "11 characters"],
    ["🦊".repeat(11), {}, { ok: false, reason: "tooShort" }, "11 emoji: code points are counted, not UTF-16 units"],
    ["Xq7#mZ2!pL9w", {}, { ok: true }, "12 characters, random"],
    [LONGEST, {}, { ok: true }, "128 characters"],
    [`${LONGEST}x`, {}, { ok: false, reason: "tooLong" }, "129 characters"],
    ["password1234", {}, { ok: false, reason: "common" }, "a common password"],
    ["ｐａｓｓｗｏｒｄ１２３４", {}, { ok: false, reason: "common" }, "full-width letters are normalised first"],
    ["Monkey12345678", {}, { ok: false, reason: "common" }, "a common password with digits added"],
    ["sunshine!!!!!!", {}, { ok: false, reason: "common" }, "a common password with symbols added"],
    ["purple elephant dancing quietly at noon", {}, { ok: true }, "a long passphrase"],
    ["   spaced out words here   ", {}, { ok: true }, "spaces, leading and trailing too"],
    ["🦊🌈 moonlight sonata 🎹", {}, { ok: true }, "emoji"],
    ["🦊🌈🎹🐙🍄🚲🧭🪁🫖🦉🌋🧩", {}, { ok: true }, "only emoji"],
    ["aaaaaaaaaaaaaaaa", {}, { ok: false, reason: "weak" }, "one character repeated"],
    ["qwertyuiopasdfgh", {}, { ok: false, reason: "weak" }, "a keyboard run"],
    ["jane.doe@example.org", USER, { ok: false, reason: "weak" }, "the user's own e-mail address"],
  ])("%j with %j → %j (%s)", (password, user, expected) => {
    expect(checkPassword(password, user)).toEqual(expected);
  });

  it("refuses a password built from the service's own words or the user's own details, with digits and symbols added", () => {
    for (const password of ["RassoPortal2026!", "isvacourtpolice1", "crownprosecutionservice", "Survivor-Witness-99", "Jane Doe 1990 jane doe"]) {
      expect(checkPassword(password, USER), password).toEqual({ ok: false, reason: "weak" });
    }
    // One such word among others is fine.
    expect(checkPassword("rasso-harbour-lantern-meadow-4", USER)).toEqual({ ok: true });
  });

  it("refuses a common password however it is capitalised or finished", () => {
    const result = checkPassword("Password123!");
    expect(result.ok).toBe(false);
    expect(["common", "weak"]).toContain(!result.ok && result.reason);
  });

  it("refuses fewer than 12 characters and more than 128, and takes any number between", () => {
    expect(checkPassword("Xq7#mZ2!pL9")).toEqual({ ok: false, reason: "tooShort" });
    expect(checkPassword("Xq7#mZ2!pL9w")).toEqual({ ok: true });
    expect(checkPassword(LONGEST)).toEqual({ ok: true });
    expect(checkPassword(`${LONGEST}x`)).toEqual({ ok: false, reason: "tooLong" });
  });

  it("counts length after NFKC normalisation", () => {
    // 11 code points as typed, but "ﬃ" (one code point) becomes "ffi" (three).
    expect([..."ﬃrmaments-ﬃ"]).toHaveLength(11);
    expect(checkPassword("ﬃrmaments-ﬃ")).not.toEqual({ ok: false, reason: "tooShort" });
  });
});

describe("hashPassword and verifyPassword", () => {
  it("round-trips, and refuses a wrong password", async () => {
    const stored = await hashPassword("purple elephant dancing quietly");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=47104,t=2,p=1\$/);
    expect(await verifyPassword(stored, "purple elephant dancing quietly")).toBe(true);
    expect(await verifyPassword(stored, "purple elephant dancing quietly ")).toBe(false);
    expect(await verifyPassword(stored, "Purple elephant dancing quietly")).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    expect(await hashPassword("same password twice")).not.toBe(await hashPassword("same password twice"));
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const stored = await hashPassword("caf\u00e9 au lait sans sucre");
    expect(await verifyPassword(stored, "cafe\u0301 au lait sans sucre")).toBe(true);
  });

  it("never matches a malformed hash or an over-long password", async () => {
    expect(await verifyPassword("not a hash", "anything at all")).toBe(false);
    expect(await verifyPassword("", "")).toBe(false);
    const stored = await hashPassword("x".repeat(128));
    expect(await verifyPassword(stored, "x".repeat(128))).toBe(true);
    expect(await verifyPassword(stored, "x".repeat(10_000))).toBe(false);
  });
});

describe("needsRehash", () => {
  it("is false for a hash made now", async () => {
    expect(needsRehash(await hashPassword("a fine password here"))).toBe(false);
  });

  it("is true for weaker settings, another algorithm, or something that is not a hash", async () => {
    const weak = await hash("a fine password here", { ...ARGON2_PARAMS, memoryCost: 4096, timeCost: 1 });
    const argon2i = await hash("a fine password here", { ...ARGON2_PARAMS, algorithm: 1 as typeof ARGON2_PARAMS.algorithm });
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(argon2i)).toBe(true);
    expect(needsRehash("$2b$12$abcdefghijklmnopqrstuv")).toBe(true);
    expect(needsRehash("")).toBe(true);
  });

  it("is false for stronger settings than today's", async () => {
    const stronger = await hash("a fine password here", { ...ARGON2_PARAMS, timeCost: 3 });
    expect(needsRehash(stronger)).toBe(false);
  });
});

describe("verifyPasswordOrDummy", () => {
  it("checks the real hash when there is a user", async () => {
    const stored = await hashPassword("purple elephant dancing quietly");
    expect(await verifyPasswordOrDummy(stored, "purple elephant dancing quietly")).toBe(true);
    expect(await verifyPasswordOrDummy(stored, "wrong")).toBe(false);
  });

  it("refuses, after the same work, when there is no user", async () => {
    expect(await verifyPasswordOrDummy(null, "purple elephant dancing quietly")).toBe(false);
    expect(await verifyPasswordOrDummy(null, "")).toBe(false);
  });

  it("uses a dummy hash made with today's settings, so it costs the same as a real one", () => {
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    const { algorithm, version, memoryCost, timeCost, parallelism, outputLen } = parseOptions(DUMMY_HASH);
    expect({ algorithm, version, memoryCost, timeCost, parallelism, outputLen }).toEqual(ARGON2_PARAMS);
  });
});
