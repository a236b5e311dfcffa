import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { acceptTotp, confirmTotpSetup, inviteUser, redeemRecoveryCode, registerIsva, requestPasswordReset, setPasswordWithToken, setUserDisabled, startTotpSetup } from "~/features/auth/accounts.server.ts";
import { endSession, loadSession, IDLE_MS } from "~/features/auth/session.server.ts";
import { hashToken } from "~/features/auth/tokens.server.ts";
import { currentTotp } from "~/features/auth/totp.server.ts";
import { closeRateLimits, initRateLimits } from "~/features/security/rate-limit.server.ts";
import { completeSecondFactor, signInWithPassword } from "~/features/auth/sign-in.server.ts";
import { action as forgotPassword } from "~/routes/($lang).forgot-password.tsx";
import type { Db } from "~/utils/db.server.ts";
import { poolOf, setDb } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { makeUser, signedIn, TEST_PASSWORD } from "../../setup/users.ts";

let db: Db;
let url: string;
beforeAll(async () => {
  ({ db, url } = await createMigratedDatabase());
  setDb(db);
  initRateLimits(url);
});
afterAll(async () => {
  await closeRateLimits();
  await db.$disconnect();
});

describe("the second factor", () => {
  it("accepts a code once and refuses it the second time", async () => {
    const { user, secret } = await makeUser(db, { roles: ["ISVA"] });
    const code = currentTotp(secret);
    expect(await acceptTotp(db, user, code)).toBe(true);
    const again = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await acceptTotp(db, again, code)).toBe(false);
  });

  it("refuses a code used at the same moment on another instance", async () => {
    const { user, secret } = await makeUser(db, { roles: ["ISVA"] });
    const code = currentTotp(secret);
    const results = await Promise.all([acceptTotp(db, user, code), acceptTotp(db, user, code)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("sets up with a first code and gives ten single-use recovery codes, stored as salted argon2id hashes", async () => {
    const { user } = await makeUser(db, { roles: ["AREA_STAFF"], areaId: "wessex" });
    const { secret } = await startTotpSetup(db, user);
    const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const codes = await confirmTotpSetup(db, fresh, currentTotp(secret));
    expect(codes).toHaveLength(10);
    const stored = (await db.recoveryCode.findMany({ where: { userId: user.id } })).map((row) => row.codeHash);
    expect(stored).toHaveLength(10);
    for (const hash of stored) expect(hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{22,}\$/);
    expect(stored.join(" ")).not.toContain(codes![0]!.replace("-", ""));
    expect(await redeemRecoveryCode(db, fresh, codes![3]!.toLowerCase())).toBe(true);
    expect(await redeemRecoveryCode(db, fresh, codes![3]!)).toBe(false);
    expect(await redeemRecoveryCode(db, fresh, "AAAAA-AAAAA")).toBe(false);
  });
});

describe("sessions", () => {
  it("are read with their user and Area exactly as the database holds them, in one statement", async () => {
    const { user } = await makeUser(db, { roles: ["AREA_STAFF", "VLO"], areaId: "wessex" });
    await db.user.update({ where: { id: user.id }, data: { totpLastStep: 9_007_199_254_740_993n, totpEnabledAt: new Date("2026-03-29T00:59:59.123Z") } });
    const { token } = await signedIn(db, user.id);
    const expected = await db.session.findUniqueOrThrow({ where: { id: hashToken(token) }, include: { user: true } });
    // Whatever the server's own time zone: the stored times are UTC.
    const zone = process.env.TZ;
    process.env.TZ = "Pacific/Auckland";
    try {
      const statements = vi.spyOn(poolOf(db), "query");
      expect(await loadSession(db, token, expected.lastSeenAt)).toEqual({ ...expected, area: { nameEn: "CPS Wessex", nameCy: "CPS Wessex" } });
      expect(statements).toHaveBeenCalledTimes(1);
      statements.mockRestore();
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("are unusable after sign-out", async () => {
    const { user } = await makeUser(db, { roles: ["ISVA"] });
    const { token } = await signedIn(db, user.id);
    expect(await loadSession(db, token)).not.toBeNull();
    await endSession(db, token);
    expect(await loadSession(db, token)).toBeNull();
  });

  it("are unusable once the user is disabled", async () => {
    const { user: admin } = await makeUser(db, { roles: ["ADMIN"] });
    const { user } = await makeUser(db, { roles: ["VLO"], areaId: "london-south" });
    const one = await signedIn(db, user.id);
    const two = await signedIn(db, user.id);
    await setUserDisabled(db, admin, user.id, true);
    expect(await loadSession(db, one.token)).toBeNull();
    expect(await loadSession(db, two.token)).toBeNull();
  });

  it("end after 30 minutes idle and after 12 hours in all", async () => {
    const { user } = await makeUser(db, { roles: ["ISVA"] });
    const { token } = await signedIn(db, user.id);
    const now = Date.now();
    expect(await loadSession(db, token, new Date(now + IDLE_MS - 60_000))).not.toBeNull();
    expect(await loadSession(db, token, new Date(now + 2 * IDLE_MS + 60_000))).toBeNull();
    const second = await signedIn(db, user.id);
    await db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(now + 13 * 3600_000 - 60_000) } });
    expect(await loadSession(db, second.token, new Date(now + 13 * 3600_000))).toBeNull();
  });
});

describe("a password reset", () => {
  const NEW_PASSWORD = "amber-thistle-compass-orchard-7";
  async function resetLink(email: string) {
    await requestPasswordReset(db, email, "http://localhost");
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: email }, orderBy: { createdAt: "desc" } });
    return /set-password\?token=([A-Za-z0-9_-]+)/.exec(mail.textBody)![1]!;
  }

  it("works once within 30 minutes, ends every session, and leaves the second factor in place", async () => {
    const { user } = await makeUser(db, { roles: ["VLO"], areaId: "wessex" });
    const elsewhere = await signedIn(db, user.id);
    // A link past its 30 minutes sets nothing.
    const stale = await resetLink(user.email);
    const row = await db.userToken.findUniqueOrThrow({ where: { id: hashToken(stale) } });
    expect(Math.abs(row.expiresAt.getTime() - Date.now() - 30 * 60_000)).toBeLessThan(10_000);
    await db.userToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await setPasswordWithToken(db, stale, NEW_PASSWORD)).toBeNull();
    expect(await loadSession(db, elsewhere.token)).not.toBeNull();

    const fresh = await resetLink(user.email);
    expect(await setPasswordWithToken(db, fresh, NEW_PASSWORD)).not.toBeNull();
    expect(await setPasswordWithToken(db, fresh, `${NEW_PASSWORD}-again`)).toBeNull();
    expect(await loadSession(db, elsewhere.token)).toBeNull();
    // The new password opens only the first step: the authenticator is still asked for.
    const signIn = await signInWithPassword(db, user.email, NEW_PASSWORD, "192.0.2.150");
    if (!signIn.ok) throw new Error("The new password should be accepted.");
    expect(await loadSession(db, signIn.token)).toMatchObject({ mfaPending: true, user: { totpEnabledAt: expect.any(Date) } });
  });
});

