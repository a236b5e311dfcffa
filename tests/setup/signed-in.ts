// Accounts that have finished signing up, each with a session that has passed
// both sign-in steps, written straight into a running portal's database (the
// benchmarks and the two-instance tests use the built server, not a Prisma
// client of their own). Sessions are stored as createSession stores them: the
// table keeps the token's hash, the cookie carries the token.
import crypto from "node:crypto";
import type pg from "pg";
import { ABSOLUTE_MS, SESSION_COOKIE } from "../../app/features/auth/session.server.ts";
import { hashToken, newToken } from "../../app/features/auth/tokens.server.ts";
import type { Role } from "../../app/generated/prisma/client.ts";

export type NewAccount = {
  email: string;
  name: string;
  roles: Role[];
  areaId?: string;
  organisation?: string;
  /** An argon2 hash (hashPassword), for accounts that will sign in with a password. */
  passwordHash?: string;
};

export type SignedInAccount = {
  userId: string;
  email: string;
  /** The Cookie header of the session. */
  cookie: string;
  /** The session's form token. */
  csrf: string;
};

// Timestamps are stored as UTC without a zone.
const UTC_NOW = "(now() AT TIME ZONE 'UTC')";

/** Creates the accounts and a fully signed-in session for each, in one transaction. */
export async function createSignedInAccounts(db: pg.ClientBase, accounts: NewAccount[]): Promise<SignedInAccount[]> {
  const signedIn: SignedInAccount[] = [];
  const hours = ABSOLUTE_MS / 3_600_000;
  await db.query("BEGIN");
  try {
    for (const account of accounts) {
      const userId = crypto.randomUUID();
      await db.query(
        `INSERT INTO app_user (id, email, name, roles, status, area_id, organisation, password_hash,
                               email_verified_at, approved_at, totp_enabled_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4::"Role"[], 'ACTIVE', $5, $6, $7,
                 ${UTC_NOW}, ${UTC_NOW}, ${UTC_NOW}, ${UTC_NOW}, ${UTC_NOW})`,
        [
          userId,
          account.email,
          account.name,
          account.roles,
          account.areaId ?? null,
          account.organisation ?? null,
          account.passwordHash ?? "not-a-password-hash",
        ],
      );
      const token = newToken();
      const csrf = newToken();
      await db.query(
        `INSERT INTO session (id, user_id, mfa_pending, csrf_token, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, false, $3, ${UTC_NOW}, ${UTC_NOW}, ${UTC_NOW} + make_interval(hours => $4))`,
        [hashToken(token), userId, csrf, hours],
      );
      signedIn.push({ userId, email: account.email, cookie: `${SESSION_COOKIE}=${token}`, csrf });
    }
    await db.query("COMMIT");
  } catch (error) {
    await db.query("ROLLBACK").catch(() => {});
    throw error;
  }
  return signedIn;
}
