// Server-side sessions (decision 002). The cookie holds only a random token;
// the database holds its hash, so a copy of the table cannot be replayed.
// 30 minutes idle and 12 hours absolute; a new token at every sign-in step.
import { newToken, hashToken } from "./tokens.server.ts";
import type { Db } from "~/utils/db.server.ts";

export const SESSION_COOKIE = "__Host-session";
export const IDLE_MS = 30 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, to spare the database. */
const TOUCH_MS = 60 * 1000;

export function sessionCookie(token: string) {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Lax`;
}

export function clearSessionCookie() {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
}

export function readSessionToken(request: Request): string | undefined {
  const header = request.headers.get("Cookie") ?? "";
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

function findSession(db: Db, token: string) {
  return db.session.findUnique({ where: { id: hashToken(token) }, include: { user: true } });
}

export type SessionWithUser = NonNullable<Awaited<ReturnType<typeof findSession>>>;

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