describe("single-use links", () => {
  it("last 7 days for an invitation and 24 hours for an e-mail confirmation, and are stored only as hashes", async () => {
    const { user: admin } = await makeUser(db, { roles: ["ADMIN"] });
    const lifetime = async (userId: string, purpose: "SET_PASSWORD" | "VERIFY_EMAIL") => {
      const row = await db.userToken.findFirstOrThrow({ where: { userId, purpose } });
      expect(row.id).toMatch(/^[0-9a-f]{64}$/);
      return Math.round((row.expiresAt.getTime() - Date.now()) / 60_000);
    };
    const invited = await inviteUser(db, admin, { name: "Ivy Invited", email: `ivy.${Date.now()}@cps.example`, roles: ["VLO"], areaId: "wessex" }, "http://localhost");
    expect(Math.abs((await lifetime(invited.id, "SET_PASSWORD")) - 7 * 24 * 60)).toBeLessThanOrEqual(1);
    await registerIsva(db, { name: "Rae Registrant", email: `rae.${Date.now()}@unrecognised.example`, organisation: "A service", password: "amber-thistle-compass-orchard-9", language: "en" }, "http://localhost");
    const registrant = await db.user.findFirstOrThrow({ where: { name: "Rae Registrant" }, orderBy: { createdAt: "desc" } });
    expect(Math.abs((await lifetime(registrant.id, "VERIFY_EMAIL")) - 24 * 60)).toBeLessThanOrEqual(1);
  });
});

