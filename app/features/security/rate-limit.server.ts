// Rate limits on everything that checks a password or sends mail, counted in
// PostgreSQL so that every instance shares them.
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { hashToken } from "~/features/auth/tokens.server.ts";

export const LIMITS = {
  /** Failed sign-ins for one account: the 11th within 15 minutes is refused. */
  signInAccount: { points: 10, duration: 15 * 60 },
  /** Failed sign-ins from one network address. */
  signInAddress: { points: 50, duration: 15 * 60 },
  /** Wrong second-factor codes for one account. */
  secondFactor: { points: 5, duration: 15 * 60 },
  /** Mail-sending requests (registration, reset) per address and per e-mail. */
  mailPerAddress: { points: 10, duration: 60 * 60 },
  mailPerAccount: { points: 3, duration: 60 * 60 },
  /** Public forms that send mail or store a request, per address. */
  publicForm: { points: 20, duration: 60 * 60 },
  /** Queries one ISVA may send in an hour (each sends two e-mails). */
  querySend: { points: 60, duration: 60 * 60 },
  /** Meeting requests one ISVA or VLO may make in an hour (each e-mails the Area). */
  meetingRequest: { points: 30, duration: 60 * 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

let pool: pg.Pool | undefined;
const limiters = new Map<LimitName, RateLimiterPostgres>();

export function initRateLimits(databaseUrl: string) {
  pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  limiters.clear();
}

export async function closeRateLimits() {
  await pool?.end();
  pool = undefined;
  limiters.clear();
}

function limiter(name: LimitName) {
  if (!pool) throw new Error("Rate limits are not initialised.");
  let found = limiters.get(name);
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient: pool,
      tableName: "rate_limit",
      tableCreated: true,
      keyPrefix: name,
      clearExpiredByTimeout: false,
      ...LIMITS[name],
    });
    limiters.set(name, found);
  }
  return found;
}

/** Keys never hold an address or e-mail in the clear. */
function keyOf(subject: string) {
  return hashToken(subject.trim().toLowerCase()).slice(0, 40);
}

/** True while the subject still has attempts left (does not use one). */
export async function hasAttemptsLeft(name: LimitName, subject: string): Promise<boolean> {
  const result = await limiter(name).get(keyOf(subject));
  return !result || result.consumedPoints < LIMITS[name].points;
}

/** Uses one attempt; false when none were left. */
export async function consumeAttempt(name: LimitName, subject: string): Promise<boolean> {
  try {
    await limiter(name).consume(keyOf(subject));
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

/** Gives back an attempt taken before a check that then succeeded. */
export async function refundAttempt(name: LimitName, subject: string) {
  await limiter(name).reward(keyOf(subject), 1);
}

export async function resetAttempts(name: LimitName, subject: string) {
  await limiter(name).delete(keyOf(subject));
}
