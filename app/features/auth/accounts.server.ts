// Accounts: ISVA registration and e-mail verification, staff invitations,
// passwords, the second factor and recovery codes. Every change that sends an
// e-mail writes it to the outbox in the same transaction.
import { audit } from "~/features/audit/audit.server.ts";
import { fieldCipher } from "~/features/crypto/cipher.server.ts";
import { mailLanguage, mailLink, renderEmail } from "~/features/mail/emails.server.ts";
import { queueMail } from "~/features/mail/outbox.server.ts";
import type { Role, User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { checkPassword, hashPassword, needsRehash, verifyPassword, verifyPasswordOrDummy } from "./password.server.ts";
import { newRecoveryCodes, normaliseRecoveryCode } from "./recovery-codes.server.ts";
import { endAllSessions } from "./session.server.ts";
import { hashToken, newToken } from "./tokens.server.ts";
import { newTotpSecret, totpQrSvg, totpUri, verifyTotp } from "./totp.server.ts";

type TokenPurpose = "VERIFY_EMAIL" | "SET_PASSWORD" | "RESET_PASSWORD";
const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 60 * 60 * 1000,
  SET_PASSWORD: 7 * 24 * 60 * 60 * 1000,
  RESET_PASSWORD: 30 * 60 * 1000,
};

export const STAFF_ROLES: Role[] = ["AREA_STAFF", "VLO", "LETTER_EDITOR", "ADMIN"];

export function normaliseEmail(email: string) {
  return email.normalize("NFKC").trim().toLowerCase();
}

function emailDomain(email: string) {
  return email.slice(email.lastIndexOf("@") + 1);
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function issueToken(tx: Tx, userId: string, purpose: TokenPurpose, now = new Date()) {
  const token = newToken();
  // A new link replaces any earlier one for the same purpose.
  await tx.userToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  await tx.userToken.create({
    data: { id: hashToken(token), userId, purpose, expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]) },
  });
  return token;
}

/** Uses a single-use token: the user id, or null when unknown, used or expired. */
async function useToken(tx: Tx, token: string, purpose: TokenPurpose, now = new Date()) {
  const used = await tx.userToken.updateMany({
    where: { id: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (used.count !== 1) return null;
  const row = await tx.userToken.findUnique({ where: { id: hashToken(token) } });
  return row?.userId ?? null;
}

/** Looks a token up without using it (to show the right page before a form is sent). */
export async function peekToken(db: Db, token: string, purpose: TokenPurpose, now = new Date()) {
  const row = await db.userToken.findUnique({ where: { id: hashToken(token) }, include: { user: true } });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null;
  return row.user;
}

// ---- ISVA registration ----------------------------------------------------

/** `language`: the language of the form, kept as their choice for e-mails. */
export type Registration = { name: string; email: string; organisation: string; password: string; language: "en" | "cy" };

/**
 * Registers an ISVA. The answer is the same whether or not the address already
 * has an account; an existing holder is told by e-mail instead.
 */
export async function registerIsva(db: Db, input: Registration, origin: string) {
  const email = normaliseEmail(input.email);
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) {
    await db.$transaction(async (tx) => {
      await queueMail(tx, { to: email, ...renderEmail("already-registered", mailLanguage(existing.language, existing.areaId), { link: mailLink(origin, "/sign-in", existing.language) }) });
    });
    return;
  }
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email,
        name: input.name.trim(),
        organisation: input.organisation.trim(),
        roles: ["ISVA"],
        status: "PENDING_VERIFICATION",
        passwordHash,
        language: input.language,
      },
    });
    const token = await issueToken(tx, user.id, "VERIFY_EMAIL");
    await queueMail(tx, {
      to: email,
      ...renderEmail("verify-email", mailLanguage(user.language), { name: user.name, link: mailLink(origin, `/verify-email?token=${token}`, user.language) }),
    });
    await audit(tx, { actorId: user.id, action: "user.registered", targetType: "user", targetId: user.id });
  });
}

/** Confirms an address; approves at once when the domain is a recognised ISVA service. */
export async function verifyEmail(db: Db, token: string) {
  return db.$transaction(async (tx) => {
    const userId = await useToken(tx, token, "VERIFY_EMAIL");
    if (!userId) return null;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    // Only a registration still waiting for its address to be confirmed moves on
    // (an account disabled since the link was sent stays disabled).
    if (user.status !== "PENDING_VERIFICATION") return null;
    const recognised = await tx.recognisedDomain.findUnique({ where: { domain: emailDomain(user.email) } });
    const now = new Date();
    const updated = await tx.user.update({
      where: { id: userId },
      data: {
        emailVerifiedAt: now,
        status: recognised ? "ACTIVE" : "PENDING_APPROVAL",
        approvedAt: recognised ? now : null,
      },
    });
    await audit(tx, { actorId: userId, action: "auth.email_verified", targetType: "user", targetId: userId, detail: { autoApproved: Boolean(recognised) } });
    return updated;
  });
}