describe("sign-in rate limits", () => {
  it("refuse the 11th rapid failed sign-in for one account, even spread over two instances", async () => {
    const { user } = await makeUser(db, { roles: ["ISVA"] });
    // A second instance: fresh copies of the modules, with their own pool, on the one database.
    vi.resetModules();
    const other = await import("~/features/security/rate-limit.server.ts");
    other.initRateLimits(url);
    const { signInWithPassword: signInElsewhere } = await import("~/features/auth/sign-in.server.ts");
    expect(signInElsewhere).not.toBe(signInWithPassword);
    const results = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      const signIn = attempt % 2 ? signInWithPassword : signInElsewhere;
      results.push(await signIn(db, user.email, "wrong password entirely", `192.0.2.${attempt}`));
    }
    expect(results.every((r) => !r.ok && r.error === "auth.errors.credentials")).toBe(true);
    const eleventh = await signInWithPassword(db, user.email, TEST_PASSWORD, "192.0.2.99");
    expect(eleventh).toEqual({ ok: false, error: "auth.errors.tooMany" });
    await other.closeRateLimits();
  });

  it("count only failures against a shared address, so an office can keep signing in", async () => {
    const { user } = await makeUser(db, { roles: ["ISVA"] });
    for (let i = 0; i < 55; i++) {
      expect((await signInWithPassword(db, user.email, TEST_PASSWORD, "203.0.113.7")).ok, `sign-in ${i + 1}`).toBe(true);
    }
  }, 60_000);

  it("let a correct password in below the limit", async () => {
    const { user } = await makeUser(db, { roles: ["ISVA"] });
    const result = await signInWithPassword(db, user.email.toUpperCase(), TEST_PASSWORD, "198.51.100.1");
    expect(result.ok).toBe(true);
  });
});

describe("mail rate limits", () => {
  it("send at most 3 password-reset e-mails an hour to one account, and answer the same every time", async () => {
    const { user } = await makeUser(db, { roles: ["ISVA"] });
    const answers = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      const request = new Request("http://localhost/forgot-password", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: user.email }),
      });
      // A different network address each time: the account's own limit holds.
      answers.push(JSON.stringify(await forgotPassword({ request, context: { clientAddress: `198.51.100.${attempt}` }, params: {} } as never)));
    }
    expect(new Set(answers).size).toBe(1);
    expect(await db.outboxMessage.count({ where: { toAddress: user.email } })).toBe(3);
  });
});

describe("the audit trail", () => {
  it("records a failed sign-in, a wrong code and a sign-in by ids alone, with no address, password or code", async () => {
    const { user, secret } = await makeUser(db, { roles: ["AREA_STAFF"], areaId: "wessex" });
    const since = new Date(Date.now() - 1000);
    expect((await signInWithPassword(db, user.email, "not the password at all", "192.0.2.200")).ok).toBe(false);
    const first = await signInWithPassword(db, user.email, TEST_PASSWORD, "192.0.2.200");
    if (!first.ok) throw new Error("The password step should pass.");
    const pending = await loadSession(db, first.token);
    const code = currentTotp(secret);
    const wrong = String((Number(code) + 500_000) % 1_000_000).padStart(6, "0");
    expect(await completeSecondFactor(db, pending!, { code: wrong })).toMatchObject({ ok: false });
    expect(await completeSecondFactor(db, pending!, { code })).toMatchObject({ ok: true });
    const events = await db.auditEvent.findMany({ where: { at: { gte: since }, action: { startsWith: "auth." } }, orderBy: { id: "asc" } });
    const mine = events.filter((event) => event.actorId === user.id || event.actorId === null);
    expect(mine.map((event) => event.action)).toEqual(expect.arrayContaining(["auth.sign_in_failed", "auth.second_factor_failed", "auth.sign_in"]));
    expect(mine.find((event) => event.action === "auth.sign_in")).toMatchObject({ actorId: user.id, targetId: user.id, areaId: "wessex" });
    const written = JSON.stringify(mine, (_key, value) => (typeof value === "bigint" ? String(value) : value));
    for (const secretValue of [user.email, TEST_PASSWORD, "not the password at all", code, user.name]) expect(written).not.toContain(secretValue);
  });

  it("cannot be changed or deleted, even by the portal's own database user", async () => {
    const { user } = await makeUser(db, { roles: ["ISVA"] });
    await signInWithPassword(db, user.email, "not the password at all", "192.0.2.201");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "desc" } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "auth.sign_in" } })).rejects.toThrow(/never changed or deleted/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/never changed or deleted/);
    await expect(db.$executeRawUnsafe("TRUNCATE audit_event")).rejects.toThrow(/never changed or deleted/);
    expect(await db.auditEvent.findUnique({ where: { id: event.id } })).toEqual(event);
  });
});
