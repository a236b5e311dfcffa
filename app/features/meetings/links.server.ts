// Signed, single-use links for people without an account: a victim (only where
// e-mail is safe) or their ISVA chooses one of the proposed times, or confirms
// or asks to rearrange a booked meeting.
//
// A token is `<random>.<expiry>.<signature>`. The signature (HMAC-SHA256 under
// a key derived from SESSION_SECRET) covers the random part, the expiry, the
// purpose and the audience, so a changed or made-up token is refused before
// the database is asked. The database keeps only the hash of the random part,
// and spends it once, with a conditional update that two requests cannot both
// win.
import crypto from "node:crypto";
import type { MeetingLinkPurpose, Prisma } from "~/generated/prisma/client.ts";
import { getEnv } from "~/utils/config.server.ts";
import type { Db } from "~/utils/db.server.ts";
import { hashToken, newToken, safeEqual } from "~/features/auth/tokens.server.ts";

export type LinkAudience = "VICTIM" | "ISVA";
export type LinkProblem = "invalid" | "expired" | "used";

const DAY_MS = 24 * 60 * 60 * 1000;
const TOKEN = /^([A-Za-z0-9_-]{43})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;

let signingKey: { secret: string; key: Buffer } | undefined;

function key() {
  const secret = getEnv().SESSION_SECRET;
  if (!secret) throw new Error("SESSION_SECRET is not set.");
  if (signingKey?.secret !== secret) {
    signingKey = { secret, key: crypto.createHmac("sha256", secret).update("meeting-link/v1").digest() };
  }
  return signingKey.key;
}

function signature(random: string, expires: string, purpose: MeetingLinkPurpose, audience: LinkAudience) {
  return crypto.createHmac("sha256", key()).update(`${random}.${expires}.${purpose}.${audience}`).digest("base64url");
}

/** Makes a link's token and stores its hash, in the caller's transaction. */
export async function createLink(
  tx: Pick<Prisma.TransactionClient, "meetingLink">,
  { requestId, purpose, audience, now = new Date() }: { requestId: string; purpose: MeetingLinkPurpose; audience: LinkAudience; now?: Date },
): Promise<string> {
  const random = newToken();
  const expiresAt = new Date(now.getTime() + getEnv().MEETING_LINK_DAYS * DAY_MS);
  const expires = Math.floor(expiresAt.getTime() / 1000).toString(36);
  await tx.meetingLink.create({ data: { id: hashToken(random), requestId, purpose, audience, expiresAt } });
  return `${random}.${expires}.${signature(random, expires, purpose, audience)}`;
}

/**
 * Checks a token for a purpose without spending it: well-formed, signed by the
 * portal for this purpose, not expired, not used. Returns the stored link.
 */
export async function checkLink(db: Db, token: string, purpose: MeetingLinkPurpose, now = new Date()) {
  const parts = TOKEN.exec(token);
  if (!parts) return { ok: false as const, problem: "invalid" as LinkProblem };
  const [, random, expires, signed] = parts as unknown as [string, string, string, string];
  const audience = (["VICTIM", "ISVA"] as const).find((who) => safeEqual(signed, signature(random, expires, purpose, who)));
  if (!audience) return { ok: false as const, problem: "invalid" as LinkProblem };
  if (parseInt(expires, 36) * 1000 <= now.getTime()) return { ok: false as const, problem: "expired" as LinkProblem };
  const link = await db.meetingLink.findUnique({ where: { id: hashToken(random) } });
  if (!link || link.purpose !== purpose || link.audience !== audience) return { ok: false as const, problem: "invalid" as LinkProblem };
  if (link.usedAt) return { ok: false as const, problem: "used" as LinkProblem };
  if (link.expiresAt <= now) return { ok: false as const, problem: "expired" as LinkProblem };
  return { ok: true as const, link: { id: link.id, requestId: link.requestId, audience } };
}

/** Spends a checked link; false if another request spent it first. */
export async function spendLink(tx: Pick<Prisma.TransactionClient, "meetingLink">, linkId: string, now = new Date()) {
  const spent = await tx.meetingLink.updateMany({ where: { id: linkId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  return spent.count === 1;
}

/** Ends the unused links of a request for a purpose: when times are offered again, or the meeting is cancelled. */
export async function endLinks(tx: Pick<Prisma.TransactionClient, "meetingLink">, requestId: string, purpose?: MeetingLinkPurpose, now = new Date()) {
  await tx.meetingLink.updateMany({ where: { requestId, usedAt: null, ...(purpose ? { purpose } : {}) }, data: { usedAt: now } });
}
