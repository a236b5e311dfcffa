// Server-side sessions (decision 002). The cookie holds only a random token;
// the database holds its hash, so a copy of the table cannot be replayed.
// 30 minutes idle and 12 hours absolute; a new token at every sign-in step.
import { newToken, hashToken } from "./tokens.server.ts";
import type { Role, Session, User, UserStatus } from "~/generated/prisma/client.ts";
import { poolOf, type Db } from "~/utils/db.server.ts";

export const SESSION_COOKIE = "__Host-session";
export const IDLE_MS = 30 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, to spare the database. */
export const TOUCH_MS = 60 * 1000;

export function sessionCookie(token: string) {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Lax`;
}

export function clearSessionCookie() {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
}

export function readSessionToken(request: Request): string | undefined {
  return sessionTokenFromCookies(request.headers.get("Cookie") ?? "");
}

/** The session token in a Cookie header, if it has a well-formed one. */
export function sessionTokenFromCookies(header: string): string | undefined {
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      const token = value.join("=");
      return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
    }
  }
  return undefined;
}

/** Starts a session; returns the token for the cookie. */
export async function createSession(db: Db, userId: string, { mfaPending }: { mfaPending: boolean }, now = new Date()) {
  const token = newToken();
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      mfaPending,
      csrfToken: newToken(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_MS),
    },
  });
  return token;
}

// Every signed-in request starts here, so this is one SQL statement on the
// client's pool rather than two Prisma queries. Timestamps are stored as UTC
// without a zone; AT TIME ZONE 'UTC' makes them unambiguous instants.
const SESSION_SQL = `
  SELECT s.id, s.user_id, s.mfa_pending, s.csrf_token,
         s.created_at AT TIME ZONE 'UTC' AS created_at,
         s.last_seen_at AT TIME ZONE 'UTC' AS last_seen_at,
         s.expires_at AT TIME ZONE 'UTC' AS expires_at,
         u.email, u.name, coalesce(u.roles::text[], '{}') AS roles, u.status::text AS status, u.area_id,
         u.organisation, u.language, u.password_hash, u.totp_secret,
         u.totp_enabled_at AT TIME ZONE 'UTC' AS totp_enabled_at, u.totp_last_step::text AS totp_last_step,
         u.email_verified_at AT TIME ZONE 'UTC' AS email_verified_at,
         u.approved_at AT TIME ZONE 'UTC' AS approved_at,
         u.created_at AT TIME ZONE 'UTC' AS user_created_at,
         u.updated_at AT TIME ZONE 'UTC' AS user_updated_at,
         a.name_en AS area_name_en, a.name_cy AS area_name_cy
  FROM session s JOIN app_user u ON u.id = s.user_id LEFT JOIN area a ON a.id = u.area_id
  WHERE s.id = $1`;

type SessionRow = {
  id: string;
  user_id: string;
  mfa_pending: boolean;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  email: string;
  name: string;
  roles: string[];
  status: string;
  area_id: string | null;
  organisation: string | null;
  language: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: string | null;
  email_verified_at: Date | null;
  approved_at: Date | null;
  user_created_at: Date;
  user_updated_at: Date;
  area_name_en: string | null;
  area_name_cy: string | null;
};

/** A session with its user and the name of the user's Area (for staff), read in one statement. */
export type SessionWithUser = Session & { user: User; area: { nameEn: string; nameCy: string } | null };

async function findSession(db: Db, token: string): Promise<SessionWithUser | null> {
  const { rows } = await poolOf(db).query<SessionRow>(SESSION_SQL, [hashToken(token)]);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    userId: row.user_id,
    mfaPending: row.mfa_pending,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    user: {
      id: row.user_id,
      email: row.email,
      name: row.name,
      roles: row.roles as Role[],
      status: row.status as UserStatus,
      areaId: row.area_id,
      organisation: row.organisation,
      language: row.language,
      passwordHash: row.password_hash,
      totpSecret: row.totp_secret,
      totpEnabledAt: row.totp_enabled_at,
      totpLastStep: row.totp_last_step === null ? null : BigInt(row.totp_last_step),
      emailVerifiedAt: row.email_verified_at,
      approvedAt: row.approved_at,
      createdAt: row.user_created_at,
      updatedAt: row.user_updated_at,
    },
    area: row.area_name_en === null || row.area_name_cy === null ? null : { nameEn: row.area_name_en, nameCy: row.area_name_cy },
  };
}

/** The live session for a token, or null (expired, idle too long, or ended). */
export async function loadSession(db: Db, token: string | undefined, now = new Date()): Promise<SessionWithUser | null> {
  if (!token) return null;
  const session = await findSession(db, token);
  if (!session) return null;
  const idle = now.getTime() - session.lastSeenAt.getTime() > IDLE_MS;
  if (idle || session.expiresAt <= now || session.user.status === "DISABLED") {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return session;
}

/** Replaces a session with a new one (new token), keeping its user: used at each sign-in step. */
export async function rotateSession(db: Db, session: { id: string; userId: string }, { mfaPending }: { mfaPending: boolean }) {
  await db.session.deleteMany({ where: { id: session.id } });
  return createSession(db, session.userId, { mfaPending });
}

export async function endSession(db: Db, token: string | undefined) {
  if (token) await db.session.deleteMany({ where: { id: hashToken(token) } });
}

export async function endAllSessions(db: Pick<Db, "session">, userId: string) {
  await db.session.deleteMany({ where: { userId } });
}