// ---- Staff accounts ---------------------------------------------------------

export type Invitation = { name: string; email: string; roles: Role[]; areaId?: string | null; organisation?: string | null };

export class AccountError extends Error {
  constructor(public readonly key: string) {
    super(key);
  }
}

export async function inviteUser(db: Db, admin: User, input: Invitation, origin: string) {
  const email = normaliseEmail(input.email);
  const needsArea = input.roles.some((role) => role === "AREA_STAFF" || role === "VLO");
  if (needsArea && !(input.areaId && (await db.area.findUnique({ where: { id: input.areaId } })))) throw new AccountError("admin.errors.areaRequired");
  if (await db.user.findUnique({ where: { email } })) throw new AccountError("admin.errors.emailTaken");
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email,
        name: input.name.trim(),
        roles: input.roles,
        areaId: needsArea ? input.areaId : null,
        organisation: input.organisation ?? null,
        status: "INVITED",
        emailVerifiedAt: null,
        approvedAt: new Date(),
      },
    });
    const token = await issueToken(tx, user.id, "SET_PASSWORD");
    await queueMail(tx, { to: email, ...renderEmail("invitation", mailLanguage(user.language, user.areaId), { name: user.name, link: `${origin}/set-password?token=${token}` }) });
    await audit(tx, { actorId: admin.id, action: "user.invited", targetType: "user", targetId: user.id, areaId: user.areaId, detail: { roles: input.roles } });
    return user;
  });
}

/** Sets a password from an invitation or reset link; ends every session of the account. */
export async function setPasswordWithToken(db: Db, token: string, password: string) {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    let userId = await useToken(tx, token, "SET_PASSWORD");
    let invited = true;
    if (!userId) {
      userId = await useToken(tx, token, "RESET_PASSWORD");
      invited = false;
    }
    if (!userId) return null;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    await tx.user.update({
      where: { id: userId },
      data: {
        passwordHash,
        // An invitation proves the address too.
        ...(invited ? { status: user.status === "INVITED" ? "ACTIVE" : user.status, emailVerifiedAt: user.emailVerifiedAt ?? new Date() } : {}),
      },
    });
    await endAllSessions(tx, userId);
    await audit(tx, { actorId: userId, action: "auth.password_set", targetType: "user", targetId: userId, detail: { via: invited ? "invitation" : "reset" } });
    return user;
  });
}

/** Sends a reset link if the address has an active account; says nothing either way. */
export async function requestPasswordReset(db: Db, rawEmail: string, origin: string) {
  const email = normaliseEmail(rawEmail);
  const user = await db.user.findUnique({ where: { email } });
  if (!user || user.status !== "ACTIVE") return;
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "RESET_PASSWORD");
    await queueMail(tx, { to: email, ...renderEmail("reset-password", mailLanguage(user.language, user.areaId), { link: mailLink(origin, `/set-password?token=${token}`, user.language) }) });
    await audit(tx, { actorId: user.id, action: "auth.password_reset_requested", targetType: "user", targetId: user.id });
  });
}

/** The language of the portal's e-mails to `user`: "en", or "cy" for Welsh first then English. */
export async function setMailLanguage(db: Db, user: User, language: "en" | "cy") {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { language } });
    await audit(tx, { actorId: user.id, action: "user.language_changed", targetType: "user", targetId: user.id, detail: { language } });
  });
}

// ---- Signing in -------------------------------------------------------------

/** Checks an e-mail and password. Takes the same time whether or not the account exists. */
export async function checkCredentials(db: Db, rawEmail: string, password: string) {
  const user = await db.user.findUnique({ where: { email: normaliseEmail(rawEmail) } });
  const ok = await verifyPasswordOrDummy(user?.passwordHash ?? null, password);
  if (!ok || !user || user.status === "DISABLED" || user.status === "INVITED") return null;
  // Hashes made with older, weaker settings are upgraded while the password is at hand.
  if (user.passwordHash && needsRehash(user.passwordHash)) {
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  }
  return user;
}

export function passwordProblem(password: string, user: { email: string; name: string }) {
  const result = checkPassword(password, user);
  return result.ok ? null : `auth.errors.password.${result.reason}`;
}

// ---- Second factor ----------------------------------------------------------

/** Begins authenticator set-up: a new secret (stored encrypted, not yet enabled). */
export async function startTotpSetup(db: Db, user: User) {
  const secret = newTotpSecret();
  await db.user.update({ where: { id: user.id }, data: { totpSecret: fieldCipher().encrypt(secret, user.id), totpEnabledAt: null, totpLastStep: null } });
  const uri = totpUri({ secret, account: user.email });
  return { secret, qrSvg: await totpQrSvg(uri) };
}

