// The sign-in steps, with their rate limits and audit events.
import { audit } from "~/features/audit/audit.server.ts";
import { consumeAttempt, refundAttempt, resetAttempts } from "~/features/security/rate-limit.server.ts";
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { acceptTotp, checkCredentials, normaliseEmail, redeemRecoveryCode } from "./accounts.server.ts";
import { createSession, rotateSession } from "./session.server.ts";

export type SignInResult = { ok: true; token: string; user: User } | { ok: false; error: "auth.errors.credentials" | "auth.errors.tooMany" };

/** Password step: a session that still needs the second factor. */
export async function signInWithPassword(db: Db, email: string, password: string, address: string): Promise<SignInResult> {
  const account = normaliseEmail(email);
  // Each attempt is counted before the password is checked, so a burst of
  // simultaneous requests cannot all slip past the limit; success resets it.
  const accountOk = await consumeAttempt("signInAccount", account);
  const addressOk = await consumeAttempt("signInAddress", address);
  if (!accountOk || !addressOk) return { ok: false, error: "auth.errors.tooMany" };
  const user = await checkCredentials(db, account, password);
  if (!user) {
    await audit(db, { action: "auth.sign_in_failed", detail: { reason: "credentials" } });
    return { ok: false, error: "auth.errors.credentials" };
  }
  // Only failures count against an account or an address (an office of ISVAs
  // may share one address).
  await resetAttempts("signInAccount", account);
  await refundAttempt("signInAddress", address);
  const token = await createSession(db, user.id, { mfaPending: true });
  return { ok: true, token, user };
}

export type SecondFactorResult = { ok: true; token: string } | { ok: false; error: "auth.errors.code" | "auth.errors.recovery" | "auth.errors.tooMany" };

/** Second factor step (a code or a recovery code): a new session, fully signed in. */
export async function completeSecondFactor(
  db: Db,
  session: { id: string; userId: string; user: User },
  input: { code?: string; recoveryCode?: string },
): Promise<SecondFactorResult> {
  const { user } = session;
  if (!(await consumeAttempt("secondFactor", user.id))) return { ok: false, error: "auth.errors.tooMany" };
  const ok = input.code !== undefined ? await acceptTotp(db, user, input.code) : await redeemRecoveryCode(db, user, input.recoveryCode ?? "");
  if (!ok) {
    await audit(db, { actorId: user.id, action: "auth.second_factor_failed", targetType: "user", targetId: user.id });
    return { ok: false, error: input.code !== undefined ? "auth.errors.code" : "auth.errors.recovery" };
  }
  await resetAttempts("secondFactor", user.id);
  await resetAttempts("signInAccount", user.email);
  const token = await rotateSession(db, session, { mfaPending: false });
  await audit(db, { actorId: user.id, action: "auth.sign_in", targetType: "user", targetId: user.id, areaId: user.areaId });
  return { ok: true, token };
}