export function totpSecretOf(user: User) {
  return user.totpSecret ? fieldCipher().decrypt(user.totpSecret, user.id) : null;
}

/**
 * Accepts a code once: the step is recorded with a conditional update, so the
 * same code cannot be used twice, even on two instances at the same moment.
 */
export async function acceptTotp(db: Db, user: User, code: string, now = new Date()) {
  const secret = totpSecretOf(user);
  if (!secret) return false;
  const result = verifyTotp({ secret, code, lastStep: user.totpLastStep === null ? null : Number(user.totpLastStep), now });
  if (!result.ok) return false;
  const claimed = await db.user.updateMany({
    where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: BigInt(result.step) } }] },
    data: { totpLastStep: BigInt(result.step) },
  });
  return claimed.count === 1;
}

/** Finishes set-up with a first code; returns the ten recovery codes, shown once. */
export async function confirmTotpSetup(db: Db, user: User, code: string) {
  if (!(await acceptTotp(db, user, code))) return null;
  const codes = newRecoveryCodes();
  // Hashed like passwords: ten characters are too few bits for a plain hash.
  const hashes = await Promise.all(codes.map((code) => hashPassword(normaliseRecoveryCode(code))));
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId: user.id, codeHash })) });
    await audit(tx, { actorId: user.id, action: "auth.mfa_enabled", targetType: "user", targetId: user.id });
  });
  return codes;
}

export async function redeemRecoveryCode(db: Db, user: User, input: string) {
  const code = normaliseRecoveryCode(input);
  const unused = await db.recoveryCode.findMany({ where: { userId: user.id, usedAt: null } });
  let match: string | undefined;
  for (const row of unused) {
    if (await verifyPassword(row.codeHash, code)) match = row.id;
  }
  if (!match) return false;
  // Conditional, so the same code cannot be used twice at once.
  const used = await db.recoveryCode.updateMany({ where: { id: match, usedAt: null }, data: { usedAt: new Date() } });
  if (used.count !== 1) return false;
  await audit(db, { actorId: user.id, action: "auth.recovery_code_used", targetType: "user", targetId: user.id });
  return true;
}

// ---- Administration ---------------------------------------------------------

export async function approveUser(db: Db, admin: User, userId: string, origin: string) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user || user.status !== "PENDING_APPROVAL") return null;
    const updated = await tx.user.update({ where: { id: userId }, data: { status: "ACTIVE", approvedAt: new Date() } });
    await queueMail(tx, { to: user.email, ...renderEmail("account-approved", mailLanguage(user.language, user.areaId), { name: user.name, link: mailLink(origin, "/sign-in", user.language) }) });
    await audit(tx, { actorId: admin.id, action: "user.approved", targetType: "user", targetId: userId });
    return updated;
  });
}

/** Disabling ends every session of the account at once. */
export async function setUserDisabled(db: Db, admin: User, userId: string, disabled: boolean) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user || user.id === admin.id) return null;
    // Re-enabling returns an account to where it was: an unconfirmed or
    // unapproved registration does not become active by being re-enabled.
    const status = disabled
      ? "DISABLED"
      : !user.passwordHash
        ? "INVITED"
        : !user.emailVerifiedAt
          ? "PENDING_VERIFICATION"
          : !user.approvedAt
            ? "PENDING_APPROVAL"
            : "ACTIVE";
    const updated = await tx.user.update({ where: { id: userId }, data: { status } });
    if (disabled) {
      await endAllSessions(tx, userId);
      await tx.userToken.deleteMany({ where: { userId } });
    }
    await audit(tx, { actorId: admin.id, action: disabled ? "user.disabled" : "user.enabled", targetType: "user", targetId: userId });
    return updated;
  });
}

export async function setUserRoles(db: Db, admin: User, userId: string, roles: Role[], areaId: string | null) {
  const needsArea = roles.some((role) => role === "AREA_STAFF" || role === "VLO");
  if (needsArea && !(areaId && (await db.area.findUnique({ where: { id: areaId } })))) throw new AccountError("admin.errors.areaRequired");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) return null;
    const newArea = needsArea ? areaId : null;
    const updated = await tx.user.update({ where: { id: userId }, data: { roles, areaId: newArea } });
    if (user.roles.join() !== roles.join()) {
      await audit(tx, { actorId: admin.id, action: "user.roles_changed", targetType: "user", targetId: userId, detail: { from: user.roles, to: roles } });
    }
    if (user.areaId !== newArea) {
      await audit(tx, { actorId: admin.id, action: "user.area_changed", targetType: "user", targetId: userId, detail: { from: user.areaId, to: newArea } });
      // A move between Areas takes effect at once.
      await endAllSessions(tx, userId);
    }
    return updated;
  });
}
